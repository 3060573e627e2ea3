// `newsgraph worker`: takes ingest jobs from the queue, read → defaultPipeline().run → store.put, until stopped.
// At-least-once: a job whose worker dies is re-delivered after it expires; put is idempotent by content hash.
import { stat } from 'node:fs/promises';
import type PgBoss from 'pg-boss';
import { errorMessage, NewsgraphError } from '../errors.js';
import { defaultPipeline } from '../index.js';
import { seenKey } from '../ingest/ingest.js';
import { analyzeRead, readInputFile } from '../ingest/read.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { closeQueue, DEFAULTS, INGEST_QUEUE, oneLine, openQueue, tuningFromEnv, type IngestJob, type QueueTuning } from './queue.js';
import { countJobs } from './status.js';

export interface WorkerOptions extends QueueTuning {
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

async function processJob(store: Store, pipeline: ReturnType<typeof defaultPipeline>, job: IngestJob): Promise<'stored' | 'duplicate'> {
  if (job?.kind !== 'file' || typeof job.input !== 'string') throw new NewsgraphError(`unknown job payload ${JSON.stringify(job).slice(0, 200)}`);
  const file = job.input;
  const st = await stat(file).catch(() => null);
  const doc = analyzeRead(pipeline, await readInputFile(file, { published: null }), { published: null });
  const { inserted } = await store.put(doc);
  // As `ingest` does: a later `ingest` of the unchanged file skips it.
  if (st) await store.markSeen(seenKey(file, st.size, st.mtimeMs), doc.id);
  return inserted ? 'stored' : 'duplicate';
}

export async function runWorker(spec: string, options: WorkerOptions = {}): Promise<WorkerReport> {
  const concurrency = options.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new NewsgraphError(`concurrency must be a positive integer, found ${concurrency}`);
  const log = options.log ?? (() => undefined);
  const store = await openStore(spec);
  let boss: PgBoss;
  let where;
  try {
    ({ boss, where } = await openQueue(spec, { ...options, supervise: true, max: concurrency + 2 }));
  } catch (e) {
    await store.close();
    throw e;
  }
  const pipeline = defaultPipeline();
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
  const pollMs = (options.pollingIntervalSeconds ?? tuningFromEnv().pollingIntervalSeconds ?? DEFAULTS.pollingIntervalSeconds) * 1000;

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
        const r = await processJob(store, pipeline, job.data);
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
    stopping = true;
    for (const w of [...wakers]) w();
    await Promise.all(slots);
  } finally {
    stopping = true;
    await closeQueue(boss, true);
    await store.close();
  }
  return report;
}
