// Role nouns from data/roles.tsv: "foreign minister" → GOV, "military" → MIL, "rebel" → REB (CAMEO sectors).
// The format and the weights are documented in data/README.md.
import { NewsgraphError } from '../errors.js';
import { dataPath, readDataLines } from './data-files.js';

export interface RoleNoun {
  /** As written in the file ("foreign minister", "MP"). */
  phrase: string;
  /** CAMEO sector code ("GOV", "MIL", …). */
  sector: string;
  /** 3 institution/affiliation, 2 specific role, 1 generic role (a default only). */
  weight: 1 | 2 | 3;
}

export interface RoleMatch {
  role: RoleNoun;
  /** Word positions [start, end) in the phrase. */
  start: number;
  end: number;
}

/** Lower case, no diacritics, hyphens as spaces. */
function foldWord(w: string): string {
  return w
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

/** All-capital entries ("MP", "UN", "WHO") match only in capitals, so "who" is not the WHO. */
function isAcronym(w: string): boolean {
  return /^[A-Z]{2,6}$/.test(w);
}

/** Words of a phrase, punctuation and possessives dropped, hyphens split: "Kremlin's foreign-policy aide". */
function words(phrase: string): string[] {
  return phrase
    .replace(/[\u2018\u2019]/g, "'")
    .split(/[\s\u2010-\u2015-]+/)
    .map((w) => w.replace(/'s$|'$/, '').replace(/\.(?=[A-Za-z])/g, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}

/** The key a word is looked up by: acronyms as written (dots dropped), other words folded. */
function wordKey(w: string): string {
  return isAcronym(w) || /^[A-Z]{2,6}s$/.test(w) ? w : foldWord(w);
}

/** Regular English plurals of a (last) word; the file need not list them. */
function plurals(w: string): string[] {
  if (isAcronym(w)) return [`${w}s`];
  const out = [`${w}s`];
  if (/(s|x|z|ch|sh)$/.test(w)) out.push(`${w}es`);
  if (/[^aeiou]y$/.test(w)) out.push(`${w.slice(0, -1)}ies`);
  if (/man$/.test(w)) out.push(`${w.slice(0, -3)}men`);
  if (/person$/.test(w)) out.push(`${w.slice(0, -6)}people`);
  if (/f$/.test(w)) out.push(`${w.slice(0, -1)}ves`);
  return out;
}

export class RoleTable {
  /** Key (words joined by one space) → role; explicit entries win over generated plurals. */
  private readonly forms = new Map<string, RoleNoun>();
  private readonly maxWords: number;

  constructor(readonly roles: readonly RoleNoun[]) {
    let max = 1;
    const plural = new Map<string, RoleNoun>();
    for (const r of roles) {
      const ws = words(r.phrase).map(wordKey);
      max = Math.max(max, ws.length);
      this.forms.set(ws.join(' '), r);
      const last = ws[ws.length - 1]!;
      for (const p of plurals(last)) plural.set([...ws.slice(0, -1), p].join(' '), r);
    }
    for (const [k, r] of plural) if (!this.forms.has(k)) this.forms.set(k, r);
    this.maxWords = max;
  }

  /** The role a word or phrase is, exactly (plurals included): "senator", "Senators", "prime minister". */
  lookup(phrase: string): RoleNoun | null {
    return this.forms.get(words(phrase).map(wordKey).join(' ')) ?? null;
  }

  /** Every role noun in a phrase, longest first, left to right, without overlaps. */
  matches(phrase: string): RoleMatch[] {
    const ws = words(phrase);
    const keys = ws.map(wordKey);
    const out: RoleMatch[] = [];
    for (let i = 0; i < keys.length; ) {
      let hit: RoleMatch | null = null;
      for (let n = Math.min(this.maxWords, keys.length - i); n >= 1 && !hit; n--) {
        // An all-capital word is tried as written (acronyms), then folded ("ARMY" in a headline).
        const role = this.forms.get(keys.slice(i, i + n).join(' ')) ?? (n === 1 ? this.forms.get(foldWord(ws[i]!)) : undefined);
        if (role) hit = { role, start: i, end: i + n };
      }
      if (hit) {
        out.push(hit);
        i = hit.end;
      } else i++;
    }
    return out;
  }

  /**
   * The most specific role in a phrase: the heaviest match (institution > specific role > generic role), and among
   * equals the rightmost, which in English is the head noun. "senior Russian military officer" → military (MIL);
   * "Kremlin foreign policy aide" → aide (GOV); "rebel commander" → rebel (REB); "student protester" → protester.
   */
  bestRole(phrase: string): RoleMatch | null {
    let best: RoleMatch | null = null;
    for (const m of this.matches(phrase)) if (!best || m.role.weight >= best.role.weight) best = m;
    return best;
  }

  sectorOf(phrase: string): string | null {
    return this.bestRole(phrase)?.role.sector ?? null;
  }

  /** True when the word (or phrase) is itself a role noun, singular or plural. */
  isRoleNoun(word: string): boolean {
    return this.lookup(word) !== null;
  }
}

/** Parses and validates a roles file; a bad row throws a NewsgraphError naming the file and line. */
export function parseRolesFile(file: string): RoleNoun[] {
  const out: RoleNoun[] = [];
  const seen = new Map<string, number>();
  for (const { line, text } of readDataLines(file)) {
    const bad = (why: string): never => {
      throw new NewsgraphError(`${file}:${line}: ${why}`);
    };
    const cells = text.split('\t').map((c) => c.trim());
    if (cells.length !== 3) bad(`expected 3 tab-separated columns (phrase, sector, weight), found ${cells.length}`);
    const [phrase, sector, w] = cells as [string, string, string];
    if (!words(phrase).length) bad('the phrase is empty');
    if (!/^[A-Z]{3}$/.test(sector)) bad(`sector must be a 3-letter CAMEO code, found '${sector}'`);
    if (!/^[123]$/.test(w)) bad(`weight must be 1, 2 or 3, found '${w}'`);
    const key = words(phrase).map(wordKey).join(' ');
    const first = seen.get(key);
    if (first) bad(`duplicate role '${phrase}' (first on line ${first})`);
    seen.set(key, line);
    out.push({ phrase, sector, weight: Number(w) as 1 | 2 | 3 });
  }
  return out;
}

export function loadRoles(file: string = dataPath('roles.tsv')): RoleTable {
  return new RoleTable(parseRolesFile(file));
}

let table: RoleTable | null = null;

/** Our role table, loaded once. */
export function roles(): RoleTable {
  table ??= loadRoles();
  return table;
}

/** CAMEO sector of the most specific role noun in a phrase, or null. */
export const sectorOfRole = (phrase: string): string | null => roles().sectorOf(phrase);
export const isRoleNoun = (word: string): boolean => roles().isRoleNoun(word);
/** Every role noun with its sector and weight, for the actors stage. */
export const roleNouns = (): readonly RoleNoun[] => roles().roles;
