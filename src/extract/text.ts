// Plain-text articles: the title on the first line, then an optional dek, captions with credits, a dateline line,
// bylines and date lines, and the body; furniture such as "Load Next Story" is removed and listed.
import type { ParagraphKind } from '../model.js';
import { defaultBoilerplate, isFurniture, type Boilerplate } from '../knowledge/boilerplate.js';
import { emptyExtracted, type Extracted } from './extracted.js';
import {
  isPunctuationOnly,
  parseBylineLine,
  parseCaption,
  parseDateLine,
  parseDatelineLine,
  parseInlineDateline,
} from './header-lines.js';
import { normalizeLines } from './normalize.js';

interface Block {
  text: string;
  kind: ParagraphKind;
}

/** Splits text into blocks: by blank lines when the text has them, else one block per line. */
export function textBlocks(body: string, markdown = false): Block[] {
  const lines = normalizeLines(body);
  const groups: string[][] = [];
  let cur: string[] = [];
  let blankSeparated = 0;
  for (const l of lines) {
    if (l === '') {
      if (cur.length) {
        groups.push(cur);
        blankSeparated++;
      }
      cur = [];
    } else cur.push(l);
  }
  if (cur.length) groups.push(cur);
  // Without blank lines between paragraphs, every line is a paragraph.
  const perLine = blankSeparated === 0 || groups.every((g) => g.length === 1);
  const blocks: Block[] = [];
  for (const g of groups) {
    if (markdown) {
      const parsed = g.map(markdownBlock);
      // Plain lines of one markdown paragraph are one paragraph; headings and list items stand alone.
      if (!perLine && parsed.every((b) => b.kind === 'p')) blocks.push({ text: g.join(' '), kind: 'p' });
      else blocks.push(...parsed);
    } else if (perLine) {
      for (const line of g) blocks.push({ text: line, kind: 'p' });
    } else {
      blocks.push({ text: g.join(' '), kind: 'p' });
    }
  }
  return blocks;
}

function markdownBlock(line: string): Block {
  let m = /^#{1,6}\s+(.*)$/.exec(line);
  if (m) return { text: m[1]!, kind: 'heading' };
  m = /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
  if (m) return { text: m[1]!, kind: 'list-item' };
  m = /^>\s?(.*)$/.exec(line);
  if (m) return { text: m[1]!, kind: 'blockquote' };
  return { text: line, kind: 'p' };
}

export interface TextOptions {
  markdown?: boolean;
  boilerplate?: Boilerplate;
}

export function extractText(body: string, opts: TextOptions = {}): Extracted {
  const bp = opts.boilerplate ?? defaultBoilerplate();
  const x = emptyExtracted();
  const blocks = textBlocks(body, opts.markdown);
  let i = 0;
  // Title: the first block (without markdown's heading marks).
  while (i < blocks.length && isPunctuationOnly(blocks[i]!.text)) i++;
  if (i < blocks.length) x.title = blocks[i++]!.text;

  // The header zone: everything before the first body paragraph.
  const deks: string[] = [];
  let sawHeaderLine = false;
  let bodyStart = -1;
  for (; i < blocks.length; i++) {
    const t = blocks[i]!.text;
    if (isPunctuationOnly(t)) {
      sawHeaderLine = true; // an empty dek slot, as in the seed
      continue;
    }
    if (isFurniture(t, bp)) {
      x.removed.push(t);
      continue;
    }
    const cap = parseCaption(t);
    if (cap) {
      x.media.push({ caption: cap.caption, credit: cap.credit, image: null });
      sawHeaderLine = true;
      continue;
    }
    const places = parseDatelineLine(t);
    if (places) {
      x.datelines.push(...places);
      sawHeaderLine = true;
      continue;
    }
    const names = parseBylineLine(t);
    if (names) {
      x.bylines.push(...names);
      sawHeaderLine = true;
      continue;
    }
    const date = parseDateLine(t);
    if (date) {
      x.published ??= date;
      sawHeaderLine = true;
      continue;
    }
    if (parseInlineDateline(t)) {
      bodyStart = i;
      break;
    }
    // A short line before any header line may be a dek; decide once we know whether header lines follow.
    if (!sawHeaderLine && deks.length === 0 && t.length <= 320 && i + 1 < blocks.length) {
      deks.push(t);
      continue;
    }
    bodyStart = i;
    break;
  }
  if (deks.length) {
    // A dek is only a dek when header lines (caption, dateline, byline) or an inline dateline separate it from the body.
    const bodyHasInlineDateline = bodyStart >= 0 && parseInlineDateline(blocks[bodyStart]!.text) !== null;
    if (sawHeaderLine || bodyHasInlineDateline) x.dek = deks[0]!;
    else {
      // It was the first body paragraph after all.
      x.blocks.push({ kind: 'p', text: deks[0]! });
    }
  }
  if (bodyStart < 0) return x;

  for (let j = bodyStart; j < blocks.length; j++) {
    const b = blocks[j]!;
    if (isPunctuationOnly(b.text)) continue;
    if (isFurniture(b.text, bp)) {
      x.removed.push(b.text);
      continue;
    }
    const cap = b.text.length < 400 ? parseCaption(b.text) : null;
    if (cap) {
      x.media.push({ caption: cap.caption, credit: cap.credit, image: null });
      continue;
    }
    x.blocks.push(b);
  }
  const first = x.blocks[0];
  if (first) {
    const dl = parseInlineDateline(first.text);
    if (dl && x.datelines.length === 0) x.datelines.push(...dl.places);
  }
  return x;
}
