// The 'quotes' stage: direct quotations (with the speaker before, after or inside, carried over to a quotation that
// continues in the next paragraph), partial quotations inside reported speech, and reported speech itself
// ("X said (that) …", "according to X", "X told reporters …", "X complained that …").
// Three passes: the quotation marks with their own attributions; reported speech and speech acts ("X condemned the
// attack"), skipping the cues that already attribute a quotation; then the quotations without an attribution of their
// own that open a sentence take the latest speaker of their paragraph or the one before.
import type { Doc, Quote, Span } from '../../model.js';
import { registerStage } from '../../pipeline.js';
import { cueVerb } from '../../knowledge/quote-verbs.js';
import { language } from '../language/index.js';
import type { Token } from '../language/tokens.js';
import { quotedSpans, quoteMarksOf, spanContains, type QuoteMarks } from './marks.js';
import { MentionIndex, mentionIndexOf, type MentionRef } from './mention-index.js';
import { SpeakerResolver } from './speaker-resolver.js';
import { attributionAfter, attributionBefore, cueRightBefore, negated, nounUse, subjectBefore, type Attribution } from './speakers.js';

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

/** The index of the last span (sentence, paragraph) starting at or before offset. */
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

function toQuote(kind: Quote['kind'], text: string, span: Span, a: { speaker: MentionRef | null; cue: string | null } | null): Quote {
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
  const resolver = new SpeakerResolver(doc, tokens);
  const sentenceTokens = (s: number): [number, number] => [sentenceTokenStart[s]!, s + 1 < sentences.length ? sentenceTokenStart[s + 1]! : tokens.length];
  const marks = quoteMarksOf(doc);
  const paragraphs = doc.article.paragraphs;
  const quoted = quotedSpans(marks);
  const found: { kind: Quote['kind']; span: Span; a: Attribution | null; q: QuoteMarks; carry: boolean; retry?: () => Attribution | null }[] = [];
  const usedCues = new Set<number>();

  for (let qi = 0; qi < marks.length; qi++) {
    const q = marks[qi]!;
    const sOpen = sentenceIndexOf(sentences, q.open);
    const sClose = sentenceIndexOf(sentences, Math.max(q.open, q.close - 1));
    const [fromTok] = sentenceTokens(sOpen);
    let [, toTok] = sentenceTokens(sClose);
    const openTok = tokenAt(tokens, q.open);
    const afterTok = tokenAt(tokens, q.close + 1);
    // The attribution after a closing mark ends where the next quotation opens: '"…," X said, "…"'.
    const next = marks[qi + 1];
    if (next && next.paragraph === q.paragraph) toTok = Math.min(toTok, Math.max(afterTok, tokenAt(tokens, next.open)));
    // A sentence that ends inside the quotation ('… the school.” Eleven …') still lets the attribution follow the mark.
    if (q.closed && afterTok >= toTok && sClose + 1 < sentences.length) {
      const [nf, nt] = sentenceTokens(sClose + 1);
      if (nf === afterTok && tokens[nf]!.kind === 'word' && !tokens[nf]!.cap && sentenceIndexOf(paragraphs, sentences[sClose + 1]!.start) === q.paragraph) toTok = next && next.paragraph === q.paragraph ? Math.min(nt, tokenAt(tokens, next.open)) : nt;
    }
    const wordsBefore = countWords(tokens, fromTok, openTok);
    const partial = isPartial(tokens, fromTok, openTok, text, q, cueRightBefore(tokens, openTok - 1, fromTok, index));
    let a: Attribution | null = null;
    if (partial) {
      // The speaker of a partial quotation is the subject of the reporting verb before it in the sentence: the
      // nearest one with a subject ('called the Kestrian claims "baseless"': called), skipping base forms ('said
      // Veloria would respond "in proportion"': said).
      for (let c = openTok - 1; c >= fromTok; c--) {
        const t = tokens[c]!;
        if (t.kind !== 'word' || t.cap || nounUse(tokens, c)) continue;
        const verb = cueVerb(t.text);
        if (!verb || t.text.toLowerCase() === verb.base || negated(tokens, c, fromTok)) continue;
        const speaker = subjectBefore(tokens, c, fromTok, index, resolver);
        if (speaker) {
          // '… called the sanctions "…" and said Veloria would respond "…"': the coordinated verb keeps its cue
          a = a && /^(and|but)$/i.test(tokens[a.cueTok - 1]?.text ?? '') ? { ...a, speaker } : { speaker, cue: t.text, cueTok: c };
          break;
        }
        a ??= { speaker, cue: t.text, cueTok: c };
      }
      found.push({ kind: 'partial', span: q.content, a, q, carry: false });
      if (a) resolver.said(q.open, a.speaker);
      continue;
    }
    // A short quoted term that opens its sentence and runs on into it ('"Border of Silence" was pulled …') is a
    // title or a term, not speech.
    if (wordsBefore === 0 && q.closed && isTerm(text, tokens, q, afterTok, toTok)) {
      found.push({ kind: 'partial', span: q.content, a: null, q, carry: false });
      continue;
    }
    const attribute = () => (q.closed ? attributionAfter(tokens, afterTok, toTok, index, resolver) : null) ?? (wordsBefore > 0 ? attributionBefore(tokens, fromTok, openTok, index, resolver) : null);
    a = attribute();
    if (a) usedCues.add(a.cueTok);
    // Without an attribution of its own, a quotation that opens its sentence continues the last speaker's words; so
    // does one introduced by a participle without a subject ('…," Trump said, before adding: "…"').
    // An attribution whose subject is not a known entity ('…," a senior official said') keeps no speaker.
    const carry = a ? !a.speaker && /ing$/i.test(a.cue) : wordsBefore === 0;
    // A nominal subject ('the spokeswoman said') may name a speaker that reported speech introduces: try again then.
    found.push({ kind: 'direct', span: q.content, a, q, carry, retry: a && !a.speaker ? attribute : undefined });
    if (a?.speaker) resolver.said(q.open, a.speaker);
    else if (carry) {
      const prev = lastSpeaker(resolver, paragraphs, q);
      if (prev) resolver.said(q.open, prev);
    }
  }

  const reported = reportedSpeech(doc, tokens, sentences, sentenceTokens, index, quoted, usedCues, resolver);
  const quotes: Quote[] = reported.map((r) => r.quote);
  // Fill the quotations that continue someone's words from the speakers now known (reported speech included).
  for (const f of found) {
    if (f.retry) {
      const again = f.retry();
      if (again?.speaker) {
        resolver.said(f.q.open, again.speaker);
        quotes.push(toQuote(f.kind, text, f.span, again));
        continue;
      }
    }
    if (f.carry) {
      const prev = lastSpeaker(resolver, paragraphs, f.q);
      if (prev) {
        resolver.said(f.q.open, prev);
        quotes.push(toQuote(f.kind, text, f.span, { speaker: prev, cue: f.a?.cue ?? null }));
        continue;
      }
    }
    quotes.push(toQuote(f.kind, text, f.span, f.a));
  }
  quotes.sort((x, y) => x.start - y.start);
  doc.quotes = quotes;
  return doc;
}

/** The latest speaker in the quotation's paragraph or the one before it, before the quotation. */
function lastSpeaker(resolver: SpeakerResolver, paragraphs: Span[], q: QuoteMarks): MentionRef | null {
  const from = paragraphs[Math.max(0, q.paragraph - 1)]?.start ?? 0;
  return resolver.latestSpeaker(from, q.open);
}

function countWords(tokens: Token[], from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (tokens[k]!.kind === 'word') n++;
  return n;
}

function isTerm(text: string, tokens: Token[], q: QuoteMarks, afterTok: number, toTok: number): boolean {
  const content = text.slice(q.content.start, q.content.end);
  if (/[,.!?;:…]$/.test(content) || content.split(/\s+/).length > 4) return false;
  const next = tokens[afterTok];
  return afterTok < toTok && !!next && next.kind === 'word' && !next.cap && !cueVerb(next.text);
}

/** A quoted phrase inside a sentence, not a quoted sentence: 'had "a pretty good meeting."' */
function isPartial(tokens: Token[], fromTok: number, openTok: number, text: string, q: QuoteMarks, cueBefore: boolean): boolean {
  if (openTok <= fromTok) return false;
  const prev = tokens[openTok - 1]!;
  if (prev.kind === 'punct' && /^[,:—–-]$/.test(prev.text)) return false;
  if (cueBefore) return false;
  // Preceded by ordinary words: a phrase woven into the sentence.
  const first = text.slice(q.content.start, q.content.start + 1);
  const words = text.slice(q.content.start, q.content.end).split(/\s+/).length;
  return prev.kind === 'word' && (first === first.toLowerCase() || words <= 12);
}

const TOLD_OBJECTS = new Set(['reporters', 'journalists', 'lawmakers', 'parliament', 'supporters', 'the', 'a', 'an', 'state', 'television', 'tv', 'radio', 'media', 'news', 'agency', 'conference', 'briefing', 'interview', 'newspaper', 'broadcaster', 'channel', 'him', 'her', 'them', 'us', 'me', 'crowd', 'audience', 'delegates', 'an', 'in', 'on', 'at', 'during']);

/** Verbs whose object without "that" is a request or a thing, not reported content: "urged unions to return". */
const NEEDS_THAT = new Set(['urge', 'ask', 'demand', 'promise', 'pledge', 'vow', 'post', 'tweet', 'deny', 'confirm', 'announce', 'report', 'reveal', 'disclose', 'recall', 'counter', 'charge', 'continue', 'assure', 'signal', 'indicate']);
const TIME_WORDS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|night|morning|evening|afternoon|month|year|day|today|tonight|yesterday)$/i;
const PREPOSITION = /^(in|at|on|during|after|before|outside|from|with|to|of|by|via|through|while|late|early|last|this|earlier|later|again|also|afterwards|over|about)$/i;

/** Reported speech: a cue verb with a subject and a clause after it; "according to X". */
function reportedSpeech(
  doc: Doc,
  tokens: Token[],
  sentences: Span[],
  sentenceTokens: (s: number) => [number, number],
  index: MentionIndex,
  quoted: Span[],
  usedCues: Set<number>,
  resolver: SpeakerResolver,
): { quote: Quote }[] {
  const text = doc.article.text;
  const out: { quote: Quote }[] = [];
  const inQuote = spanContains(quoted);
  const last: { v: { sentence: number; speaker: MentionRef } | null } = { v: null };
  const emit = (from: number, to: number, a: { speaker: MentionRef | null; cue: string; cueTok: number }) => {
    out.push({ quote: reported(text, tokens, from, to, a) });
    resolver.said(tokens[a.cueTok]!.start, a.speaker);
  };
  for (let s = 0; s < sentences.length; s++) {
    const [from, to] = sentenceTokens(s);
    let end = to;
    while (end > from && tokens[end - 1]!.kind === 'punct' && /^[.!?"”’']$/.test(tokens[end - 1]!.text)) end--;
    for (let c = from; c < end; c++) {
      const t = tokens[c]!;
      if (t.kind !== 'word' || inQuote(t.start) || usedCues.has(c)) continue;
      // "according to X": the clause before is what X said.
      if (t.text.toLowerCase() === 'according' && tokens[c + 1]?.text.toLowerCase() === 'to') {
        // "according to Defence Minister Oleksandr Marchenko": titles before the name
        let n = c + 2;
        while (n < end && n < c + 7 && !index.startingAt(n) && tokens[n]!.kind === 'word' && (tokens[n]!.cap || /^(the|a|an)$/i.test(tokens[n]!.text))) n++;
        const m = index.startingAt(n);
        if (!m) continue;
        let stop = c;
        while (stop > from && tokens[stop - 1]!.text === ',') stop--;
        if (stop - from < 3) {
          // "According to X, …": the clause after.
          let k = m.tokEnd;
          // ", the deputy prime minister," apposition after the name
          if (tokens[k]?.text === ',') {
            let j = k + 1;
            while (j < end && j < k + 10 && tokens[j]!.text !== ',') j++;
            if (j < end && tokens[j]!.text === ',' && /^(a|an|the)$/i.test(tokens[k + 1]?.text ?? '') && j + 1 < end) k = j;
          }
          while (k < end && tokens[k]!.text === ',') k++;
          if (end - k >= 3) emit(k, end, { speaker: m, cue: 'according to', cueTok: c });
        } else emit(from, stop, { speaker: m, cue: 'according to', cueTok: c });
        continue;
      }
      const verb = t.cap ? null : cueVerb(t.text);
      if (!verb || /ing$/.test(t.text.toLowerCase()) || nounUse(tokens, c)) continue;
      if (negated(tokens, c, from)) continue;
      let speaker = subjectBefore(tokens, c, from, index, resolver);
      // "X said … and warned that …": the coordinated verb shares its subject.
      if (!speaker && /^(and|but)$/i.test(tokens[c - 1]?.text ?? '') && last.v?.sentence === s) speaker = last.v.speaker;
      if (!speaker) continue;
      last.v = { sentence: s, speaker };
      if (verb.directOnly) {
        // "described the attack", "called the visit …": a speech act without reported content.
        resolver.said(t.start, speaker);
        continue;
      }
      // Content: after "that", after the object of "told" ("told reporters on Friday"), up to the sentence end or
      // the next attribution (", Trump said").
      let k = c + 1;
      if (verb.base === 'tell') {
        const m = index.startingAt(k);
        if (m) k = m.tokEnd;
        else while (k < end && TOLD_OBJECTS.has(tokens[k]!.text.toLowerCase())) k++;
      }
      // "said on Friday (that) …": a time phrase between the verb and the content is not part of what was said.
      if (/^(on|in|late|early|last|this)$/i.test(tokens[k]?.text ?? '') && TIME_WORDS.test(tokens[k + 1]?.text ?? '')) k += 2;
      // "said in a statement on Tuesday that …", "told a news conference in Caracas that …": a phrase before "that".
      if (PREPOSITION.test(tokens[k]?.text ?? '') || (verb.base === 'tell' && /^(a|an|the)$/i.test(tokens[k]?.text ?? ''))) {
        let j = k;
        while (j < end && j < k + 12 && tokens[j]!.text.toLowerCase() !== 'that' && !/^[:;“"]$/.test(tokens[j]!.text)) j++;
        if (tokens[j]?.text.toLowerCase() !== 'that') {
          resolver.said(t.start, speaker);
          continue;
        }
        k = j;
      }
      if (tokens[k]?.text.toLowerCase() === 'that') k++;
      // "described it as constructive" is reported content; "described the attack in detail" is not.
      if (verb.base === 'describe') {
        let j = k;
        while (j < end && j < k + 8 && tokens[j]!.text.toLowerCase() !== 'as') j++;
        if (tokens[j]?.text.toLowerCase() !== 'as') {
          resolver.said(t.start, speaker);
          continue;
        }
      }
      // "posted a long message": an object, not a clause; "urged unions to return": a request, not a statement
      else if (/^(a|an)$/i.test(tokens[k]?.text ?? '') || NEEDS_THAT.has(verb.base)) {
        resolver.said(t.start, speaker);
        continue;
      }
      if (k >= end || /^["“”]$/.test(tokens[k]!.text) || inQuote(tokens[k]!.start)) {
        resolver.said(t.start, speaker);
        continue;
      }
      if (tokens[k]!.kind === 'punct' && tokens[k]!.text !== '(') continue;
      let stop = end;
      for (let j = k + 1; j < end; j++) {
        // a colon before a quotation: 'told the assembly: "…"'
        if (tokens[j]!.text === ':') {
          stop = j;
          break;
        }
        // "… and warned that …", "… but added that …": the next reported clause starts
        if (/^(and|but)$/i.test(tokens[j]!.text) && tokens[j + 1] && cueVerb(tokens[j + 1]!.text) && !/ing$/i.test(tokens[j + 1]!.text)) {
          stop = j;
          break;
        }
        if (tokens[j]!.text !== ',') continue;
        const m = index.startingAt(j + 1);
        if (m && tokens[m.tokEnd] && cueVerb(tokens[m.tokEnd]!.text)) {
          stop = j;
          break;
        }
      }
      if (countWords(tokens, k, stop) < 3) {
        resolver.said(t.start, speaker);
        continue;
      }
      emit(k, stop, { speaker, cue: t.text, cueTok: c });
    }
  }
  return out;
}

/**
 * `off => spans.some(s => s.start <= off && off < s.end)` in O(log n): called for every word, a linear scan made the
 * stage quadratic on long texts full of quotation marks (2 s for 1 MB).
 */
function reported(text: string, tokens: Token[], from: number, to: number, a: { speaker: MentionRef | null; cue: string; cueTok: number }): Quote {
  const span = { start: tokens[from]!.start, end: tokens[to - 1]!.end };
  return toQuote('indirect', text, span, a);
}

registerStage({ name: 'quotes', after: ['actors'], run: analyzeQuotes });
