// What both stores make of a user's query text and of an entity key, before any SQL.

const MAX_QUERY_TERMS = 64;

/** Words and "quoted phrases" of a user query; stray quotes and pure punctuation are dropped. */
export function parseQuery(query: string): string[] {
  const terms: string[] = [];
  for (const m of query.normalize('NFC').matchAll(/"([^"]*)"|([^\s"]+)/g)) {
    const term = (m[1] ?? m[2] ?? '').trim().replace(/\s+/g, ' ');
    // A term with no letter or digit tokenizes to nothing; FTS5 would turn it into an empty phrase.
    if (/[\p{L}\p{N}]/u.test(term)) terms.push(term);
    if (terms.length >= MAX_QUERY_TERMS) break;
  }
  return terms;
}

/** An entity key as stored: `type:lower-case name`, whitespace collapsed. */
export function normalizeKey(key: string): string {
  return key.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}
