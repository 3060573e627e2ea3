// The ingest job queue: pg-boss in PostgreSQL, beside the store. One job per input: a file, keyed by its content
// hash, or a URL, keyed by the URL (its content is only known once fetched), so that resubmitting is harmless. Delivery is at least once (a killed worker's
// active job expires and is re-delivered); the store's put is idempotent by content hash, so every article is stored
// exactly once.
import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import { errorMessage, NewsgraphError } from '../errors.js';
import { describeTarget } from '../store/postgres.js';

/** The pg-boss queue all ingest jobs go to. */
export const INGEST_QUEUE = 'newsgraph-ingest';

export type IngestJob = FileJob | UrlJob;

export interface FileJob {
  /** `input` is an absolute path. */
  kind: 'file';
  input: string;
  /** sha256 of the file's bytes at submit time. */
  sha256: string;
}

export interface UrlJob {
  /** `input` is an http(s) URL, fetched by the worker (robots.txt, rate limit, size caps, SSRF refusal). */
  kind: 'url';
  input: string;
}

export interface QueueTuning {
  /** A job active longer than this is failed by timeout and re-delivered (a killed worker's job). Default 900. */
  expireInSeconds?: number;
  /** How often a worker runs pg-boss maintenance (expiry, archiving). Default 60. */
  maintenanceIntervalSeconds?: number;
  /** Idle polling interval of a worker. Default 2. */
  pollingIntervalSeconds?: number;
  /** Retries after a failure before a job stays failed. Default 2. */
  retryLimit?: number;
}

/** Tuning from the environment (tests and benches shorten the expiry): NEWSGRAPH_QUEUE_EXPIRE_SECONDS, … */
export function tuningFromEnv(env: NodeJS.ProcessEnv = process.env): QueueTuning {
  const num = (name: string, min: number): number | undefined => {
    const v = env[name];
    if (v === undefined || v === '') return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n < min) throw new NewsgraphError(`${name} must be a number ≥ ${min}, found '${v}'`);
    return n;
  };
  const t: QueueTuning = {};
  const e = num('NEWSGRAPH_QUEUE_EXPIRE_SECONDS', 1);
  if (e !== undefined) t.expireInSeconds = Math.round(e);
  const m = num('NEWSGRAPH_QUEUE_MAINTENANCE_SECONDS', 1);
  if (m !== undefined) t.maintenanceIntervalSeconds = Math.round(m);
  const p = num('NEWSGRAPH_QUEUE_POLL_SECONDS', 0.5);
  if (p !== undefined) t.pollingIntervalSeconds = p;
  const r = num('NEWSGRAPH_QUEUE_RETRY_LIMIT', 0);
  if (r !== undefined) t.retryLimit = Math.round(r);
  return t;
}

export const DEFAULTS: Required<QueueTuning> = {
  expireInSeconds: 900,
  maintenanceIntervalSeconds: 60,
  pollingIntervalSeconds: 2,
  retryLimit: 2,
};

export interface QueueTarget {
  /** The connection string without `schema`. */
  url: string;
  /** The store's schema (undefined: the connection's search_path). */
  storeSchema: string | undefined;
  /** The pg-boss schema: `<store schema>_queue`, else `newsgraph_queue`. */
  queueSchema: string;
  target: string;
}

/** Where the queue of a `--db postgres://…[?schema=x]` store lives. Only PostgreSQL stores have a queue. */
export function queueTarget(spec: string): QueueTarget {
  const s = spec.trim();
  if (!/^postgres(ql)?:\/\//i.test(s)) {
    throw new NewsgraphError(`the job queue needs a PostgreSQL store: give --db postgres://user@host:port/database`);
  }
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    throw new NewsgraphError('invalid PostgreSQL URL (expected postgres://user@host:port/database)');
  }
  const storeSchema = url.searchParams.get('schema') ?? undefined;
  url.searchParams.delete('schema');
  if (storeSchema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,56}$/.test(storeSchema)) {
    throw new NewsgraphError(`invalid PostgreSQL schema name '${storeSchema}'`);
  }
  const queueSchema = storeSchema ? `${storeSchema}_queue` : 'newsgraph_queue';
  return { url: url.toString(), storeSchema, queueSchema, target: describeTarget(url.toString()) };
}

export interface OpenQueueOptions extends QueueTuning {
  /** Run pg-boss maintenance (expiring timed-out jobs, archiving) in this process: workers do, submit/status don't. */
  supervise?: boolean;
  /** Connection pool size (default 3). */
  max?: number;
  /**
   * Commit asynchronously (synchronous_commit off): for the worker's fetch/complete/fail, where a change lost in a
   * server crash only re-delivers a job (at least once; puts are idempotent). Never for submit.
   */
  asyncCommit?: boolean;
}

/** A started pg-boss on the queue schema (created and migrated on first use), with the ingest queue created. */
export async function openQueue(spec: string, options: OpenQueueOptions = {}): Promise<{ boss: PgBoss; where: QueueTarget }> {
  const where = queueTarget(spec);
  const t = { ...DEFAULTS, ...tuningFromEnv(), ...definedOnly(options) };
  const boss = new PgBoss({
    connectionString: where.url,
    schema: where.queueSchema,
    max: options.max ?? 3,
    application_name: 'newsgraph',
    // Passed on to the pg pool's connections.
    ...(options.asyncCommit ? { options: '-c synchronous_commit=off' } : {}),
    supervise: options.supervise ?? false,
    schedule: false,
    maintenanceIntervalSeconds: t.maintenanceIntervalSeconds,
    monitorStateIntervalSeconds: Math.max(1, t.maintenanceIntervalSeconds),
  });
  // pg-boss reports background errors (a lost connection during polling) as events; without a listener they would
  // crash the process. The next call reports the failure (NEWSGRAPH_DEBUG=1 prints them).
  boss.on('error', (e: unknown) => {
    if (process.env.NEWSGRAPH_DEBUG) process.stderr.write(`pg-boss: ${oneLine(errorMessage(e))}\n`);
  });
  try {
    await boss.start();
  } catch (e) {
    await boss.stop({ graceful: false, wait: false }).catch(() => undefined);
    throw new NewsgraphError(`cannot open the job queue in PostgreSQL at ${where.target}: ${oneLine(errorMessage(e))}`);
  }
  try {
    const q = { name: INGEST_QUEUE, retryLimit: t.retryLimit, retryDelay: 0, expireInSeconds: t.expireInSeconds };
    if (await boss.getQueue(INGEST_QUEUE)) {
      // Only the tuning actually asked for changes an existing queue.
      const asked = { ...tuningFromEnv(), ...definedOnly(options) };
      if (asked.retryLimit !== undefined || asked.expireInSeconds !== undefined) await boss.updateQueue(INGEST_QUEUE, q);
    } else {
      await boss.createQueue(INGEST_QUEUE, q).catch(async (e: unknown) => {
        // Two processes creating it at once: the other one won.
        if (!(await boss.getQueue(INGEST_QUEUE))) throw e;
      });
    }
  } catch (e) {
    await boss.stop({ graceful: false, wait: false }).catch(() => undefined);
    throw new NewsgraphError(`cannot create the job queue in PostgreSQL at ${where.target}: ${oneLine(errorMessage(e))}`);
  }
  return { boss, where };
}

/** Stops pg-boss; `graceful` waits (up to 30 s) for the jobs in progress, then fails (releases) any still running. */
export async function closeQueue(boss: PgBoss, graceful = false): Promise<void> {
  await boss.stop({ graceful, wait: true, timeout: 30_000 }).catch(() => undefined);
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The job id of a URL: the same URL, the same job. */
export function urlJobId(url: string): string {
  return jobIdOf(createHash('sha256').update(`url|${url}`).digest('hex'));
}

/** A job id derived from the content hash (a UUID shape, as pg-boss requires): the same bytes, the same job. */
export function jobIdOf(sha256: string): string {
  const h = createHash('sha256').update(`newsgraph-ingest:${sha256}`).digest('hex');
  // Version 5-style layout (name-based); the variant bits make it a valid RFC 4122 UUID.
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
