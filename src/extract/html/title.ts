// Choosing the article title and trimming a trailing (or leading) site name from it.
import type { AnyNode, Element } from 'domhandler';
import { closest, isElement, squash, tagName, textOf } from './dom.js';
import { metaOf, type PageMeta } from './meta.js';

const SEP = /\s+(?:[|\-–—·•»~\/]|::|\\)\s+|\s*::\s*/;

/** Folded for comparisons: lower case, letters and digits only, single spaces. */
export function foldTitle(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function sameSite(part: string, site: string | null, host: string | null, others: string[] = []): boolean {
  const p = foldTitle(part);
  if (!p) return false;
  for (const name of site ? [site, ...others] : others) {
    const s = foldTitle(name);
    if (s && (p === s || (p.length >= 3 && (s.includes(p) || (p.includes(s) && p.length <= s.length + 6))))) return true;
  }
  if (host) {
    const compact = p.replace(/ /g, '');
    const h = host.split('.').slice(0, -1).join('');
    if (compact.length >= 3 && h && (h.includes(compact) || compact === h)) return true;
  }
  return false;
}

/** Removes site-name parts at either end of a title ("Story | Site", "Site - Story"). */
export function stripSiteName(title: string, site: string | null, host: string | null, h1s: string[] = [], otherSites: string[] = []): string {
  const t = squash(title);
  const parts = t.split(SEP).filter((p) => p.trim());
  if (parts.length < 2) return t;
  // a part equal to an on-page h1 is the headline itself
  const fh = h1s.map(foldTitle).filter((x) => x.length >= 8);
  if (fh.includes(foldTitle(t))) return t;
  for (let i = 0; i < parts.length - 1; i++) {
    const p = parts[i];
    if (fh.includes(foldTitle(p)) && !sameSite(p, site, host, otherSites)) return p.trim();
  }
  const seps = t.match(new RegExp(SEP.source, 'g')) ?? [];
  let a = 0;
  let b = parts.length;
  while (b - a > 1 && sameSite(parts[b - 1], site, host, otherSites)) b--;
  while (b - a > 1 && sameSite(parts[a], site, host, otherSites)) a++;
  if (a === 0 && b === parts.length) return t;
  let out = parts[a];
  for (let i = a + 1; i < b; i++) out += seps[i - 1] + parts[i];
  return out.trim();
}

/** True when one folded title contains the other. */
function agrees(a: string, b: string): boolean {
  const fa = foldTitle(a);
  const fb = foldTitle(b);
  return !!fa && !!fb && (fa.includes(fb) || fb.includes(fa));
}

const HOME_HREF = /^(?:\/|\.\/?|(?:\.\.\/)*index\.(?:html?|php)|https?:\/\/[^/?#]+\/?(?:index\.(?:html?|php))?)$/i;

/** An h1 that is a link to the home page (`<h1><a href="/">Site</a></h1>`): the site's name, not a headline. */
export function isSiteH1(h: Element): boolean {
  let a: Element | null = closest(h, (e) => tagName(e) === 'a');
  if (!a) {
    const stack: AnyNode[] = [...h.children];
    for (let steps = 0; stack.length && steps < 200; steps++) {
      const n = stack.shift()!;
      if (!isElement(n)) continue;
      if (tagName(n) === 'a') {
        a = n;
        break;
      }
      stack.push(...n.children);
    }
  }
  if (!a || !HOME_HREF.test((a.attribs?.href ?? '').trim())) return false;
  const fh = foldTitle(textOf(h));
  return !!fh && foldTitle(textOf(a)).length >= 0.8 * fh.length;
}

const LAST_SEP = /\s+[|\-–—·•»]\s+(?!.*\s[|\-–—·•»]\s)/;

function words(s: string): number {
  return foldTitle(s).split(' ').filter(Boolean).length;
}

/**
 * "Headline – My website", "Post title | Section | Author": a <title> with no site name known and no h1 to check it
 * against loses its last part when what remains still reads as a headline (3+ words, longer than the part dropped).
 */
export function dropTrailingPart(title: string): string {
  const m = LAST_SEP.exec(title);
  if (!m) return title;
  const rest = title.slice(0, m.index).trim();
  const last = title.slice(m.index + m[0].length).trim();
  const wr = words(rest);
  return wr >= 3 && words(last) < wr ? rest : title;
}

export function chooseTitle(m: PageMeta, site: string | null, host: string | null): string | null {
  // h1s that link to the home page name the site (and help strip it from the <title>), they are not headlines
  const siteH1s: string[] = [];
  const h1s: string[] = [];
  for (const e of m.h1s) {
    const s = squash(textOf(e)).replace(/\s*[¶§#]+$/, ''); // a permalink mark after a heading
    if (!s || s.length > 300) continue;
    if (isSiteH1(e)) siteH1s.push(s);
    else h1s.push(s);
  }
  if (!h1s.length && siteH1s.length && m.h1s.length === siteH1s.length && !metaOf(m, 'og:title') && !m.titleTag) h1s.push(...siteH1s);
  const tag = m.titleTag && m.titleTag.length <= 500 ? squash(m.titleTag) : null;
  const metas = [
    m.jsonld.headline,
    m.jsonld.name,
    metaOf(m, 'dc:title', 'dcterm:title', 'dcterms:title'),
    metaOf(m, 'og:title'),
    metaOf(m, 'twitter:title'),
    metaOf(m, 'dc.title', 'dcterms.title', 'title', 'headline', 'sailthru.title', 'parsely-title'),
  ]
    .filter((s): s is string => !!s && s.length <= 500)
    .map(squash);
  // the page's own words for its headline: <title> and the h1s; a metadata title that disagrees with
  // all of them (a site-wide og:title, a JSON-LD "headline" holding a description) loses to one that agrees
  const witnesses = [...(tag ? [tag] : []), ...h1s.filter((h) => foldTitle(h).length >= 8)];
  let t: string | null = null;
  if (metas.length) {
    t = witnesses.length ? metas.find((c) => witnesses.some((w) => agrees(c, w))) ?? null : metas[0];
  }
  // no metadata title agrees: trust <title> only when an h1 backs it, else the metadata
  if (!t && metas.length && !(tag && h1s.some((h) => foldTitle(h).length >= 8 && agrees(h, tag)))) t = metas[0];
  if (!t && tag) {
    const ft = foldTitle(tag);
    // an h1 that the <title> contains is the headline without the site decoration
    const h = h1s.find((x) => foldTitle(x).length >= 8 && ft.includes(foldTitle(x)));
    t = h ?? tag;
  }
  if (!t && metas.length) t = metas[0];
  if (!t && h1s.length) t = h1s[0];
  if (!t) return null;
  const stripped = stripSiteName(t, site, host, h1s, siteH1s);
  if (stripped === t && t === tag && !site && !metas.length && !h1s.some((h) => foldTitle(h).length >= 8 && agrees(h, t!))) {
    return dropTrailingPart(t);
  }
  return stripped || t;
}
