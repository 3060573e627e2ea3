// A search hit's excerpt, cut in JavaScript from the article text: about `width` words around the place where the
// most query words come together. FTS5's snippet() re-reads the text through the JSON of the whole stored document
// and re-runs the match for every hit; this reads the text once and costs microseconds.
import { parseQuery } from './query-terms.js';
import { articleSummary, type ArticleRow } from './rows.js';
import type { SearchHit } from './store.js';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const ASCII = /^[\x00-\x7f]*$/;
const WORD_BEFORE = /[\p{L}\p{N}]/u;
/** Characters a window of `width` words spans, about: English words and their spaces average under 7. */
const CHARS_PER_WORD = 7;

/**
 * A word's match key: lower case, diacritics removed, and the commonest English inflections cut, so "talks",
 * "talked" and "talking" find "talk" as the full-text index (porter stemmer) does. Only for highlighting excerpts:
 * ranking and matching stay the index's.
 */
export function matchKey(word: string): string {
  let w = word.toLowerCase();
  // Most words are ASCII: only others pay for the decomposition.
  if (!ASCII.test(w)) w = w.normalize('NFD').replace(/\p{M}+/gu, '');
  if (w.endsWith("'s") || w.endsWith('’s')) w = w.slice(0, -2);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('es') && /(?:ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  return w;
}

/** The match keys of a query's terms (each word of a "quoted phrase" counts on its own). */
export function queryKeys(terms: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const t of terms) for (const m of t.matchAll(WORD)) keys.add(matchKey(m[0]));
  return keys;
}

interface Hit {
  start: number;
  end: number;
  key: string;
}

/** The stem a key is looked for by: words that begin with it are candidates ("polic" finds "policies" for "policy"). */
function stemOf(key: string): string {
  return key.length > 3 && /[ye]$/.test(key) ? key.slice(0, -1) : key;
}

const LETTER = /[\p{L}\p{N}]/u;
function isWordChar(c: string): boolean {
  const x = c.charCodeAt(0);
  if (x < 128) return (x >= 97 && x <= 122) || (x >= 65 && x <= 90) || (x >= 48 && x <= 57);
  return LETTER.test(c);
}

/**
 * Query words in the text: each stem is found with indexOf in the lower-cased text (native and fast), taken to the
 * end of its word, and confirmed by the word's match key.
 */
function hitsOf(text: string, keys: ReadonlySet<string>): Hit[] {
  const hits: Hit[] = [];
  if (keys.size === 0) return hits;
  const lower = text.toLowerCase();
  // Lower-casing kept every offset (true but for a few letters such as "İ"): search the lower-cased copy.
  if (lower.length === text.length) {
    for (const stem of new Set([...keys].map(stemOf))) {
      for (let at = lower.indexOf(stem); at >= 0; at = lower.indexOf(stem, at + stem.length)) {
        if (at > 0 && isWordChar(text[at - 1]!)) continue;
        let end = at + stem.length;
        while (end < text.length && isWordChar(text[end]!)) end++;
        // A possessive or contraction: "Kremlin's".
        if ((text[end] === "'" || text[end] === '’') && end + 1 < text.length && isWordChar(text[end + 1]!)) {
          end++;
          while (end < text.length && isWordChar(text[end]!)) end++;
        }
        const k = matchKey(text.slice(at, end));
        if (keys.has(k)) hits.push({ start: at, end, key: k });
      }
    }
    hits.sort((a, b) => a.start - b.start);
  }
  // Accented text ("Zürich" for the query "zurich") escapes the search: fold every word then.
  if (new Set(hits.map((h) => h.key)).size < keys.size && !ASCII.test(text)) {
    hits.length = 0;
    for (const m of text.matchAll(WORD)) {
      const k = matchKey(m[0]);
      if (keys.has(k)) hits.push({ start: m.index, end: m.index + m[0].length, key: k });
    }
  }
  return hits;
}

/** The span of about `chars` characters holding the most distinct query words (then the most hits), first hit to last. */
function bestSpan(hits: Hit[], chars: number): { start: number; end: number } {
  let best = { start: hits[0]!.start, end: hits[0]!.end };
  let bestScore = -1;
  const inWindow = new Map<string, number>();
  let lo = 0;
  for (let hi = 0; hi < hits.length; hi++) {
    const h = hits[hi]!;
    inWindow.set(h.key, (inWindow.get(h.key) ?? 0) + 1);
    while (h.start - hits[lo]!.start > chars) {
      const k = hits[lo++]!.key;
      const n = inWindow.get(k)! - 1;
      if (n === 0) inWindow.delete(k);
      else inWindow.set(k, n);
    }
    const score = inWindow.size * 1000 + (hi - lo + 1);
    if (score > bestScore) {
      bestScore = score;
      best = { start: hits[lo]!.start, end: h.end };
    }
  }
  return best;
}

/**
 * About `width` words of `text` around the best cluster of query words, one line, with "…" where text was cut.
 * Without a match, the opening words.
 */
export function snippetOf(text: string, keys: ReadonlySet<string>, width = 16): string {
  // Long articles: look at the first 20,000 characters only; the excerpt is for a result list.
  const head = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const hits = hitsOf(head, keys);
  let from = 0;
  if (hits.length) {
    const span = bestSpan(hits, width * CHARS_PER_WORD);
    // Start a few words before the first hit, so the match reads in context, if the words up to the last hit leave
    // room for them.
    const spanWords = [...head.slice(span.start, span.end).matchAll(WORD)].length;
    const room = Math.max(0, Math.min(3, width - spanWords));
    const before = [...head.slice(Math.max(0, span.start - 60), span.start).matchAll(WORD)];
    const back = room > 0 ? before[Math.max(0, before.length - room)] : undefined;
    from = back ? Math.max(0, span.start - 60) + back.index : span.start;
    if (from > 0 && !WORD_BEFORE.test(head.slice(0, from))) from = 0;
  }
  // `width` words from there.
  const scan = new RegExp(WORD.source, 'gu');
  scan.lastIndex = from;
  let end = from;
  let n = 0;
  let m = scan.exec(head);
  for (; m && n < width; m = scan.exec(head), n++) end = m.index + m[0].length;
  if (n === 0) return '';
  // Through the text's last word: keep its closing punctuation.
  const to = !m && head === text ? text.length : end;
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return (from > 0 ? '…' : '') + body + (to < text.length ? '…' : '');
}

/**
 * The search hits of one page, in rank order: each stored row (summary columns and its text) with its excerpt.
 * `score` maps a store's rank to the API's higher-is-better score.
 */
export function pageHits<R extends ArticleRow & { seq: number; text: string | null }>(
  page: readonly { seq: number; rank: number }[],
  rows: readonly R[],
  query: string,
  score: (rank: number) => number,
): SearchHit[] {
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  const keys = queryKeys(parseQuery(query));
  return page.flatMap((h) => {
    const r = bySeq.get(h.seq);
    return r ? [{ ...articleSummary(r), snippet: snippetOf(r.text ?? '', keys), score: score(h.rank) }] : [];
  });
}
