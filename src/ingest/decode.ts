// Bytes → text: refuse binary and empty inputs, pick the charset, decode, and tell text from HTML.
import { InputError } from '../errors.js';
import type { InputFormat } from '../model.js';
import {
  contentTypeCharset,
  decodeWith,
  hasNonAscii,
  isValidUtf8,
  metaCharset,
  normalizeCharset,
  sniffBom,
} from './charset.js';

export interface DecodeOptions {
  /** Names the input in errors and warnings (a path, a URL, "-"). */
  source: string;
  /** An HTTP Content-Type value; its charset parameter beats a <meta> declaration. */
  contentType?: string | null;
  /** The format when the caller knows it (from a file extension, say); sniffed when absent. */
  format?: InputFormat | null;
}

export interface Decoded {
  body: string;
  /** The charset the bytes were decoded with (canonical lower-case name: "utf-8", "windows-1252", ...). */
  charset: string;
  format: InputFormat;
  /** What was odd but not fatal: unknown or wrong charset labels, replaced byte sequences, guesses. */
  warnings: string[];
}

/** How many leading bytes the binary check looks at. */
export const BINARY_SCAN_BYTES = 8192;
/** Share of control characters (other than tab, newlines, form feed, escape) above which an input is binary. */
const CONTROL_SHARE = 0.1;

// Files that start like text but are not.
const BINARY_MAGIC: { name: string; bytes: number[] }[] = [
  { name: 'gzip', bytes: [0x1f, 0x8b] },
  { name: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'ZIP', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function isControl(c: number): boolean {
  return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d && c !== 0x1b) || c === 0x7f;
}

/** Whether the bytes (after any BOM) look like a binary file rather than text in an ASCII-compatible charset. */
export function looksBinary(bytes: Uint8Array): boolean {
  if (BINARY_MAGIC.some((m) => startsWith(bytes, m.bytes))) return true;
  const n = Math.min(bytes.length, BINARY_SCAN_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i]!;
    if (c === 0) return true;
    if (isControl(c)) control++;
  }
  return n > 0 && control / n > CONTROL_SHARE;
}

/** The same check on decoded UTF-16 text. */
function looksBinaryText(s: string): boolean {
  const n = Math.min(s.length, BINARY_SCAN_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return true;
    if (isControl(c)) control++;
  }
  return n > 0 && control / n > CONTROL_SHARE;
}

const HTML_START = /^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|title|link|script|style|base|article|main|div|section|header|nav|p|h[1-6]|table|ul|ol|span|a|br|figure|img)\b/i;
const HTML_ANYWHERE = /<(?:!doctype\s+html|html|head|body)\b[^>]*>|<\/(?:html|body)>/i;
const PARA_TAG = /<\/?p\b[^>]*>/gi;

/** Text or HTML, from the first couple of KB of a document. */
export function sniffFormat(head: string): InputFormat {
  const h = head.slice(0, 2048).replace(/^\uFEFF/, '');
  if (HTML_START.test(h)) return 'html';
  if (HTML_ANYWHERE.test(h.slice(0, 1024))) return 'html';
  const paras = h.slice(0, 1024).match(PARA_TAG);
  return paras && paras.length >= 2 ? 'html' : 'text';
}

/** Counts of well-formed multi-byte sequences and of malformed ones in UTF-8 bytes. */
export function utf8Stats(bytes: Uint8Array): { multibyte: number; invalid: number } {
  let multibyte = 0;
  let invalid = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const c = bytes[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let min = 0;
    if (c >= 0xc2 && c <= 0xdf) [need, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [need, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [need, min] = [3, 0x10000];
    else {
      invalid++;
      i++;
      continue;
    }
    let cp = c & (0x3f >> need);
    let ok = i + need < n;
    for (let k = 1; ok && k <= need; k++) {
      const d = bytes[i + k]!;
      if ((d & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (d & 0x3f);
    }
    if (ok && cp >= min && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
      multibyte++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { multibyte, invalid };
}

function latin1Head(bytes: Uint8Array, n: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, n)).toString('latin1');
}

/**
 * Decodes the bytes of one input. Throws InputError for empty and binary inputs; everything else decodes,
 * with a warning for each guess (unknown or wrong charset labels, malformed UTF-8 replaced with U+FFFD).
 */
export function decodeBytes(bytes: Buffer | Uint8Array, opts: DecodeOptions): Decoded {
  const { source } = opts;
  const warnings: string[] = [];
  if (bytes.length === 0) throw new InputError(source, 'empty file');

  const bom = sniffBom(bytes);
  const rest = bom ? bytes.subarray(bom.length) : bytes;
  let charset: string | null = bom ? bom.charset : null;
  let declaredBy: string | null = bom ? 'byte-order mark' : null;

  if (!charset) {
    const raw = contentTypeCharset(opts.contentType);
    if (raw) {
      const cs = normalizeCharset(raw);
      if (cs) [charset, declaredBy] = [cs, 'Content-Type header'];
      else warnings.push(`unknown charset '${clip(raw)}' in the Content-Type header; ignored`);
    }
  }

  const utf16 = charset === 'utf-16le' || charset === 'utf-16be';
  if (!utf16 && looksBinary(rest)) throw new InputError(source, 'binary file, not text or HTML');

  let format: InputFormat | null = opts.format ?? null;
  if (!charset) {
    const guess = format ?? sniffFormat(latin1Head(rest, 2048));
    if (guess === 'html') {
      const raw = metaCharset(rest);
      if (raw) {
        let cs = normalizeCharset(raw);
        // A page can't declare UTF-16 in ASCII bytes; the Encoding Standard reads that as UTF-8.
        if (cs === 'utf-16le' || cs === 'utf-16be') cs = 'utf-8';
        if (cs) [charset, declaredBy] = [cs, '<meta> charset'];
        else warnings.push(`unknown charset '${clip(raw)}' in <meta>; ignored`);
      }
    }
  }

  if (charset && charset !== 'utf-8' && !utf16 && declaredBy !== 'byte-order mark') {
    // A legacy label on bytes that are well-formed UTF-8 with non-ASCII characters is almost always a wrong label
    // (servers that default to ISO-8859-1): UTF-8 that isn't meant to be is vanishingly rare in real text.
    if (hasNonAscii(rest) && isValidUtf8(rest)) {
      warnings.push(`${declaredBy} says '${charset}' but the bytes are valid UTF-8; decoded as utf-8`);
      charset = 'utf-8';
    }
  } else if (charset === 'utf-8' && !isValidUtf8(rest)) {
    const { multibyte, invalid } = utf8Stats(rest);
    if (multibyte === 0 && declaredBy !== 'byte-order mark') {
      warnings.push(`${declaredBy} says 'utf-8' but the bytes are not UTF-8; decoded as windows-1252`);
      charset = 'windows-1252';
    } else {
      warnings.push(`${invalid} malformed UTF-8 byte sequence${invalid === 1 ? '' : 's'} replaced with U+FFFD`);
    }
  }

  if (!charset) {
    if (isValidUtf8(rest)) charset = 'utf-8';
    else {
      charset = 'windows-1252';
      warnings.push('no charset declared and the bytes are not UTF-8; decoded as windows-1252');
    }
  }

  let body = decodeWith(rest, charset);
  if (utf16 && looksBinaryText(body)) throw new InputError(source, 'binary file, not text or HTML');
  if (body.charCodeAt(0) === 0xfeff) body = body.slice(1);
  if (!/\S/.test(body)) throw new InputError(source, 'empty file');
  format ??= sniffFormat(body.slice(0, 2048));
  return { body, charset, format, warnings };
}

function clip(s: string): string {
  const one = s.replace(/[\r\n\t]+/g, ' ');
  return one.length > 40 ? `${one.slice(0, 40)}...` : one;
}
