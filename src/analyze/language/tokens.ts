// Tokens with offsets into the article text. Fast, regex-driven, and news-aware ("U.S.", "al-Assad", "Trump's").

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  start: number;
  end: number;
  text: string;
  kind: TokenKind;
  /** First character is an upper-case letter. */
  cap: boolean;
  /** Every letter is upper case and there are at least two letters. */
  upper: boolean;
}

// Order matters: dotted acronyms, possessive clitics, words (with inner apostrophes, hyphens, dots), numbers, punctuation.
const TOKEN =
  /(\p{Lu}\.(?:\p{Lu}\.)+)|(['’][sS](?![\p{L}\p{N}]))|([\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:(?:['’](?![sS](?![\p{L}\p{N}]))|-|\.(?=\p{L}\p{M}*\.))[\p{L}\p{M}\p{N}]+)*)|(\p{N}+(?:[.,:/]\p{N}+)*(?:st|nd|rd|th|s)?)|([^\s\p{L}\p{N}])/gu;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null) {
    const start = m.index;
    if (start >= to) break;
    const t = m[0];
    const kind: TokenKind = m[4] !== undefined ? 'number' : m[5] !== undefined ? 'punct' : 'word';
    const c = t.charCodeAt(0);
    const cap = kind === 'word' && isUpperStart(t, c);
    out.push({ start, end: start + t.length, text: t, kind, cap, upper: cap && t.length > 1 && t === t.toUpperCase() && /\p{L}.*\p{L}/u.test(t) });
  }
  return out;
}

function isUpperStart(t: string, c: number): boolean {
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = t[0]!;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
