// Group words from data/groups.tsv: religious, ethnic, regional and political groups that are not the demonym of a
// state ("Shiite" → SHI, "Kurds" → KUR, "European" → EUR), so they are not taken for person names.
// The file format is documented in data/README.md. A user file in the same format can be merged over ours.
import { NewsgraphError } from '../errors.js';
import { foldName } from './countries.js';
import { dataPath, readDataLines } from './data-files.js';
import { tableSlot } from './table-slot.js';

export const GROUP_KINDS = ['religion', 'ethnic', 'region', 'political'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export interface Group {
  /** The first word of the row, the canonical form ("Shiite", "Kurd"). */
  word: string;
  /** Every word of the row, the canonical one first ("Shiite", "Shiites", "Shia", …). */
  words: string[];
  kind: GroupKind;
  /** 3-letter CAMEO-style code (SHI, KUR, EUR…). */
  code: string;
  /** Where the row came from, for messages. */
  source: { file: string; line: number };
}

const COLUMNS = ['words', 'kind', 'code'] as const;

export class GroupTable {
  private readonly index = new Map<string, Group>();

  constructor(readonly groups: readonly Group[]) {
    for (const g of groups) for (const w of g.words) this.index.set(foldName(w), g);
  }

  get size(): number {
    return this.groups.length;
  }

  /**
   * The group a word names, case- and diacritic-insensitively ("SHIITE", "Shi’ite", "the Kurds"), or null.
   * A plural in -s that the file does not list is found from its singular ("Yorubas").
   */
  byWord(s: string): Group | null {
    const k = foldName(s);
    return this.index.get(k) ?? (k.length > 3 && k.endsWith('s') ? this.index.get(k.slice(0, -1)) : undefined) ?? null;
  }

  /** Every written form with its group, for building a matcher over text. */
  terms(): { text: string; group: Group }[] {
    return this.groups.flatMap((g) => g.words.map((text) => ({ text, group: g })));
  }
}

/** Parses and validates one groups file; throws a NewsgraphError naming the file and line of a bad row. */
export function parseGroupsFile(file: string): Group[] {
  const out: Group[] = [];
  const seen = new Map<string, number>();
  for (const { line, text } of readDataLines(file)) {
    const bad = (why: string): never => {
      throw new NewsgraphError(`${file}:${line}: ${why}`);
    };
    const cells = text.split('\t').map((c) => c.trim());
    if (cells.length !== COLUMNS.length) {
      bad(`expected ${COLUMNS.length} tab-separated columns (${COLUMNS.join(', ')}), found ${cells.length}`);
    }
    const [wordCell, kind, code] = cells as [string, string, string];
    const words = [...new Set(wordCell.split('|').map((w) => w.trim()).filter((w) => w && w !== '-'))];
    if (words.length === 0) bad('the words column is empty');
    if (!(GROUP_KINDS as readonly string[]).includes(kind)) bad(`kind must be one of ${GROUP_KINDS.join(', ')}, found '${kind}'`);
    if (!/^[A-Z]{3}$/.test(code)) bad(`code must be 3 capital letters (CAMEO style), found '${code}'`);
    const own = new Set<string>();
    for (const w of words) {
      const k = foldName(w);
      if (!k) bad(`the word '${w}' is empty once folded`);
      if (own.has(k)) continue;
      own.add(k);
      const first = seen.get(k);
      if (first) bad(`duplicate word '${w}' (first on line ${first})`);
      seen.set(k, line);
    }
    out.push({ word: words[0]!, words, kind: kind as GroupKind, code, source: { file, line } });
  }
  return out;
}

/**
 * Our file, with a user file merged over it. A word in the user file takes the meaning the user gives it: it is
 * removed from our row that had it (a row left with no words is dropped), and the user row is added.
 */
export function loadGroups(file: string = dataPath('groups.tsv'), overrideFile?: string | null): GroupTable {
  const ours = parseGroupsFile(file);
  if (!overrideFile) return new GroupTable(ours);
  const theirs = parseGroupsFile(overrideFile);
  const taken = new Set(theirs.flatMap((g) => g.words.map(foldName)));
  const kept: Group[] = [];
  for (const g of ours) {
    const words = g.words.filter((w) => !taken.has(foldName(w)));
    if (words.length === g.words.length) kept.push(g);
    else if (words.length > 0) kept.push({ ...g, word: words[0]!, words });
  }
  return new GroupTable([...kept, ...theirs]);
}

const slot = tableSlot((userFile) => loadGroups(dataPath('groups.tsv'), userFile));

/** Sets (or clears, with null) the user override file for the default table; it is loaded on next use. */
export function setGroupOverride(file: string | null): void {
  slot.setOverride(file);
}

/** The default table: our file plus the user override, loaded once. */
export function groups(): GroupTable {
  return slot.get();
}

/** The group a word names ("Shiite" → SHI, "Kurds" → KUR, "European" → EUR), or null. */
export const groupByWord = (s: string): Group | null => groups().byWord(s);
