// Figures: image URL, caption and credit, kept apart from body text.
import type { AnyNode, Element } from 'domhandler';
import type { Media } from '../../model.js';
import { parseCaption } from '../header-lines.js';
import { classId, isElement, squash, tagName, textOf } from './dom.js';
import { resolveUrl } from './url.js';

const CREDIT_CI = /(?:^|[^a-z])(?:credit|credits|copyright|source|photographer|photo-?credit|image-?credit|attribution)(?:$|[^a-z])/;
const CREDIT_TAIL = [
  /\s*[(\[]?\b(?:photo(?:graph)?s?|image|picture|credit|foto|illustration|source|video)(?:\s+by)?\s*[:：]\s*([^\n]{2,100}?)[)\]]?\.?$/i,
  /\s*\(((?:[^()]{0,60}?\b(?:Reuters|AP|AFP|EPA|Getty|Shutterstock|Bloomberg|Xinhua|Photo|Pool|Handout|Images?)\b[^()]{0,60}?))\)\.?$/,
  /\s+((?:\p{Lu}[\p{L}.'-]*\s?){1,4}\/\s?(?:Getty Images|Reuters|AP|AFP|EPA|Shutterstock|Bloomberg|Pool|Handout)[\w ]{0,30})\.?$/u,
];

// "Photo: ", "Photograph by ", "Image credit: ", "© ", "(Photo: …)": the label in front of a credit, not part of it
const CREDIT_LABEL =
  /^[(\[]?\s*(?:(?:(?:photo(?:graph)?s?|image|picture|pic|foto|illustration|video|graphic|source)(?:\s+credit)?|credits?)\s*(?::|\bby\b)|©|\(c\)|copyright\b)\s*/i;

/** The credit without its label: "Photo: TPA" → "TPA", "Photograph: Jan Toller/Courier" → "Jan Toller/Courier". */
export function cleanCredit(credit: string | null): string | null {
  if (!credit) return null;
  let c = squash(credit);
  const m = CREDIT_LABEL.exec(c);
  if (m && m[0].length < c.length) {
    c = c.slice(m[0].length);
    if (/^[(\[]/.test(m[0])) c = c.replace(/\s*[)\]]\s*\.?$/, '');
  }
  // a bare label run into the name ("CreditChang W. Lee", "Credit Ashraf Shazly" from a hidden label element)
  c = c.replace(/^(?:[Cc]redits?|[Pp]hoto(?:graph)?s?|[Ii]mage|[Ff]oto|CREDIT|PHOTO)\s*(?=\p{Lu})/u, '');
  c = c.replace(/^[\s:;,–—-]+|[\s;,.]+$/g, '');
  return c || null;
}

/** Splits a trailing credit off a caption ("… Photo: Jane Doe", "… (Reuters)"); the credit comes without its label. */
export function splitCredit(caption: string): { caption: string | null; credit: string | null } {
  const c = squash(caption);
  const pc = parseCaption(c);
  if (pc) return { caption: pc.caption, credit: cleanCredit(pc.credit) };
  for (const re of CREDIT_TAIL) {
    const m = re.exec(c);
    if (m && m.index > 0) return { caption: c.slice(0, m.index).trim() || null, credit: cleanCredit(m[1]) };
    if (m && m.index === 0) return { caption: null, credit: cleanCredit(m[1]) };
  }
  return { caption: c || null, credit: null };
}

function srcOf(img: Element): string | null {
  const a = img.attribs ?? {};
  const cands = [a.src, a['data-src'], a['data-lazy-src'], a['data-original'], a['data-url'], a['data-hi-res-src']];
  for (const c of cands) if (c && !/^data:image\/(?:gif|png);base64,.{0,200}$/i.test(c.trim())) return c;
  const set = a.srcset ?? a['data-srcset'];
  if (set) {
    const first = set.trim().split(/\s*,\s*/)[0]?.split(/\s+/)[0];
    if (first) return first;
  }
  return a.src ?? null;
}

function findImage(fig: Element): string | null {
  const stack: AnyNode[] = [fig];
  let fromSource: string | null = null;
  let steps = 0;
  while (stack.length && steps++ < 2000) {
    const n = stack.pop()!;
    if (isElement(n)) {
      const t = tagName(n);
      if (t === 'img') {
        const s = srcOf(n);
        if (s) return s;
      } else if (t === 'source' && !fromSource) {
        const set = n.attribs?.srcset ?? n.attribs?.['data-srcset'];
        if (set) fromSource = set.trim().split(/\s*,\s*/)[0]?.split(/\s+/)[0] ?? null;
      } else if (t === 'meta' && n.attribs?.itemprop === 'url' && n.attribs.content && !fromSource) {
        fromSource = n.attribs.content;
      }
      const kids = n.children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
  }
  return fromSource;
}

// inline elements that, closing a caption, hold its credit ("… <small>Photo: X</small>", "… <cite>Agency</cite>")
const CREDIT_TAGS = new Set(['small', 'cite']);
const EMPH_TAGS = new Set(['em', 'i', 'b', 'strong', 'span']);
const LABELLED = /^[(\[]?\s*(?:(?:photo(?:graph)?s?|image|picture|pic|foto|illustration|video|graphic|source)(?:\s+credit)?|credits?)\s*(?::|\bby\b)|^©|^\(c\)|^copyright\b/i;

/** The last element of a caption when nothing but punctuation follows it, else null. */
function trailingElement(cap: Element): Element | null {
  const kids = cap.children;
  for (let i = kids.length - 1; i >= 0; i--) {
    const k = kids[i];
    if (isElement(k)) return tagName(k) === 'br' ? null : k;
    if (k.type === 'text' && /[^\s.,;:()]/.test((k as unknown as { data: string }).data)) return null;
  }
  return null;
}

const LABEL_ONLY = /^(?:photo(?:graph)?s?|image|picture|foto|credits?|photo credit|image credit|illustration|source)\s*:?$/i;

/**
 * "<span>Credit</span>Kevin Frayer/Getty Images": a label in an element of its own, the credit after it. Returns null
 * when the caption has no such label element.
 */
function splitAtLabel(cap: Element): { caption: string | null; credit: string | null } | null {
  const before: string[] = [];
  const after: string[] = [];
  let found = false;
  const stack: AnyNode[] = [...cap.children].reverse();
  for (let steps = 0; stack.length && steps < 2000; steps++) {
    const n = stack.pop()!;
    if (n.type === 'text') {
      (found ? after : before).push((n as unknown as { data: string }).data);
      continue;
    }
    if (!isElement(n)) continue;
    const t = tagName(n);
    if (t === 'script' || t === 'style' || t === 'noscript') continue;
    if (!found && t !== 'a' && LABEL_ONLY.test(squash(textOf(n)))) {
      found = true;
      before.push(' ');
      continue;
    }
    const kids = n.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  if (!found) return null;
  const credit = cleanCredit(after.join(''));
  if (!credit) return null;
  return { caption: squash(before.join('')) || null, credit };
}

/** The figure's caption and credit from figcaption / credit-classed elements / a trailing credit element or pattern. */
function captionOf(fig: Element): { caption: string | null; credit: string | null } {
  let capEl: Element | null = null;
  const credits: string[] = [];
  const stack: AnyNode[] = [fig];
  let steps = 0;
  while (stack.length && steps++ < 2000) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    const t = tagName(n);
    if (t === 'script' || t === 'style' || t === 'noscript') continue;
    if (n !== fig && CREDIT_CI.test(classId(n))) {
      const s = squash(textOf(n));
      if (s && s.length < 200) credits.push(s);
      continue;
    }
    if (!capEl && (t === 'figcaption' || (n !== fig && /caption/.test(classId(n))))) capEl = n;
    const kids = n.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  if (!capEl) return { caption: null, credit: cleanCredit(credits[0] ?? null) };
  if (!credits.length) {
    // "<figcaption>Text. <small>Photo: X</small></figcaption>": a closing small/cite, or emphasis that reads as a credit
    const last = trailingElement(capEl);
    if (last) {
      const lt = tagName(last);
      const s = squash(textOf(last));
      if (s && s.length < 200 && (CREDIT_TAGS.has(lt) || (EMPH_TAGS.has(lt) && LABELLED.test(s)))) credits.push(s);
    }
  }
  if (!credits.length) {
    const labelled = splitAtLabel(capEl);
    if (labelled) return labelled;
  }
  // "Media caption …", "Image caption …": a screen-reader label before the caption
  let cap = squash(textOf(capEl)).replace(/^(?:media|image|photo|video)\s+caption\s*:?\s*/i, '');
  for (const c of credits) {
    const k = cap.lastIndexOf(c);
    if (k >= 0) cap = (cap.slice(0, k) + cap.slice(k + c.length)).trim();
  }
  if (credits.length) {
    const names = credits.map(cleanCredit).filter((c): c is string => !!c);
    return { caption: cap || null, credit: names.length ? names.join('; ') : null };
  }
  return splitCredit(cap);
}

/**
 * Figures under the scope elements (each figure once, outermost only); `skip` prunes subtrees (furniture around the
 * article). A WordPress `wp-caption` block counts as a figure.
 */
export function collectMedia(scopes: Element[], base: string | null, limit = 100, skip?: (e: Element) => boolean): Media[] {
  const out: Media[] = [];
  const seen = new Set<Element>();
  for (const scope of scopes) {
    const stack: AnyNode[] = [scope];
    while (stack.length && out.length < limit) {
      const n = stack.pop()!;
      if (!isElement(n)) continue;
      const t = tagName(n);
      if (t === 'script' || t === 'style' || t === 'noscript' || t === 'template') continue;
      if (skip && n !== scope && skip(n)) continue;
      const ci = classId(n);
      const figLike = t === 'figure' || (!!ci && /(?:^|[^a-z])wp-caption(?:$|[^a-z])/.test(ci));
      if (figLike) {
        if (seen.has(n)) continue;
        seen.add(n);
        const { caption, credit } = captionOf(n);
        const img = resolveUrl(findImage(n), base);
        if (caption || credit || img) out.push({ caption, credit, image: img });
        continue;
      }
      const kids = n.children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
  }
  return out;
}
