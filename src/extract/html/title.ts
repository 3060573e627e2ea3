// Choosing the article title and trimming a trailing (or leading) site name from it.
import { squash, textOf } from './dom.js';
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

function sameSite(part: string, site: string | null, host: string | null): boolean {
  const p = foldTitle(part);
  if (!p) return false;
  if (site) {
    const s = foldTitle(site);
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
export function stripSiteName(title: string, site: string | null, host: string | null, h1s: string[] = []): string {
  const t = squash(title);
  const parts = t.split(SEP).filter((p) => p.trim());
  if (parts.length < 2) return t;
  // a part equal to an on-page h1 is the headline itself
  const fh = h1s.map(foldTitle).filter((x) => x.length >= 8);
  if (fh.includes(foldTitle(t))) return t;
  for (let i = 0; i < parts.length - 1; i++) {
    const p = parts[i];
    if (fh.includes(foldTitle(p)) && !sameSite(p, site, host)) return p.trim();
  }
  const seps = t.match(new RegExp(SEP.source, 'g')) ?? [];
  let a = 0;
  let b = parts.length;
  while (b - a > 1 && sameSite(parts[b - 1], site, host)) b--;
  while (b - a > 1 && sameSite(parts[a], site, host)) a++;
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

export function chooseTitle(m: PageMeta, site: string | null, host: string | null): string | null {
  const h1s = m.h1s.map((e) => squash(textOf(e))).filter((s) => s && s.length <= 300);
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
  const stripped = stripSiteName(t, site, host, h1s);
  return stripped || t;
}
