// Page metadata gathered in one iterative pass: <meta>, <title>, lang, <base>, JSON-LD, rel=author,
// <time>, itemprops and byline-looking elements.
import type { AnyNode, Element } from 'domhandler';
import { attr, classId, isElement, squash, tagName, textOf } from './dom.js';
import { readJsonLd, type JsonLdInfo } from './jsonld.js';

export interface PageMeta {
  /** name/property/itemprop (lower case) → content values, in document order. */
  metas: Map<string, string[]>;
  titleTag: string | null;
  lang: string | null;
  baseHref: string | null;
  jsonld: JsonLdInfo;
  relAuthors: string[];
  /** Elements whose class/id says byline/author, as found (text read later). */
  bylineEls: Element[];
  /** <time> elements and itemprop=datePublished elements. */
  timeEls: Element[];
  h1s: Element[];
}

const BYLINE_CI = /(?:^|[^a-z])(?:byline|by-line|author|authors|author-?name|writer|contributor|creditline|dateline-?author)(?:$|[^a-z])/;

export function readMeta(doc: AnyNode): PageMeta {
  const metas = new Map<string, string[]>();
  const add = (k: string, v: string) => {
    const key = k.toLowerCase().trim();
    const val = v.trim();
    if (!key || !val) return;
    const arr = metas.get(key);
    if (arr) {
      if (arr.length < 20) arr.push(val);
    } else metas.set(key, [val]);
  };
  let titleTag: string | null = null;
  let lang: string | null = null;
  let baseHref: string | null = null;
  const scripts: string[] = [];
  const relAuthors: string[] = [];
  const bylineEls: Element[] = [];
  const timeEls: Element[] = [];
  const h1s: Element[] = [];
  const stack: AnyNode[] = [doc];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) {
      const kids = (n as unknown as Element).children;
      if (kids && n.type === 'root') for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
      continue;
    }
    const t = tagName(n);
    const a = n.attribs ?? {};
    switch (t) {
      case 'html':
        if (!lang && a.lang) lang = a.lang.trim() || null;
        if (!lang && a['xml:lang']) lang = a['xml:lang'].trim() || null;
        break;
      case 'meta': {
        const content = a.content ?? a.value;
        if (content != null) {
          for (const k of [a.name, a.property, a.itemprop]) {
            if (k) for (const part of k.split(/\s+/)) add(part, content);
          }
        }
        if (a['http-equiv'] && /content-language/i.test(a['http-equiv']) && a.content && !lang) lang = a.content.trim();
        continue;
      }
      case 'title':
        if (titleTag == null) titleTag = squash(textOf(n, new Set()));
        continue;
      case 'base':
        if (baseHref == null && a.href) baseHref = a.href;
        continue;
      case 'script':
        if (a.type && /ld\+json/i.test(a.type) && scripts.length < 50) scripts.push(textOf(n, new Set()));
        continue;
      case 'style':
      case 'noscript':
      case 'template':
        continue;
      case 'svg':
        continue;
      case 'link':
        if (a.rel && /\bauthor\b/i.test(a.rel) && a.title) relAuthors.push(a.title);
        continue;
      case 'a':
        if (a.rel && /\bauthor\b/i.test(a.rel) && relAuthors.length < 10) {
          const s = squash(textOf(n));
          if (s && s.length < 80) relAuthors.push(s);
        }
        break;
      case 'time':
        if (timeEls.length < 50) timeEls.push(n);
        break;
      case 'h1':
        if (h1s.length < 20) h1s.push(n);
        break;
    }
    if (a.itemprop) {
      if (/\bdatePublished\b/i.test(a.itemprop) && t !== 'time' && timeEls.length < 50) timeEls.push(n);
      if (/\b(?:headline|name|author|publisher)\b/i.test(a.itemprop) && t !== 'meta') {
        // itemprop text values (e.g. itemprop="author" span)
        if (/\bauthor\b/i.test(a.itemprop) && bylineEls.length < 20) bylineEls.push(n);
      }
    }
    const ci = classId(n);
    if (ci && bylineEls.length < 20 && BYLINE_CI.test(ci) && t !== 'body' && t !== 'html' && t !== 'article') bylineEls.push(n);
    const kids = n.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return {
    metas, titleTag, lang, baseHref, jsonld: readJsonLd(scripts), relAuthors, bylineEls, timeEls, h1s,
  };
}

/** First meta value among the keys, in key order. */
export function metaOf(m: PageMeta, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = m.metas.get(k);
    if (v && v[0]) return v[0];
  }
  return null;
}
