// Token runs that may be names: which tokens belong to a run (capitalized words, particles, dotted titles, corporate
// suffixes), the text of a run, initials, and runs that are parts of addresses or shouted text.
import type { Token } from '../language/tokens.js';
import { lookupName, lookupPlace } from './kb.js';
import { isFunctionWord, NAME_PARTICLES } from './lexicon.js';

/** First words of place names ("South Sudan", "San Rafael", "Fort Hood", "Greater Noida"). */
export const PLACE_OPENERS = new Set(['south', 'north', 'east', 'west', 'new', 'san', 'santa', 'santo', 'sao', 'são', 'st', 'saint', 'port', 'fort', 'lake', 'mount', 'mt', 'cape', 'puerto', 'los', 'las', 'el', 'gare', 'upper', 'lower', 'greater']);

/** Corporate suffixes that may follow a company name after a comma ("Acme, Inc."). */
export const CORPORATE_SUFFIX = /^(?:inc|corp|co|ltd|llc|llp|plc|lp|pc|gmbh|ag|sa|nv|bv|pty|pvt)$/i;

/** Abbreviated titles written with a period ("Gen.", "Sen.") that stay inside a name run. */
export const DOTTED_TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'sen', 'rep', 'gov', 'st', 'adm', 'cmdr', 'rev', 'fr', 'pres', 'amb', 'jr', 'sr', 'pm']);

/** Particles that may follow each other inside a name ("von der", "dos", "es"). */
const RUN_PARTICLES = new Set([...NAME_PARTICLES, 'es']);

/** Words before a possessive that belongs to an organization's name: "People's", "Workers'", "Attorney General's". */
const POSSESSIVE_NAME_WORDS = new Set(['people', 'peoples', 'workers', 'women', 'children', 'farmers', 'peasants', 'veterans', 'citizens', 'nations', 'mothers', 'students', 'teachers', 'general', 'generals', 'soldiers', 'martyrs', 'fishermen', 'traders', 'employees', 'miners']);

/** Capitalized, or a digit-word inside a name ("Air Force One", "World War Two", "G20"). */
export function isNameToken(t: Token): boolean {
  return t.kind === 'word' && (t.cap || ARTICLE_PREFIXED.test(t.text));
}

/** Arabic and European name particles joined by a hyphen ("al-Sadr", "bin-Salman") start a name part. */
export const ARTICLE_PREFIXED = /^(?:al|el|ad|as|an|ash|ar|at|az|bin|ibn|abu|abd)-\p{Lu}/u;

/** A function word written as one ("The", "However"), not an acronym in capitals ("US", "IT"). */
export function isFunctionToken(t: Token): boolean {
  return !t.upper && isFunctionWord(t.text);
}

/** All-caps text (a headline or a shouted word) is not evidence of a name by its case. */
export function isShouting(tokens: Token[], from: number, to: number): boolean {
  let letters = 0;
  let upper = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    letters++;
    if (t.upper) upper++;
  }
  return letters >= 4 && upper / letters > 0.6;
}

/**
 * A run inside an e-mail address, a file name or a handle: glued to "@" or "_" ("Traci@ENRON", "Lisa_resume.doc"), or
 * to a dot with a word on its other side ("Vangie.McGilloway@…"). Such names are not mentions.
 */
export function inIdentifier(tokens: Token[], a: number, b: number): boolean {
  const glued = (x: number, y: number) => !!tokens[x] && !!tokens[y] && tokens[x]!.end === tokens[y]!.start;
  const joiner = (k: number) => tokens[k]?.text === '@' || tokens[k]?.text === '_';
  if ((glued(a - 1, a) && joiner(a - 1)) || (glued(b - 1, b) && joiner(b))) return true;
  const dotWord = (dot: number, word: number) => tokens[dot]?.text === '.' && tokens[word]?.kind === 'word' && glued(Math.min(dot, word), Math.max(dot, word));
  return (glued(b - 1, b) && dotWord(b, b + 1)) || (glued(a - 1, a) && dotWord(a - 1, a - 2));
}

export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The end of a run of name tokens starting at i: capitalized words, name particles and dotted titles between them. */
export function runEnd(tokens: Token[], i: number, to: number): number {
  let j = i + 1;
  while (j < to) {
    const t = tokens[j]!;
    // The pronoun "I" ends a name ("Dan I", "Luckily I"); "I." is an initial and "World War I" a numeral.
    if (t.text === 'I' && tokens[j + 1]?.text !== '.' && !/^war$/i.test(tokens[j - 1]!.text)) break;
    if (isNameToken(t)) {
      j++;
      continue;
    }
    const next = tokens[j + 1];
    const prev = tokens[j - 1]!;
    const adjacent = t.start === prev.end;
    // "Gen. Ivan Petrov", "Mr. Smith": a period right after a title abbreviation.
    if (t.text === '.' && adjacent && (DOTTED_TITLES.has(prev.text.toLowerCase()) || /^\p{Lu}$/u.test(prev.text)) && next && isNameToken(next)) {
      j++;
      continue;
    }
    const lower = t.text.toLowerCase();
    // "Ursula von der Leyen", "Dar es Salaam": two or three particles in a row before the next name word.
    if (t.kind === 'word' && !t.cap && RUN_PARTICLES.has(lower) && next && !next.cap && RUN_PARTICLES.has(next.text.toLowerCase())) {
      let k = j + 1;
      while (k < to && k < j + 3 && !tokens[k]!.cap && RUN_PARTICLES.has(tokens[k]!.text.toLowerCase())) k++;
      if (k < to && isNameToken(tokens[k]!) && !isFunctionWord(tokens[k]!.text)) {
        j = k;
        continue;
      }
    }
    // "People's Bank of China", "Kurdistan Workers' Party", "Attorney General's Office", "Cox's Bazar": a possessive
    // inside a name, after a word that names a body of people or an office, or in a place we know.
    if ((lower === "'s" || lower === '’s' || ((t.text === "'" || t.text === '’') && /s$/.test(prev.text))) && adjacent && next && isNameToken(next) && next.start === t.end + 1) {
      if (POSSESSIVE_NAME_WORDS.has(prev.text.toLowerCase()) || lookupPlace(`${prev.text}'s ${next.text}`, 1000)?.name.includes(' ')) {
        j++;
        continue;
      }
    }
    if (next && isNameToken(next) && t.kind === 'word' && !t.cap) {
      // "Charles de Gaulle", "Bank of England", "Bosnia and Herzegovina" (split later unless known).
      if (RUN_PARTICLES.has(lower) || lower === 'of' || lower === 'and' || lower === 'for' || lower === 'on') {
        j++;
        continue;
      }
      // "Ministry of the Interior"
      if (lower === 'the' && tokens[j - 1]!.text.toLowerCase() === 'of') {
        j++;
        continue;
      }
    }
    // "International Committee of the Red Cross": "of the" before a name word.
    if (lower === 'of' && t.kind === 'word' && next?.text === 'the' && next.start > t.end && tokens[j + 2] && isNameToken(tokens[j + 2]!) && !isFunctionWord(tokens[j + 2]!.text)) {
      j++;
      continue;
    }
    if (t.text === '&' && next && isNameToken(next)) {
      j++;
      continue;
    }
    // A number right after a name word: "Air Force One", "Boeing 737", "G20"? (digits attached are one token)
    if (t.kind === 'number' && adjacent === false && /^(?:\d{1,3})$/.test(t.text) && prev.cap && tokens[j - 2] && isNameToken(tokens[j - 2]!) && /^(war|force|one)$/i.test(prev.text)) {
      j++;
      continue;
    }
    break;
  }
  // Do not end on a connector.
  while (j > i + 1 && !isNameToken(tokens[j - 1]!) && tokens[j - 1]!.text !== '.') j--;
  // "Acme, Inc.", "Holland & Hart, LLP": a corporate suffix after a comma belongs to the name.
  if (tokens[j]?.text === ',' && j + 1 < to && CORPORATE_SUFFIX.test(tokens[j + 1]!.text)) j += 2;
  // "Fresno, Calif.", "Mississauga, Ont.": a state's abbreviation keeps its period.
  if (j - i === 1 && tokens[i - 1]?.text === ',' && tokens[j]?.text === '.' && tokens[j]!.start === tokens[j - 1]!.end && isStateAbbreviation(tokens[j - 1]!.text)) return j + 1;
  // "Enron Corp.", "Acme Inc.", "Martin Luther King Jr.": the abbreviation's period belongs to the name.
  const last = tokens[j - 1]!;
  const dot = tokens[j];
  if (dot && dot.text === '.' && dot.start === last.end && /^(corp|inc|co|ltd|jr|sr|bros|plc|llc|llp)$/i.test(last.text) && j - 1 > i) j++;
  return j;
}

/** A short form of a state or province name written with a period ("Calif", "Ont", "Mass"). */
export function isStateAbbreviation(w: string): boolean {
  if (w.length > 5 || !/^\p{Lu}\p{Ll}+$/u.test(w)) return false;
  const hit = lookupName(w, null);
  return !!hit && hit.kind === 'place' && hit.name.length > w.length && hit.name.toLowerCase().startsWith(w.toLowerCase().slice(0, 2));
}

export function spanText(tokens: Token[], a: number, b: number): string {
  let s = '';
  for (let k = a; k < b; k++) {
    const t = tokens[k]!;
    if (k > a && t.start > tokens[k - 1]!.end) s += ' ';
    s += t.text;
  }
  return s;
}

/** A single capital letter with its period right after it ("A.", "J."). */
export function isInitial(tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  const dot = tokens[k + 1];
  return /^\p{Lu}$/u.test(t.text) && !!dot && dot.text === '.' && dot.start === t.end;
}

