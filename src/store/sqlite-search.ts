// Full-text search and facets of the SQLite store. A search is the analyst's most frequent and most expensive query,
// so its parts are kept cheap: ranking reads only the index, excerpts are cut in JavaScript from the text of the
// page's hits, facets read one row per (hit, entity), and the ranked hits, total and facets of a query are kept in a
// small cache that any write (by this connection or another process) invalidates.
import type Database from 'better-sqlite3';
import type { ArticleQuery, Facets, Paged, SearchHit } from './store.js';
import { normalizeKey, parseQuery } from './query-terms.js';
import {
  ARTICLE_COLUMNS, articleSummary, DEFAULT_SEARCH_LIMIT, FACET_HITS, FACET_SIZE, NEWEST, oneLine, pageOf, RANK_WINDOW,
  TOTAL_CAP, type ArticleRow,
} from './rows.js';
import { QueryCache } from './query-cache.js';
import type { Statements } from './sqlite-statements.js';
import { pageHits } from './snippet.js';

/** Appended to a prefix, the exclusive upper bound of the strings starting with it (binary collation). */
export const PREFIX_END = '\uffff';

/** An FTS5 MATCH expression: every term a quoted string, implicitly ANDed. Raw FTS5 syntax never passes through. */
export function ftsQuery(query: string): string | null {
  const terms = parseQuery(query);
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ');
}

/** WHERE terms (ANDed) for an ArticleQuery over `article_meta m`; `withText` adds the q filter as a subquery. */
export function articleFilters(q: ArticleQuery, params: unknown[], withText: boolean): string[] {
  const where: string[] = [];
  const actor = q.actor?.trim();
  if (actor) {
    if (actor.includes(':')) {
      where.push('m.seq IN (SELECT article_seq FROM article_entities WHERE key = ?)');
      params.push(normalizeKey(actor));
    } else {
      where.push('m.seq IN (SELECT article_seq FROM article_actors WHERE code >= ? AND code < ?)');
      params.push(actor.toUpperCase(), actor.toUpperCase() + PREFIX_END);
    }
  }
  const code = q.code?.trim();
  if (code) {
    where.push('m.seq IN (SELECT article_seq FROM events WHERE code >= ? AND code < ?)');
    params.push(code, code + PREFIX_END);
  }
  const type = q.type?.trim();
  if (type) {
    where.push('m.seq IN (SELECT article_seq FROM article_entities WHERE type = ?)');
    params.push(type.toLowerCase());
  }
  if (q.from) {
    where.push('m.published_day >= ?');
    params.push(q.from);
  }
  if (q.to) {
    where.push('m.published_day <= ?');
    params.push(q.to);
  }
  const source = q.source?.trim().toLowerCase();
  if (source) {
    where.push("(instr(lower(m.source), ?) > 0 OR instr(coalesce(m.host, ''), ?) > 0 OR instr(lower(coalesce(m.site_name, '')), ?) > 0)");
    params.push(source, source, source);
  }
  const match = withText && q.q ? ftsQuery(q.q) : null;
  if (match !== null) {
    where.push('m.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)');
    params.push(match);
  }
  return where;
}

interface Ranked {
  seq: number;
  rank: number;
}

/** What one query (its text and filters, not its page) costs to find; kept while the store is unchanged. */
interface Found {
  hits: Ranked[] | null;
  total: number | null;
  facets: Facets | null;
}

const NO_FACETS: Facets = { types: [], actors: [], codes: [], sources: [] };

export class SqliteSearch {
  private readonly cache = new QueryCache<Found>(() => ({ hits: null, total: null, facets: null }));
  private readonly version: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly statements: Statements,
  ) {
    // data_version moves when another connection commits; total_changes when this one writes.
    this.version = db.prepare('SELECT data_version || \':\' || total_changes() FROM pragma_data_version').pluck();
  }

  private sql(text: string): Database.Statement {
    return this.statements.get(text);
  }

  /** The cache entry of a query, emptied first if the store changed since the cache was filled. */
  private found(key: string): Found {
    return this.cache.entry(key, this.version.get());
  }

  searchArticles(query: ArticleQuery): Paged<SearchHit> {
    const { limit, offset } = pageOf(query, DEFAULT_SEARCH_LIMIT);
    const match = query.q ? ftsQuery(query.q) : null;
    const params: unknown[] = [];
    const where = articleFilters(query, params, false);
    if (match === null) {
      const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const rows = this.sql(
        `SELECT ${ARTICLE_COLUMNS}, substr(json_extract(a.doc, '$.article.text'), 1, 240) AS snippet
           FROM articles a JOIN article_meta m ON m.seq = a.seq ${w} ORDER BY ${NEWEST} LIMIT ? OFFSET ?`,
      ).all(...params, limit, offset) as (ArticleRow & { snippet: string | null })[];
      const found = this.found(JSON.stringify([null, where, params]));
      found.total ??= this.sql(`SELECT count(*) FROM article_meta m ${w}`).pluck().get(...params) as number;
      return { items: rows.map((r) => ({ ...articleSummary(r), snippet: oneLine(r.snippet ?? ''), score: 0 })), total: found.total };
    }
    const found = this.found(JSON.stringify([match, where, params]));
    const hits = this.rankedHits(found, match, where, params);
    const page = hits.slice(offset, offset + limit);
    let items: SearchHit[] = [];
    if (page.length) {
      const rows = this.sql(
        `SELECT a.seq, ${ARTICLE_COLUMNS}, json_extract(a.doc, '$.article.text') AS text
           FROM articles a JOIN article_meta m ON m.seq = a.seq WHERE a.seq IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(page.map((h) => h.seq))) as (ArticleRow & { seq: number; text: string | null })[];
      items = pageHits(page, rows, query.q!, (rank) => -rank);
    }
    // Fewer hits than the ranking window are all the hits there are: no count query needed.
    if (found.total === null && hits.length < RANK_WINDOW) found.total = hits.length;
    found.total ??= where.length
      ? (this.sql(
          `SELECT count(*) FROM articles_fts JOIN article_meta m ON m.seq = articles_fts.rowid
            WHERE ${['articles_fts MATCH ?', ...where].join(' AND ')}`,
        ).pluck().get(match, ...params) as number)
      : // Counting every match of a very common word costs more than the page itself: count up to TOTAL_CAP.
        (this.sql(`SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT ${TOTAL_CAP})`).pluck().get(match) as number);
    return { items, total: found.total };
  }

  /**
   * The hits of a full-text query with filters, best first: the RANK_WINDOW most recently stored matches, ranked by
   * bm25 (title 3x). Bounding the window keeps a query for a very common word fast; for a news store the newest
   * matches are the ones that matter.
   */
  private rankedHits(found: Found, match: string, where: string[], params: unknown[]): Ranked[] {
    if (found.hits) return found.hits;
    // The join to article_meta is for the filters only; without them the index answers alone.
    const rows = this.sql(
      `SELECT articles_fts.rowid AS seq, bm25(articles_fts, 3.0, 1.0) AS rank
         FROM articles_fts${where.length ? ' JOIN article_meta m ON m.seq = articles_fts.rowid' : ''}
        WHERE ${['articles_fts MATCH ?', ...where].join(' AND ')}
        ORDER BY articles_fts.rowid DESC LIMIT ${RANK_WINDOW}`,
    ).all(match, ...params) as Ranked[];
    rows.sort((x, y) => x.rank - y.rank || y.seq - x.seq);
    found.hits = rows;
    return rows;
  }

  facets(query: ArticleQuery): Facets {
    const match = query.q ? ftsQuery(query.q) : null;
    const params: unknown[] = [];
    const where = articleFilters(query, params, false);
    const found = this.found(JSON.stringify([match, where, params]));
    if (found.facets) return found.facets;
    let seqs: number[];
    if (match === null) {
      const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
      seqs = this.sql(`SELECT m.seq FROM article_meta m ${w} ORDER BY ${NEWEST} LIMIT ${FACET_HITS}`).pluck().all(...params) as number[];
    } else {
      seqs = this.rankedHits(found, match, where, params).slice(0, FACET_HITS).map((h) => h.seq);
    }
    found.facets = seqs.length === 0 ? NO_FACETS : this.countFacets(JSON.stringify(seqs));
    return found.facets;
  }

  /** Facet counts over a JSON array of article seqs; entity names are read for the top keys only. */
  private countFacets(hits: string): Facets {
    const cte = 'WITH hits(seq) AS (SELECT value FROM json_each(?))';
    const types = this.sql(
      `${cte} SELECT ae.type AS name, count(DISTINCT ae.article_seq) AS count
         FROM hits JOIN article_entities ae ON ae.article_seq = hits.seq GROUP BY ae.type ORDER BY count DESC, name`,
    ).all(hits) as Facets['types'];
    // One row per (article, entity key): a key's row count is its article count.
    const actors = this.sql(
      `${cte}, top AS (
         SELECT ae.key, count(*) AS count FROM hits JOIN article_entities ae ON ae.article_seq = hits.seq
          GROUP BY ae.key ORDER BY count DESC, ae.key LIMIT ${FACET_SIZE})
       SELECT top.key, e.name, top.count FROM top JOIN entities e ON e.key = top.key ORDER BY top.count DESC, top.key`,
    ).all(hits) as Facets['actors'];
    return {
      types,
      actors,
      // Counted on the (article, code) index; a label is read for the top codes only.
      codes: this.sql(
        `${cte}, top AS (
           SELECT ev.code, count(DISTINCT ev.article_seq) AS count FROM hits JOIN events ev ON ev.article_seq = hits.seq
            GROUP BY ev.code ORDER BY count DESC, ev.code LIMIT ${FACET_SIZE})
         SELECT top.code, coalesce((SELECT label FROM events WHERE code = top.code AND label IS NOT NULL LIMIT 1), '') AS label, top.count
           FROM top ORDER BY top.count DESC, top.code`,
      ).all(hits) as Facets['codes'],
      sources: this.sql(
        `${cte} SELECT m.outlet AS name, count(*) AS count
           FROM hits JOIN article_meta m ON m.seq = hits.seq GROUP BY m.outlet ORDER BY count DESC, name LIMIT ${FACET_SIZE}`,
      ).all(hits) as Facets['sources'],
    };
  }
}
