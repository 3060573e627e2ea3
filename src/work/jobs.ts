// What a worker does with one job: a file is read, a URL fetched (the fetcher's robots.txt, per-host rate limit,
// size caps and refusal of private addresses), then analysed and stored. A failure throws one line naming the input,
// so that pg-boss retries the job and keeps the message.
import { stat } from 'node:fs/promises';
import { NewsgraphError } from '../errors.js';
import { seenKey } from '../ingest/ingest.js';
import { analyzeRead, readInputFile } from '../ingest/read.js';
import { createClient, ingestUrls, type Client } from '../ingest/sources.js';
import type { Pipeline } from '../pipeline.js';
import type { Store } from '../store/store.js';
import type { IngestJob } from './queue.js';

export type JobOutcome = 'stored' | 'duplicate';

export interface JobContext {
  store: Store;
  pipeline: Pipeline;
  /** The fetcher for URL jobs, made on first use. */
  client: () => Client;
}

export interface FetchOptions {
  /** Fetch loopback and private addresses too (tests, intranets). */
  allowPrivate?: boolean;
  /** At least this long between two requests to one host, in this process (default 1000). */
  minDelayMs?: number;
}

/** A lazily made client (validators kept in the store), and a close for it. */
export function lazyClient(store: Store, o: FetchOptions): { client: () => Client; close: () => Promise<void> } {
  let c: Client | null = null;
  return {
    client: () => (c ??= createClient(store, { allowPrivate: !!o.allowPrivate, ...(o.minDelayMs !== undefined ? { minDelayMs: o.minDelayMs } : {}) })),
    close: async () => {
      await c?.close();
    },
  };
}

export async function processJob(ctx: JobContext, job: IngestJob): Promise<JobOutcome> {
  if (job?.kind === 'file' && typeof job.input === 'string') return fileJob(ctx, job.input);
  if (job?.kind === 'url' && typeof job.input === 'string') return urlJob(ctx, job.input);
  throw new NewsgraphError(`unknown job payload ${JSON.stringify(job).slice(0, 200)}`);
}

async function fileJob({ store, pipeline }: JobContext, file: string): Promise<JobOutcome> {
  const st = await stat(file).catch(() => null);
  const doc = analyzeRead(pipeline, await readInputFile(file, { published: null }), { published: null });
  const { inserted } = await store.put(doc);
  // As `ingest` does: a later `ingest` of the unchanged file skips it.
  if (st) await store.markSeen(seenKey(file, st.size, st.mtimeMs), doc.id);
  return inserted ? 'stored' : 'duplicate';
}

/** As `ingest URL`: a page already stored and unchanged (304 to a conditional GET) counts as a duplicate. */
async function urlJob({ store, pipeline, client }: JobContext, url: string): Promise<JobOutcome> {
  let failure: string | null = null;
  const r = await ingestUrls(store, client(), [url], {
    pipeline,
    published: null,
    onError: (_input, message) => (failure ??= message),
    // robots.txt disallowing the page: a failure here, so that `status --failed` says why nothing was stored.
    onNote: (_input, message) => (failure ??= message),
  });
  if (failure !== null) throw new NewsgraphError(String(failure).replace(/^newsgraph:\s*/, ''));
  return r.stored > 0 ? 'stored' : 'duplicate';
}
