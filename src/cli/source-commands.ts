// CLI commands for sources beyond files: `ingest` of URLs and WARC files, and `watch` of feeds.
import { defaultPipeline } from '../index.js';
import { NewsgraphError } from '../errors.js';
import { isUrlArg } from '../ingest/fetch.js';
import { createClient, ingestUrls, ingestWarc, pollFeed, type SourceOptions, type StoredArticle } from '../ingest/sources.js';
import { isWarcPath } from '../ingest/warc.js';
import { openStore } from '../store/open.js';
import { createProgress } from './progress.js';
import { writeOut } from './io.js';
import { cmdIngest } from './store-commands.js';

export interface SplitInputs {
  urls: string[];
  warcs: string[];
  files: string[];
}

/** Command-line inputs → URLs (http, https), WARC files (.warc, .warc.gz) and everything else (files, folders, globs). */
export function splitInputs(inputs: string[]): SplitInputs {
  const out: SplitInputs = { urls: [], warcs: [], files: [] };
  for (const i of inputs) {
    if (isUrlArg(i)) out.urls.push(i);
    else if (isWarcPath(i)) out.warcs.push(i);
    else out.files.push(i);
  }
  return out;
}

export function hasSources(s: SplitInputs): boolean {
  return s.urls.length > 0 || s.warcs.length > 0;
}

/** "--delay" seconds → ms; a non-negative number. */
export function delayMs(v: string | number | undefined, name = '--delay'): number {
  if (v === undefined) return 1000;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new NewsgraphError(`${name} must be a number of seconds (0 or more), found '${v}'`);
  return Math.round(n * 1000);
}

export interface SourceCommandOptions {
  db: string;
  published: string | null;
  allowPrivate?: boolean;
  /** Seconds between requests to one host (default 1). */
  delay?: string | number;
}

const line = (s: string) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`);

/** `newsgraph ingest` with URLs and/or WARC files among its inputs; plain files go through cmdIngest. */
export async function cmdIngestSources(split: SplitInputs, o: SourceCommandOptions): Promise<number> {
  const minDelayMs = delayMs(o.delay);
  let code = 0;
  if (split.files.length) code = Math.max(code, await cmdIngest(split.files, { db: o.db, published: o.published }));
  const store = await openStore(o.db);
  try {
    const pipeline = defaultPipeline();
    for (const file of split.warcs) {
      const progress = createProgress();
      const report = await ingestWarc(store, file, {
        pipeline,
        published: o.published,
        onError: (_input, message) => progress.log(message),
        onNote: (_input, message) => progress.log(message),
        onProgress: (n, size) => progress.update(Math.min(n, size), size, file),
      });
      progress.stop();
      const w = report.warc;
      line(
        report.inputs === 0 && report.skipped === 1 && w.records === 0
          ? `${file}: already ingested, skipped → ${o.db}`
          : `ingested ${file} in ${report.seconds.toFixed(1)} s: ${w.records} records, ${w.yielded} HTML responses: ` +
              `${report.stored} stored, ${report.duplicates} duplicates, ${report.skipped} already seen, ${report.failed} failed → ${o.db}`,
      );
      if (report.failed) code = Math.max(code, 1);
    }
    if (split.urls.length) {
      const client = createClient(store, { allowPrivate: !!o.allowPrivate, minDelayMs });
      try {
        const report = await ingestUrls(store, client, split.urls, {
          pipeline,
          published: o.published,
          onError: (_input, message) => line(message),
          onNote: (_input, message) => line(message),
        });
        line(
          `ingested ${report.inputs} URL${report.inputs === 1 ? '' : 's'} in ${report.seconds.toFixed(1)} s: ${report.stored} stored, ` +
            `${report.duplicates} duplicates, ${report.skipped} not modified, ${report.disallowed} disallowed by robots.txt, ` +
            `${report.failed} failed → ${o.db}`,
        );
        if (report.failed) code = Math.max(code, 1);
      } finally {
        await client.close();
      }
    }
  } finally {
    await store.close();
  }
  return code;
}

export interface WatchOptions {
  db: string;
  /** Seconds between polls of the feeds. */
  interval?: string | number;
  once?: boolean;
  allowPrivate?: boolean;
  delay?: string | number;
}

function articleLine(a: StoredArticle): string {
  const day = a.published?.slice(0, 10) ?? '          ';
  return `${a.id.slice(0, 12)}  ${day}  ${a.title ?? '(untitled)'}  ${a.url ?? ''}\n`;
}

/**
 * `newsgraph watch FEED...`: polls each feed (conditional GET), fetches and stores each new item, prints one line per
 * new article on standard output; --once polls once and exits. Ctrl-C stops between (or during) requests and closes
 * the store cleanly.
 */
export async function cmdWatch(feeds: string[], o: WatchOptions): Promise<number> {
  for (const f of feeds) if (!isUrlArg(f)) throw new NewsgraphError(`watch takes feed URLs (http or https), found '${f}'`);
  const interval = o.interval === undefined ? 300 : Number(o.interval);
  if (!Number.isFinite(interval) || interval <= 0) throw new NewsgraphError(`--interval must be a positive number of seconds, found '${o.interval}'`);
  const minDelayMs = delayMs(o.delay);
  const store = await openStore(o.db);
  const client = createClient(store, { allowPrivate: !!o.allowPrivate, minDelayMs });
  const stop = new AbortController();
  const onSignal = () => stop.abort(new Error('stopped'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let failed = 0;
  try {
    const opts: SourceOptions = {
      pipeline: defaultPipeline(),
      signal: stop.signal,
      onArticle: (a) => void (a.inserted ? writeOut(articleLine(a)) : undefined),
      onError: (_input, message) => {
        if (!stop.signal.aborted) line(message);
      },
      onNote: (_input, message) => line(message),
    };
    for (;;) {
      for (const feed of feeds) {
        if (stop.signal.aborted) break;
        const r = await pollFeed(store, client, feed, opts);
        if (stop.signal.aborted) break;
        failed += r.failed;
        line(
          r.notModified
            ? `${feed}: not modified`
            : `${feed}: ${r.items} items: ${r.stored} new, ${r.duplicates} duplicates, ${r.skipped} seen before, ` +
                `${r.disallowed} disallowed, ${r.failed} failed`,
        );
      }
      if (o.once || stop.signal.aborted) break;
      await new Promise<void>((resolve) => {
        const t = setTimeout(done, interval * 1000);
        function done() {
          clearTimeout(t);
          stop.signal.removeEventListener('abort', done);
          resolve();
        }
        stop.signal.addEventListener('abort', done, { once: true });
      });
    }
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await client.close();
    await store.close();
  }
  if (stop.signal.aborted) {
    line('watch stopped');
    return 0;
  }
  return o.once && failed ? 1 : 0;
}
