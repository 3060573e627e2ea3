// One iterative pass over the visible tree: per-element text statistics in flat arrays
// (pre-order index, parent index), then bottom-up sums by walking the order backwards.
import type { AnyNode, Element } from 'domhandler';
import { SKIP_TAGS, isElement, tagName } from './dom.js';
import { classHint, isArticleBodyMark, isCaptionLike, isFurnitureTag, isHidden, hardNegative, softNegative } from './hints.js';

/** Tags that start a new block of text (everything else is inline). */
export const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'table', 'tbody', 'thead', 'tfoot', 'tr',
  'td', 'th', 'caption', 'figure', 'figcaption', 'form', 'fieldset', 'hr', 'address', 'details', 'summary',
  'center', 'hgroup', 'body', 'html', 'menu', 'legend', 'picture',
]);

const HEADING = /^h[1-6]$/;
const LISTISH = new Set(['ul', 'ol', 'dl', 'table', 'tbody', 'thead', 'tr', 'menu']);

export interface Layout {
  els: Element[];
  index: Map<Element, number>;
  parent: Int32Array;
  /** Visible text characters in the subtree. */
  text: Float64Array;
  /** Of which inside links. */
  link: Float64Array;
  /** Text owned directly by this element as a block (its inline content). */
  ownText: Float64Array;
  ownLink: Float64Array;
  ownWords: Float64Array;
  ownCommas: Float64Array;
  /** Paragraph (<p>) count in the subtree. */
  paras: Float64Array;
  /** 1 when this element is a furniture root (by tag/role or class/id), 2 when caption-like. */
  mark: Uint8Array;
  /** 1 when the element is inside (or is) a furniture or caption subtree. */
  furn: Uint8Array;
  /** Content score of the subtree: good text minus furniture text. */
  score: Float64Array;
  body: number;
}

function trimmedLength(s: string): number {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) <= 32) a++;
  while (b > a && s.charCodeAt(b - 1) <= 32) b--;
  return b - a;
}

function countWords(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c <= 32 || c === 160;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

function countCommas(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 44 || c === 46 || c === 0x3001 || c === 0x3002 || c === 0xff0c) n++;
  }
  return n;
}

export function buildLayout(root: AnyNode): Layout {
  const els: Element[] = [];
  const parents: number[] = [];
  const own: number[] = [];
  const ownL: number[] = [];
  const ownW: number[] = [];
  const ownC: number[] = [];
  // iterative pre-order walk; frames carry parent index, owning block index and whether inside a link
  const nodes: AnyNode[] = [root];
  const fParent: number[] = [-1];
  const fBlock: number[] = [-1];
  const fLink: boolean[] = [false];
  while (nodes.length) {
    const n = nodes.pop()!;
    const p = fParent.pop()!;
    let block = fBlock.pop()!;
    let inLink = fLink.pop()!;
    if (n.type === 'text') {
      if (block < 0) continue;
      const data = (n as unknown as { data: string }).data;
      const len = trimmedLength(data);
      if (!len) continue;
      own[block] += len;
      if (inLink) ownL[block] += len;
      ownW[block] += countWords(data);
      ownC[block] += countCommas(data);
      continue;
    }
    let me = p;
    if (isElement(n)) {
      const t = tagName(n);
      if (SKIP_TAGS.has(t) || isHidden(n)) continue;
      me = els.length;
      els.push(n);
      parents.push(p);
      own.push(0);
      ownL.push(0);
      ownW.push(0);
      ownC.push(0);
      if (BLOCK_TAGS.has(t) || block < 0) block = me;
      if (t === 'a') inLink = true;
    } else if (n.type !== 'root') {
      continue; // comments, directives, cdata
    }
    const kids = (n as Element).children;
    if (kids) {
      for (let i = kids.length - 1; i >= 0; i--) {
        nodes.push(kids[i]);
        fParent.push(me);
        fBlock.push(block);
        fLink.push(inLink);
      }
    }
  }
  const N = els.length;
  const index = new Map<Element, number>();
  const parent = Int32Array.from(parents);
  const text = Float64Array.from(own);
  const link = Float64Array.from(ownL);
  const paras = new Float64Array(N);
  // headings that are wholly links (story teasers) and images, per subtree
  const linkHeads = new Float64Array(N);
  const imgs = new Float64Array(N);
  // text blocks per subtree (for widgets made of many tiny labels)
  const nblocks = new Float64Array(N);
  // the longest single block in the subtree
  const maxOwn = Float64Array.from(own);
  const commas = Float64Array.from(ownC);
  let body = 0;
  for (let i = 0; i < N; i++) {
    index.set(els[i], i);
    if (body === 0 && tagName(els[i]) === 'body') body = i;
  }
  for (let i = N - 1; i > 0; i--) {
    const p = parent[i];
    if (p < 0) continue;
    text[p] += text[i];
    link[p] += link[i];
    const t = tagName(els[i]);
    if ((t === 'p' && own[i] >= 40) || ownW[i] >= 25 || own[i] >= 150) paras[i] += 1;
    if (own[i] > 0 && HEADING.test(t) && ownL[i] >= 0.6 * own[i]) linkHeads[i] += 1;
    if (t === 'img' || t === 'picture') imgs[i] += 1;
    if (own[i] > 0) nblocks[i] += 1;
    nblocks[p] += nblocks[i];
    if (maxOwn[i] > maxOwn[p]) maxOwn[p] = maxOwn[i];
    commas[p] += commas[i];
    paras[p] += paras[i];
    linkHeads[p] += linkHeads[i];
    imgs[p] += imgs[i];
  }
  const mark = new Uint8Array(N);
  const total = N ? text[body] || 1 : 1;
  for (let i = 0; i < N; i++) {
    const e = els[i];
    const p = parent[i];
    if (!text[i]) continue; // nothing to judge
    if (i === body || tagName(e) === 'html' || tagName(e) === 'body' || isArticleBodyMark(e)) continue;
    if (isCaptionLike(e) && text[i] < 1000) {
      mark[i] = 2;
      continue;
    }
    const byTag = isFurnitureTag(e);
    const byClass = !byTag && classHint(e) < 0;
    // a class word alone does not make furniture of a run of real paragraphs ("sharing-with-…" section ids,
    // "read-more" wrappers); comment threads and related-story blocks stay furniture however long
    const rich = paras[i] >= 3 && link[i] < 0.25 * text[i] && text[i] >= 500;
    if (byClass && rich && (softNegative(e) || !hardNegative(e))) continue;
    // one long text under a furniture name is a mislabelled body, not a thread of comments
    if (byClass && text[i] >= 1000 && maxOwn[i] >= 0.6 * text[i]) continue;
    const tn = tagName(e);
    const widget = nblocks[i] >= 12 && text[i] < 15 * nblocks[i] && commas[i] < 0.3 * nblocks[i] && paras[i] === 0 && !LISTISH.has(tn);
    // a list of story teasers: linked headlines, each with a short summary under it (a "stream" or feed)
    const teaserList = (tn === 'ul' || tn === 'ol') && linkHeads[i] >= 4 && text[i] < 700 * linkHeads[i];
    const teasers = teaserList || (linkHeads[i] >= 2 && text[i] < 400 * linkHeads[i]);
    // thumbnails strips: many images, almost no words, mostly links
    const gallery = imgs[i] >= 3 && text[i] < 40 * imgs[i] && link[i] > 0.5 * text[i];
    // a furniture word on a wrapper of most of the page ("has-sidebar" layouts) says nothing
    const cap = (byClass && hardNegative(e)) || teaserList ? 0.8 : 0.5;
    if ((byTag || byClass || teasers || gallery || widget) && text[i] < cap * total) {
      mark[i] = 1;
    }
  }
  const score = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const t = own[i];
    if (!t) continue;
    const ld = ownL[i] / t;
    if (ld > 0.5) score[i] = -t;
    else if (ownW[i] >= 10 || t >= 80) score[i] = t * (1 - ld) + 10 * Math.min(ownC[i], 10);
    else score[i] = 0.25 * t * (1 - ld);
  }
  const furn = new Uint8Array(N);
  for (let i = 1; i < N; i++) if (mark[i] || furn[parent[i]]) furn[i] = 1;
  // a furniture subtree costs a bounded amount however big it is (it is dropped on output anyway):
  // enough to keep the body from spreading over menus and widgets, not enough for a big gallery to sink it
  for (let i = N - 1; i > 0; i--) {
    if (mark[i] === 1) score[i] = -Math.min(text[i], 500);
    else if (mark[i] === 2) score[i] = 0;
    const p = parent[i];
    if (p >= 0) score[p] += score[i];
  }
  return {
    els, index, parent, text, link, ownText: Float64Array.from(own), ownLink: Float64Array.from(ownL),
    ownWords: Float64Array.from(ownW), ownCommas: Float64Array.from(ownC), paras, mark, furn, score, body,
  };
}

/** The element most likely to be the article body: the subtree with the best content score, deepest on ties. */
export function pickRoot(L: Layout): number {
  const N = L.els.length;
  if (!N) return -1;
  let best = L.body;
  let bestScore = -Infinity;
  for (let i = N - 1; i >= 0; i--) {
    if (L.furn[i]) continue;
    const e = L.els[i];
    const t = tagName(e);
    let s = L.score[i];
    if (s <= 0) continue;
    if (isArticleBodyMark(e)) s *= 1.25;
    else if (t === 'article' || t === 'main' || e.attribs?.role === 'main') s *= 1.1;
    else {
      const h = classHint(e);
      if (h > 0) s *= 1.05;
    }
    if (s > bestScore) {
      bestScore = s;
      best = i;
    }
  }
  // a wrapper whose score nearly all comes from one child is that child plus odds and ends (a "happening now" box,
  // a teaser under the story): go down to the child
  for (let depth = 0; depth < 20 && L.score[best] > 0; depth++) {
    let top = -1;
    for (let i = best + 1; i < N && L.parent[i] >= best; i++) {
      if (L.parent[i] === best && !L.furn[i] && (top < 0 || L.score[i] > L.score[top])) top = i;
    }
    if (top < 0 || L.score[top] < DOMINANT * L.score[best]) break;
    // what the child leaves out must look like furniture: mostly links, or no paragraphs to speak of (an intro
    // paragraph or two beside the body's own wrapper stays in)
    const restText = L.text[best] - L.text[top];
    const restLink = L.link[best] - L.link[top];
    if (restLink < 0.3 * restText && L.paras[best] - L.paras[top] > 1) break;
    best = top;
  }
  return best;
}

const DOMINANT = 0.9;
