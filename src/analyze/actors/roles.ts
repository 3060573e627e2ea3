// Roles from the words around a name: titles ("President"), pre-name modifiers ("Kremlin foreign policy aide"),
// possessive links ("Trump's envoy Steve Witkoff") and appositions ("A real estate billionaire, Witkoff …").
import type { Token } from '../language/tokens.js';
import { isRoleNoun } from '../../knowledge/roles.js';
import { demonymCountry, lookupName } from './kb.js';
import { isFunctionWord } from './lexicon.js';

/** Modifiers that may stand inside a role phrase before its head noun. */
export const MODIFIERS = new Set(
  (
    'foreign policy defence defense senior top chief deputy former acting special presidential military security national ' +
    'interior finance economic economy trade state press veteran opposition rebel ruling party government health justice energy ' +
    'intelligence army navy police junior lead head communications real estate business tech oil gas media foreign-policy ' +
    'prime vice executive general assistant principal associate federal regional local provincial city district county ' +
    'white house kremlin armed forces presidential-administration international human rights peace climate nuclear ' +
    'billionaire tycoon property hedge fund investment private sector civil civilian elected newly outgoing incoming longtime long-time ' +
    'treasury homeland commerce labor labour education transportation agriculture interior democratic republican conservative liberal ' +
    'socialist managing'
  ).split(' '),
);

export interface RoleFinding {
  role: string;
  /** Countries the role phrase names ("Kremlin" → RUS, "US" → USA). */
  countries: string[];
  /** Token index of a possessor name before the role ("Trump" in "Trump's envoy"), or -1. */
  possessorEnd: number;
}

/** The role phrase right before a name (token index `a` is the first token of the name). */
export function roleBefore(tokens: Token[], a: number, sentenceStart: number, date: string | null): RoleFinding | null {
  let k = a - 1;
  if (k < sentenceStart) return null;
  const head = tokens[k]!;
  if (head.kind !== 'word' || !isRoleNoun(head.text)) return null;
  const words: string[] = [head.text];
  const countries: string[] = [];
  k--;
  let possessorEnd = -1;
  while (k >= sentenceStart) {
    const t = tokens[k]!;
    if (t.text === "'s" || t.text === '’s') {
      possessorEnd = k;
      break;
    }
    if (t.kind !== 'word') break;
    const lower = t.text.toLowerCase();
    if (isFunctionWord(lower)) break;
    const dem = demonymCountry(t.text);
    const hit = t.cap ? lookupName(t.text, date) : null;
    if (dem) countries.push(dem);
    else if (hit && hit.country && (hit.kind === 'metonym' || hit.kind === 'country' || hit.kind === 'capital' || hit.kind === 'organization')) countries.push(hit.country);
    else if (!(MODIFIERS.has(lower) || isRoleNoun(t.text))) break;
    words.unshift(t.text);
    k--;
  }
  return { role: roleText(words), countries, possessorEnd };
}

/** "A real estate billionaire, Witkoff has …" and "Witkoff, a real estate billionaire, …". */
export function appositionRole(tokens: Token[], a: number, b: number, sentenceStart: number, sentenceEnd: number): string | null {
  // Before: sentence-initial "A|An|The … ROLE ," right before the name.
  if (a - 2 >= sentenceStart && tokens[a - 1]!.text === ',') {
    let k = a - 2;
    const head = tokens[k]!;
    if (head.kind === 'word' && isRoleNoun(head.text)) {
      const words: string[] = [];
      while (k >= sentenceStart && tokens[k]!.kind === 'word' && !/^(a|an|the)$/i.test(tokens[k]!.text) && a - k <= 7) {
        words.unshift(tokens[k]!.text);
        k--;
      }
      if (k >= sentenceStart && /^(a|an|the)$/i.test(tokens[k]!.text) && k === sentenceStart) return roleText(words);
    }
  }
  // After: "NAME, a|an|the … ROLE ," (the role ends at a comma or the end of the sentence).
  if (b + 2 < sentenceEnd && tokens[b]!.text === ',' && /^(a|an|the)$/i.test(tokens[b + 1]!.text)) {
    const words: string[] = [];
    let k = b + 2;
    while (k < sentenceEnd && tokens[k]!.kind === 'word' && k - b <= 8) {
      words.push(tokens[k]!.text);
      k++;
    }
    const endTok = tokens[k];
    if (words.length && (!endTok || endTok.text === ',' || endTok.text === '.') && isRoleNoun(words[words.length - 1]!)) {
      // "the country's foreign minister" → drop the possessive part
      return roleText(words.filter((w) => w !== "'s" && w !== '’s'));
    }
  }
  return null;
}

function roleText(words: string[]): string {
  // Lower-case the common words, keep names and acronyms as written ("Kremlin foreign policy aide").
  return words
    .map((w) => (/^\p{Lu}/u.test(w) && (lookupName(w, null) || /^[A-Z]{2,}$/.test(w)) ? w : w.toLowerCase()))
    .join(' ')
    .trim();
}

/** Titles stripped from a name run, as a role ("Foreign Minister" → "foreign minister"). */
export function titleRole(titles: string[]): string | null {
  const t = titles
    .filter((x) => !/^(mr|mrs|ms|miss|dr|sir|dame|prof)\.?$/i.test(x))
    .join(' ')
    .replace(/\./g, '')
    .trim();
  return t ? t.toLowerCase() : null;
}
