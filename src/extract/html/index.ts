// HTML main-content extraction: parse, score the tree for the article body, emit typed paragraphs,
// and read title, dek, bylines, date, site, language and figures from the page.
import type { Element } from 'domhandler';
import { emptyExtracted, type Extracted } from '../extracted.js';
import { isFurniture } from '../../knowledge/boilerplate.js';
import { classId, closest, parseHtml, squash, tagName, textOf } from './dom.js';
import { BLOCK_TAGS, buildLayout, pickRoot, type Layout } from './layout.js';
import { emitBlocks, pushRemoved, type Block } from './blocks.js';
import { readMeta, metaOf, type PageMeta } from './meta.js';
import { chooseTitle, foldTitle } from './title.js';
import { cleanByline, looksLikeByline } from './byline.js';
import { toIsoDate } from './dates.js';
import { parseDateLine } from '../header-lines.js';
import { collectMedia } from './media.js';
import { baseUrl, hostOf } from './url.js';

export { splitCredit } from './media.js';

export interface ExtractHtmlOptions {
  url?: string | null;
}

const DEK_CI = /(?:^|[^a-z])(?:dek|deck|standfirst|subtitle|sub-?title|subhead|sub-?headline|summary|article-?summary|lede|strapline|teaser-?text|description|intro|excerpt)(?:$|[^a-z])/;

// a cheap test before the date parser: a year and a month name or a numeric date
const DATE_HINT = /\d{4}/;
const DATE_HINT2 = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}/i;

const COMMENT_CI = /(?:^|[^a-z])(?:comment(?!ed|ary)|repl(?:y|ies)|disqus|respond)/;
const STRONG_DEK_CI = /(?:^|[^a-z])(?:dek|deck|standfirst|subtitle|sub-?title|sub-?headline|strapline)(?:$|[^a-z])/;

/** Extracts the article from an HTML page. Never throws: unusable input gives an empty article. */
export function extractHtml(html: string, opts: ExtractHtmlOptions = {}): Extracted {
  try {
    return run(typeof html === 'string' ? html : String(html ?? ''), opts ?? {});
  } catch {
    return emptyExtracted();
  }
}

function subtreeEnds(L: Layout): Int32Array {
  const N = L.els.length;
  const end = new Int32Array(N);
  for (let i = 0; i < N; i++) end[i] = i + 1;
  for (let i = N - 1; i > 0; i--) {
    const p = L.parent[i];
    if (p >= 0 && end[i] > end[p]) end[p] = end[i];
  }
  return end;
}

/** The nearest <article>/<main>/articleBody ancestor (or self) within a few levels, else the root. */
function articleScope(L: Layout, root: number): number {
  let cur = root;
  for (let k = 0; k < 4 && cur >= 0; k++) {
    const t = tagName(L.els[cur]);
    if (t === 'article' || t === 'main') return cur;
    if (t === 'body') break;
    cur = L.parent[cur];
  }
  return root;
}

/**
 * A "By X" / "Posted by X on …" line in the article region outside the body root (header or foot of the post), as
 * names; the topmost small block of each subtree is tested once.
 */
function regionBylines(L: Layout, region: number, root: number, end: Int32Array): string[] {
  if (region < 0 || region === root) return [];
  for (let i = region + 1; i < end[region]; i++) {
    const len = L.text[i];
    if (i === root || L.mark[i] === 1 || len < 4) {
      i = end[i] - 1;
      continue;
    }
    const e = L.els[i];
    if (len > 150 || !BLOCK_TAGS.has(tagName(e))) continue;
    i = end[i] - 1;
    if (COMMENT_CI.test(classId(e))) continue;
    const s = squash(textOf(e));
    if (looksLikeByline(s)) {
      const names = cleanByline(s);
      if (names.length) return names;
    }
  }
  return [];
}

function bylinesOf(m: PageMeta, L: Layout, scope: number, end: Int32Array, bodyBylines: string[], region: number, root: number): string[] {
  if (m.jsonld.authors.length) {
    const names = m.jsonld.authors.flatMap(cleanByline);
    if (names.length) return names;
  }
  const metaAuthor = ['dc:creator', 'dcterm:creator', 'dcterms:creator', 'author', 'article:author', 'og:article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'byl', 'citation_author']
    .map((k) => (m.metas.get(k) ?? []).filter((v) => !/^https?:\/\//i.test(v)))
    .find((vs) => vs.length) ?? [];
  if (metaAuthor.length) {
    const names = [...new Set(metaAuthor.flatMap(cleanByline))];
    if (names.length) return names.slice(0, 10);
  }
  if (bodyBylines.length) return bodyBylines;
  // byline elements, those inside the article first
  const inScope = (e: Element) => {
    const i = L.index.get(e);
    return i !== undefined && scope >= 0 && i >= scope && i < end[scope];
  };
  const fromEls = (els: Element[]): string[] => {
    for (const e of els) {
      const i = L.index.get(e);
      if (i === undefined) continue; // hidden
      if (closest(e, (a) => COMMENT_CI.test(classId(a)))) continue; // a commenter's name
      const s = squash(textOf(e));
      if (!s || s.length > 150) continue;
      const names = cleanByline(s);
      if (names.length) return names;
    }
    return [];
  };
  const inside = fromEls(m.bylineEls.filter(inScope));
  if (inside.length) return inside;
  // an unmarked "Posted by X on <date>" line around the body
  const lines = regionBylines(L, region, root, end);
  if (lines.length) return lines;
  const outside = fromEls(m.bylineEls.filter((e) => !inScope(e)));
  if (outside.length) return outside;
  if (m.relAuthors.length) return [...new Set(m.relAuthors.flatMap(cleanByline))].slice(0, 10);
  return [];
}

function publishedOf(m: PageMeta, L: Layout, scope: number, end: Int32Array): string | null {
  const raw =
    m.jsonld.datePublished ??
    metaOf(
      m, 'article:published_time', 'og:article:published_time', 'published_time', 'article:published', 'datepublished',
      'pubdate', 'publishdate', 'publish-date', 'publish_date', 'parsely-pub-date', 'sailthru.date', 'dc.date.issued',
      'dcterms.issued', 'dc.date', 'dcterms.date', 'dcterms.created', 'date', 'citation_publication_date', 'article.published',
    );
  const iso = toIsoDate(raw);
  if (iso) return iso;
  const inScope = (e: Element) => {
    const i = L.index.get(e);
    return i !== undefined && scope >= 0 && i >= scope && i < end[scope];
  };
  const pick = (e: Element) => toIsoDate(e.attribs?.datetime ?? e.attribs?.content ?? squash(textOf(e)));
  const marked = m.timeEls.filter((e) => e.attribs?.pubdate != null || /datePublished/i.test(e.attribs?.itemprop ?? '') || /publish/.test(classId(e)));
  for (const e of marked) {
    const d = pick(e);
    if (d) return d;
  }
  for (const e of [...m.timeEls.filter(inScope), ...m.timeEls]) {
    if (!e.attribs?.datetime) continue;
    const d = pick(e);
    if (d) return d;
  }
  return null;
}

function dekOf(m: PageMeta, L: Layout, root: number, end: Int32Array, blocks: Block[], title: string | null): string | null {
  const desc = m.jsonld.description ?? metaOf(m, 'og:description', 'description', 'twitter:description');
  const fd = desc ? foldTitle(desc) : '';
  const firstP = blocks.find((b) => b.kind === 'p');
  const firstFold = firstP ? foldTitle(firstP.text) : '';
  const ft = title ? foldTitle(title) : '';
  // a dek-classed element before the body (or at its very start)
  const limit = root >= 0 ? Math.min(end[root], root + 400) : L.els.length;
  const start = root >= 0 ? Math.max(0, root - 400) : 0;
  for (let i = start; i < limit; i++) {
    const e = L.els[i];
    if (L.text[i] < 20 || L.text[i] > 600) continue;
    const ci = classId(e);
    if (!ci || !DEK_CI.test(ci)) continue;
    if (/caption|credit|comment|related|promo|teaser-list|slideshow|gallery|carousel|flyout|editor/.test(ci)) continue;
    // not in a menu, sidebar, ad or form, and not a link (a story teaser's summary)
    if (L.furn[i] || L.mark[i] || L.link[i] > 0.5 * L.text[i]) continue;
    const s = squash(textOf(e));
    const f = foldTitle(s);
    if (!f || f === ft || s.length < 20) continue;
    if ((s.match(/\d/g)?.length ?? 0) > 0.25 * s.length) continue; // a ticker or table of figures
    // "intro"/"summary" classes may mark the lede itself; "standfirst"/"dek"/"subtitle" do not
    if (firstFold && f === firstFold && root >= 0 && i > root && !STRONG_DEK_CI.test(ci)) continue;
    return s;
  }
  // the description when it is written on the page apart from the body's first paragraph
  // (a description that repeats a later body paragraph is a summary taken from the body, not a dek)
  if (fd && fd.length >= 20 && fd !== firstFold && !firstFold.startsWith(fd) && !blocks.some((b) => b.text.length >= fd.length * 0.8 && b.text.length <= fd.length * 1.3 + 10 && foldTitle(b.text) === fd)) {
    for (let i = 0; i < L.els.length; i++) {
      const len = L.text[i];
      if (len < fd.length * 0.8 || len > fd.length * 1.3 + 10) continue;
      const t = tagName(L.els[i]);
      if (t !== 'p' && t !== 'h2' && t !== 'h3' && t !== 'div' && t !== 'span' && t !== 'header') continue;
      if (L.furn[i] || L.link[i] > 0.5 * len) continue; // a teaser's summary in a menu or promo
      if (foldTitle(textOf(L.els[i])) === fd) return squash(desc!);
    }
  }
  return null;
}

/**
 * The nearest ancestor of the scope (a few levels up, below <body>) that also holds the page's headline h1: the
 * article's own region when the page has no <article> around header, figure and body. The scope itself otherwise.
 */
function headlineRegion(L: Layout, scope: number, end: Int32Array, m: PageMeta, ft: string): number {
  const heads: number[] = [];
  for (const h of m.h1s) {
    const i = L.index.get(h);
    if (i === undefined) continue;
    const f = foldTitle(textOf(h));
    if (f && ft && (f === ft || (f.length >= 8 && (ft.includes(f) || f.includes(ft))))) heads.push(i);
  }
  if (!heads.length || heads.some((i) => i >= scope && i < end[scope])) return scope;
  let cur = L.parent[scope];
  for (let k = 0; k < 4 && cur >= 0; k++) {
    const t = tagName(L.els[cur]);
    if (t === 'body' || t === 'html' || L.furn[cur]) break;
    // not a wrapper of most of the page
    if (L.text[cur] > 3 * L.text[scope] + 3000) break;
    const c = cur;
    if (heads.some((i) => i > c && i < end[c])) return cur;
    cur = L.parent[cur];
  }
  return scope;
}

function datelinesOf(L: Layout, scope: number, end: Int32Array): string[] {
  const out: string[] = [];
  if (scope < 0) return out;
  for (let i = scope; i < end[scope] && out.length < 3; i++) {
    const ci = classId(L.els[i]);
    if (!ci || !/(?:^|[^a-z])dateline(?:$|[^a-z])/.test(ci)) continue;
    const s = squash(textOf(L.els[i])).replace(/[\s,:—–-]+$/, '');
    if (s && s.length <= 40 && /^\p{Lu}/u.test(s) && !/\d{4}/.test(s)) out.push(s);
  }
  return out;
}

function run(html: string, opts: ExtractHtmlOptions): Extracted {
  const x = emptyExtracted();
  if (!html.trim()) return x;
  const doc = parseHtml(html);
  const m = readMeta(doc);
  const L = buildLayout(doc);
  const end = subtreeEnds(L);
  const root = pickRoot(L);
  const em = emitBlocks(L, root);
  const host = hostOf(opts.url ?? null);
  const siteName = metaOf(m, 'og:site_name', 'application-name', 'al:ios:app_name') ?? m.jsonld.publisher;
  x.siteName = siteName ? squash(siteName) : null;
  x.language = m.lang ?? metaOf(m, 'og:locale', 'content-language', 'dc.language', 'language')?.replace(/_/g, '-') ?? null;
  x.title = chooseTitle(m, x.siteName, host);

  const ft = x.title ? foldTitle(x.title) : '';
  const h1Folds = new Set(m.h1s.map((e) => foldTitle(textOf(e))).filter((s) => s.length >= 4));
  const removed: string[] = [...em.removed];
  const bodyBylines: string[] = [];
  const blocks: Block[] = [];
  let seenText = false;
  for (const b of em.blocks) {
    if (!seenText && (b.kind === 'heading' || blocks.length < 3) && b.text.length <= 500) {
      const f = foldTitle(b.text);
      if (f && (f === ft || (b.kind === 'heading' && h1Folds.has(f) && tagName(L.els[b.owner]) === 'h1'))) {
        // the headline; short lines above it are a kicker or section label ("World"), not body
        if (blocks.length <= 2 && blocks.every((k) => k.text.length <= 40 && k.kind !== 'list-item')) {
          for (const k of blocks) pushRemoved(removed, k.text);
          blocks.length = 0;
        }
        continue;
      }
    }
    if (!seenText && looksLikeByline(b.text)) {
      bodyBylines.push(...cleanByline(b.text));
      continue;
    }
    // a date line ("Thu 21 Mar 2024 16.30 GMT", "Published 12 March 2024") in the header part of the root
    if (!seenText && b.kind !== 'heading' && b.text.length <= 80 && DATE_HINT.test(b.text) && DATE_HINT2.test(b.text) && parseDateLine(b.text)) {
      pushRemoved(removed, b.text);
      continue;
    }
    if (b.text.length <= 400 && isFurniture(b.text)) {
      pushRemoved(removed, b.text);
      continue;
    }
    if (b.kind === 'p' && b.text.length > 60) seenText = true;
    blocks.push(b);
  }
  // JSON-LD articleBody as a fallback when the page body was not found
  const ab = m.jsonld.articleBody;
  const bodyChars = blocks.reduce((n, b) => n + b.text.length, 0);
  if (ab && ab.length > 500 && bodyChars < ab.length * 0.3) {
    blocks.length = 0;
    for (const para of ab.split(/\n\s*\n|\r?\n/)) {
      const t = squash(para);
      if (t) blocks.push({ kind: 'p', text: t, owner: root });
    }
  }

  const scope = root >= 0 ? articleScope(L, root) : -1;
  // furniture near the body: inside the article scope but outside the chosen root
  if (scope >= 0 && scope !== root) {
    for (let i = scope + 1; i < end[scope] && removed.length < 100; i++) {
      if (i === root) {
        i = end[root] - 1;
        continue;
      }
      if (L.mark[i] === 1 && L.text[i] > 0) {
        pushRemoved(removed, textOf(L.els[i]));
        i = end[i] - 1;
      }
    }
  }
  x.removed = removed.slice(0, 100);
  const region = scope >= 0 ? headlineRegion(L, scope, end, m, ft) : -1;
  x.bylines = bylinesOf(m, L, scope, end, bodyBylines, region, root);
  x.published = publishedOf(m, L, scope, end);
  x.dek = dekOf(m, L, root, end, blocks, x.title);
  if (x.dek) {
    // the dek is said once: not again as the body's opening block
    const fd = foldTitle(x.dek);
    for (let k = 0; k < blocks.length && k < 4; k++) {
      if (foldTitle(blocks[k].text) === fd) {
        blocks.splice(k, 1);
        break;
      }
      if (blocks[k].kind === 'p' && blocks[k].text.length > 60) break; // the body text has begun
    }
  }
  x.blocks = blocks.map((b) => ({ kind: b.kind, text: b.text }));
  x.datelines = datelinesOf(L, scope, end);
  const base = baseUrl(opts.url ?? null, m.baseHref);
  if (scope >= 0) {
    // figures of the article: under the article scope, or in the header region that also holds the headline
    // (a lead image between the h1 and a body <div>), leaving out furniture outside the scope
    const inScope = (i: number) => i >= scope && i < end[scope];
    const skip = (e: Element) => {
      const i = L.index.get(e);
      return i !== undefined && L.mark[i] === 1 && !inScope(i);
    };
    x.media = collectMedia([L.els[region]], base, 100, skip);
  }
  return x;
}
