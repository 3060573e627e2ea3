// Finding who speaks: the attribution around a quote or a reported-speech cue (subject before the cue, speaker after
// the quote, "according to"), over tokens and the document's mention index.
import type { Token } from '../language/tokens.js';
import { cueVerb } from '../../knowledge/quote-verbs.js';
import { isRoleNoun } from '../../knowledge/roles.js';
import { type MentionIndex, type MentionRef } from './mention-index.js';
import type { SpeakerResolver } from './speaker-resolver.js';

const ADVERBS = new Set(['also', 'later', 'earlier', 'then', 'again', 'previously', 'repeatedly', 'once', 'has', 'had', 'have', 'was', 'is', 'will', 'would', 'recently', 'separately', 'further', 'flatly', 'publicly', 'privately', 'reportedly', 'quickly', 'simply', 'only', 'just', 'on', 'x', 'angrily', 'bluntly', 'firmly', 'calmly', 'quietly', 'curtly', 'tersely', 'openly', 'personally', 'directly', 'immediately', 'subsequently', 'afterwards', 'now', 'today', 'yesterday', 'told']);
const NEGATIONS = new Set(['not', "n't", 'never', 'no', 'declined', 'refused', 'without']);
const PREPOSITIONS = new Set(['in', 'at', 'of', 'for', 'from', 'with', 'to', 'by', 'on', 'about', 'against', 'into', 'near', 'outside', 'inside', 'after', 'before', 'during', 'over', 'under', 'between', 'among', 'across', 'via', 'than', 'like', 'toward', 'towards']);
/** Lower-case words that may follow a speaker's name inside the attribution without making the name a modifier. */
const AFTER_HEAD = new Set(['who', 'which', 'whose', 'was', 'is', 'has', 'had', 'have', 'were', 'are', 'will', 'would', 'also', 'later', 'then', 'again', 'quoted', 'as', 'wrote', 'and', 'said', 'told']);
export interface Attribution {
  speaker: MentionRef | null;
  cue: string;
  cueTok: number;
}

/** The word at `k` is a role noun or a title: "minister", "Foreign", "spokesman", "opposition". */
function isTitleWord(t: Token): boolean {
  return t.kind === 'word' && (isRoleNoun(t.text) || /^(the|a|an|former|acting|deputy|vice|senior|top|chief|foreign|interior|defence|defense|finance|prime|opposition|state|his|her|its|their)$/i.test(t.text));
}

/**
 * A speaker that is a unresolved pronoun or an organization nominal at `k` (the last token of the subject):
 * "she", "the ministry", "the foreign ministry".
 */
function fallbackAt(tokens: Token[], k: number, from: number, resolver: SpeakerResolver | undefined): MentionRef | null {
  if (!resolver || k < from) return null;
  const t = tokens[k]!;
  if (t.kind !== 'word') return null;
  const p = resolver.pronoun(k);
  if (p) return p;
  if (t.cap) return null;
  // "the (foreign) ministry"
  let j = k - 1;
  while (j >= from && j >= k - 3 && tokens[j]!.kind === 'word' && !/^(the|its|his|her|their)$/i.test(tokens[j]!.text)) j--;
  if (j >= from && /^(the|its)$/i.test(tokens[j]!.text)) return resolver.nominal(j, k) ?? resolver.role(j, k);
  return null;
}

/** A speaker right before the cue ("Trump said", "he told", "Ushakov, who took part…, described"). */
export function subjectBefore(tokens: Token[], cueTok: number, from: number, index: MentionIndex, resolver?: SpeakerResolver): MentionRef | null {
  let k = cueTok - 1;
  // "was quoted as saying"
  if (k - 1 >= from && tokens[k]!.text.toLowerCase() === 'as' && /^quoted$/i.test(tokens[k - 1]!.text)) k -= 2;
  while (k >= from && tokens[k]!.kind === 'word' && ADVERBS.has(tokens[k]!.text.toLowerCase())) k--;
  if (k < from) return null;
  // Skip a parenthetical: ", who took part in the meeting,", ", 61,", ", a spokesman for the ministry,"; an
  // apposed name is the speaker itself: "The mayor of Kharkiv, Ihor Savchuk, complained".
  if (tokens[k]!.text === ',') {
    let j = k - 1;
    while (j >= from && tokens[j]!.text !== ',') j--;
    if (j < from) return null;
    const inner = index.startingAt(j + 1);
    if (inner && inner.tokEnd === k && tokens[j + 1]!.cap) return inner;
    const first = tokens[j + 1];
    if (!first || !(/^(who|which|whose|a|an|the)$/i.test(first.text) || first.kind === 'number' || (first.kind === 'word' && !first.cap))) {
      if (!(first && first.kind === 'word' && first.cap && isTitleWord(first))) return null;
    }
    k = j - 1;
  }
  if (k < from) return null;
  return index.endingAt(k) ?? fallbackAt(tokens, k, from, resolver);
}

/** Whether the cue is negated ("did not say", "declined to comment"). */
export function negated(tokens: Token[], cueTok: number, from: number): boolean {
  for (let k = cueTok - 1; k >= Math.max(from, cueTok - 3); k--) {
    if (tokens[k]!.kind === 'punct') return false; // "…or not,” said X"
    if (NEGATIONS.has(tokens[k]!.text.toLowerCase())) return true;
  }
  return false;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'this', 'that', 'these', 'those', 'any', 'no', 'every', 'each', 'such', 'whose', 'my', 'your']);

/** A cue word used as a noun: "the claim", "a report", "her post", "his promise". */
export function nounUse(tokens: Token[], cueTok: number): boolean {
  const prev = tokens[cueTok - 1];
  return !!prev && prev.kind === 'word' && DETERMINERS.has(prev.text.toLowerCase());
}

/**
 * The subject of an attribution phrase [from, to): the first mention that heads its noun phrase, skipping titles and
 * modifiers ("the UN refugee chief, Henrik Sorensen": Sorensen; "the US embassy in Manila": no mention) and
 * mentions inside prepositional phrases; an appositive name after a nominal wins over the nominal.
 */
export function headMention(tokens: Token[], from: number, to: number, index: MentionIndex, resolver?: SpeakerResolver): MentionRef | null {
  for (let j = from; j < to; j++) {
    const t = tokens[j]!;
    const m = index.startingAt(j);
    if (!m || m.tokEnd > to) {
      if (t.kind === 'word' && !t.cap && PREPOSITIONS.has(t.text.toLowerCase())) {
        // skip the object of the preposition: "in Manila", "of the ministry"
        let k = j + 1;
        while (k < to && tokens[k]!.kind === 'word' && (!ADVERBS.has(tokens[k]!.text.toLowerCase()) || tokens[k]!.cap) && !cueVerb(tokens[k]!.text)) {
          const mm = index.startingAt(k);
          k = mm ? mm.tokEnd : k + 1;
        }
        j = k - 1;
        continue;
      }
      // a pronoun or nominal the entities left open
      if (t.kind === 'word' && !t.cap && resolver) {
        const next = tokens[j + 1];
        const nw = next?.text.toLowerCase() ?? '';
        const endsPhrase = !next || next.kind === 'punct' || (next.kind === 'word' && (cueVerb(next.text) || AFTER_HEAD.has(nw) || ADVERBS.has(nw) || PREPOSITIONS.has(nw)));
        if (endsPhrase) {
          // "the spokesman, Lars Holm,": the apposed name
          if (next?.text === ',') {
            const app = index.startingAt(j + 2);
            if (app && tokens[app.tokStart]!.cap && app.tokEnd <= to) return app;
          }
          const f = fallbackAt(tokens, j, from, resolver);
          if (f) return f;
        }
      }
      continue;
    }
    const prev = tokens[j - 1];
    const next = tokens[m.tokEnd];
    const modifier =
      next &&
      ((next.kind === 'word' && !next.cap && !AFTER_HEAD.has(next.text.toLowerCase()) && !ADVERBS.has(next.text.toLowerCase()) && !cueVerb(next.text)) ||
        (next.kind === 'word' && next.cap && isTitleWord(next) && !/^(the|a|an|his|her|its|their)$/i.test(next.text)) ||
        next.text === "'s" ||
        next.text === '’s');
    if (modifier) {
      j = m.tokEnd - 1;
      continue;
    }
    // A nominal or pronoun followed by an apposed name: "the spokesman, Lars Holm," → Lars Holm.
    if (!tokens[m.tokStart]!.cap && next?.text === ',') {
      const app = index.startingAt(m.tokEnd + 1);
      if (app && tokens[app.tokStart]!.cap && app.tokEnd <= to) return app;
    }
    if (prev && j > from && prev.kind === 'word' && !prev.cap && PREPOSITIONS.has(prev.text.toLowerCase())) {
      j = m.tokEnd - 1;
      continue;
    }
    return m;
  }
  return null;
}

const STOP = /^[.!?;“”"«»‘]$/;
const ABBREVIATIONS = /^(sen|rep|gov|gen|lt|col|sgt|capt|maj|adm|cmdr|mr|mrs|ms|dr|prof|st|amb|sec|pres|rev|hon|jr|sr|mt|ft|no|vs)$/i;

/** A full stop that ends an abbreviation or an initial ("Sen.", "Lt.", "J."), not the sentence. */
function abbreviationDot(tokens: Token[], c: number): boolean {
  const prev = tokens[c - 1];
  return tokens[c]!.text === '.' && !!prev && prev.kind === 'word' && prev.end === tokens[c]!.start && (ABBREVIATIONS.test(prev.text) || /^\p{Lu}$/u.test(prev.text));
}

/**
 * The word right before an opening mark attributes the quotation ('he said "…"', 'Trump wrote "…"'): an inflected
 * cue verb, not a base form after a modal ('would respond "in proportion"'), and not a plural noun without a subject
 * ('called the claims "baseless"').
 */
export function cueRightBefore(tokens: Token[], k: number, from: number, index: MentionIndex): boolean {
  const t = tokens[k];
  if (!t || k < from || !cueAt(tokens, k)) return false;
  const verb = cueVerb(t.text)!;
  const w = t.text.toLowerCase();
  if (w === verb.base || w.endsWith('ing')) return false;
  if (w.endsWith('s') && !subjectBefore(tokens, k, from, index)) return false;
  return true;
}

/** A word that can be the cue verb of an attribution: not capitalized ("U.S. Secretary of State"), not a noun ("the claim"). */
function cueAt(tokens: Token[], c: number): boolean {
  const t = tokens[c]!;
  return t.kind === 'word' && !t.cap && !!cueVerb(t.text) && !nounUse(tokens, c);
}

/**
 * The attribution just after a closing mark, up to the sentence end or the next opening mark: "he told reporters",
 * "Trump wrote", "said Ushakov", "said Interior Minister Tomas Vaitkus", "Peter Lang, who leads the Greens, said",
 * "the ministry said in a statement", "Berg was quoted as saying", "according to a statement from the coalition".
 */
export function attributionAfter(tokens: Token[], from: number, to: number, index: MentionIndex, resolver?: SpeakerResolver): Attribution | null {
  let k = from;
  while (k < to && tokens[k]!.kind === 'punct' && /^[,—–-]$/.test(tokens[k]!.text)) k++;
  if (k >= to) return null;
  const limit = Math.min(to, k + 30);
  for (let c = k; c < limit; c++) {
    const t = tokens[c]!;
    if (t.kind === 'punct' && STOP.test(t.text) && !abbreviationDot(tokens, c)) return null;
    // A parenthetical is not the attribution's verb: "Peter Lang, who told the party congress …, said".
    if (t.text === ',' && /^(who|which|whose)$/i.test(tokens[c + 1]?.text ?? '')) {
      let j = c + 2;
      while (j < limit && tokens[j]!.text !== ',' && !STOP.test(tokens[j]!.text)) j++;
      if (tokens[j]?.text === ',') c = j;
      continue;
    }
    if (t.kind !== 'word') continue;
    if (t.text.toLowerCase() === 'according' && tokens[c + 1]?.text.toLowerCase() === 'to') {
      if (c > k + 1) return null;
      const m = headMention(tokens, c + 2, Math.min(to, c + 12), index, resolver) ?? headMentionAfterFrom(tokens, c + 2, Math.min(to, c + 12), index);
      return { speaker: m, cue: 'according to', cueTok: c };
    }
    if (!cueAt(tokens, c)) continue;
    if (negated(tokens, c, k)) return null;
    // cue first: "said Ushakov", "added the minister", "said Interior Minister Tomas Vaitkus"
    if (c === k) {
      const m = headMention(tokens, c + 1, Math.min(to, c + 12), index, resolver);
      return { speaker: m, cue: t.text, cueTok: c };
    }
    // The words between the mark and the cue are the subject phrase; too many and the cue belongs to another clause.
    if (c - k > 22) return null;
    let m = headMention(tokens, k, c, index, resolver);
    if (!m) {
      let e = c - 1;
      if (e - 1 >= k && tokens[e]!.text.toLowerCase() === 'as' && /^quoted$/i.test(tokens[e - 1]!.text)) e -= 2;
      while (e >= k && tokens[e]!.kind === 'word' && ADVERBS.has(tokens[e]!.text.toLowerCase())) e--;
      m = fallbackAt(tokens, e, k, resolver);
    }
    return { speaker: m, cue: t.text, cueTok: c };
  }
  return null;
}

/** The first mention in [from, to) even inside a prepositional phrase: "according to a statement from the coalition". */
function headMentionAfterFrom(tokens: Token[], from: number, to: number, index: MentionIndex): MentionRef | null {
  for (let j = from; j < to; j++) {
    if (tokens[j]!.kind === 'punct' && tokens[j]!.text !== '-') return null;
    const m = index.startingAt(j);
    if (m) {
      const next = tokens[m.tokEnd];
      if (next && next.kind === 'word' && !next.cap && !PREPOSITIONS.has(next.text.toLowerCase())) {
        j = m.tokEnd - 1;
        continue;
      }
      return m;
    }
  }
  return null;
}

/** The attribution before an opening mark: "Trump said: “…”", "he told reporters, “…”", "he said “…”". */
export function attributionBefore(tokens: Token[], from: number, openTok: number, index: MentionIndex, resolver?: SpeakerResolver): Attribution | null {
  let k = openTok - 1;
  if (k < from) return null;
  if (cueRightBefore(tokens, k, from, index)) k++; // 'said "…"' without a comma
  else if (!/^[,:—–-]$/.test(tokens[k]!.text)) return null;
  // the cue within the last few words: "told reporters on Friday:", "wrote on social media:"
  for (let c = k - 1; c >= Math.max(from, k - 10); c--) {
    const t = tokens[c]!;
    if (t.kind === 'punct' && /^[.!?;“”"]$/.test(t.text)) break;
    if (cueAt(tokens, c)) {
      if (negated(tokens, c, from)) return null;
      const m = subjectBefore(tokens, c, from, index, resolver) ?? headMention(tokens, c + 1, k, index, resolver);
      return { speaker: m, cue: t.text, cueTok: c };
    }
  }
  return null;
}
