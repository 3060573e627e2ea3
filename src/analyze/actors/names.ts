// Word lists that help tell a name from an ordinary capitalized word: common surnames (data/surnames.txt), acronyms
// that are ordinary nouns (data/acronym-words.txt), the surnames of the people in our knowledge, and the words that
// open a sentence before a name ("Try Varkala", "Welcome Darin").
import { dataPath, readDataLines } from '../../knowledge/data-files.js';
import { givenName } from '../../knowledge/given-names.js';
import { peopleBySurname } from '../../knowledge/people.js';
import { NewsgraphError } from '../../errors.js';
import { lowerFrequency } from './lexicon.js';

let surnames: Set<string> | null = null;
let acronymWords: Set<string> | null = null;
let familyFirst: Set<string> | null = null;

const fold = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').replace(/['’]s$/, '').toLowerCase();

/** Reads a one-word-a-line list; a line that is not a single word matching `shape` stops loading with its place. */
export function readWordList(file: string, shape: RegExp, what: string): Set<string> {
  const out = new Set<string>();
  const seen = new Map<string, number>();
  for (const { line, text } of readDataLines(file)) {
    if (!shape.test(text)) throw new NewsgraphError(`${file}:${line}: not ${what}: '${text}'`);
    const k = fold(text);
    const first = seen.get(k);
    if (first) throw new NewsgraphError(`${file}:${line}: duplicate '${text}' (first on line ${first})`);
    seen.set(k, line);
    out.add(k);
  }
  return out;
}

export const SURNAME_SHAPE = /^\p{Lu}[\p{L}\p{M}'’-]*\p{L}$/u;
export const ACRONYM_SHAPE = /^[A-Z][A-Za-z0-9&]*[A-Z0-9]$/;

/** A common family name ("Patel", "Hull", "Nguyen"); the first letter must be a capital. */
export function isSurname(w: string): boolean {
  if (!/^\p{Lu}/u.test(w)) return false;
  surnames ??= readWordList(dataPath('surnames.txt'), SURNAME_SHAPE, 'a capitalized surname');
  return surnames.has(fold(w));
}

/** An acronym that is an ordinary noun ("RFP", "DUI", "PDF"), not the short name of an organization. */
export function isAcronymWord(w: string): boolean {
  acronymWords ??= readWordList(dataPath('acronym-words.txt'), ACRONYM_SHAPE, 'an acronym');
  return acronymWords.has(w.replace(/['’]s$/, '').toLowerCase());
}

/** The surname of someone in our people knowledge ("Rumsfeld", "Arafat"), unless it is a very common word ("King"). */
export function knownSurname(w: string): boolean {
  return lowerFrequency(w) < 3000 && peopleBySurname(w).length > 0;
}

/** A common word that can open a sentence before a name: an imperative, greeting or adverb, not a given name. */
export function isOpeningWord(w: string): boolean {
  return lowerFrequency(w) >= 300 && !givenName(w) && !isSurname(w);
}

export const FAMILY_NAME_SHAPE = /^\p{Lu}\p{Ll}*$/u;

/** A family name that comes first in the name (Chinese, Korean, Vietnamese): "Nguyen", "Park", "Zhang". */
export function isFamilyFirstName(w: string): boolean {
  if (!/^\p{Lu}/u.test(w)) return false;
  familyFirst ??= readWordList(dataPath('family-first-names.txt'), FAMILY_NAME_SHAPE, 'a capitalized family name');
  return familyFirst.has(fold(w));
}

/** A word shaped like a company's name: an inner capital ("PetroVietnam"), or a company-like ending ("Safaricom"). */
export function companyShaped(w: string): boolean {
  if (/^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}/u.test(w) && !/^(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|Al|El|Ben|Abu|Fitz|O)\p{Lu}/u.test(w)) return true;
  return /^\p{Lu}\p{Ll}{2,}(?:com|tel|tech|corp|soft|net|gaz|neft|tronics|flix|cell|pharma|bras|mex|sat|coin|bank)$/u.test(w) || /^(?:Petro|Sino|Telecom|Gaz)\p{Ll}{3,}$/u.test(w);
}

