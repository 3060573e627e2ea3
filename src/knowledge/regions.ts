// Regions from data/regions.tsv: first-level divisions (Texas, Kharkiv Oblast, Anbar), well-known regions (Donbas,
// Sahel, Kurdistan), seas, straits, lakes and rivers, each with a kind, a country and a rough centre.
// The file format is documented in data/README.md. A user file in the same format can be merged over ours.
import { NewsgraphError } from '../errors.js';
import { countries, foldName } from './countries.js';
import { dataPath, listCell, readDataLines } from './data-files.js';
import { tableSlot } from './table-slot.js';

export interface Region {
  /** The name as news writes it ("Texas", "Kharkiv Oblast", "Strait of Hormuz"). */
  name: string;
  /** Other names and spellings ("Kharkov Oblast"); all-capital ones ("TX") match only in capitals. */
  aliases: string[];
  /** state, province, oblast, governorate, territory, geo-region, sea, strait, river… (see data/README.md). */
  kind: string;
  /** ISO alpha-3 of the state the region belongs to, or null for regions shared by several states. */
  country: string | null;
  /** Approximate centre. */
  lat: number;
  lon: number;
  /** Free-text note, or null; disputed areas have a note starting with "disputed". */
  note: string | null;
  /** True when the note starts with "disputed". */
  disputed: boolean;
  /** Where the row came from, for messages. */
  source: { file: string; line: number };
}

const COLUMNS = ['name', 'aliases', 'kind', 'country', 'lat', 'lon', 'note'] as const;

/**
 * Words that name a kind of division. "Kharkov region", "Anbar province" and "state of Kaduna" are looked up without
 * the word, so a row named "Kharkiv Oblast" (alias "Kharkov Oblast") is found as "Kharkov region".
 */
const DIVISION = new Set([
  'region', 'province', 'oblast', 'governorate', 'state', 'krai', 'kray', 'district', 'county', 'prefecture',
  'department', 'territory', 'okrug',
]);
/** Words before a division word that belong to it: "union territory", "autonomous region". */
const QUALIFIER = / (?:union|autonomous)$/;

/** Short all-capital names ("TX", "N.Y.", "NSW") match only in capitals, so "in" is not Indiana. */
function acronymKey(s: string): string | null {
  const t = s.trim().replace(/^the\s+/i, '').replace(/\./g, '');
  return /^[A-Z]{2,5}$/.test(t) ? t : null;
}

/** The name without a division word ("kharkov region" → "kharkov", "state of kaduna" → "kaduna"), or null. */
function baseKey(folded: string): string | null {
  const i = folded.lastIndexOf(' ');
  if (i > 0 && DIVISION.has(folded.slice(i + 1))) return folded.slice(0, i).replace(QUALIFIER, '') || null;
  const j = folded.indexOf(' of ');
  if (j > 0 && DIVISION.has(folded.slice(0, j))) return folded.slice(j + 4) || null;
  return null;
}

type Index = Map<string, Region[]>;

function add(index: Index, key: string, r: Region): void {
  if (!key) return;
  const list = index.get(key);
  if (!list) index.set(key, [r]);
  else if (!list.includes(r)) list.push(r);
}

const ASCII = /^[\x20-\x7e]*$/;

/**
 * The same key as `foldName` (countries.ts), with a fast path for plain ASCII, where Unicode normalization has
 * nothing to do. regions.test.ts checks that both agree on every name in the file.
 */
export function regionKey(s: string): string {
  if (!ASCII.test(s)) return foldName(s);
  let t = s.toLowerCase();
  if (/[-&.,;:()"]|'s$/.test(t)) {
    t = t.replace(/-/g, ' ').replace(/&/g, ' and ').replace(/'s$/, '').replace(/\./g, '').replace(/[,;:()"]/g, ' ');
  }
  t = t.replace(/\s+/g, ' ').trim();
  return t.startsWith('the ') ? t.slice(4) : t;
}

type Key = { acronym: boolean; key: string; text: string };
const keyCache = new WeakMap<Region, Key[]>();

/** Lookup keys of a row's name and aliases: acronyms as written, other names folded. Computed once per row. */
function keysOf(r: Region): Key[] {
  let out = keyCache.get(r);
  if (!out) {
    out = [];
    for (const text of [r.name, ...r.aliases]) {
      const ac = acronymKey(text);
      out.push(ac ? { acronym: true, key: ac, text } : { acronym: false, key: regionKey(text), text });
    }
    keyCache.set(r, out);
  }
  return out;
}

export class RegionTable {
  private readonly names: Index = new Map();
  private readonly acronyms: Index = new Map();
  /** Names that end in a division word, without it: "kharkiv oblast" → "kharkiv". */
  private readonly bases: Index = new Map();

  constructor(readonly regions: readonly Region[]) {
    for (const r of regions) {
      for (const { acronym, key } of keysOf(r)) {
        if (acronym) add(this.acronyms, key, r);
        else {
          add(this.names, key, r);
          const base = baseKey(key);
          if (base) add(this.bases, base, r);
        }
      }
    }
  }

  get size(): number {
    return this.regions.length;
  }

  /**
   * Every region a name could mean: several for "Punjab" (India and Pakistan) or "WA" (Washington State and Western
   * Australia). Acronyms match only in capitals. A name with a division word ("Kharkov region", "Anbar province")
   * falls back to the name without it.
   */
  allByName(s: string): Region[] {
    const ac = acronymKey(s);
    if (ac) {
      const hit = this.acronyms.get(ac);
      if (hit) return [...hit];
    }
    const k = regionKey(s);
    const hit = this.names.get(k);
    if (hit) return [...hit];
    const base = baseKey(k);
    if (base) {
      const b = this.names.get(base) ?? this.bases.get(base);
      if (b) return [...b];
    }
    return [];
  }

  /** The one region a name means, or null when none or several do. */
  byName(s: string): Region | null {
    const all = this.allByName(s);
    return all.length === 1 ? all[0]! : null;
  }

  /** Every written form with its region, for building a matcher over text. */
  terms(): { text: string; region: Region; acronym: boolean }[] {
    const out: { text: string; region: Region; acronym: boolean }[] = [];
    for (const r of this.regions) for (const { text, acronym } of keysOf(r)) out.push({ text, region: r, acronym });
    return out;
  }
}

const NUMBER = /^-?\d{1,3}(?:\.\d+)?$/;

/**
 * Refuses a name used twice for the same country (or twice among the shared regions): the lookup could not tell
 * the rows apart. `where` formats the other row for the message.
 */
function checkNames(rows: readonly Region[], where: (first: Region, dup: Region) => string): void {
  const seen = new Map<string, Region>();
  for (const r of rows) {
    const own = new Set<string>();
    for (const { acronym, key, text } of keysOf(r)) {
      const k = `${r.country ?? '-'}\u0000${acronym ? 'A' : 'N'}\u0000${key}`;
      if (own.has(k)) continue;
      own.add(k);
      const first = seen.get(k);
      if (first) {
        throw new NewsgraphError(
          `${r.source.file}:${r.source.line}: the name '${text}' is already used for ${r.country ?? 'a shared region'} by '${first.name}' ${where(first, r)}`,
        );
      }
      seen.set(k, r);
    }
  }
}

/** Parses and validates one regions file; throws a NewsgraphError naming the file and line of a bad row. */
export function parseRegionsFile(file: string): Region[] {
  const out: Region[] = [];
  for (const { line, text } of readDataLines(file)) {
    const bad = (why: string): never => {
      throw new NewsgraphError(`${file}:${line}: ${why}`);
    };
    const cells = text.split('\t').map((c) => c.trim());
    if (cells.length !== COLUMNS.length) {
      bad(`expected ${COLUMNS.length} tab-separated columns (${COLUMNS.join(', ')}), found ${cells.length}`);
    }
    const [name, aliases, kind, country, lat, lon, note] = cells as [string, string, string, string, string, string, string];
    if (!name || name === '-') bad('the name column is empty');
    if (name.includes('|')) bad(`the name '${name}' has a '|'; put other names in the aliases column`);
    if (!/^[a-z][a-z-]*$/.test(kind)) bad(`kind must be a lower-case word like 'state' or 'geo-region', found '${kind}'`);
    if (country !== '-' && !/^[A-Z]{3}$/.test(country)) bad(`country must be an alpha-3 code or '-', found '${country}'`);
    if (!NUMBER.test(lat) || Math.abs(Number(lat)) > 90) bad(`latitude must be a number from -90 to 90, found '${lat}'`);
    if (!NUMBER.test(lon) || Math.abs(Number(lon)) > 180) bad(`longitude must be a number from -180 to 180, found '${lon}'`);
    const n = note === '-' || note === '' ? null : note;
    out.push({
      name,
      aliases: listCell(aliases).filter((a) => a !== name),
      kind,
      country: country === '-' ? null : country,
      lat: Number(lat),
      lon: Number(lon),
      note: n,
      disputed: n !== null && /^disputed\b/i.test(n),
      source: { file, line },
    });
  }
  checkNames(out, (first) => `(first on line ${first.source.line})`);
  return out;
}

/** Refuses a row whose country code is not in the countries table (ours plus the user's countries override). */
function checkCountries(rows: readonly Region[]): void {
  const table = countries();
  const known = new Set<string>();
  for (const r of rows) {
    if (!r.country || known.has(r.country)) continue;
    if (table.byCode(r.country)) known.add(r.country);
    else {
      throw new NewsgraphError(`${r.source.file}:${r.source.line}: unknown country code ${r.country} for '${r.name}'`);
    }
  }
}

/**
 * Our file, with a user file merged over it: a user row with the same name and country as one of ours replaces it
 * entirely (aliases included), other user rows are added. A user name that one of our rows of the same country
 * already uses is refused, with both places.
 */
export function loadRegions(file: string = dataPath('regions.tsv'), overrideFile?: string | null): RegionTable {
  const ours = parseRegionsFile(file);
  let rows: Region[] = ours;
  if (overrideFile) {
    const theirs = parseRegionsFile(overrideFile);
    const key = (r: Region): string => `${r.country ?? '-'}\u0000${regionKey(r.name)}`;
    const merged = new Map(ours.map((r) => [key(r), r]));
    for (const r of theirs) merged.set(key(r), r);
    rows = [...merged.values()];
    // Our rows first, so a clash is reported at the user's line.
    rows.sort((a, b) => Number(a.source.file === overrideFile) - Number(b.source.file === overrideFile));
    checkNames(rows, (first) => `(${first.source.file}:${first.source.line})`);
  }
  checkCountries(rows);
  return new RegionTable(rows);
}

const slot = tableSlot((userFile) => loadRegions(dataPath('regions.tsv'), userFile));

/** Sets (or clears, with null) the user override file for the default table; it is loaded on next use. */
export function setRegionOverride(file: string | null): void {
  slot.setOverride(file);
}

/** The default table: our file plus the user override, loaded once. */
export function regions(): RegionTable {
  return slot.get();
}

/** The one region a name means ("Texas", "TX", "Kharkov region", "Donbass"), or null when unknown or ambiguous. */
export const regionByName = (s: string): Region | null => regions().byName(s);
/** Every region a name could mean ("Punjab" → the Indian state and the Pakistani province). */
export const allRegionsByName = (s: string): Region[] => regions().allByName(s);
