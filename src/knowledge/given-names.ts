// Given names from data/given-names.tsv, with gender, so the recognizer can tell "Dmitry Peskov" from "Tuesday Peskov"
// and pick pronouns. The format is documented in data/README.md. A user file in the same format can be merged over ours.
import { NewsgraphError } from '../errors.js';
import { dataPath, listCell, readDataLines } from './data-files.js';
import { tableSlot } from './table-slot.js';

/** m male, f female, u used for both (or differing by culture: "Andrea", "Jean"). */
export type NameGender = 'm' | 'f' | 'u';

export interface GivenName {
  /** The spelling as listed. */
  name: string;
  gender: NameGender;
  /** Language or region tags ("en", "ar", "ru"…) from every row listing the spelling. */
  origins: string[];
  /** Also an ordinary English word ("Will", "May", "Grace", "Hope"), so alone at a sentence start it is weak evidence. */
  word: boolean;
}

const COLUMNS = ['names', 'gender', 'origins', 'flags'] as const;
const ASCII = /^[\x20-\x7e]*$/;
const PLAIN_NAME = /^[A-Z][A-Za-z'-]*$/;
const NAME = /^\p{Lu}[\p{L}'’-]*$/u;
const FLAGS = new Set(['word']);

/** Lower case without diacritics: "José" → "jose", "Çağrı" → "cagri". */
function key(s: string): string {
  if (ASCII.test(s)) return s.toLowerCase();
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ıİ]/g, 'i')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/[\u2018\u2019`´]/g, "'")
    .toLowerCase();
}

/**
 * Parses and validates one given-names file into `into` (lower-cased, diacritic-free spelling → entry); throws a
 * NewsgraphError naming the file and line of a bad row. With `replace`, a spelling this file lists replaces what
 * `into` had; otherwise rows for the same spelling merge (differing genders make it unisex).
 */
function readGivenNamesFile(file: string, into: Map<string, GivenName>, replace: boolean): void {
  const fresh = replace ? new Set<string>() : null;
  for (const { line, text } of readDataLines(file)) {
    const cells = text.split('\t');
    if (cells.length !== COLUMNS.length) {
      bad(file, line, `expected ${COLUMNS.length} tab-separated columns (${COLUMNS.join(', ')}), found ${cells.length}`);
    }
    const ns = listCell(cells[0]!.trim());
    const gender = cells[1]!.trim();
    const origins = listCell(cells[2]!.trim());
    const flags = cells[3]!.trim();
    if (!ns.length) bad(file, line, 'the names column is empty');
    if (gender !== 'm' && gender !== 'f' && gender !== 'u') bad(file, line, `gender must be m, f or u, found '${gender}'`);
    let word = false;
    if (flags !== '-') {
      for (const f of listCell(flags)) {
        if (!FLAGS.has(f)) bad(file, line, `unknown flag '${f}' (known: ${[...FLAGS].join(', ')})`);
        if (f === 'word') word = true;
      }
    }
    for (const n of ns) {
      if (!PLAIN_NAME.test(n) && !NAME.test(n)) bad(file, line, `'${n}' is not a capitalized name (letters, apostrophes and hyphens only)`);
      const k = key(n);
      const had = into.get(k);
      if (!had || (fresh && !fresh.has(k))) {
        into.set(k, { name: n, gender: gender as NameGender, origins: origins.slice(), word });
        fresh?.add(k);
        continue;
      }
      // The same spelling on two rows (Andrea: Italian m, English f): genders that differ make it unisex.
      if (had.gender !== gender) had.gender = 'u';
      for (const o of origins) if (!had.origins.includes(o)) had.origins.push(o);
      if (word) had.word = true;
    }
  }
}

function bad(file: string, line: number, why: string): never {
  throw new NewsgraphError(`${file}:${line}: ${why}`);
}

export class GivenNameTable {
  constructor(private readonly byKey: ReadonlyMap<string, GivenName>) {}

  get size(): number {
    return this.byKey.size;
  }

  /**
   * A token as a given name. The first letter must be a capital ("Dmitry", "DMITRY"; never "dmitry", so "will" and
   * "mark" are not names); the rest is matched ignoring case and diacritics ("Jose" = "José"). A trailing "'s" is
   * dropped. A hyphenated name not listed as a whole takes its first part ("Jean-Baptiste" → Jean).
   */
  lookup(token: string): GivenName | null {
    const t = token.trim().replace(/['’]s$/, '');
    if (!/^\p{Lu}/u.test(t)) return null;
    const k = key(t);
    const hit = this.byKey.get(k);
    if (hit) return hit;
    const dash = t.indexOf('-');
    if (dash > 0) return this.byKey.get(key(t.slice(0, dash))) ?? null;
    return null;
  }

  /** Every listed name. */
  all(): GivenName[] {
    return [...new Set(this.byKey.values())];
  }
}

/** Our file, with a user file merged over it: every spelling a user row lists replaces our entry for that spelling. */
export function loadGivenNames(file: string = dataPath('given-names.tsv'), overrideFile?: string | null): GivenNameTable {
  const map = new Map<string, GivenName>();
  readGivenNamesFile(file, map, false);
  if (overrideFile) readGivenNamesFile(overrideFile, map, true);
  return new GivenNameTable(map);
}

const slot = tableSlot((userFile) => loadGivenNames(dataPath('given-names.tsv'), userFile));

/** Sets (or clears, with null) the user override file for the default table; it is loaded on next use. */
export function setGivenNameOverride(file: string | null): void {
  slot.setOverride(file);
}

/** The default table: our file plus the user override, loaded once. */
export function givenNames(): GivenNameTable {
  return slot.get();
}

/** The given name a token is, with its gender, or null (see GivenNameTable.lookup for the matching rules). */
export const givenName = (token: string): GivenName | null => givenNames().lookup(token);
