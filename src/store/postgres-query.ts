// What the PostgreSQL store's queries are built from: bound parameters, the tsquery of a user query, and the WHERE
// terms of an ArticleQuery. No user text reaches SQL or tsquery syntax.
import type { ArticleQuery } from './store.js';
import { TS_CONFIG } from './postgres-schema.js';
import { normalizeKey, parseQuery } from './query-terms.js';

/**
 * PostgreSQL text cannot hold U+0000 (and jsonb rejects \u0000): in query parameters it is dropped (it can match
 * nothing), in stored documents it becomes U+FFFD.
 */
export function noNul(v: unknown): unknown {
  return typeof v === 'string' && v.includes('\u0000') ? v.replace(/\u0000/g, '') : v;
}

/** A LIKE pattern matching the strings that start with `s` (wildcards in `s` escaped). */
export function likePrefix(s: string): string {
  return s.replace(/[\\%_]/g, '\\$&') + '%';
}

/** Positional parameters for a generated query: `p(v)` adds a value and returns its placeholder. */
export class Params {
  readonly values: unknown[] = [];
  p(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/**
 * A tsquery expression for a user query: each word or "quoted phrase" (parseQuery) goes in as a bound parameter of
 * phraseto_tsquery, ANDed with &&. No user text reaches tsquery syntax (OR, !, :*, <->) or SQL; null when no terms.
 */
export function tsQuery(query: string, params: Params): string | null {
  const terms = parseQuery(query);
  if (terms.length === 0) return null;
  return `(${terms.map((t) => `phraseto_tsquery('${TS_CONFIG}', ${params.p(t)})`).join(' && ')})`;
}

/** WHERE terms (ANDed) for an ArticleQuery over `article_meta m`; `withText` adds the q filter. */
export function articleFilters(q: ArticleQuery, params: Params, withText: boolean): string[] {
  const where: string[] = [];
  const actor = q.actor?.trim();
  if (actor) {
    if (actor.includes(':')) where.push(`m.seq IN (SELECT article_seq FROM article_entities WHERE key = ${params.p(normalizeKey(actor))})`);
    else where.push(`m.seq IN (SELECT article_seq FROM article_actors WHERE code LIKE ${params.p(likePrefix(actor.toUpperCase()))})`);
  }
  const code = q.code?.trim();
  if (code) where.push(`m.seq IN (SELECT article_seq FROM events WHERE code LIKE ${params.p(likePrefix(code))})`);
  const type = q.type?.trim();
  if (type) where.push(`m.seq IN (SELECT article_seq FROM article_entities WHERE type = ${params.p(type.toLowerCase())})`);
  if (q.from) where.push(`m.published_day >= ${params.p(q.from)}`);
  if (q.to) where.push(`m.published_day <= ${params.p(q.to)}`);
  const source = q.source?.trim().toLowerCase();
  if (source) {
    const s = params.p(source);
    where.push(`(strpos(lower(m.source), ${s}) > 0 OR strpos(coalesce(m.host, ''), ${s}) > 0 OR strpos(lower(coalesce(m.site_name, '')), ${s}) > 0)`);
  }
  if (withText && q.q) {
    const tsq = tsQuery(q.q, params);
    if (tsq !== null) where.push(`m.seq IN (SELECT seq FROM articles WHERE tsv @@ ${tsq})`);
  }
  return where;
}

export const whereOf = (where: string[]) => (where.length ? `WHERE ${where.join(' AND ')}` : '');

