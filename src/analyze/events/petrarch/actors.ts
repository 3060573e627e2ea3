// Reader for PETRARCH/TABARI actor dictionaries and the phrase matcher over them.
//
// An entry is a head line with the name (`VLADIMIR_PUTIN_`, `CARAS GALADHON`), optional `+SYNONYM` lines, and codes
// in brackets on the head line or on their own (indented) lines: `[RUSGOV]`, `[RUSGOV 991231-080507]`,
// `[RUSGOV >080508]`, `[HOB <950601]`, `[HOBGOV 19950601 - 19990815]`. A code may name several actors
// (`[FRO/BIL/SAM]`); `[---]` is the null actor. Comments start at `#` or are `<!-- … -->`.
import { readFileSync } from 'node:fs';
import { PhraseTrie, type TrieMatch } from './trie.js';
import { contentLines, DictionaryError, normDate, parsePhrase } from './text.js';

export interface DatedCode {
  /** Upper-cased code; may hold several actors separated by `/`; `---` is the null actor. */
  code: string;
  /** YYYYMMDD bounds; `from`/`to` inclusive for ranges. */
  from: string | null;
  to: string | null;
  /** `<D` (before D) and `>D` (after D) are exclusive. */
  fromExclusive?: boolean;
  toExclusive?: boolean;
}

export interface ActorEntry {
  name: string;
  synonyms: string[];
  codes: DatedCode[];
  file: string;
  line: number;
}

export interface ReadReport {
  file: string;
  entries: number;
  /** Lines that were skipped because they could not be read, with the reason. */
  unparsed: { line: number; text: string; reason: string }[];
}

export class ActorDict {
  readonly entries: ActorEntry[] = [];
  readonly trie = new PhraseTrie<ActorEntry>();
  readonly reports: ReadReport[] = [];

  /** Adds the entries of a file's text (later files add to, and on equal phrases are tried after, earlier ones). */
  addText(text: string, file: string): ReadReport {
    const report = parseActors(text, file);
    for (const e of report.actors) {
      this.entries.push(e);
      for (const n of [e.name, ...e.synonyms]) this.trie.add(parsePhrase(n), e);
    }
    const r: ReadReport = { file, entries: report.actors.length, unparsed: report.unparsed };
    this.reports.push(r);
    return r;
  }

  addFile(path: string): ReadReport {
    return this.addText(readFileSync(path, 'utf8'), path);
  }

  /** The longest actor phrase at token `start` (lower-cased word tokens). */
  match(tokens: string[], start: number, filler?: (i: number) => boolean): TrieMatch<ActorEntry> | null {
    return this.trie.longest(tokens, start, filler);
  }

  /** Finds a phrase in plain text (for lookups and tests). */
  lookup(phrase: string, date: string | null = null): string[] | null {
    const words = parsePhrase(phrase).words;
    const m = this.trie.longest(words, 0);
    if (!m || m.end !== words.length) return null;
    return codesAt(m.values[m.values.length - 1]!, date);
  }
}

/**
 * The actor codes of an entry at a date (YYYYMMDD or YYYY-MM-DD; null: undated). The first dated code whose range
 * holds the date wins; otherwise the undated codes. `[---]` gives no code. A `/` code gives several.
 */
export function codesAt(e: ActorEntry, date: string | null): string[] {
  const d = date ? normDate(date) : null;
  let chosen: DatedCode | undefined;
  if (d) {
    chosen = e.codes.find((c) => (c.from !== null || c.to !== null) && inRange(c, d));
  }
  if (!chosen) chosen = e.codes.find((c) => c.from === null && c.to === null);
  if (!chosen && !d) chosen = e.codes[e.codes.length - 1];
  if (!chosen) return [];
  return chosen.code
    .split('/')
    .map((c) => c.trim())
    .filter((c) => c && c !== '---');
}

function inRange(c: DatedCode, d: string): boolean {
  if (c.from !== null && (c.fromExclusive ? d <= c.from : d < c.from)) return false;
  if (c.to !== null && (c.toExclusive ? d >= c.to : d > c.to)) return false;
  return true;
}

/** Parses the inside of a code bracket: `CODE`, `CODE D1-D2`, `CODE >D`, `CODE <D`. Throws a string on error. */
export function parseCode(inner: string): DatedCode {
  const s = inner.trim();
  const m = /^(\S+)\s*(.*)$/.exec(s);
  if (!m) throw 'empty code';
  const code = m[1]!.toUpperCase();
  const rest = m[2]!.trim();
  if (!rest) return { code, from: null, to: null };
  let r: RegExpExecArray | null;
  if ((r = /^<\s*(\d{6,8})$/.exec(rest))) {
    const to = normDate(r[1]!);
    if (!to) throw `bad date ${r[1]}`;
    return { code, from: null, to, toExclusive: true };
  }
  if ((r = /^>\s*(\d{6,8})$/.exec(rest))) {
    const from = normDate(r[1]!);
    if (!from) throw `bad date ${r[1]}`;
    return { code, from, to: null, fromExclusive: true };
  }
  if ((r = /^(\d{6,8})\s*-\s*(\d{6,8})$/.exec(rest))) {
    const from = normDate(r[1]!);
    const to = normDate(r[2]!);
    if (!from || !to) throw `bad date range ${rest}`;
    return { code, from, to };
  }
  throw `unreadable date restriction "${rest}"`;
}

export interface ParsedActors {
  actors: ActorEntry[];
  unparsed: { line: number; text: string; reason: string }[];
}

/** Parses an actor dictionary. Throws DictionaryError (file and line) for structural errors. */
export function parseActors(text: string, file: string): ParsedActors {
  const actors: ActorEntry[] = [];
  const unparsed: ParsedActors['unparsed'] = [];
  let cur: ActorEntry | null = null;
  for (const { no, text: line, raw } of contentLines(text)) {
    const t = line.trim();
    if (t === '---STOP---') break;
    const open = (t.match(/\[/g) ?? []).length;
    const close = (t.match(/\]/g) ?? []).length;
    if (open !== close) {
      // A `[` left open in the file itself is an error; one cut off by a `#` comment, or a stray `]`, is skipped.
      if (open > close && !raw.includes('#')) throw new DictionaryError(file, no, `unclosed "[" in "${t}"`);
      unparsed.push({ line: no, text: t, reason: 'unbalanced brackets' });
      continue;
    }
    const bracket = t.indexOf('[');
    const head = (bracket >= 0 ? t.slice(0, bracket) : t).trim();
    const codes: DatedCode[] = [];
    for (const m of t.matchAll(/\[([^\]]*)\]/g)) {
      try {
        codes.push(parseCode(m[1]!));
      } catch (e) {
        unparsed.push({ line: no, text: t, reason: String(e) });
      }
    }
    if (!head) {
      if (!cur) throw new DictionaryError(file, no, 'a code line before any actor entry');
      cur.codes.push(...codes);
      continue;
    }
    if (head.startsWith('+')) {
      if (!cur) throw new DictionaryError(file, no, 'a synonym (+) line before any actor entry');
      const syn = head.slice(1).trim();
      if (syn) cur.synonyms.push(syn);
      cur.codes.push(...codes);
      continue;
    }
    if (/[{}]/.test(head)) {
      unparsed.push({ line: no, text: t, reason: 'braces in an actor name' });
      cur = { name: head, synonyms: [], codes, file, line: no }; // read, but not stored
      continue;
    }
    cur = { name: head, synonyms: [], codes, file, line: no };
    actors.push(cur);
  }
  return { actors, unparsed };
}
