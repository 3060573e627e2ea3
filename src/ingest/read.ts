// Reading one input (a file, standard input, or bytes already in hand) into a RawInput, safely:
// size caps before and after gunzip, one-line InputErrors for every way a read can fail.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError } from '../errors.js';
import type { Doc, InputFormat, RawInput } from '../model.js';
import type { Pipeline, StageOptions } from '../pipeline.js';
import { decodeBytes } from './decode.js';

export const MB = 1024 * 1024;
/** Default cap on an input's size, compressed and decompressed (a 50 MB page must still be read). */
export const DEFAULT_MAX_BYTES = 64 * MB;

export interface ReadOptions {
  /** Refuse inputs (and gzip contents) larger than this; default 64 MB. */
  maxBytes?: number;
  url?: string | null;
  /** A published date given by the caller (YYYY-MM-DD), carried on the RawInput. */
  published?: string | null;
  /** Overrides the format taken from the file extension or sniffed from the content. */
  format?: InputFormat | null;
  /** An HTTP Content-Type value, when the bytes came from HTTP. */
  contentType?: string | null;
}

export interface ReadBytesOptions extends ReadOptions {
  /** The bytes are gzip (from a ".gz" name); gzip is also recognised by its magic bytes. */
  gzip?: boolean;
}

export interface StdinOptions extends ReadOptions {
  /** The stream to read instead of process.stdin (tests). */
  stream?: Readable;
}

/** A RawInput plus what decoding noticed but did not refuse (charset guesses, replaced bytes). */
export type ReadInput = RawInput & { warnings: string[] };

/** "64 MB", "1.5 MB", "512 KB", "100 bytes". */
export function formatSize(n: number): string {
  const trim = (x: number) => String(Number(x.toFixed(1)));
  if (n >= MB) return `${trim(n / MB)} MB`;
  if (n >= 1024) return `${trim(n / 1024)} KB`;
  return `${n} bytes`;
}

const HTML_EXT = new Set(['.html', '.htm', '.xhtml', '.xht', '.shtml']);
const TEXT_EXT = new Set(['.txt', '.text', '.md', '.markdown']);

/** The format a file name implies, and whether it is gzipped ("a.html.gz" → html, gzip). */
export function formatFromPath(path: string): { format: InputFormat | null; gzip: boolean } {
  let name = basename(path).toLowerCase();
  let gzip = false;
  if (name.endsWith('.gz')) {
    gzip = true;
    name = name.slice(0, -3);
  } else if (name.endsWith('.tgz')) {
    return { format: null, gzip: true };
  }
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot) : '';
  const format = HTML_EXT.has(ext) ? 'html' : TEXT_EXT.has(ext) ? 'text' : null;
  return { format, gzip };
}

function checkMax(maxBytes: number | undefined): number {
  const max = maxBytes ?? DEFAULT_MAX_BYTES;
  if (!Number.isFinite(max) || max <= 0) throw new RangeError(`maxBytes must be a positive number, got ${maxBytes}`);
  return max;
}

/** A one-line InputError for a failed file-system call. */
export function fsError(path: string, e: unknown): InputError {
  if (e instanceof InputError) return e;
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT':
      return new InputError(path, 'no such file');
    case 'ENOTDIR':
      return new InputError(path, 'no such file (a parent is not a directory)');
    case 'EISDIR':
      return new InputError(path, 'is a directory');
    case 'EACCES':
    case 'EPERM':
      return new InputError(path, 'permission denied');
    case 'ELOOP':
      return new InputError(path, 'too many levels of symbolic links');
    case 'ENAMETOOLONG':
      return new InputError(path, 'file name too long');
    case 'EMFILE':
    case 'ENFILE':
      return new InputError(path, 'too many open files');
    default: {
      const msg = (err?.message ?? String(e)).split('\n')[0];
      return new InputError(path, `cannot read: ${err?.code ?? msg}`);
    }
  }
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08;
}

/** Reads a stream to its end, refusing more than `max` bytes (and stopping the stream as soon as it is over). */
function readCapped(stream: Readable, max: number, source: string, tooBig: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const fail = (e: InputError) => {
      if (settled) return;
      settled = true;
      stream.destroy();
      reject(e);
    };
    stream.on('data', (c: Buffer | string) => {
      const b = typeof c === 'string' ? Buffer.from(c) : c;
      total += b.length;
      if (total > max) return fail(new InputError(source, `${tooBig} ${formatSize(max)}`));
      chunks.push(b);
    });
    stream.on('error', (e) => fail(fsError(source, e)));
    stream.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks, total));
    });
  });
}

/** Reads a regular file of a known size into a single buffer; a file that grows past the cap meanwhile is refused. */
async function readRegularFile(path: string, size: number, max: number): Promise<Buffer> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    throw fsError(path, e);
  }
  try {
    const buf = Buffer.allocUnsafe(size);
    let got = 0;
    while (got < size) {
      const { bytesRead } = await fh.read(buf, got, size - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    const data = got < size ? buf.subarray(0, got) : buf;
    // The file may have grown since stat: read what was appended, still under the cap.
    const more: Buffer[] = [];
    let total = got;
    const chunk = Buffer.allocUnsafe(64 * 1024);
    for (;;) {
      const { bytesRead } = await fh.read(chunk, 0, chunk.length, total);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > max) throw new InputError(path, `file is larger than ${formatSize(max)}`);
      more.push(Buffer.from(chunk.subarray(0, bytesRead)));
    }
    return more.length ? Buffer.concat([data, ...more], total) : data;
  } catch (e) {
    throw fsError(path, e);
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/** Gunzips with a cap on the decompressed size, so that a gzip bomb is refused before it fills memory. */
export function gunzipCapped(input: Uint8Array, max: number, source: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const z = createGunzip();
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const settle = (e: InputError | null) => {
      if (settled) return;
      settled = true;
      if (e) {
        z.destroy();
        reject(e);
      } else resolve(Buffer.concat(chunks, total));
    };
    z.on('data', (c: Buffer) => {
      if (settled) return;
      total += c.length;
      if (total > max) return settle(new InputError(source, `decompressed size exceeds ${formatSize(max)}`));
      chunks.push(c);
    });
    z.on('error', () => settle(new InputError(source, 'truncated or corrupt gzip data')));
    z.on('end', () => settle(null));
    // Feed it in slices so that a bomb is stopped after little work, not after inflating the whole input.
    const SLICE = 64 * 1024;
    let at = 0;
    const feed = () => {
      while (!settled && at < input.length) {
        const part = input.subarray(at, Math.min(at + SLICE, input.length));
        at += part.length;
        if (!z.write(part)) return void z.once('drain', feed);
      }
      if (!settled) z.end();
    };
    feed();
  });
}

/** Bytes → RawInput, shared by files, standard input and HTTP: gunzip when gzipped, then decode. */
export async function readInputBytes(bytes: Uint8Array, source: string, opts: ReadBytesOptions = {}): Promise<ReadInput> {
  const max = checkMax(opts.maxBytes);
  if (bytes.length > max) throw new InputError(source, `file is larger than ${formatSize(max)}`);
  let data = bytes;
  const notes: string[] = [];
  if (isGzip(bytes)) data = await gunzipCapped(bytes, max, source);
  else if (opts.gzip && bytes.length > 0) notes.push('named .gz but not gzip data; read as is');
  const d = decodeBytes(data, { source, contentType: opts.contentType ?? null, format: opts.format ?? null });
  return {
    source,
    url: opts.url ?? null,
    format: d.format,
    body: d.body,
    charset: d.charset,
    published: opts.published ?? null,
    warnings: [...notes, ...d.warnings],
  };
}

/** Reads one input file. Every failure is an InputError whose one-line message names the path and the problem. */
export async function readInputFile(path: string, opts: ReadOptions = {}): Promise<ReadInput> {
  const max = checkMax(opts.maxBytes);
  let st;
  try {
    st = await stat(path);
  } catch (e) {
    throw fsError(path, e);
  }
  if (st.isDirectory()) throw new InputError(path, 'is a directory');
  if (st.isFile() && st.size > max) throw new InputError(path, `file is larger than ${formatSize(max)}`);
  // A regular file is read into one buffer of its size (no chunk list + copy: half the peak memory for a 50 MB page);
  // anything else (a FIFO, /dev/stdin) is streamed with the same cap.
  const bytes = st.isFile()
    ? await readRegularFile(path, st.size, max)
    : await readCapped(createReadStream(path), max, path, 'file is larger than');
  const byName = formatFromPath(path);
  return readInputBytes(bytes, path, { ...opts, format: opts.format ?? byName.format, gzip: byName.gzip });
}

/** Reads standard input (source "-"), with the same caps and decoding as a file. */
export async function readStdin(opts: StdinOptions = {}): Promise<ReadInput> {
  const max = checkMax(opts.maxBytes);
  const bytes = await readCapped(opts.stream ?? process.stdin, max, '-', 'input is larger than');
  return readInputBytes(bytes, '-', opts);
}

/** Runs a pipeline on what was read; the reading notes (charset guesses, replaced bytes) travel on the document. */
export function analyzeRead(pipeline: Pipeline, read: ReadInput, options: StageOptions = {}): Doc {
  const { warnings, ...input } = read;
  const doc = pipeline.run(input, options);
  for (const message of warnings) doc.messages.push({ source: 'ingest/read', severity: 'warning', message });
  return doc;
}
