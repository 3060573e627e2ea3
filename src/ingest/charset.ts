// Charset sniffing for bytes read from files, standard input or HTTP: BOM, then the Content-Type header,
// then <meta charset> in the first 4 KB of an HTML page, then "is it valid UTF-8?", else windows-1252
// (the order the WHATWG encoding sniffing algorithm uses, minus the network-only steps).
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** How many bytes of an HTML page are searched for a <meta> charset declaration. */
export const META_SCAN_BYTES = 4096;

export interface Bom {
  charset: 'utf-8' | 'utf-16le' | 'utf-16be';
  length: number;
}

/** The byte-order mark at the start of the bytes, if any. */
export function sniffBom(bytes: Uint8Array): Bom | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return null;
}

// Labels the WHATWG Encoding Standard maps to another encoding than their name says (browsers decode
// "iso-8859-1" and "us-ascii" pages as windows-1252), plus common spellings iconv-lite may not know.
const ALIASES: Record<string, string> = {
  'utf8': 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  'x-unicode20utf8': 'utf-8',
  'unicode11utf8': 'utf-8',
  'unicode20utf8': 'utf-8',
  'utf-16': 'utf-16le',
  'utf16': 'utf-16le',
  'ucs-2': 'utf-16le',
  'unicode': 'utf-16le',
  'unicodefeff': 'utf-16le',
  'csunicode': 'utf-16le',
  'iso-10646-ucs-2': 'utf-16le',
  'unicodefffe': 'utf-16be',
  'ascii': 'windows-1252',
  'us-ascii': 'windows-1252',
  'ansi_x3.4-1968': 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  'iso_8859-1': 'windows-1252',
  'iso88591': 'windows-1252',
  'latin1': 'windows-1252',
  'l1': 'windows-1252',
  'cp1252': 'windows-1252',
  'cp819': 'windows-1252',
  'ibm819': 'windows-1252',
  'x-cp1252': 'windows-1252',
  'iso-8859-9': 'windows-1254',
  'latin5': 'windows-1254',
  'iso-8859-11': 'windows-874',
  'tis-620': 'windows-874',
  'x-sjis': 'shift_jis',
  'sjis': 'shift_jis',
  'shift-jis': 'shift_jis',
  'ms_kanji': 'shift_jis',
  'windows-31j': 'shift_jis',
  'csshiftjis': 'shift_jis',
  'x-euc-jp': 'euc-jp',
  'gb2312': 'gbk',
  'x-gbk': 'gbk',
  'ks_c_5601-1987': 'euc-kr',
  'windows-949': 'euc-kr',
  'koi': 'koi8-r',
  'koi8': 'koi8-r',
  'x-mac-roman': 'macintosh',
  'mac': 'macintosh',
};

// Labels that name real encodings we refuse to decode with: UTF-7 is an XSS vector that browsers dropped,
// UTF-32 is treated as unknown by the Encoding Standard.
const REFUSED = new Set(['utf-7', 'utf7', 'csunicode11utf7', 'unicode-1-1-utf-7', 'utf-32', 'utf32', 'utf-32le', 'utf-32be']);

/**
 * The canonical name of a charset label ("UTF8" → "utf-8", "ISO-8859-1" → "windows-1252"), or null when
 * the label is unknown or refused. Never throws.
 */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.trim().replace(/^["']+|["']+$/g, '').trim().toLowerCase();
  if (!l || l.length > 40 || REFUSED.has(l)) return null;
  const mapped = ALIASES[l] ?? l;
  if (mapped === 'utf-8') return 'utf-8';
  try {
    return iconv.encodingExists(mapped) ? mapped : null;
  } catch {
    return null;
  }
}

/** The raw charset parameter of a Content-Type value ("text/html; charset=UTF-8" → "UTF-8"), or null. */
export function contentTypeCharset(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;,]+))/i.exec(contentType);
  const v = m ? (m[1] ?? m[2] ?? m[3] ?? '').trim() : '';
  return v || null;
}

/**
 * The raw charset label declared by a <meta charset=...> or <meta http-equiv="Content-Type" content="...;charset=...">
 * in the first 4 KB of the bytes (read as ASCII; comments are skipped), or null.
 */
export function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, META_SCAN_BYTES))
    .toString('latin1')
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
  const metaTag = /<meta\b([^>]*)>?/gi;
  for (let m = metaTag.exec(head); m; m = metaTag.exec(head)) {
    const attrs = metaAttributes(m[1] ?? '');
    const direct = attrs.get('charset')?.trim();
    if (direct) return direct;
    if (attrs.get('http-equiv')?.trim().toLowerCase() === 'content-type') {
      const cs = /charset\s*=\s*["']?\s*([^\s"';,]+)/i.exec(attrs.get('content') ?? '');
      if (cs?.[1]) return cs[1];
    }
  }
  return null;
}

/** The attributes of a tag (the text between "<meta" and ">"), first occurrence wins, names lower-cased. */
function metaAttributes(s: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const attr = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s>]+)))?/g;
  for (let m = attr.exec(s); m; m = attr.exec(s)) {
    const name = m[1]!.toLowerCase();
    if (!attrs.has(name)) attrs.set(name, m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** Whether the bytes are well-formed UTF-8 (ASCII included). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  return isUtf8(bytes);
}

/** Whether any byte is outside ASCII. */
export function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

/** Decodes bytes with a canonical charset name (from normalizeCharset); invalid sequences become U+FFFD. */
export function decodeWith(bytes: Uint8Array, charset: string): string {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (charset === 'utf-8') return buf.toString('utf8');
  return iconv.decode(buf, charset, { stripBOM: true });
}
