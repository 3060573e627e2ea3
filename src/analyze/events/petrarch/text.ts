// Shared pieces of the PETRARCH/TABARI dictionary readers: comment stripping, phrase words, dates.
import { InputError } from '../../../errors.js';
import { tokenize } from '../../language/tokens.js';

/** A malformed dictionary line; the message names the file and the line. */
export class DictionaryError extends InputError {
  constructor(
    readonly file: string,
    readonly line: number,
    problem: string,
  ) {
    super(`${file}:${line}`, problem);
    this.name = 'DictionaryError';
  }
}

export interface DictLine {
  /** 1-based line number in the file. */
  no: number;
  /** The line with comments removed, trimmed on the right. */
  text: string;
  /** The raw line, for messages. */
  raw: string;
}

/**
 * The content lines of a dictionary file. Removes `<!-- … -->` comments (also across lines), lines that start with
 * `<!`, and everything from `#` (the files put comments after a `#` anywhere on a line). Blank lines are dropped.
 */
export function contentLines(text: string): DictLine[] {
  const out: DictLine[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  let inComment = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    let s = raw;
    if (inComment) {
      const end = s.indexOf('-->');
      if (end < 0) continue;
      s = s.slice(end + 3);
      inComment = false;
    }
    for (;;) {
      const open = s.indexOf('<!--');
      if (open < 0) break;
      const close = s.indexOf('-->', open + 4);
      if (close < 0) {
        s = s.slice(0, open);
        inComment = true;
        break;
      }
      s = s.slice(0, open) + ' ' + s.slice(close + 3);
    }
    if (/^\s*<!/.test(s)) continue;
    const hash = s.indexOf('#');
    if (hash >= 0) s = s.slice(0, hash);
    s = s.replace(/\s+$/, '');
    if (!s.trim()) continue;
    out.push({ no: i + 1, text: s, raw });
  }
  return out;
}

/** Lower-cased word tokens as the coder sees them: our tokenizer, with `n't` split off ("didn't" → did n't). */
export function wordTokens(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) {
    const w = t.text.toLowerCase().replace(/’/g, "'");
    const m = /^(.+)(n't)$/.exec(w);
    if (m && t.kind === 'word') out.push(m[1]!, m[2]!);
    else out.push(w);
  }
  return out;
}

/**
 * A dictionary phrase such as `PRESIDENT_GEORGE_W._BUSH_` or `CARAS GALADHON`: its words, and for each word after the
 * first whether it was joined by a space (true: TABARI lets other words come between) or an underscore (false).
 */
export interface Phrase {
  words: string[];
  gap: boolean[];
}

export function parsePhrase(s: string): Phrase {
  const words: string[] = [];
  const gap: boolean[] = [];
  const re = /([^\s_]+)|([\s_]+)/g;
  let m: RegExpExecArray | null;
  let sep: boolean | null = null;
  while ((m = re.exec(s.trim())) !== null) {
    if (m[2] !== undefined) {
      sep = /\s/.test(m[2]) && !m[2].includes('_');
      continue;
    }
    const parts = wordTokens(m[1]!);
    parts.forEach((p, k) => {
      if (words.length > 0) gap.push(k === 0 ? (sep ?? false) : false);
      words.push(p);
    });
    sep = null;
  }
  return { words, gap };
}

/** `YYMMDD` or `YYYYMMDD` (or `YYYY-MM-DD`) to `YYYYMMDD`; TABARI reads YY ≤ 30 as 20YY. Null when not a date. */
export function normDate(s: string): string | null {
  const d = s.replace(/-/g, '').trim();
  if (/^\d{8}$/.test(d)) return d;
  if (/^\d{6}$/.test(d)) {
    const yy = Number(d.slice(0, 2));
    return `${yy <= 30 ? 20 : 19}${d}`;
  }
  return null;
}

/** Regular English plural of the last word of a phrase (the agents and synsets form them this way). */
export function pluralOf(word: string): string {
  const w = word;
  if (/(s|x|z|ch|sh)$/i.test(w)) return w + (isUpper(w) ? 'ES' : 'es');
  if (/[^aeiou]y$/i.test(w)) return w.slice(0, -1) + (isUpper(w) ? 'IES' : 'ies');
  return w + (isUpper(w) ? 'S' : 's');
}

function isUpper(s: string): boolean {
  return s === s.toUpperCase();
}
