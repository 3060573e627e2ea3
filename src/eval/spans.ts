// Exact-span entity scoring shared by the news-sentence evaluation (ner-news.ts): our pipeline's and compromise's
// PER/ORG/LOC spans for a text, and precision/recall/F1 with the missed and spurious spans listed.
import { analyzeBody } from '../analyze/body.js';

export type Tag = 'PER' | 'ORG' | 'LOC';
export const TAGS: readonly Tag[] = ['PER', 'ORG', 'LOC'];

export interface Span {
  start: number;
  end: number;
  tag: Tag;
}

/** Our entity types as the three CoNLL types; facilities count as places, as in CoNLL and UNER. */
const OUR_TAG: Record<string, Tag | undefined> = { person: 'PER', organization: 'ORG', location: 'LOC', facility: 'LOC' };
/**
 * Pronoun and "the …"/"his …" nominal mentions are coreference, not names. Whole words only: a bare prefix test would
 * also drop "Hezbollah", "Shell", "Helsinki" and "Theresa May".
 */
const PRONOUN = /^(?:he|him|his|himself|she|her|hers|herself)$/i;
/** "the minister", "The spokesman", "his envoy": a determiner before a lower-case word. "The Hague" is a name. */
const NOMINAL = /^(?:[Tt]he|[Hh]is|[Hh]er)\s+\P{Lu}/u; // no i flag: with it, \P{Lu} would match capitals too

/** Whether a mention's text is a name (not a pronoun or a role nominal that coreference resolved to the entity). */
export function isNameMention(text: string): boolean {
  return !PRONOUN.test(text) && !NOMINAL.test(text);
}

/** Our name mentions in `text` (analysed as body text, no publication date). */
export function ourSpans(text: string): Span[] {
  const out: Span[] = [];
  for (const e of analyzeBody(text, null).entities) {
    const tag = OUR_TAG[e.type];
    if (!tag) continue;
    for (const m of e.mentions) if (isNameMention(m.text)) out.push({ start: m.start, end: m.end, tag });
  }
  return out;
}

interface NlpMatch {
  offset: { start: number; length: number };
}
interface NlpView {
  json(o: object): NlpMatch[];
}
export type Nlp = (text: string) => { people(): NlpView; places(): NlpView; organizations(): NlpView };

/** compromise's people, places and organizations, with its trailing punctuation and possessive trimmed off. */
export function compromiseSpans(nlp: Nlp, text: string): Span[] {
  const doc = nlp(text);
  const out: Span[] = [];
  const add = (view: NlpView, tag: Tag) => {
    for (const { offset } of view.json({ offset: true })) {
      let s = offset.start;
      let e = s + offset.length;
      while (s < e && /[\s"'(“‘]/.test(text[s]!)) s++;
      while (e > s && /[\s.,;:!?"')”’]/.test(text[e - 1]!)) e--;
      if (/['’]s$/.test(text.slice(s, e))) e -= 2;
      if (e > s) out.push({ start: s, end: e, tag });
    }
  };
  add(doc.people(), 'PER');
  add(doc.places(), 'LOC');
  add(doc.organizations(), 'ORG');
  return out;
}

export interface Count {
  tp: number;
  fp: number;
  fn: number;
}
export type Tally = Record<Tag | 'ALL', Count>;

export const newTally = (): Tally => ({ PER: { tp: 0, fp: 0, fn: 0 }, ORG: { tp: 0, fp: 0, fn: 0 }, LOC: { tp: 0, fp: 0, fn: 0 }, ALL: { tp: 0, fp: 0, fn: 0 } });

export function prf(c: Count): { p: number; r: number; f: number } {
  const p = c.tp / Math.max(1, c.tp + c.fp);
  const r = c.tp / Math.max(1, c.tp + c.fn);
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** A scoring error: `missed` is a gold span not predicted exactly, `spurious` a predicted span not in the gold. */
export interface SpanError {
  kind: 'missed' | 'spurious';
  tag: Tag;
  text: string;
  start: number;
  end: number;
  /** For a missed span, what was predicted over it (overlapping spans), e.g. `ORG "Kremlin"`; for a spurious one, the overlapping gold. */
  overlap: string[];
}

const keyOf = (s: Span) => `${s.start}:${s.end}:${s.tag}`;
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Adds one text's exact-span matches to `tally` and returns its errors. Duplicate predictions count once. */
export function scoreSpans(text: string, gold: Span[], pred: Span[], tally: Tally): SpanError[] {
  const g = new Map(gold.map((s) => [keyOf(s), s]));
  const p = new Map(pred.map((s) => [keyOf(s), s]));
  const errors: SpanError[] = [];
  const show = (s: Span) => `${s.tag} "${text.slice(s.start, s.end)}"`;
  for (const [k, s] of p) {
    const hit = g.has(k);
    for (const t of [s.tag, 'ALL'] as const) tally[t][hit ? 'tp' : 'fp']++;
    if (!hit) errors.push({ kind: 'spurious', tag: s.tag, text: text.slice(s.start, s.end), start: s.start, end: s.end, overlap: gold.filter((x) => overlaps(x, s)).map(show) });
  }
  for (const [k, s] of g) {
    if (p.has(k)) continue;
    for (const t of [s.tag, 'ALL'] as const) tally[t].fn++;
    errors.push({ kind: 'missed', tag: s.tag, text: text.slice(s.start, s.end), start: s.start, end: s.end, overlap: [...p.values()].filter((x) => overlaps(x, s)).map(show) });
  }
  return errors;
}
