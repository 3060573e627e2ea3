// The 'quotes' stage: direct quotations (with the speaker before, after or inside, carried over to a quotation that
// continues in the next paragraph), partial quotations inside reported speech, and reported speech itself
// ("X said (that) …", "according to X", "X told reporters …", "X complained that …").
import type { Doc, Quote, Span } from '../../model.js';
import { registerStage } from '../../pipeline.js';
import { cueVerb } from '../../knowledge/quote-verbs.js';
import { language } from '../language/index.js';
import type { Token } from '../language/tokens.js';
import { quotedSpans, quoteMarksOf, spanContains, type QuoteMarks } from './marks.js';
import { attributionAfter, attributionBefore, MentionIndex, mentionIndexOf, negated, subjectBefore, type Attribution, type MentionRef } from './speakers.js';

function tokenAt(tokens: Token[], offset: number): number {
  // First token starting at or after offset (binary search).
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sentenceIndexOf(sentences: Span[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function toQuote(kind: Quote['kind'], text: string, span: Span, a: Attribution | null): Quote {
  const sp = a?.speaker ?? null;
  return {
    kind,
    text: text.slice(span.start, span.end),
    start: span.start,
    end: span.end,
    cue: a?.cue ?? null,
    speaker: sp ? { id: sp.entity.id, name: sp.entity.name } : null,
    speakerMention: sp ? { start: sp.mention.start, end: sp.mention.end, text: sp.mention.text } : null,
  };
}

export function analyzeQuotes(doc: Doc): Doc {
  const text = doc.article.text;
  const { tokens, sentences, sentenceTokenStart } = language(doc);
  if (!sentences.length) return doc;
  const index = mentionIndexOf(doc, tokens);
  const sentenceTokens = (s: number): [number, number] => [sentenceTokenStart[s]!, s + 1 < sentences.length ? sentenceTokenStart[s + 1]! : tokens.length];
  const marks = quoteMarksOf(doc);
  const quotes: Quote[] = [];
  const quoted = quotedSpans(marks);
  let lastDirect: { paragraph: number; attribution: Attribution | null; closed: boolean } | null = null;

  for (const q of marks) {
    const sOpen = sentenceIndexOf(sentences, q.open);
    const sClose = sentenceIndexOf(sentences, Math.max(q.open, q.close - 1));
    const [fromTok] = sentenceTokens(sOpen);
    const [, toTok] = sentenceTokens(sClose);
    const openTok = tokenAt(tokens, q.open);
    const afterTok = tokenAt(tokens, q.close + 1);
    const wordsBefore = countWords(tokens, fromTok, openTok);
    const partial = isPartial(tokens, fromTok, openTok, text, q);
    let a: Attribution | null = null;
    if (partial) {
      // The speaker of a partial quotation is the subject of the reporting verb before it in the sentence.
      for (let c = openTok - 1; c >= fromTok; c--) {
        const t = tokens[c]!;
        if (t.kind === 'word' && cueVerb(t.text) && !negated(tokens, c, fromTok)) {
          a = { speaker: subjectBefore(tokens, c, fromTok, index), cue: t.text, cueTok: c };
          break;
        }
      }
      quotes.push(toQuote('partial', text, q.content, a));
      continue;
    }
    a = (q.closed ? attributionAfter(tokens, afterTok, toTok, index) : null) ?? (wordsBefore > 0 ? attributionBefore(tokens, fromTok, openTok, index) : null);
    // A quotation that opens a paragraph right after one that ran on, or after a quoted paragraph, keeps its speaker.
    if (!a && lastDirect && lastDirect.paragraph === q.paragraph - 1 && wordsBefore === 0) a = lastDirect.attribution;
    if (!a && lastDirect && lastDirect.paragraph === q.paragraph && !lastDirect.closed) a = lastDirect.attribution;
    quotes.push(toQuote('direct', text, q.content, a));
    lastDirect = { paragraph: q.paragraph, attribution: a, closed: q.closed };
  }

  quotes.push(...reportedSpeech(doc, tokens, sentences, sentenceTokens, index, quoted));
  quotes.sort((x, y) => x.start - y.start);
  doc.quotes = quotes;
  return doc;
}

function countWords(tokens: Token[], from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (tokens[k]!.kind === 'word') n++;
  return n;
}

/** A quoted phrase inside a sentence, not a quoted sentence: 'had "a pretty good meeting."' */
function isPartial(tokens: Token[], fromTok: number, openTok: number, text: string, q: QuoteMarks): boolean {
  if (openTok <= fromTok) return false;
  const prev = tokens[openTok - 1]!;
  if (prev.kind === 'punct' && /^[,:—–-]$/.test(prev.text)) return false;
  if (prev.kind === 'word' && cueVerb(prev.text)) return false;
  // Preceded by ordinary words: a phrase woven into the sentence.
  const first = text.slice(q.content.start, q.content.start + 1);
  const words = text.slice(q.content.start, q.content.end).split(/\s+/).length;
  return prev.kind === 'word' && (first === first.toLowerCase() || words <= 12);
}

const TOLD_OBJECTS = new Set(['reporters', 'journalists', 'lawmakers', 'parliament', 'supporters', 'the', 'a', 'an', 'state', 'television', 'tv', 'radio', 'media', 'news', 'agency', 'conference', 'briefing', 'interview', 'newspaper', 'broadcaster', 'channel', 'him', 'her', 'them', 'us', 'me', 'crowd', 'audience', 'delegates', 'an', 'in', 'on', 'at', 'during']);

/** Reported speech: a cue verb with a subject and a clause after it; "according to X". */
function reportedSpeech(
  doc: Doc,
  tokens: Token[],
  sentences: Span[],
  sentenceTokens: (s: number) => [number, number],
  index: MentionIndex,
  quoted: Span[],
): Quote[] {
  const text = doc.article.text;
  const out: Quote[] = [];
  const inQuote = spanContains(quoted);
  for (let s = 0; s < sentences.length; s++) {
    const [from, to] = sentenceTokens(s);
    let end = to;
    while (end > from && tokens[end - 1]!.kind === 'punct' && /^[.!?"”’']$/.test(tokens[end - 1]!.text)) end--;
    for (let c = from; c < end; c++) {
      const t = tokens[c]!;
      if (t.kind !== 'word' || inQuote(t.start)) continue;
      // "according to X": the clause before is what X said.
      if (t.text.toLowerCase() === 'according' && tokens[c + 1]?.text.toLowerCase() === 'to') {
        const m = index.startingAt(c + 2) ?? (tokens[c + 2] && /^(the|a)$/i.test(tokens[c + 2]!.text) ? index.startingAt(c + 3) : null);
        if (!m) continue;
        let stop = c;
        while (stop > from && tokens[stop - 1]!.text === ',') stop--;
        if (stop - from < 3) {
          // "According to X, …": the clause after.
          let k = m.tokEnd;
          while (k < end && tokens[k]!.text === ',') k++;
          if (end - k >= 3) out.push(reported(text, tokens, k, end, { speaker: m, cue: 'according to', cueTok: c }));
        } else out.push(reported(text, tokens, from, stop, { speaker: m, cue: 'according to', cueTok: c }));
        continue;
      }
      const verb = cueVerb(t.text);
      if (!verb || verb.directOnly || /ing$/.test(t.text.toLowerCase())) continue;
      if (negated(tokens, c, from)) continue;
      const speaker = subjectBefore(tokens, c, from, index);
      if (!speaker) continue;
      // Content: after "that", after the object of "told" ("told reporters on Friday"), up to the sentence end or
      // the next attribution (", Trump said").
      let k = c + 1;
      if (verb.base === 'tell') {
        const m = index.startingAt(k);
        if (m) k = m.tokEnd;
        else while (k < end && TOLD_OBJECTS.has(tokens[k]!.text.toLowerCase())) k++;
      }
      // "said on Friday (that) …": a time phrase between the verb and the content is not part of what was said.
      if (/^(on|in|late|early|last|this)$/i.test(tokens[k]?.text ?? '') && /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|night|morning|evening|afternoon|month|year)$/i.test(tokens[k + 1]?.text ?? '')) k += 2;
      if (tokens[k]?.text.toLowerCase() === 'that') k++;
      if (k >= end || /^["“”]$/.test(tokens[k]!.text) || inQuote(tokens[k]!.start)) continue;
      if (tokens[k]!.kind === 'punct' && tokens[k]!.text !== '(') continue;
      let stop = end;
      for (let j = k + 1; j < end; j++) {
        if (tokens[j]!.text !== ',') continue;
        const m = index.startingAt(j + 1);
        if (m && tokens[m.tokEnd] && cueVerb(tokens[m.tokEnd]!.text)) {
          stop = j;
          break;
        }
      }
      if (countWords(tokens, k, stop) < 3) continue;
      out.push(reported(text, tokens, k, stop, { speaker, cue: t.text, cueTok: c }));
    }
  }
  return out;
}

/**
 * `off => spans.some(s => s.start <= off && off < s.end)` in O(log n): called for every word, a linear scan made the
 * stage quadratic on long texts full of quotation marks (2 s for 1 MB).
 */
function reported(text: string, tokens: Token[], from: number, to: number, a: { speaker: MentionRef; cue: string; cueTok: number }): Quote {
  const span = { start: tokens[from]!.start, end: tokens[to - 1]!.end };
  return toQuote('indirect', text, span, a);
}

registerStage({ name: 'quotes', after: ['actors'], run: analyzeQuotes });
