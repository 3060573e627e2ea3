// A streaming WARC 1.0/1.1 reader (plain .warc and .warc.gz, the latter as one gzip member per record as
// Common Crawl's CC-NEWS publishes it, or one member for the whole file). Memory stays constant: one record's block
// at a time, under a per-record cap; larger records are skipped without being held.
//
// Written here rather than taken from npm: `warcio` (2.4) streams but pulls in yargs, tempy, pako and hash-wasm and
// has no per-record cap; the record format is simple enough (RFC-822-style headers + Content-Length block).
//
// For each `response` record whose HTTP status is 2xx and whose Content-Type is HTML, `readWarc` yields the target
// URL, the WARC-Date, the HTTP Content-Type and the body bytes with Transfer-Encoding (chunked) and Content-Encoding
// (gzip, deflate, br) undone. Other records (warcinfo, request, metadata, revisit, resource, non-HTML) are skipped.
// A file cut short, or damaged gzip, ends the iteration with an InputError naming the file, after every complete
// record before the damage has been yielded.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { brotliDecompressSync, createGunzip, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { InputError } from '../errors.js';
import { isZlibHeader } from './fetch.js';
import { fsError, formatSize, MB } from './read.js';

export const DEFAULT_WARC_RECORD_MAX_BYTES = 10 * MB;
/** Longest header line accepted (WARC or HTTP). */
const MAX_LINE = 64 * 1024;
/** At most this many header lines per record / HTTP message. */
const MAX_HEADERS = 500;

export interface WarcRecord {
  /** WARC-Target-URI. */
  url: string;
  /** WARC-Date (the capture time), ISO 8601. */
  date: string | null;
  /** The HTTP Content-Type header of the captured response. */
  contentType: string | null;
  /** The HTTP status. */
  status: number;
  /** The response body, de-chunked and decompressed. */
  body: Buffer;
  /** WARC-Record-ID, e.g. "<urn:uuid:…>". */
  recordId: string | null;
  /** 1-based position of the record in the file (all record types counted). */
  index: number;
}

export interface WarcStats {
  /** Records read, of any type. */
  records: number;
  /** Response records yielded. */
  yielded: number;
  /** Records skipped by type, status or content type. */
  skipped: number;
  /** Records over the per-record cap (skipped, with a warning). */
  oversized: number;
}

export interface WarcOptions {
  /** Cap on a record's block and on its decompressed body; default 10 MB. */
  maxRecordBytes?: number;
  /** Yield every 2xx response whatever its content type (default: HTML only). */
  allTypes?: boolean;
  /** Notes on records skipped for a problem (too large, undecodable); the iteration goes on. */
  onWarning?: (message: string) => void;
  /** Filled in as the file is read. */
  stats?: WarcStats;
  /** Called with the compressed bytes read so far and the file's size, about every record. */
  onProgress?: (bytesRead: number) => void;
}

// --- a byte source that keeps every chunk that arrived before an error -------------------------------------------

class ChunkQueue {
  private readonly q: Buffer[] = [];
  private queued = 0;
  private ended = false;
  private error: Error | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly stream: Readable,
    private readonly highWater = 4 * MB,
  ) {
    stream.on('data', (c: Buffer) => {
      this.q.push(c);
      this.queued += c.length;
      if (this.queued > this.highWater) stream.pause();
      this.notify();
    });
    stream.on('end', () => {
      this.ended = true;
      this.notify();
    });
    stream.on('error', (e) => this.fail(e));
  }

  fail(e: Error): void {
    this.error ??= e;
    this.notify();
  }

  private notify(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  /** The next chunk; null at the end; the stream's error only once every chunk before it has been taken. */
  async next(): Promise<Buffer | null> {
    for (;;) {
      const c = this.q.shift();
      if (c) {
        this.queued -= c.length;
        if (this.queued <= this.highWater / 2 && this.stream.isPaused() && !this.error) this.stream.resume();
        return c;
      }
      if (this.error) throw this.error;
      if (this.ended) return null;
      await new Promise<void>((r) => (this.wake = r));
    }
  }

  destroy(): void {
    this.stream.destroy();
  }
}

class Truncated extends Error {}

/** Lines and exact byte counts over a ChunkQueue; `offset` counts the bytes consumed. */
class ByteReader {
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  offset = 0;

  constructor(private readonly src: ChunkQueue) {}

  private async fill(): Promise<boolean> {
    const c = await this.src.next();
    if (!c) return false;
    this.buf = this.pos < this.buf.length ? Buffer.concat([this.buf.subarray(this.pos), c]) : c;
    this.pos = 0;
    return true;
  }

  /** A line without its CRLF / LF; null at a clean end of input; Truncated for a partial last line. */
  async line(): Promise<Buffer | null> {
    let from = this.pos;
    for (;;) {
      const i = this.buf.indexOf(0x0a, from);
      if (i >= 0) {
        const end = i > this.pos && this.buf[i - 1] === 0x0d ? i - 1 : i;
        const out = this.buf.subarray(this.pos, end);
        this.offset += i + 1 - this.pos;
        this.pos = i + 1;
        return out;
      }
      if (this.buf.length - this.pos > MAX_LINE) throw new Error(`a header line longer than ${formatSize(MAX_LINE)}`);
      from = this.buf.length;
      const before = this.pos;
      if (!(await this.fill())) {
        if (this.buf.length - this.pos === 0) return null;
        throw new Truncated();
      }
      from -= before; // the buffer was re-based at pos
    }
  }

  /** Exactly n bytes, or Truncated. */
  async bytes(n: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let need = n;
    while (need > 0) {
      if (this.pos >= this.buf.length && !(await this.fill())) throw new Truncated();
      const take = Math.min(need, this.buf.length - this.pos);
      parts.push(this.buf.subarray(this.pos, this.pos + take));
      this.pos += take;
      need -= take;
    }
    this.offset += n;
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts, n);
  }

  /** Discards exactly n bytes without holding them, or Truncated. */
  async skip(n: number): Promise<void> {
    let need = n;
    while (need > 0) {
      if (this.pos >= this.buf.length && !(await this.fill())) throw new Truncated();
      const take = Math.min(need, this.buf.length - this.pos);
      this.pos += take;
      need -= take;
      if (this.pos >= this.buf.length) {
        this.buf = Buffer.alloc(0);
        this.pos = 0;
      }
    }
    this.offset += n;
  }

  /** Skips blank lines (the CRLF CRLF after each block, and any stray ones); false at the end of input. */
  async skipBlankLines(): Promise<Buffer | null> {
    for (;;) {
      const l = await this.line();
      if (l === null) return null;
      if (l.length) return l;
    }
  }
}

// --- headers -----------------------------------------------------------------------------------------------------

/** Header lines (with folded continuations) up to a blank line → lower-case name → value (repeats joined). */
function parseHeaderLines(lines: Buffer[]): Map<string, string> {
  const h = new Map<string, string>();
  let last: string | null = null;
  for (const raw of lines) {
    const line = raw.toString('latin1');
    if ((line.startsWith(' ') || line.startsWith('\t')) && last) {
      h.set(last, `${h.get(last)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    h.set(name, h.has(name) ? `${h.get(name)}, ${value}` : value);
    last = name;
  }
  return h;
}

export interface HttpResponse {
  status: number;
  headers: Map<string, string>;
  body: Buffer;
}

/** The HTTP message inside a response record's block: status line, headers, then the body. Null when it is not one. */
export function parseHttpResponse(block: Buffer): HttpResponse | null {
  let end = block.indexOf('\r\n\r\n');
  let sep = 4;
  const lf = block.indexOf('\n\n');
  if (end < 0 || (lf >= 0 && lf < end)) [end, sep] = [lf, 2];
  if (end < 0) {
    // Headers with no body at all.
    end = block.length;
    sep = 0;
  }
  const head = block.subarray(0, end).toString('latin1').split(/\r?\n/);
  const m = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(head[0] ?? '');
  if (!m) return null;
  const headers = parseHeaderLines(head.slice(1, MAX_HEADERS).map((l) => Buffer.from(l, 'latin1')));
  return { status: Number(m[1]), headers, body: block.subarray(Math.min(block.length, end + sep)) };
}

/** Undoes chunked transfer coding; null when the data is not well-formed chunks (then the body is taken as is). */
export function dechunk(data: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let at = 0;
  let total = 0;
  for (;;) {
    const nl = data.indexOf('\n', at);
    if (nl < 0) return null;
    const sizeLine = data.subarray(at, nl).toString('latin1').replace(/\r$/, '').split(';')[0]!.trim();
    if (!/^[0-9a-f]+$/i.test(sizeLine)) return null;
    const size = parseInt(sizeLine, 16);
    at = nl + 1;
    if (size === 0) break;
    if (at + size > data.length) return null;
    parts.push(data.subarray(at, at + size));
    total += size;
    at += size;
    if (data[at] === 0x0d) at++;
    if (data[at] === 0x0a) at++;
  }
  return Buffer.concat(parts, total);
}

function decodeBody(body: Buffer, encoding: string | undefined, max: number): Buffer {
  if (!encoding) return body;
  let data = body;
  const codings = encoding
    .toLowerCase()
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && s !== 'identity')
    .reverse();
  for (const c of codings) {
    const o = { maxOutputLength: max };
    if (c === 'gzip' || c === 'x-gzip') {
      // Some crawlers store the body already decoded but keep the header: only gunzip what is gzip.
      if (data[0] === 0x1f && data[1] === 0x8b) data = gunzipSync(data, o);
    } else if (c === 'deflate') {
      data = isZlibHeader(data) ? inflateSync(data, o) : inflateRawSync(data, o);
    } else if (c === 'br') {
      data = brotliDecompressSync(data, o);
    } else {
      throw new Error(`unsupported Content-Encoding '${c.slice(0, 40)}'`);
    }
  }
  return data;
}

const HTML_TYPE = /^\s*(?:text\/html|application\/xhtml\+xml)\b/i;

/** Whether a path names a WARC file (.warc, .warc.gz). */
export function isWarcPath(path: string): boolean {
  return /\.warc(?:\.gz)?$/i.test(path);
}

async function isGzipFile(path: string): Promise<boolean> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    throw fsError(path, e);
  }
  try {
    const b = Buffer.alloc(2);
    const { bytesRead } = await fh.read(b, 0, 2, 0);
    return bytesRead === 2 && b[0] === 0x1f && b[1] === 0x8b;
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/** Streams the HTML responses of a WARC file (gzipped or not, recognised by its bytes). */
export async function* readWarc(path: string, o: WarcOptions = {}): AsyncGenerator<WarcRecord> {
  const gz = await isGzipFile(path);
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  let stream: Readable = file;
  if (gz) {
    const z = createGunzip({ chunkSize: 64 * 1024 });
    file.pipe(z);
    stream = z;
  }
  const queue = new ChunkQueue(stream);
  if (gz) file.on('error', (e) => queue.fail(e));
  try {
    yield* readWarcStream(queue, path, o, () => file.bytesRead);
  } finally {
    queue.destroy();
    file.destroy();
  }
}

/** The same over any stream of uncompressed WARC bytes (`name` names it in errors). */
export async function* readWarcFromStream(stream: Readable, name: string, o: WarcOptions = {}): AsyncGenerator<WarcRecord> {
  const queue = new ChunkQueue(stream);
  try {
    yield* readWarcStream(queue, name, o, () => 0);
  } finally {
    queue.destroy();
  }
}

async function* readWarcStream(queue: ChunkQueue, name: string, o: WarcOptions, bytesRead: () => number): AsyncGenerator<WarcRecord> {
  const max = o.maxRecordBytes ?? DEFAULT_WARC_RECORD_MAX_BYTES;
  const stats = o.stats ?? { records: 0, yielded: 0, skipped: 0, oversized: 0 };
  const r = new ByteReader(queue);
  const warn = (m: string) => o.onWarning?.(`${name}: ${m}`);
  let index = 0;
  for (;;) {
    let start = r.offset;
    let recordLine: string | null = null;
    let headerLines: Buffer[] = [];
    try {
      const first = await r.skipBlankLines();
      if (first === null) return;
      start = r.offset - first.length - 1;
      recordLine = first.toString('latin1');
      if (!/^WARC\/\d+\.\d+\s*$/.test(recordLine)) {
        throw new InputError(name, `not a WARC record at offset ${start} (found '${recordLine.slice(0, 30)}'${index ? ` after ${index} records` : ''})`);
      }
      headerLines = [];
      for (;;) {
        const l = await r.line();
        if (l === null) throw new Truncated();
        if (!l.length) break;
        if (headerLines.length >= MAX_HEADERS) throw new InputError(name, `record ${index + 1} at offset ${start}: too many header lines`);
        headerLines.push(l);
      }
    } catch (e) {
      throw readError(e, name, index, start);
    }
    index++;
    stats.records++;
    const h = parseHeaderLines(headerLines);
    const length = Number(h.get('content-length'));
    if (!Number.isInteger(length) || length < 0) {
      throw new InputError(name, `record ${index} at offset ${start}: missing or bad Content-Length`);
    }
    const type = (h.get('warc-type') ?? '').toLowerCase();
    const url = (h.get('warc-target-uri') ?? '').replace(/^<(.*)>$/, '$1');
    const wanted = type === 'response' && !!url && /^application\/http\b/i.test(h.get('content-type') ?? 'application/http');
    let block: Buffer | null = null;
    try {
      if (!wanted) {
        await r.skip(length);
      } else if (length > max) {
        await r.skip(length);
        stats.oversized++;
        warn(`record ${index} (${url}) is ${formatSize(length)}, over the ${formatSize(max)} cap; skipped`);
      } else {
        block = await r.bytes(length);
      }
    } catch (e) {
      throw readError(e, name, index - 1, start);
    }
    o.onProgress?.(bytesRead());
    if (!block) {
      if (!wanted) stats.skipped++;
      continue;
    }
    const http = parseHttpResponse(block);
    if (!http) {
      stats.skipped++;
      warn(`record ${index} (${url}): no HTTP response in the record; skipped`);
      continue;
    }
    const contentType = http.headers.get('content-type') ?? null;
    if (http.status < 200 || http.status > 299 || (!o.allTypes && !HTML_TYPE.test(contentType ?? ''))) {
      stats.skipped++;
      continue;
    }
    let body = http.body;
    if (/\bchunked\b/i.test(http.headers.get('transfer-encoding') ?? '')) body = dechunk(body) ?? body;
    try {
      body = decodeBody(body, http.headers.get('content-encoding'), max);
    } catch (e) {
      stats.skipped++;
      const big = (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
      warn(`record ${index} (${url}): ${big ? `decompressed body over the ${formatSize(max)} cap` : `cannot decode the body (${(e as Error).message.split('\n')[0]})`}; skipped`);
      continue;
    }
    stats.yielded++;
    yield {
      url,
      date: h.get('warc-date') ?? null,
      contentType,
      status: http.status,
      body,
      recordId: h.get('warc-record-id') ?? null,
      index,
    };
  }
}

function readError(e: unknown, name: string, complete: number, offset: number): InputError {
  if (e instanceof InputError) return e;
  const kept = `${complete} complete record${complete === 1 ? '' : 's'} read`;
  if (e instanceof Truncated) return new InputError(name, `truncated WARC: the record at offset ${offset} ends early (${kept})`);
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'Z_BUF_ERROR' || err.code === 'Z_DATA_ERROR' || /unexpected end of file|incorrect header|invalid/i.test(err.message ?? '')) {
    return new InputError(name, `truncated or corrupt gzip data near offset ${offset} (${kept})`);
  }
  if (err.code && /^E[A-Z]+$/.test(err.code)) return fsError(name, err);
  return new InputError(name, `${(err.message ?? String(e)).split('\n')[0]} at offset ${offset} (${kept})`);
}

// --- writing (tests, the bench, small exports) -------------------------------------------------------------------

/** One WARC/1.1 record: the headers given (Content-Length added), the block, and the closing CRLF CRLF. */
export function formatWarcRecord(headers: Record<string, string>, block: Buffer | string): Buffer {
  const body = typeof block === 'string' ? Buffer.from(block, 'utf8') : block;
  const head = ['WARC/1.1', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), `Content-Length: ${body.length}`, '', ''].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'utf8'), body, Buffer.from('\r\n\r\n')]);
}

/** An HTTP/1.1 response message as a WARC response block. */
export function formatHttpResponse(status: number, headers: Record<string, string>, body: Buffer | string): Buffer {
  const b = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const head = [`HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Status'}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), '', ''].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'latin1'), b]);
}

/** A response record for a URL (the usual WARC headers). */
export function warcResponse(url: string, http: Buffer, o: { date?: string; id?: string } = {}): Buffer {
  return formatWarcRecord(
    {
      'WARC-Type': 'response',
      'WARC-Record-ID': `<urn:uuid:${o.id ?? randomUUID()}>`,
      'WARC-Date': o.date ?? '2025-06-10T12:00:00Z',
      'WARC-Target-URI': url,
      'Content-Type': 'application/http; msgtype=response',
    },
    http,
  );
}
