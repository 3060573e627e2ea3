// Quotation marks within paragraphs: pairs of curly or straight double quotes (single quotes when a paragraph has
// no double ones), and quotations left open at a paragraph's end that the next paragraph continues.
import type { Span } from '../../model.js';

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
  let doubles = 0;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '"' || c === '“' || c === '”' || c === '«' || c === '»') doubles++;
  }
  const useSingle = doubles === 0;
  let open = -1;
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    let kind: 'open' | 'close' | null = null;
    if (c === '“' || c === '«') kind = 'open';
    else if (c === '”' || c === '»') kind = 'close';
    else if (c === '"') kind = open < 0 && isOpening(text, i, from) ? 'open' : open >= 0 ? 'close' : null;
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
