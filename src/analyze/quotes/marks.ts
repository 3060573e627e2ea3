// Quotation marks within paragraphs: pairs of curly or straight double quotes (single quotes when a paragraph has
// no double ones, or only double ones nested inside single ones), and quotations left open at a paragraph's end that the next paragraph continues.
import type { Doc, Span } from '../../model.js';

export interface QuoteMarks {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or the paragraph end when the quotation runs on. */
  close: number;
  closed: boolean;
  /** The content between the marks, trimmed. */
  content: Span;
  paragraph: number;
}

const LETTER = /[\p{L}\p{N}]/u;

function isOpening(text: string, i: number, from: number): boolean {
  const before = i > from ? text[i - 1]! : ' ';
  const after = text[i + 1] ?? ' ';
  return /[\s([{—–-]/.test(before) && !/\s/.test(after);
}

/** Finds quotations in one paragraph [from, to). */
function inParagraph(text: string, from: number, to: number, p: number, out: QuoteMarks[]): void {
  const doubles: number[] = [];
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '"' || c === '“' || c === '”' || c === '«' || c === '»') doubles.push(i);
  }
  if (!doubles.length) return scan(text, from, to, p, true, out);
  // British style: single marks outside, double ones nested inside ('They keep saying "trust us", but …').
  if (/['‘]/.test(text.slice(from, to))) {
    const singles: QuoteMarks[] = [];
    scan(text, from, to, p, true, singles);
    if (singles.length && doubles.every((d) => singles.some((q) => q.open < d && d < q.close))) {
      out.push(...singles);
      return;
    }
  }
  scan(text, from, to, p, false, out);
}

function scan(text: string, from: number, to: number, p: number, useSingle: boolean, out: QuoteMarks[]): void {
  let open = -1;
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    let kind: 'open' | 'close' | null = null;
    if (!useSingle && (c === '“' || c === '«')) kind = 'open';
    else if (!useSingle && (c === '”' || c === '»')) kind = 'close';
    else if (!useSingle && c === '"') kind = open < 0 && isOpening(text, i, from) ? 'open' : open >= 0 ? 'close' : null;
    else if (useSingle && (c === '‘' || c === "'" || c === '’')) {
      const before = i > from ? text[i - 1]! : ' ';
      const after = text[i + 1] ?? ' ';
      // An apostrophe sits between letters ("don't") or after an s ("leaders'"): not a quotation mark.
      if (LETTER.test(before) && LETTER.test(after)) continue;
      if (c !== '‘' && open >= 0 && !LETTER.test(after)) kind = 'close';
      else if ((c === '‘' || c === "'") && open < 0 && isOpening(text, i, from)) kind = 'open';
    }
    if (kind === 'open' && open < 0) open = i;
    else if (kind === 'close' && open >= 0) {
      push(text, open, i, true, p, out);
      open = -1;
    }
  }
  if (open >= 0) push(text, open, to, false, p, out);
}

function push(text: string, open: number, close: number, closed: boolean, paragraph: number, out: QuoteMarks[]): void {
  let s = open + 1;
  let e = close;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e - s < 2) return;
  out.push({ open, close, closed, content: { start: s, end: e }, paragraph });
}

export function findQuoteMarks(text: string, paragraphs: Span[]): QuoteMarks[] {
  const out: QuoteMarks[] = [];
  paragraphs.forEach((p, i) => inParagraph(text, p.start, p.end, i, out));
  return out;
}

const cache = new WeakMap<Doc, { text: string; marks: QuoteMarks[] }>();

/** The quotation marks of a document's text, found once (the quotes and events stages both need them). */
export function quoteMarksOf(doc: Doc): QuoteMarks[] {
  const text = doc.article.text;
  const hit = cache.get(doc);
  if (hit && hit.text === text) return hit.marks;
  const marks = findQuoteMarks(text, doc.article.paragraphs);
  cache.set(doc, { text, marks });
  return marks;
}

/** The spans from each opening mark to just after its closing mark. */
export function quotedSpans(marks: QuoteMarks[]): Span[] {
  return marks.map((q) => ({ start: q.open, end: q.close + 1 }));
}

/** Whether an offset lies inside any of the spans: a binary search, so long quote-heavy texts stay linear. */
export function spanContains(spans: Span[]): (off: number) => boolean {
  const sorted = [...spans].sort((x, y) => x.start - y.start);
  const maxEnd: number[] = [];
  let m = -Infinity;
  for (const s of sorted) maxEnd.push((m = Math.max(m, s.end)));
  return (off) => {
    let lo = 0;
    let hi = sorted.length; // first span starting after off
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.start <= off) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1]! > off;
  };
}
