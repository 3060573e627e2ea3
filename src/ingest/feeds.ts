// Feeds → items: RSS 2.0 (and 0.9x), RSS 1.0 (RDF), Atom 1.0 and JSON Feed 1.x.
// XML is parsed with htmlparser2 in xml mode (already a dependency); links are resolved against the feed URL and
// only http(s) item links are kept. Dates keep the offset they were written with ("2025-06-10T23:30:00-04:00"),
// so their day (the first ten characters) is the day the publisher meant.
import { parseDocument } from 'htmlparser2';
import type { Element, AnyNode } from 'domhandler';
import { textContent } from 'domutils';
import { InputError } from '../errors.js';
import { contentTypeCharset, decodeWith, isValidUtf8, normalizeCharset, sniffBom } from './charset.js';

export interface FeedItem {
  url: string;
  title: string | null;
  /** ISO 8601 with the offset as written, or null. */
  published: string | null;
  /** Plain text (HTML removed), or null. */
  summary: string | null;
  /** The item's guid / id, when given. */
  id: string | null;
}

export interface Feed {
  kind: 'rss' | 'rdf' | 'atom' | 'json';
  title: string | null;
  /** The site the feed is for, when given. */
  link: string | null;
  items: FeedItem[];
}

export interface ParseFeedOptions {
  /** The feed's URL: names it in errors and resolves relative links. */
  url?: string;
  /** The HTTP Content-Type, for its charset. */
  contentType?: string | null;
}

// --- text ------------------------------------------------------------------------------------------------------

/** Bytes → text: BOM, then the Content-Type charset, then the XML declaration, then UTF-8 (else windows-1252). */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string | null): string {
  const bom = sniffBom(bytes);
  if (bom) return decodeWith(bytes.subarray(bom.length), bom.charset);
  const fromHeader = normalizeCharset(contentTypeCharset(contentType));
  if (fromHeader) return decodeWith(bytes, fromHeader);
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 512)).toString('latin1');
  const decl = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  const declared = normalizeCharset(decl?.[1]);
  if (declared && declared !== 'utf-16le' && declared !== 'utf-16be') return decodeWith(bytes, declared);
  return decodeWith(bytes, isValidUtf8(bytes) ? 'utf-8' : 'windows-1252');
}

/** HTML (or plain text) → one line of plain text. */
export function plainText(html: string | null | undefined): string | null {
  if (html == null) return null;
  let s = html;
  if (/<[a-z!/]/i.test(s) || /&[#a-z0-9]+;/i.test(s)) s = textContent(parseDocument(s, { decodeEntities: true }));
  s = s.replace(/\s+/g, ' ').trim();
  return s || null;
}

// --- dates ------------------------------------------------------------------------------------------------------

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const ZONES: Record<string, string> = {
  gmt: '+00:00', ut: '+00:00', utc: '+00:00', z: '+00:00',
  est: '-05:00', edt: '-04:00', cst: '-06:00', cdt: '-05:00', mst: '-07:00', mdt: '-06:00', pst: '-08:00', pdt: '-07:00',
};
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A feed date (RFC 822 as RSS writes it, or ISO 8601 / RFC 3339 as Atom and JSON Feed do) → ISO 8601 keeping the
 * written offset; null when it is not a date.
 */
export function parseFeedDate(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = s.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(t);
  if (iso) {
    const [, y, mo, d, h, mi, se, z] = iso;
    if (Number.isNaN(Date.parse(`${y}-${mo}-${d}T00:00:00Z`))) return null;
    if (h === undefined) return `${y}-${mo}-${d}`;
    const off = z === undefined ? 'Z' : z.toUpperCase() === 'Z' ? 'Z' : z.includes(':') ? z : `${z.slice(0, 3)}:${z.slice(3)}`;
    return `${y}-${mo}-${d}T${h}:${mi}:${se ?? '00'}${off}`;
  }
  const rfc = /^(?:[a-z]{3,9},?\s*)?(\d{1,2})[\s-]+([a-z]{3})[a-z]*\.?[\s-]+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([+-]\d{4}|[a-z]{1,5})?/i.exec(t);
  if (rfc) {
    const [, d, mon, yRaw, h, mi, se, z] = rfc;
    const m = MONTHS[mon!.toLowerCase()];
    let y = Number(yRaw);
    if (yRaw!.length === 2) y += y < 50 ? 2000 : 1900;
    if (m) {
      const day = `${pad(y, 4)}-${pad(m)}-${pad(Number(d))}`;
      if (!Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && Number(d) <= 31) {
        if (h === undefined) return day;
        let off = 'Z';
        if (z && /^[+-]\d{4}$/.test(z)) off = z === '+0000' || z === '-0000' ? 'Z' : `${z.slice(0, 3)}:${z.slice(3)}`;
        else if (z && ZONES[z.toLowerCase()]) off = ZONES[z.toLowerCase()] === '+00:00' ? 'Z' : ZONES[z.toLowerCase()]!;
        return `${day}T${pad(Number(h))}:${mi}:${se ?? '00'}${off}`;
      }
    }
  }
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

/** The day (YYYY-MM-DD) of a parsed feed date, as the publisher wrote it. */
export function feedDay(published: string | null | undefined): string | null {
  const m = /^\d{4}-\d{2}-\d{2}/.exec(published ?? '');
  return m ? m[0] : null;
}

// --- XML helpers -------------------------------------------------------------------------------------------------

const isEl = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';
const localName = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase();
/** Child elements, by exact (lower-cased, prefixed when prefixed) name: "link" is not "atom:link". */
const kids = (el: Element | null, name?: string): Element[] =>
  el ? el.children.filter(isEl).filter((c) => !name || c.name.toLowerCase() === name) : [];
const kid = (el: Element | null, name: string): Element | null => kids(el, name)[0] ?? null;
/** The trimmed text of the first of the named children that has any. */
const text = (el: Element | null, ...names: string[]): string | null => {
  for (const name of names) {
    for (const c of kids(el, name)) {
      const t = textContent(c).trim();
      if (t) return t;
    }
  }
  return null;
};

function resolveLink(href: string | null | undefined, base: string | undefined): string | null {
  if (!href) return null;
  try {
    const u = base ? new URL(href.trim(), base) : new URL(href.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

// --- formats ------------------------------------------------------------------------------------------------------

function rssItem(item: Element, base: string | undefined): FeedItem | null {
  const guid = kid(item, 'guid');
  const guidText = guid ? textContent(guid).trim() : null;
  const permalink = guid && guid.attribs.isPermaLink?.toLowerCase() !== 'false' ? guidText : null;
  const url = resolveLink(text(item, 'link'), base) ?? resolveLink(permalink, base);
  if (!url) return null;
  return {
    url,
    title: plainText(text(item, 'title')),
    published: parseFeedDate(text(item, 'pubdate', 'dc:date', 'date')),
    summary: plainText(text(item, 'description', 'content:encoded', 'summary')),
    id: guidText || null,
  };
}

function atomLink(entry: Element, base: string | undefined): string | null {
  const links = kids(entry, 'link');
  const rel = (l: Element) => (l.attribs.rel ?? 'alternate').toLowerCase();
  const alt = links.filter((l) => rel(l) === 'alternate');
  const best = alt.find((l) => /html/i.test(l.attribs.type ?? 'text/html')) ?? alt[0];
  return resolveLink(best?.attribs.href, base);
}

/** Atom text constructs: type="html" is escaped HTML, "xhtml" a div of markup, else plain text. */
function atomText(el: Element | null): string | null {
  if (!el) return null;
  return plainText(textContent(el));
}

function atomEntry(entry: Element, base: string | undefined): FeedItem | null {
  const url = atomLink(entry, base) ?? resolveLink(text(entry, 'id'), base);
  if (!url) return null;
  return {
    url,
    title: atomText(kid(entry, 'title')),
    published: parseFeedDate(text(entry, 'published', 'updated', 'issued', 'modified')),
    summary: atomText(kid(entry, 'summary') ?? kid(entry, 'content')),
    id: text(entry, 'id'),
  };
}

interface JsonFeedItem {
  id?: unknown;
  url?: unknown;
  external_url?: unknown;
  title?: unknown;
  summary?: unknown;
  content_text?: unknown;
  content_html?: unknown;
  date_published?: unknown;
  date_modified?: unknown;
}

const str = (x: unknown): string | null => (typeof x === 'string' && x.trim() ? x : typeof x === 'number' ? String(x) : null);

function parseJsonFeed(body: string, name: string, base: string | undefined): Feed {
  let j: { version?: unknown; title?: unknown; home_page_url?: unknown; items?: unknown };
  try {
    j = JSON.parse(body) as typeof j;
  } catch {
    throw new InputError(name, 'not a feed: invalid JSON');
  }
  if (!j || typeof j !== 'object' || typeof j.version !== 'string' || !/jsonfeed\.org\/version\//.test(j.version)) {
    throw new InputError(name, 'not a feed: JSON without a JSON Feed "version"');
  }
  const items: FeedItem[] = [];
  for (const it of Array.isArray(j.items) ? (j.items as JsonFeedItem[]) : []) {
    if (!it || typeof it !== 'object') continue;
    const url = resolveLink(str(it.url), base) ?? resolveLink(str(it.external_url), base);
    if (!url) continue;
    items.push({
      url,
      title: plainText(str(it.title)),
      published: parseFeedDate(str(it.date_published) ?? str(it.date_modified)),
      summary: plainText(str(it.summary) ?? str(it.content_text) ?? str(it.content_html)),
      id: str(it.id),
    });
  }
  return { kind: 'json', title: str(j.title), link: resolveLink(str(j.home_page_url), base), items };
}

/** Parses a feed (bytes or text). Throws an InputError naming the feed when it is not RSS, Atom or JSON Feed. */
export function parseFeed(input: Uint8Array | string, o: ParseFeedOptions = {}): Feed {
  const name = o.url ?? 'feed';
  const body = typeof input === 'string' ? input : decodeFeedBytes(input, o.contentType);
  const start = body.replace(/^\uFEFF/, '').trimStart();
  if (!start) throw new InputError(name, 'not a feed: empty');
  if (start.startsWith('{')) return parseJsonFeed(start, name, o.url);

  const doc = parseDocument(start, { xmlMode: true, decodeEntities: true, recognizeCDATA: true });
  const root = doc.children.filter(isEl)[0] ?? null;
  const rootName = root ? localName(root.name) : '';
  const dedupe = (items: (FeedItem | null)[]) => {
    const seen = new Set<string>();
    return items.filter((i): i is FeedItem => !!i && !seen.has(i.url) && !!seen.add(i.url));
  };
  if (root && rootName === 'rss') {
    const channel = kid(root, 'channel');
    return {
      kind: 'rss',
      title: plainText(text(channel, 'title')),
      link: resolveLink(text(channel, 'link'), o.url),
      items: dedupe(kids(channel, 'item').map((i) => rssItem(i, o.url))),
    };
  }
  if (root && rootName === 'rdf') {
    const channel = kid(root, 'channel');
    return {
      kind: 'rdf',
      title: plainText(text(channel, 'title')),
      link: resolveLink(text(channel, 'link'), o.url),
      items: dedupe(kids(root, 'item').map((i) => rssItem(i, o.url))),
    };
  }
  if (root && rootName === 'feed') {
    const site = kids(root, 'link').find((l) => (l.attribs.rel ?? 'alternate') === 'alternate');
    return {
      kind: 'atom',
      title: atomText(kid(root, 'title')),
      link: resolveLink(site?.attribs.href, o.url),
      items: dedupe(kids(root, 'entry').map((e) => atomEntry(e, o.url))),
    };
  }
  const what = root ? `<${root.name}>` : /^<(!doctype\s+html|html)/i.test(start) ? 'an HTML page' : 'unrecognised content';
  throw new InputError(name, `not an RSS, Atom or JSON feed (found ${what.startsWith('<') ? `root element ${what}` : what})`);
}
