// People from data/people.tsv: heads of state and government, ministers, officials, group leaders and public figures,
// each with dated positions (role, country or international body, CAMEO sector). Format documented in data/README.md.
// A user file in the same format can be merged over ours.
import { NewsgraphError } from '../errors.js';
import { foldName as foldNameFull } from './countries.js';
import { dataPath, listCell, readDataLines } from './data-files.js';
import { givenName } from './given-names.js';
import { tableSlot } from './table-slot.js';

export type Gender = 'm' | 'f';

export interface Position {
  /** As written: "president", "foreign minister", "Kremlin spokesman". */
  role: string;
  /** ISO alpha-3 country code, or the actor code of an international body ("IGOUNO", "IGOWSTNAT", "NGOHLHIRC"). */
  country: string;
  /** CAMEO sector: GOV, MIL, LEG, JUD, SPY, IGO, REB, OPP, BUS, MED, REL … */
  sector: string;
  /** First day the position may have been held (a year or month in the file is widened to its first day), or null. */
  from: string | null;
  /** Last day (a year or month is widened to its last day), or null when open-ended. */
  to: string | null;
  /** The CAMEO actor code of the position: "USAGOV", "RUSMIL"; an international body's own code for sector IGO. */
  code: string;
}

export interface Person {
  /** Canonical name, in the spelling wire services use ("Volodymyr Zelenskiy"). */
  name: string;
  /** Other spellings and names ("Zelensky", "Zelenskyy", "Volodymyr Zelensky"). */
  aliases: string[];
  gender: Gender | null;
  positions: Position[];
  /** The country of the person's latest national position (IGO posts skipped), or null. */
  country: string | null;
  source: { file: string; line: number };
}

const COLUMNS = ['name', 'aliases', 'gender', 'positions'] as const;

const SIMPLE = /^[A-Za-z]+(?: [A-Za-z]+)*$/;
/** foldName from countries.ts, with a fast path giving the same key for plain ASCII words ("Vladimir Putin"). */
function foldName(s: string): string {
  if (!SIMPLE.test(s)) return foldNameFull(s);
  const l = s.toLowerCase();
  return l.startsWith('the ') ? l.slice(4) : l;
}

/** CAMEO sectors a position may carry (the sectors table in data/README.md, plus PTY and MNC). */
export const SECTORS: ReadonlySet<string> = new Set([
  'GOV', 'MIL', 'COP', 'SPY', 'JUD', 'LEG', 'OPP', 'REB', 'INS', 'SEP', 'UAF', 'PKO', 'IGO', 'NGO', 'HRI', 'BUS', 'MNC',
  'MED', 'REL', 'EDU', 'REF', 'CVL', 'LAB', 'AGR', 'CRM', 'HLH', 'ELI', 'ENV', 'DEV', 'PTY',
]);

/**
 * International bodies a position may name instead of a country (their CAMEO-style actor codes; each is also a row of
 * data/organizations.tsv). A user override may use any further code of the same shape.
 */
export const INTERNATIONAL_CODES: ReadonlyMap<string, string> = new Map([
  ['IGOUNO', 'United Nations'],
  ['IGOUNOREFHCR', 'UN refugee agency (UNHCR)'],
  ['IGOUNOREFRWA', 'UNRWA'],
  ['IGOUNOHRI', 'UN human rights office (OHCHR)'],
  ['IGOUNOKID', 'UNICEF'],
  ['IGOUNOAGRWFP', 'World Food Programme'],
  ['IGOUNOHLHWHO', 'World Health Organization'],
  ['IGOUNOIAE', 'International Atomic Energy Agency'],
  ['IGOUNODEVWBK', 'World Bank'],
  ['IGOUNOJUDICJ', 'International Court of Justice'],
  ['IGOBUSIMF', 'International Monetary Fund'],
  ['IGOBUSWTO', 'World Trade Organization'],
  ['IGOJUDICC', 'International Criminal Court'],
  ['IGOWSTNAT', 'NATO'],
  ['IGOEUREEC', 'European Union'],
  ['IGOEURECB', 'European Central Bank'],
  ['IGOEUROSC', 'OSCE'],
  ['IGOAFRAFU', 'African Union'],
  ['IGOMEAARL', 'Arab League'],
  ['IGOBUSOPC', 'OPEC'],
  ['IGOSEAASN', 'ASEAN'],
  ['IGODEVNDB', 'New Development Bank'],
  ['NGOHLHIRC', 'International Committee of the Red Cross'],
  ['NGOHRIAMN', 'Amnesty International'],
  ['NGOHRI', 'Human Rights Watch and other rights groups'],
]);

/** True for an international body's code (IGO…/NGO…, longer than a country code). */
export function isInternationalCode(code: string): boolean {
  return /^(IGO|NGO)([A-Z]{3})*$/.test(code);
}

const TITLES = new Set(['pope', 'king', 'queen', 'prince', 'princess', 'emperor', 'empress', 'sheikh', 'shaikh', 'ayatollah', 'patriarch', 'sir', 'dame', 'lord', 'lady', 'emir', 'sultan', 'crown']);
const SUFFIXES = /^(jr|sr|i|ii|iii|iv|v|vi|xiv|xvi)$/;
const PARTICLES = new Set(['von', 'der', 'van', 'den', 'de', 'da', 'di', 'del', 'della', 'la', 'le', 'du', 'dos', 'das', 'bin', 'ibn', 'bint', 'al', 'el', 'abu', 'ben', 'ter']);
/** Countries whose names put the family name first ("Xi Jinping", "Kim Jong Un", "Lai Ching-te", "To Lam"). */
const FAMILY_FIRST = new Set(['CHN', 'TWN', 'HKG', 'MAC', 'SGP', 'KOR', 'PRK', 'VNM', 'KHM']);
/** Common Chinese, Korean and Vietnamese family names: a name starting with one is family-first even if it is also a given name ("Lee", "Kim"). */
const EAST_ASIAN_FAMILY = new Set(
  ('li lee kim park choi choe cho chung jung moon yoon han kang lim lai tsai wang zhang chen liu yang huang zhao wu zhou xu sun ' +
    'ma zhu hu guo he lin luo gao liang song zheng xie tang feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye ' +
    'cheng wei su lu ding ren shen yao cui zhong tan gu hou shao meng long duan qian yin chang koo ko hsiao chu lam ri shin ahn ' +
    'hun nguyen tran le pham hoang phan vu vo dang bui do ho ngo duong ly to luong qin fu mao hua xie qi').split(' '),
);

function isAcronym(s: string): boolean {
  return /^[A-Z]{2,6}$/.test(s.replace(/\./g, ''));
}

/** Folded surname keys of one written name. */
function surnameKeys(written: string, familyFirst: boolean): string[] {
  let toks = foldName(written).split(' ').filter(Boolean);
  while (toks.length > 1 && TITLES.has(toks[0]!)) toks = toks.slice(1);
  while (toks.length > 1 && SUFFIXES.test(toks[toks.length - 1]!)) toks = toks.slice(0, -1);
  if (toks.length < 2) return [];
  // Family name first, unless the name is written Western-style with a given name first ("John Lee", "William Lai").
  const firstWritten = written.replace(/^\s*(the\s+)?/i, '').split(/\s+/)[0] ?? '';
  if (familyFirst && (EAST_ASIAN_FAMILY.has(toks[0]!) || !givenName(firstWritten))) return [toks[0]!];
  const out = new Set<string>();
  const last = toks[toks.length - 1]!;
  out.add(last);
  let i = toks.length - 1;
  while (i > 1 && PARTICLES.has(toks[i - 1]!)) i--;
  const withParticles = toks.slice(i).join(' ');
  out.add(withParticles);
  // "al sisi" → "sisi" is already in; compound surnames "lopez obrador", "lula da silva".
  if (i >= 2 && toks[i - 1]!.length > 1) out.add(toks.slice(i - 1).join(' '));
  return [...out];
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function lastDay(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return DAYS[m - 1]!;
}

/** "2017", "2017-03" or "2017-03-05" → the first (or last) ISO day it can mean; null when not a valid date. */
export function widenDate(s: string, end: boolean): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : null;
  const d = m[3] ? Number(m[3]) : null;
  if (mo !== null && (mo < 1 || mo > 12)) return null;
  if (mo !== null && d !== null && (d < 1 || d > lastDay(y, mo))) return null;
  const mm = mo ?? (end ? 12 : 1);
  const dd = d ?? (end ? lastDay(y, mm) : 1);
  return `${m[1]}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

const POSITION = /^(.+?)@([A-Z]{3,18})=([A-Z]{3})(?:\[([^\]]*)\])?$/;

function parsePosition(text: string, bad: (why: string) => never): Position {
  const m = POSITION.exec(text);
  if (!m) bad(`position '${text}' must look like role@COUNTRY=SECTOR[from..to], e.g. president@USA=GOV[2017-01-20..2021-01-20]`);
  const [, role, country, sector, range] = m as unknown as [string, string, string, string, string | undefined];
  if (country.length !== 3 && !isInternationalCode(country)) {
    bad(`position '${text}': '${country}' is neither an alpha-3 country code nor an IGO…/NGO… code`);
  }
  if (!SECTORS.has(sector)) bad(`position '${text}': unknown CAMEO sector '${sector}' (known: ${[...SECTORS].join(' ')})`);
  let from: string | null = null;
  let to: string | null = null;
  if (range !== undefined && range.trim() !== '') {
    const parts = range.split('..');
    if (parts.length !== 2) bad(`position '${text}': the date range must be [from..to], either side may be empty`);
    const [a, b] = parts.map((p) => p.trim()) as [string, string];
    if (a) {
      from = widenDate(a, false);
      if (!from) bad(`position '${text}': '${a}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
    }
    if (b) {
      to = widenDate(b, true);
      if (!to) bad(`position '${text}': '${b}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
    }
    if (from && to && from > to) bad(`position '${text}': the range starts after it ends`);
  }
  const r = role.trim();
  const code = isInternationalCode(country) ? (sector === 'IGO' || sector === 'NGO' ? country : country + sector) : country + sector;
  return { role: r, country, sector, from, to, code };
}

/** Parses and validates one people file; throws a NewsgraphError naming the file and line of a bad row. */
export function parsePeopleFile(file: string): Person[] {
  const out: Person[] = [];
  const seen = new Map<string, number>();
  for (const { line, text } of readDataLines(file)) {
    const bad = (why: string): never => {
      throw new NewsgraphError(`${file}:${line}: ${why}`);
    };
    const cells = text.split('\t').map((c) => c.trim());
    if (cells.length !== COLUMNS.length) {
      bad(`expected ${COLUMNS.length} tab-separated columns (${COLUMNS.join(', ')}), found ${cells.length}`);
    }
    const [name, aliases, gender, positions] = cells as [string, string, string, string];
    if (!name || name === '-') bad('the name column is empty');
    const key = foldName(name);
    const dup = seen.get(key);
    if (dup) bad(`duplicate person '${name}' (first on line ${dup})`);
    seen.set(key, line);
    if (!/^[mf-]$/.test(gender)) bad(`gender must be m, f or -, found '${gender}'`);
    const pos = listCell(positions).map((p) => parsePosition(p, bad));
    const person: Person = {
      name,
      aliases: listCell(aliases).filter((a) => a !== name),
      gender: gender === '-' ? null : (gender as Gender),
      positions: pos,
      country: mainCountry(pos),
      source: { file, line },
    };
    out.push(person);
  }
  return out;
}

function mainCountry(pos: Position[]): string | null {
  let best: Position | null = null;
  for (const p of pos) {
    if (p.country.length !== 3) continue;
    if (!best || (p.from ?? '0000') >= (best.from ?? '0000')) best = p;
  }
  return best?.country ?? null;
}

/**
 * Folded surname keys a person answers to: "putin"; "von der leyen" and "leyen"; "xi" (family name first for Chinese,
 * Korean and Vietnamese names unless written with a Western given name first, "John Lee"); one-word aliases ("lula").
 */
export function surnamesOf(p: Person): string[] {
  const familyFirst = p.country !== null && FAMILY_FIRST.has(p.country);
  const out = new Set<string>();
  for (const n of [p.name, ...p.aliases]) {
    if (isAcronym(n)) continue;
    const k = foldName(n);
    // A one-word alias is a name the person is known by alone: "Lula", "Xi", "Jokowi", "Putin".
    if (!k.includes(' ') && n !== p.name) out.add(k);
    else for (const s of surnameKeys(n, familyFirst)) out.add(s);
  }
  return [...out];
}

type Index = Map<string, Person[]>;

function add(index: Index, key: string, p: Person): void {
  if (!key) return;
  const l = index.get(key);
  if (!l) index.set(key, [p]);
  else if (!l.includes(p)) l.push(p);
}

export class PeopleTable {
  private readonly names: Index = new Map();
  private readonly aliasIndex: Index = new Map();
  private readonly acronyms: Index = new Map();
  /** Built on first use: surnames need the given-names table and most runs never ask. */
  private surnameIndex: Index | null = null;

  constructor(readonly people: readonly Person[]) {
    for (const p of people) {
      add(this.names, foldName(p.name), p);
      for (const a of p.aliases) {
        if (isAcronym(a)) add(this.acronyms, a.replace(/\./g, ''), p);
        else add(this.aliasIndex, foldName(a), p);
      }
    }
  }

  get size(): number {
    return this.people.length;
  }

  /** Every person a full name or alias could mean. Canonical names win over aliases; acronyms ("MBS") match in capitals only. */
  allByName(s: string): Person[] {
    const t = s.trim().replace(/^the\s+/i, '').replace(/'s$|’s$/, '');
    if (isAcronym(t)) {
      const hit = this.acronyms.get(t.replace(/\./g, ''));
      if (hit) return [...hit];
      if (t === t.toUpperCase()) return [];
    }
    const k = foldName(t);
    return [...(this.names.get(k) ?? this.aliasIndex.get(k) ?? [])];
  }

  /** By full name or alias, case- and diacritic-insensitive ("Zelensky" → Volodymyr Zelenskiy); null when unknown or ambiguous. */
  byName(s: string): Person | null {
    const all = this.allByName(s);
    return all.length === 1 ? all[0]! : null;
  }

  /** Everyone who answers to a surname ("Putin", "von der Leyen", "Kim" → several). */
  bySurname(surname: string): Person[] {
    if (!this.surnameIndex) {
      const index: Index = new Map();
      for (const p of this.people) for (const s of surnamesOf(p)) add(index, s, p);
      this.surnameIndex = index;
    }
    return [...(this.surnameIndex.get(foldName(surname.replace(/'s$|’s$/, ''))) ?? [])];
  }
}

/** The positions held at an ISO date ("2025-04-25"; a longer timestamp is cut to its day), or all of them for null. */
export function positionsAt(person: Person, date: string | null): Position[] {
  if (date === null) return [...person.positions];
  const d = date.slice(0, 10);
  return person.positions.filter((p) => (p.from === null || p.from <= d) && (p.to === null || d <= p.to));
}

/**
 * Our file, with a user file merged over it: a user row whose canonical name (folded) is ours replaces our row
 * entirely; other rows are added.
 */
export function loadPeople(file: string = dataPath('people.tsv'), overrideFile?: string | null): PeopleTable {
  const ours = parsePeopleFile(file);
  if (!overrideFile) return new PeopleTable(ours);
  const merged = new Map(ours.map((p) => [foldName(p.name), p]));
  for (const p of parsePeopleFile(overrideFile)) merged.set(foldName(p.name), p);
  return new PeopleTable([...merged.values()]);
}

const slot = tableSlot((userFile) => loadPeople(dataPath('people.tsv'), userFile));

/** Sets (or clears, with null) the user override file for the default table; it is loaded on next use. */
export function setPeopleOverride(file: string | null): void {
  slot.setOverride(file);
}

/** The default table: our file plus the user override, loaded once. */
export function people(): PeopleTable {
  return slot.get();
}

export const personByName = (name: string): Person | null => people().byName(name);
export const peopleBySurname = (surname: string): Person[] => people().bySurname(surname);

/**
 * The gender of a named person: a known person by full name or alias, else the one known person with that surname,
 * else the gender of the first word as a given name ("Maria Ivanova" → f). Null when unknown or unisex.
 */
export function genderOf(name: string): Gender | null {
  const t = people();
  const p = t.byName(name);
  if (p) return p.gender;
  const toks = name.trim().split(/\s+/);
  if (toks.length === 1) {
    const s = t.bySurname(name);
    if (s.length === 1) return s[0]!.gender;
  }
  const g = givenName(toks[0] ?? '');
  return g && g.gender !== 'u' ? g.gender : null;
}
