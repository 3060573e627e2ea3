// `newsgraph worker`: takes ingest jobs from the queue, read or fetch → defaultPipeline().run → store.put (jobs.ts),
// until stopped.
// At-least-once: a job whose worker dies is re-delivered after it expires; put is idempotent by content hash.
import type PgBoss from 'pg-boss';
import { errorMessage, NewsgraphError } from '../errors.js';
import { defaultPipeline } from '../index.js';
import { PostgresStore } from '../store/postgres.js';
import { lazyClient, processJob, type FetchOptions } from './jobs.js';
import {
  closeQueue, DEFAULTS, INGEST_QUEUE, oneLine, openQueue, queueTarget, tuningFromEnv, type IngestJob, type QueueTuning,
} from './queue.js';
import { countJobs } from './status.js';

export interface WorkerOptions extends QueueTuning, FetchOptions {
  /** Jobs worked on at once in this process (default 1). */
  concurrency?: number;
  /** Stop (finishing the jobs in progress) when this aborts. */
  signal?: AbortSignal;
  /** Stop once no job is queued or running (here or in another worker: a dead worker's job comes back when it expires). */
  drain?: boolean;
  /** One line per failed job (and other notes). */
  log?: (line: string) => void;
}

export interface WorkerReport {
  jobs: number;
  stored: number;
  duplicates: number;
  failed: number;
}

/** The error a job fails with: one line, naming the input. */
function jobError(input: string, e: unknown): Error {
  let m = oneLine(errorMessage(e)).replace(/^newsgraph:\s*/, '');
  if (!m.startsWith(`${input}: `)) m = `${input}: ${m}`;
  const err = new Error(`newsgraph: ${m}`);
  err.stack = err.message; // pg-boss keeps the serialized error; the stack would only repeat it
  return err;
}

export async function runWorker(spec: string, options: WorkerOptions = {}): Promise<WorkerReport> {
  const concurrency = options.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new NewsgraphError(`concurrency must be a positive integer, found ${concurrency}`);
  const log = options.log ?? (() => undefined);
  const trace = process.env.NEWSGRAPH_DEBUG ? log : () => undefined;
  const { url, storeSchema } = queueTarget(spec);
  // What can fail before any work (knowledge files, settings) fails before the store and the queue are open: a
  // throw between opening the queue and the try/finally below would leave pg-boss's timers keeping the process alive.
  const pipeline = defaultPipeline();
  const pollMs = (options.pollingIntervalSeconds ?? tuningFromEnv().pollingIntervalSeconds ?? DEFAULTS.pollingIntervalSeconds) * 1000;
  // The worker's commits (puts, markSeen, job completions) are asynchronous: no fsync per job. A server crash can
  // forget only the last moments, in commit order, so a job whose put was forgotten is forgotten as done too, and
  // is delivered again (see PostgresOptions.asyncCommit).
  const store = await PostgresStore.open(url, { schema: storeSchema, asyncCommit: true, max: concurrency + 1 });
  let boss: PgBoss;
  let where;
  try {
    ({ boss, where } = await openQueue(spec, { ...options, supervise: true, max: concurrency + 2, asyncCommit: true }));
  } catch (e) {
    await store.close();
    throw e;
  }
  const fetching = lazyClient(store, options);
  const ctx = { store, pipeline, client: fetching.client };
  const report: WorkerReport = { jobs: 0, stored: 0, duplicates: 0, failed: 0 };
  let inProgress = 0;

  let stopping = false;
  const wakers = new Set<() => void>();
  const pause = (ms: number) =>
    new Promise<void>((r) => {
      const done = () => {
        clearTimeout(t);
        wakers.delete(done);
        r();
      };
      const t = setTimeout(done, ms);
      wakers.add(done);
    });

  // Our own fetch loop over pg-boss's fetch/complete/fail (pg-boss's work() waits a whole polling interval between
  // jobs even when more are queued): one job at a time per slot, the next fetched as soon as one is done.
  const slot = async () => {
    while (!stopping) {
      let jobs: PgBoss.Job<IngestJob>[];
      try {
        jobs = await boss.fetch<IngestJob>(INGEST_QUEUE, { batchSize: 1 });
      } catch (e) {
        log(`worker: cannot fetch a job: ${oneLine(errorMessage(e))}`);
        await pause(pollMs);
        continue;
      }
      const job = jobs[0];
      if (!job) {
        await pause(pollMs);
        continue;
      }
      inProgress++;
      report.jobs++;
      try {
        const r = await processJob(ctx, job.data);
        if (r === 'stored') report.stored++;
        else report.duplicates++;
        await boss.complete(INGEST_QUEUE, job.id).catch((e: unknown) => log(`worker: cannot complete job ${job.id}: ${oneLine(errorMessage(e))}`));
      } catch (e) {
        report.failed++;
        const err = jobError(job.data?.input ?? '?', e);
        log(`failed: ${err.message}`);
        // pg-boss retries it (up to the queue's retry limit), then keeps it failed with this message.
        await boss.fail(INGEST_QUEUE, job.id, { message: err.message }).catch((e2: unknown) => log(`worker: cannot fail job ${job.id}: ${oneLine(errorMessage(e2))}`));
      } finally {
        inProgress--;
      }
    }
  };

  let slots: Promise<void>[] = [];
  try {
    slots = Array.from({ length: concurrency }, () => slot());
    await new Promise<void>((resolve) => {
      if (options.signal?.aborted) return resolve();
      options.signal?.addEventListener('abort', () => resolve(), { once: true });
      if (options.drain) {
        const timer = setInterval(() => {
          if (inProgress > 0) return;
          countJobs(boss, where!).then((c) => {
            if (c.queued === 0 && c.running === 0 && inProgress === 0) {
              clearInterval(timer);
              resolve();
            }
          }, () => undefined);
        }, 250);
        options.signal?.addEventListener('abort', () => clearInterval(timer), { once: true });
      }
    });
    // Stop: every slot finishes its current job (completing or failing it), then returns.
    trace('worker: stopping');
    stopping = true;
    for (const w of [...wakers]) w();
    await Promise.all(slots);
    trace('worker: slots stopped');
  } finally {
    stopping = true;
    await closeQueue(boss, true);
    trace('worker: queue closed');
    await fetching.close();
    await store.close();
    trace('worker: store closed');
  }
  return report;
}
