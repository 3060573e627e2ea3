// Ingest: files, folders and globs → read → pipeline → store, one file at a time, resumable.
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { glob, isDynamicPattern } from 'tinyglobby';
import { errorMessage, NewsgraphError } from '../errors.js';
import type { Doc } from '../model.js';
import type { Pipeline } from '../pipeline.js';
import type { Store } from '../store/store.js';
import { analyzeRead, fsError, readInputFile } from './read.js';

/** File names a folder walk or a glob picks up; a file named explicitly is read whatever its name. */
export const INGEST_EXTENSIONS = ['.txt', '.text', '.md', '.html', '.htm', '.xhtml', '.html.gz', '.htm.gz', '.txt.gz'];

/** At most this many errors are kept in the report (all are counted and passed to onError). */
const MAX_REPORTED_ERRORS = 1000;

export interface IngestProgress {
  /** Files finished so far. */
  done: number;
  total: number;
  /** The file being worked on (the last one when done === total). */
  file: string;
}

export interface IngestOptions {
  pipeline: Pipeline;
  /** A published date (YYYY-MM-DD) for every input, overriding what the pages say. */
  published?: string | null;
  /** Per-file size cap, passed to readInputFile (default there: 64 MB). */
  maxBytes?: number;
  onProgress?: (p: IngestProgress) => void;
  /** A file that could not be read or analysed; the message is one line and names the file. */
  onError?: (file: string, message: string) => void;
}

export interface IngestError {
  file: string;
  message: string;
}

export interface IngestReport {
  /** Files found (after expanding folders and globs). */
  files: number;
  /** New articles stored. */
  stored: number;
  /** Files whose content was already stored (same content hash, maybe under another name). */
  duplicates: number;
  /** Files skipped because an earlier run already ingested them unchanged (same path, size, mtime). */
  skipped: number;
  /** Files (or inputs matching nothing) that failed; the others went on. */
  failed: number;
  errors: IngestError[];
  seconds: number;
}

export function hasIngestExtension(path: string): boolean {
  const name = path.toLowerCase();
  return INGEST_EXTENSIONS.some((ext) => name.endsWith(ext));
}

/** Every supported file under a folder, recursively; hidden entries and symlinked folders are skipped. */
async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) await walk(path, out);
    else if (e.isFile() && hasIngestExtension(e.name)) out.push(path);
    else if (e.isSymbolicLink() && hasIngestExtension(e.name)) {
      // Linked files are followed; linked folders are not (they can form cycles).
      const st = await stat(path).catch(() => null);
      if (st?.isFile()) out.push(path);
    }
  }
}

/**
 * Inputs → the files to ingest, de-duplicated and sorted for a deterministic order.
 * Inputs that name nothing (missing paths, globs matching no supported file) come back as errors.
 */
export async function expandInputs(inputs: string[]): Promise<{ files: string[]; errors: IngestError[] }> {
  const found: string[] = [];
  const errors: IngestError[] = [];
  for (const input of inputs) {
    const st = await stat(input).catch((e: NodeJS.ErrnoException) => e);
    if (!(st instanceof Error)) {
      if (st.isDirectory()) {
        const before = found.length;
        try {
          await walk(input, found);
        } catch (e) {
          errors.push({ file: input, message: errorMessage(fsError(input, e)) });
          continue;
        }
        if (found.length === before) {
          errors.push({ file: input, message: `newsgraph: ${input}: no ${INGEST_EXTENSIONS.join(' ')} files in this folder` });
        }
      } else {
        found.push(input);
      }
    } else if (st.code === 'ENOENT' && isDynamicPattern(input)) {
      // An absolute pattern gives absolute paths (tinyglobby would otherwise make them relative to the cwd).
      const matches = await glob(input, { onlyFiles: true, expandDirectories: false, absolute: isAbsolute(input) });
      const kept = matches.filter(hasIngestExtension);
      if (kept.length === 0) {
        const why = matches.length ? `matches only unsupported files (reads ${INGEST_EXTENSIONS.join(' ')})` : 'matches no files';
        errors.push({ file: input, message: `newsgraph: ${input}: ${why}` });
      }
      found.push(...kept);
    } else {
      errors.push({ file: input, message: errorMessage(fsError(input, st)) });
    }
  }
  const byPath = new Map<string, string>();
  for (const f of found) if (!byPath.has(resolve(f))) byPath.set(resolve(f), f);
  const files = [...byPath.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files, errors };
}

/** The cheap identity of a file's state: an unchanged path, size and mtime is not read again. */
export function seenKey(path: string, size: number, mtimeMs: number): string {
  return `${resolve(path)}|${size}|${mtimeMs}`;
}

/**
 * Reads, analyses and stores every input file, one at a time (memory stays bounded by one file).
 * A file that cannot be read or analysed is reported and counted, and the run goes on;
 * a store failure aborts the run (rejects): a re-run resumes, skipping the files already seen.
 */
export async function ingestPaths(store: Store, inputs: string[], opts: IngestOptions): Promise<IngestReport> {
  const t0 = performance.now();
  if (opts.maxBytes !== undefined && !(Number.isFinite(opts.maxBytes) && opts.maxBytes > 0)) {
    throw new NewsgraphError(`maxBytes must be a positive number, found ${opts.maxBytes}`);
  }
  const report: IngestReport = { files: 0, stored: 0, duplicates: 0, skipped: 0, failed: 0, errors: [], seconds: 0 };
  const fail = (file: string, message: string) => {
    report.failed++;
    if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push({ file, message });
    opts.onError?.(file, message);
  };

  const { files, errors } = await expandInputs(inputs);
  for (const e of errors) fail(e.file, e.message);
  report.files = files.length;

  for (const [i, file] of files.entries()) {
    opts.onProgress?.({ done: i, total: files.length, file });
    let key: string;
    try {
      const st = await stat(file);
      key = seenKey(file, st.size, st.mtimeMs);
    } catch (e) {
      fail(file, errorMessage(fsError(file, e)));
      continue;
    }
    // Store errors (here, in put and in markSeen) are not caught: they would fail every following
    // file too, so they abort the run, and a re-run resumes from the seen keys.
    if ((await store.seen(key)) !== null) {
      report.skipped++;
      continue;
    }
    let doc: Doc;
    try {
      doc = await analyse(file, opts);
    } catch (e) {
      // Read and analysis failures are per file. InputError and stage errors name the file already.
      const m = errorMessage(e).replace(/^newsgraph:\s*/, '');
      fail(file, `newsgraph: ${m.startsWith(`${file}: `) ? m : `${file}: ${m}`}`);
      continue;
    }
    const { inserted } = await store.put(doc);
    if (inserted) report.stored++;
    else report.duplicates++;
    // Marked only after the put: a crash in between re-reads the file next time (and finds it stored).
    await store.markSeen(key, doc.id);
  }
  if (files.length) opts.onProgress?.({ done: files.length, total: files.length, file: files[files.length - 1]! });
  report.seconds = (performance.now() - t0) / 1000;
  return report;
}

async function analyse(file: string, opts: IngestOptions): Promise<Doc> {
  const published = opts.published ?? null;
  const read = await readInputFile(file, {
    ...(opts.maxBytes !== undefined ? { maxBytes: opts.maxBytes } : {}),
    published,
  });
  return analyzeRead(opts.pipeline, read, { published });
}
