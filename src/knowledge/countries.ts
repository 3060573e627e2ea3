// Countries from data/countries.tsv: names, codes, demonyms, capitals and government metonyms, with fast lookups.
// The file format is documented in data/README.md. A user file in the same format can be merged over ours.
import { NewsgraphError } from '../errors.js';
import { dataPath, listCell, readDataLines } from './data-files.js';
import { tableSlot } from './table-slot.js';

export interface Country {
  /** ISO 3166-1 alpha-3 (Kosovo uses the customary XKX). */
  alpha3: string;
  alpha2: string;
  /** Common English name ("Ivory Coast", "Czechia"). */
  name: string;
  /** Official names, other names and spellings. */
  aliases: string[];
  /** Adjectives and people nouns ("British", "Briton"); plurals ending in -s are matched without listing them. */
  demonyms: string[];
  /** The capital, or null (Hong Kong). */
  capital: string | null;
  /** Other spellings of the capital, and further seats of government, after the first. */
  capitals: string[];
  /** Names that stand for the state: "the Kremlin", "Washington", "the Pentagon" (sector MIL). */
  metonyms: { name: string; sector: string }[];
  /** Where the row came from, for messages. */
  source: { file: string; line: number };
}

export interface MetonymHit {
  country: Country;
  kind: 'government';
  /** CAMEO sector of the institution the name stands for: GOV unless the file says otherwise (the Pentagon → MIL). */
  sector: string;
}

const COLUMNS = ['alpha3', 'alpha2', 'name', 'aliases', 'demonyms', 'capital', 'metonyms'] as const;

/**
 * Case-, diacritic- and punctuation-insensitive key: "Côte d’Ivoire" → "cote d'ivoire", "the Kremlin" → "kremlin",
 * "St. Lucia" → "st lucia", "Russia's" → "russia".
 */
export function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u2010-\u2015-]/g, ' ')
    .replace(/&/g, ' and ')
    .toLowerCase()
    .replace(/'s$/, '')
    .replace(/\./g, '')
    .replace(/[,;:()"]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Short all-capital names ("US", "U.K.", "DRC") match only in capitals, so the pronoun "us" is not the USA. */
function acronymKey(s: string): string | null {
  const t = s.trim().replace(/^the\s+/i, '').replace(/\./g, '');
  return /^[A-Z]{2,5}$/.test(t) ? t : null;
}

type Index = Map<string, Country[]>;

function add(index: Index, key: string, c: Country): void {
  if (!key) return;
  const list = index.get(key);
  if (!list) index.set(key, [c]);
  else if (!list.includes(c)) list.push(c);
}

/** The one country a key names, or null when none or several do (e.g. "Korea"). */
function only(list: Country[] | undefined): Country | null {
  return list && list.length === 1 ? list[0]! : null;
}

export class CountryTable {
  private readonly byAlpha3 = new Map<string, Country>();
  private readonly byAlpha2 = new Map<string, Country>();
  private readonly names: Index = new Map();
  private readonly acronyms: Index = new Map();
  private readonly demonyms: Index = new Map();
  private readonly capitals: Index = new Map();
  private readonly metonyms = new Map<string, { country: Country; sector: string }[]>();
  private readonly metonymAcronyms = new Map<string, { country: Country; sector: string }[]>();

  constructor(readonly countries: readonly Country[]) {
    for (const c of countries) {
      this.byAlpha3.set(c.alpha3, c);
      this.byAlpha2.set(c.alpha2, c);
      for (const n of [c.name, ...c.aliases]) {
        const ac = acronymKey(n);
        if (ac) add(this.acronyms, ac, c);
        else add(this.names, foldName(n), c);
      }
      for (const d of c.demonyms) add(this.demonyms, foldName(d), c);
      for (const k of c.capitals) add(this.capitals, foldName(k), c);
      for (const m of c.metonyms) {
        const ac = acronymKey(m.name);
        const map = ac ? this.metonymAcronyms : this.metonyms;
        const key = ac ?? foldName(m.name);
        const list = map.get(key) ?? [];
        if (!list.some((x) => x.country === c)) list.push({ country: c, sector: m.sector });
        map.set(key, list);
      }
    }
  }

  get size(): number {
    return this.countries.length;
  }

  /** By alpha-3 or alpha-2 code, any case. */
  byCode(code: string): Country | null {
    const k = code.trim().toUpperCase();
    return (k.length === 3 ? this.byAlpha3.get(k) : k.length === 2 ? this.byAlpha2.get(k) : undefined) ?? null;
  }

  /** Every country a name could mean (several for "Korea"). */
  allByName(s: string): Country[] {
    const ac = acronymKey(s);
    if (ac) {
      const hit = this.acronyms.get(ac);
      if (hit) return [...hit];
    }
    return [...(this.names.get(foldName(s)) ?? [])];
  }

  /** By name or alias; null when unknown or ambiguous. Acronyms match only when written in capitals. */
  byName(s: string): Country | null {
    const all = this.allByName(s);
    return all.length === 1 ? all[0]! : null;
  }

  /** By demonym or adjective ("Russian", "Russians", "Dutch"); null when unknown or ambiguous ("Korean"). */
  byDemonym(s: string): Country | null {
    const k = foldName(s);
    const hit = this.demonyms.get(k) ?? (k.endsWith('s') ? this.demonyms.get(k.slice(0, -1)) : undefined);
    return only(hit);
  }

  /** By the capital or one of its spellings ("Kiev"). */
  byCapital(s: string): Country | null {
    return only(this.capitals.get(foldName(s)));
  }

  capitalOf(code: string): string | null {
    return this.byCode(code)?.capital ?? null;
  }

  /** A name that stands for a state's government or institution ("the Kremlin", "Washington"), or null. */
  metonym(s: string): MetonymHit | null {
    const ac = acronymKey(s);
    const list = (ac ? this.metonymAcronyms.get(ac) : undefined) ?? this.metonyms.get(foldName(s));
    if (!list || list.length !== 1) return null;
    const { country, sector } = list[0]!;
    return { country, kind: 'government', sector };
  }

  /**
   * Every written form with what it names, for building a matcher over text:
   * kind 'name' (incl. aliases), 'demonym', 'capital' or 'metonym'.
   */
  terms(): { text: string; kind: 'name' | 'demonym' | 'capital' | 'metonym'; country: string; sector?: string }[] {
    const out: { text: string; kind: 'name' | 'demonym' | 'capital' | 'metonym'; country: string; sector?: string }[] = [];
    for (const c of this.countries) {
      for (const n of [c.name, ...c.aliases]) out.push({ text: n, kind: 'name', country: c.alpha3 });
      for (const d of c.demonyms) out.push({ text: d, kind: 'demonym', country: c.alpha3 });
      for (const k of c.capitals) out.push({ text: k, kind: 'capital', country: c.alpha3 });
      for (const m of c.metonyms) out.push({ text: m.name, kind: 'metonym', country: c.alpha3, sector: m.sector });
    }
    return out;
  }
}

/** Parses and validates one countries file; throws a NewsgraphError naming the file and line of a bad row. */
export function parseCountriesFile(file: string): Country[] {
  const out: Country[] = [];
  const seen3 = new Map<string, number>();
  const seen2 = new Map<string, number>();
  for (const { line, text } of readDataLines(file)) {
    const bad = (why: string): never => {
      throw new NewsgraphError(`${file}:${line}: ${why}`);
    };
    const cells = text.split('\t').map((c) => c.trim());
    if (cells.length !== COLUMNS.length) {
      bad(`expected ${COLUMNS.length} tab-separated columns (${COLUMNS.join(', ')}), found ${cells.length}`);
    }
    const [alpha3, alpha2, name, aliases, demonyms, capital, metonyms] = cells as [string, string, string, string, string, string, string];
    if (!/^[A-Z]{3}$/.test(alpha3)) bad(`alpha-3 code must be 3 capital letters, found '${alpha3}'`);
    if (!/^[A-Z]{2}$/.test(alpha2)) bad(`alpha-2 code must be 2 capital letters, found '${alpha2}'`);
    if (!name || name === '-') bad('the name column is empty');
    const d3 = seen3.get(alpha3);
    if (d3) bad(`duplicate alpha-3 code ${alpha3} (first on line ${d3})`);
    const d2 = seen2.get(alpha2);
    if (d2) bad(`duplicate alpha-2 code ${alpha2} (first on line ${d2})`);
    seen3.set(alpha3, line);
    seen2.set(alpha2, line);
    const mets = listCell(metonyms).map((m) => {
      const eq = m.lastIndexOf('=');
      if (eq < 0) return { name: m, sector: 'GOV' };
      const sector = m.slice(eq + 1).trim();
      if (!/^[A-Z]{3}$/.test(sector)) bad(`metonym '${m}': the sector after '=' must be a 3-letter CAMEO code`);
      return { name: m.slice(0, eq).trim(), sector };
    });
    const caps = listCell(capital);
    out.push({
      alpha3,
      alpha2,
      name,
      aliases: listCell(aliases),
      demonyms: listCell(demonyms),
      capital: caps[0] ?? null,
      capitals: caps,
      metonyms: mets,
      source: { file, line },
    });
  }
  return out;
}

/**
 * Our file, with a user file merged over it: a user row with the same alpha-3 code replaces ours, new codes are added.
 * A user row whose alpha-2 code belongs to another of our countries is refused.
 */
export function loadCountries(file: string = dataPath('countries.tsv'), overrideFile?: string | null): CountryTable {
  const ours = parseCountriesFile(file);
  if (!overrideFile) return new CountryTable(ours);
  const theirs = parseCountriesFile(overrideFile);
  const merged = new Map(ours.map((c) => [c.alpha3, c]));
  for (const c of theirs) merged.set(c.alpha3, c);
  const by2 = new Map<string, Country>();
  for (const c of merged.values()) {
    const other = by2.get(c.alpha2);
    if (other) {
      const user = c.source.file === overrideFile ? c : other;
      const mine = user === c ? other : c;
      throw new NewsgraphError(
        `${user.source.file}:${user.source.line}: alpha-2 code ${user.alpha2} of ${user.alpha3} is already used by ${mine.alpha3} (${mine.source.file}:${mine.source.line})`,
      );
    }
    by2.set(c.alpha2, c);
  }
  return new CountryTable([...merged.values()]);
}

const slot = tableSlot((userFile) => loadCountries(dataPath('countries.tsv'), userFile));

/** Sets (or clears, with null) the user override file for the default table; it is loaded on next use. */
export function setCountryOverride(file: string | null): void {
  slot.setOverride(file);
}

/** The default table: our file plus the user override, loaded once. */
export function countries(): CountryTable {
  return slot.get();
}

export const countryByName = (s: string): Country | null => countries().byName(s);
export const countryByDemonym = (s: string): Country | null => countries().byDemonym(s);
export const countryByCode = (code: string): Country | null => countries().byCode(code);
export const countryByCapital = (s: string): Country | null => countries().byCapital(s);
export const capitalOf = (code: string): string | null => countries().capitalOf(code);
export const metonym = (s: string): MetonymHit | null => countries().metonym(s);
