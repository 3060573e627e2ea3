// Organizations from data/organizations.tsv: international bodies, government bodies and security services, armed
// groups, parties, central banks, courts, media and companies, each with a type, a country and a CAMEO actor code.
// The format is documented in data/README.md. A user file in the same format can be merged over ours.
import { NewsgraphError } from '../errors.js';
import { foldName as foldNameFull } from './countries.js';
import { dataPath, listCell, readDataLines } from './data-files.js';
import { tableSlot } from './table-slot.js';

export type OrgType =
  | 'igo'
  | 'gov'
  | 'mil'
  | 'intel'
  | 'police'
  | 'party'
  | 'armed-group'
  | 'media'
  | 'company'
  | 'ngo'
  | 'court'
  | 'legislature'
  | 'central-bank'
  | 'religious';

export const ORG_TYPES: ReadonlySet<OrgType> = new Set<OrgType>([
  'igo', 'gov', 'mil', 'intel', 'police', 'party', 'armed-group', 'media', 'company', 'ngo', 'court', 'legislature', 'central-bank', 'religious',
]);

export interface Organization {
  /** Canonical name ("North Atlantic Treaty Organization", "Reuters"). */
  name: string;
  /** Other names and spellings, matched case-insensitively ("Unicef", "Doctors Without Borders"). */
  aliases: string[];
  /** All-capital short forms ("NATO", "WHO", "AP", "G7"), matched only as written in capitals. */
  acronyms: string[];
  type: OrgType;
  /** ISO alpha-3, or null for international bodies. */
  country: string | null;
  /** CAMEO actor code ("IGOUNO", "USAMIL", "GBRMED", "PSEREB"), or null when the file gives none. */
  actorCode: string | null;
  /** The CAMEO sector the code carries ("MIL" for USAMIL, "IGO" for IGOUNO, "MED" for GBRMED), or null. */
  sector: string | null;
  source: { file: string; line: number };
}

const COLUMNS = ['name', 'aliases', 'type', 'country', 'code'] as const;

const SIMPLE = /^[A-Za-z]+(?: [A-Za-z]+)*$/;
/** foldName from countries.ts, with a fast path giving the same key for plain ASCII words ("World Bank"). */
function foldName(s: string): string {
  if (!SIMPLE.test(s)) return foldNameFull(s);
  const l = s.toLowerCase();
  return l.startsWith('the ') ? l.slice(4) : l;
}

/** An all-capital short form, dots dropped ("U.N." → "UN", "G20", "M23"), or null. */
export function acronymOf(s: string): string | null {
  const t = s.trim().replace(/^the\s+/i, '').replace(/\./g, '');
  return /^[A-Z][A-Z0-9&]{1,9}$/.test(t) && /[A-Z].*[A-Z0-9]/.test(t) ? t : null;
}

function sectorOfCode(code: string, country: string | null): string | null {
  if (/^(IGO|NGO|MNC)/.test(code)) return code.slice(0, 3);
  if (country && code.startsWith(country)) return code.slice(3, 6) || null;
  // No country: a bare sector ("MED") or a region prefix and a sector ("INTREB", "AFRREB").
  return code.length === 3 ? code : code.slice(3, 6);
}

/** Parses and validates one organizations file; throws a NewsgraphError naming the file and line of a bad row. */
export function parseOrganizationsFile(file: string): Organization[] {
  const out: Organization[] = [];
  const seen = new Map<string, number>();
  for (const { line, text } of readDataLines(file)) {
    const bad = (why: string): never => {
      throw new NewsgraphError(`${file}:${line}: ${why}`);
    };
    const cells = text.split('\t').map((c) => c.trim());
    if (cells.length !== COLUMNS.length) {
      bad(`expected ${COLUMNS.length} tab-separated columns (${COLUMNS.join(', ')}), found ${cells.length}`);
    }
    const [name, aliases, type, country, code] = cells as [string, string, string, string, string];
    if (!name || name === '-') bad('the name column is empty');
    const key = foldName(name);
    const dup = seen.get(key);
    if (dup) bad(`duplicate organization '${name}' (first on line ${dup})`);
    seen.set(key, line);
    if (!ORG_TYPES.has(type as OrgType)) bad(`unknown type '${type}' (known: ${[...ORG_TYPES].join(', ')})`);
    if (country !== '-' && !/^[A-Z]{3}$/.test(country)) bad(`country must be an alpha-3 code or -, found '${country}'`);
    if (code !== '-' && !/^([A-Z]{3})+$/.test(code)) bad(`the CAMEO code must be 3-letter groups (USAGOV, IGOUNO), found '${code}'`);
    const ctry = country === '-' ? null : country;
    if (code !== '-' && ctry && !/^(IGO|NGO|MNC)/.test(code) && !code.startsWith(ctry)) {
      bad(`the CAMEO code ${code} must start with the country ${ctry} (or IGO/NGO/MNC)`);
    }
    const names = [name, ...listCell(aliases)];
    const acronyms: string[] = [];
    const others: string[] = [];
    for (const n of names) {
      const ac = acronymOf(n);
      if (ac) acronyms.push(ac);
      else if (n !== name) others.push(n);
    }
    out.push({
      name,
      aliases: others,
      acronyms: [...new Set(acronyms)],
      type: type as OrgType,
      country: ctry,
      actorCode: code === '-' ? null : code,
      sector: code === '-' ? null : sectorOfCode(code, ctry),
      source: { file, line },
    });
  }
  return out;
}

type Index = Map<string, Organization[]>;

function add(index: Index, key: string, o: Organization): void {
  if (!key) return;
  const l = index.get(key);
  if (!l) index.set(key, [o]);
  else if (!l.includes(o)) l.push(o);
}

export class OrganizationTable {
  private readonly names: Index = new Map();
  private readonly aliasIndex: Index = new Map();
  private readonly acronymIndex: Index = new Map();
  private readonly byCode: Index = new Map();

  constructor(readonly organizations: readonly Organization[]) {
    for (const o of organizations) {
      if (acronymOf(o.name)) add(this.acronymIndex, acronymOf(o.name)!, o);
      else add(this.names, foldName(o.name), o);
      for (const a of o.aliases) add(this.aliasIndex, foldName(a), o);
      for (const a of o.acronyms) add(this.acronymIndex, a, o);
      if (o.actorCode) add(this.byCode, o.actorCode, o);
    }
  }

  get size(): number {
    return this.organizations.length;
  }

  /**
   * Every organization a name could mean. Canonical names win over aliases. An all-capital short form matches only
   * an acronym written the same way ("WHO", not "who"; "AP", not "Ap"); dots are ignored ("U.N.").
   */
  allByName(s: string): Organization[] {
    const ac = acronymOf(s);
    if (ac) {
      const hit = this.acronymIndex.get(ac);
      if (hit) return [...hit];
    }
    const k = foldName(s);
    return [...(this.names.get(k) ?? this.aliasIndex.get(k) ?? [])];
  }

  /** By canonical name, alias or acronym; null when unknown or ambiguous. */
  byName(s: string): Organization | null {
    const all = this.allByName(s);
    return all.length === 1 ? all[0]! : null;
  }

  /** Organizations with exactly this CAMEO actor code. */
  allByCode(code: string): Organization[] {
    return [...(this.byCode.get(code) ?? [])];
  }
}

/**
 * Our file, with a user file merged over it: a user row whose canonical name (folded) is ours replaces our row
 * entirely; other rows are added.
 */
export function loadOrganizations(file: string = dataPath('organizations.tsv'), overrideFile?: string | null): OrganizationTable {
  const ours = parseOrganizationsFile(file);
  if (!overrideFile) return new OrganizationTable(ours);
  const merged = new Map(ours.map((o) => [foldName(o.name), o]));
  for (const o of parseOrganizationsFile(overrideFile)) merged.set(foldName(o.name), o);
  return new OrganizationTable([...merged.values()]);
}

const slot = tableSlot((userFile) => loadOrganizations(dataPath('organizations.tsv'), userFile));

/** Sets (or clears, with null) the user override file for the default table; it is loaded on next use. */
export function setOrganizationOverride(file: string | null): void {
  slot.setOverride(file);
}

/** The default table: our file plus the user override, loaded once. */
export function organizations(): OrganizationTable {
  return slot.get();
}

export const orgByName = (s: string): Organization | null => organizations().byName(s);
export const orgsByCode = (code: string): Organization[] => organizations().allByCode(code);
