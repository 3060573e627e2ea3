// Sources beyond files: single URLs, feeds and WARC files, through the same pipeline into the same store.
//
// What the store remembers (its `seen` table, so resumability needs no extra file):
//   "http|<url>"   the URL's HTTP validators (ETag / Last-Modified) for conditional GET, as JSON (fetch.ts);
//   "url|<url>"    the id of the article a fetched page (a feed item, a URL given to ingest) produced: a feed item
//                  already fetched is not fetched again;
//   "warc|<WARC-Record-ID>"  the id a WARC record produced: a re-run skips records it has analysed;
//   the file seen key of ingest.ts for a WARC file read to its end without failures: a re-run skips the whole file.
// Validators are remembered only after the page (or every item of a feed) was stored, so a failure is retried.
import { stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { errorMessage } from '../errors.js';
import type { Doc } from '../model.js';
import type { Pipeline } from '../pipeline.js';
import type { Store } from '../store/store.js';
import { feedDay, parseFeed, type Feed, type FeedItem } from './feeds.js';
import { Fetcher, RefusedError, StoreValidatorCache, type FetcherOptions, type FetchResult } from './fetch.js';
import { seenKey, type IngestError } from './ingest.js';
import { analyzeRead, fsError, readInputBytes } from './read.js';
import { RobotsCache, RobotsDisallowed } from './robots.js';
import { readWarc, type WarcStats } from './warc.js';

const MAX_REPORTED_ERRORS = 1000;

/** A fetcher with robots.txt checks and validators kept in the store. Close it when done. */
export interface Client {
  fetcher: Fetcher;
  robots: RobotsCache;
  close(): Promise<void>;
}

export function createClient(store: Store | null, o: FetcherOptions & { robots?: boolean } = {}): Client {
  const fetcher = new Fetcher({ ...(store && !o.cache ? { cache: new StoreValidatorCache(store) } : {}), ...o });
  const robots = new RobotsCache(fetcher);
  if (o.robots !== false) robots.attach();
  return { fetcher, robots, close: () => fetcher.close() };
}

export interface StoredArticle {
  id: string;
  url: string | null;
  title: string | null;
  published: string | null;
  /** False when the same content was already stored. */
  inserted: boolean;
}

export interface SourceReport {
  /** URLs, feed items or WARC records looked at. */
  inputs: number;
  stored: number;
  duplicates: number;
  /** Not fetched or analysed again: 304 Not Modified, a feed item or WARC record already seen. */
  skipped: number;
  /** Skipped because robots.txt disallows them. */
  disallowed: number;
  failed: number;
  errors: IngestError[];
  seconds: number;
}

export interface SourceOptions {
  pipeline: Pipeline;
  /** A published date for every input (YYYY-MM-DD), overriding what the pages (and feeds) say. */
  published?: string | null;
  signal?: AbortSignal;
  onArticle?: (a: StoredArticle) => void;
  /** A failure (one line naming the input); the run goes on. */
  onError?: (input: string, message: string) => void;
  /** A skip worth telling (robots.txt, a record too large). */
  onNote?: (input: string, message: string) => void;
}

function emptyReport(): SourceReport {
  return { inputs: 0, stored: 0, duplicates: 0, skipped: 0, disallowed: 0, failed: 0, errors: [], seconds: 0 };
}

function failer(report: SourceReport, o: SourceOptions) {
  return (input: string, e: unknown) => {
    const m = errorMessage(e).replace(/^newsgraph:\s*/, '');
    const message = `newsgraph: ${m.startsWith(`${input}: `) || m.startsWith(`${input} `) ? m : `${input}: ${m}`}`;
    if (e instanceof RobotsDisallowed) {
      report.disallowed++;
      o.onNote?.(input, message);
      return;
    }
    report.failed++;
    if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push({ file: input, message });
    o.onError?.(input, message);
  };
}

/** Decodes, analyses and stores fetched bytes. */
async function analyseAndStore(
  store: Store,
  bytes: Uint8Array,
  meta: { source: string; url: string; contentType: string | null; published: string | null },
  o: SourceOptions,
): Promise<{ doc: Doc; inserted: boolean }> {
  const read = await readInputBytes(bytes, meta.source, {
    url: meta.url,
    contentType: meta.contentType,
    published: meta.published,
  });
  const doc = analyzeRead(o.pipeline, read, { published: meta.published });
  const { inserted } = await store.put(doc);
  return { doc, inserted };
}

function stored(doc: Doc, inserted: boolean): StoredArticle {
  return { id: doc.id, url: doc.input.url, title: doc.article.title, published: doc.article.published, inserted };
}

/**
 * Fetches, analyses and stores pages by URL (robots.txt, rate limit and SSRF policy of the client).
 * A URL whose page has not changed since it was stored (304 to a conditional GET) is skipped.
 */
export async function ingestUrls(store: Store, client: Client, urls: string[], o: SourceOptions): Promise<SourceReport> {
  const t0 = performance.now();
  const report = emptyReport();
  const fail = failer(report, o);
  for (const url of urls) {
    if (o.signal?.aborted) break;
    report.inputs++;
    let r: FetchResult;
    try {
      r = await client.fetcher.fetch(url, { conditional: (await store.seen(`url|${url}`)) !== null, ...(o.signal ? { signal: o.signal } : {}) });
    } catch (e) {
      fail(url, e);
      continue;
    }
    if (r.notModified) {
      report.skipped++;
      continue;
    }
    let result: { doc: Doc; inserted: boolean };
    try {
      result = await analyseAndStore(store, r.body, { source: url, url: r.finalUrl, contentType: r.contentType, published: o.published ?? null }, o);
    } catch (e) {
      if (isStoreError(e)) throw e;
      fail(url, e);
      continue;
    }
    if (result.inserted) report.stored++;
    else report.duplicates++;
    await store.markSeen(`url|${url}`, result.doc.id);
    await client.fetcher.remember(r);
    o.onArticle?.(stored(result.doc, result.inserted));
  }
  report.seconds = (performance.now() - t0) / 1000;
  return report;
}

export interface FeedReport extends SourceReport {
  feed: string;
  /** The feed answered 304: nothing new. */
  notModified: boolean;
  /** Items in the feed (0 when not modified). */
  items: number;
}

/**
 * Polls one feed: a conditional GET of the feed, then each item not fetched before is fetched, analysed and stored
 * with the item's URL and published day. The feed's validators are kept only when every item went through, so an
 * item that failed is tried again on the next poll.
 */
export async function pollFeed(store: Store, client: Client, feedUrl: string, o: SourceOptions): Promise<FeedReport> {
  const t0 = performance.now();
  const report: FeedReport = { ...emptyReport(), feed: feedUrl, notModified: false, items: 0 };
  const fail = failer(report, o);
  const sig = o.signal ? { signal: o.signal } : {};
  let r: FetchResult;
  let feed: Feed;
  try {
    r = await client.fetcher.fetch(feedUrl, {
      conditional: true,
      accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
      ...sig,
    });
    if (r.notModified) {
      report.notModified = true;
      report.seconds = (performance.now() - t0) / 1000;
      return report;
    }
    feed = parseFeed(r.body, { url: r.finalUrl, contentType: r.contentType });
  } catch (e) {
    fail(feedUrl, e);
    report.seconds = (performance.now() - t0) / 1000;
    return report;
  }
  report.items = feed.items.length;
  for (const item of feed.items) {
    if (o.signal?.aborted) break;
    report.inputs++;
    if ((await store.seen(`url|${item.url}`)) !== null) {
      report.skipped++;
      continue;
    }
    await ingestItem(store, client, item, o, report, fail);
  }
  if (!report.failed && !o.signal?.aborted) await client.fetcher.remember(r);
  report.seconds = (performance.now() - t0) / 1000;
  return report;
}

async function ingestItem(
  store: Store,
  client: Client,
  item: FeedItem,
  o: SourceOptions,
  report: SourceReport,
  fail: (input: string, e: unknown) => void,
): Promise<void> {
  let page: FetchResult;
  try {
    page = await client.fetcher.fetch(item.url, o.signal ? { signal: o.signal } : {});
  } catch (e) {
    if (e instanceof RobotsDisallowed || e instanceof RefusedError) {
      // Policy, not a passing failure: remember the item so it is not asked for again.
      await store.markSeen(`url|${item.url}`, e instanceof RobotsDisallowed ? '!robots' : '!refused');
    }
    fail(item.url, e);
    return;
  }
  const published = o.published ?? feedDay(item.published);
  let result: { doc: Doc; inserted: boolean };
  try {
    result = await analyseAndStore(store, page.body, { source: item.url, url: page.finalUrl, contentType: page.contentType, published }, o);
  } catch (e) {
    if (isStoreError(e)) throw e;
    fail(item.url, e);
    return;
  }
  if (result.inserted) report.stored++;
  else report.duplicates++;
  await store.markSeen(`url|${item.url}`, result.doc.id);
  o.onArticle?.(stored(result.doc, result.inserted));
}

export interface WarcReport extends SourceReport {
  file: string;
  warc: WarcStats;
}

/**
 * Reads a WARC file's HTML responses into the store (record by record, constant memory). A damaged file keeps
 * every record before the damage and reports the damage as one failure.
 */
export async function ingestWarc(
  store: Store,
  file: string,
  o: SourceOptions & { maxRecordBytes?: number; onProgress?: (bytesRead: number, size: number) => void },
): Promise<WarcReport> {
  const t0 = performance.now();
  const stats: WarcStats = { records: 0, yielded: 0, skipped: 0, oversized: 0 };
  const report: WarcReport = { ...emptyReport(), file, warc: stats };
  const fail = failer(report, o);
  let fileKey: string;
  let size: number;
  try {
    const st = await stat(file);
    fileKey = seenKey(file, st.size, st.mtimeMs);
    size = st.size;
  } catch (e) {
    fail(file, fsError(file, e));
    return report;
  }
  if ((await store.seen(fileKey)) !== null) {
    report.skipped++;
    report.seconds = (performance.now() - t0) / 1000;
    return report;
  }
  try {
    for await (const rec of readWarc(file, {
      stats,
      ...(o.maxRecordBytes ? { maxRecordBytes: o.maxRecordBytes } : {}),
      onWarning: (m) => o.onNote?.(file, `newsgraph: ${m}`),
      ...(o.onProgress ? { onProgress: (n: number) => o.onProgress!(n, size) } : {}),
    })) {
      if (o.signal?.aborted) break;
      report.inputs++;
      const key = `warc|${rec.recordId ?? `${fileKey}#${rec.index}`}`;
      if ((await store.seen(key)) !== null) {
        report.skipped++;
        continue;
      }
      let result: { doc: Doc; inserted: boolean };
      try {
        result = await analyseAndStore(store, rec.body, { source: rec.url, url: rec.url, contentType: rec.contentType, published: o.published ?? null }, o);
      } catch (e) {
        if (isStoreError(e)) throw e;
        fail(`${file} ${rec.url}`, e);
        continue;
      }
      if (result.inserted) report.stored++;
      else report.duplicates++;
      await store.markSeen(key, result.doc.id);
      o.onArticle?.(stored(result.doc, result.inserted));
    }
  } catch (e) {
    if (isStoreError(e)) throw e;
    fail(file, e);
  }
  if (!report.failed && !o.signal?.aborted) await store.markSeen(fileKey, 'warc');
  report.seconds = (performance.now() - t0) / 1000;
  return report;
}

/** Store failures abort a run (as in ingestPaths); everything else is per input. */
function isStoreError(e: unknown): boolean {
  const name = (e as Error)?.name ?? '';
  return name === 'SqliteError' || /^SQLITE_/.test(String((e as { code?: unknown })?.code ?? ''));
}
