// `newsgraph status` and `newsgraph retry`: the ingest queue's counts, its failed jobs, and re-queuing them.
import type PgBoss from 'pg-boss';
import { closeQueue, INGEST_QUEUE, openQueue, type IngestJob, type QueueTarget } from './queue.js';

export interface QueueCounts {
  /** Waiting to be picked up (new, or waiting for a retry). */
  queued: number;
  running: number;
  /** Failed after the last retry (see `newsgraph retry`). */
  failed: number;
  done: number;
  cancelled: number;
}

export interface FailedJob {
  id: string;
  input: string;
  error: string;
  /** Attempts made. */
  attempts: number;
  failedAt: string | null;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function countJobs(boss: PgBoss, where: QueueTarget): Promise<QueueCounts> {
  const db = boss.getDb();
  const s = q(where.queueSchema);
  const counts: QueueCounts = { queued: 0, running: 0, failed: 0, done: 0, cancelled: 0 };
  const live = await db.executeSql(`SELECT state::text AS state, count(*)::int AS n FROM ${s}.job WHERE name = $1 GROUP BY state`, [INGEST_QUEUE]);
  const archived = await db.executeSql(
    `SELECT state::text AS state, count(*)::int AS n FROM ${s}.archive WHERE name = $1 AND state = 'completed' GROUP BY state`,
    [INGEST_QUEUE],
  );
  for (const r of [...live.rows, ...archived.rows] as { state: string; n: number }[]) {
    if (r.state === 'created' || r.state === 'retry') counts.queued += r.n;
    else if (r.state === 'active') counts.running += r.n;
    else if (r.state === 'failed') counts.failed += r.n;
    else if (r.state === 'completed') counts.done += r.n;
    else if (r.state === 'cancelled') counts.cancelled += r.n;
  }
  return counts;
}

/** The one-line message a failed job keeps (pg-boss stores the serialized error as the job's output). */
function errorOf(output: unknown): string {
  if (output && typeof output === 'object') {
    const o = output as { message?: unknown; value?: { message?: unknown } };
    if (typeof o.message === 'string') return o.message;
    if (typeof o.value?.message === 'string') return o.value.message;
  }
  return output == null ? '(no error recorded)' : JSON.stringify(output);
}

export async function failedJobs(boss: PgBoss, where: QueueTarget, limit = 1000): Promise<FailedJob[]> {
  const { rows } = await boss.getDb().executeSql(
    `SELECT id::text AS id, data, output, retry_count AS retries, completed_on FROM ${q(where.queueSchema)}.job
      WHERE name = $1 AND state = 'failed' ORDER BY completed_on, id LIMIT $2`,
    [INGEST_QUEUE, limit],
  );
  return (rows as { id: string; data: IngestJob | null; output: unknown; retries: number; completed_on: Date | null }[]).map((r) => ({
    id: r.id,
    input: r.data?.input ?? '?',
    error: errorOf(r.output).replace(/\s+/g, ' ').trim(),
    attempts: r.retries + 1,
    failedAt: r.completed_on ? new Date(r.completed_on).toISOString() : null,
  }));
}

export async function queueStatus(spec: string, opts: { failed?: boolean } = {}): Promise<{ counts: QueueCounts; failed: FailedJob[] }> {
  const { boss, where } = await openQueue(spec);
  try {
    const counts = await countJobs(boss, where);
    const failed = opts.failed ? await failedJobs(boss, where) : [];
    return { counts, failed };
  } finally {
    await closeQueue(boss);
  }
}

/** Re-queues every failed job (each gets one more attempt); returns how many. */
export async function retryFailed(spec: string): Promise<number> {
  const { boss, where } = await openQueue(spec);
  try {
    let total = 0;
    for (;;) {
      const ids = (await failedJobs(boss, where, 1000)).map((f) => f.id);
      if (ids.length === 0) break;
      await boss.retry(INGEST_QUEUE, ids);
      total += ids.length;
      if (ids.length < 1000) break;
    }
    return total;
  } finally {
    await closeQueue(boss);
  }
}
