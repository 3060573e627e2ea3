// Full-text search and facets of the PostgreSQL store, with the SQLite store's semantics: the RANK_WINDOW most
// recently stored matches ranked (ts_rank_cd), totals exact up to PG_TOTAL_CAP, excerpts cut in JavaScript, facets
// over the best FACET_HITS. GIN cannot return matches newest first, so the newest matches are looked for in growing
// windows of the newest articles: a common word is answered from the first window without visiting its thousands of
// other matches. Results of a query are cached per process while the store's newest article is the same.
import type { QueryResultRow } from 'pg';
import type { ArticleQuery, Facets, Paged, SearchHit } from './store.js';
import { articleFilters, Params, tsQuery, whereOf } from './postgres-query.js';
import {
  ARTICLE_COLUMNS, articleSummary, DEFAULT_SEARCH_LIMIT, FACET_HITS, FACET_SIZE, NEWEST, oneLine, pageOf, RANK_WINDOW,
  type ArticleRow,
} from './rows.js';
import { QueryCache } from './query-cache.js';
import { pageHits } from './snippet.js';

type Query = <T extends QueryResultRow>(text: string, values?: unknown[]) => Promise<T[]>;

interface Ranked {
  seq: number;
  rank: number;
}

interface Found {
  /** A promise, so a search and its facets asked at once share one computation. */
  hits: Promise<Ranked[]> | null;
  total: number | null;
  facets: Facets | null;
}

/** Newest-article windows tried in turn (the last is everything). */
const WINDOWS = [2_000, 20_000, Infinity];
/**
 * A cached answer is also dropped after this long: concurrent writers can commit an older seq after a newer one,
 * which the newest-seq version would not notice.
 */
const CACHE_MS = 10_000;
/**
 * Totals are exact up to this many matches, and this number beyond. Lower than SQLite's TOTAL_CAP: PostgreSQL visits
 * the heap row of every match it counts (a GIN index cannot answer a count alone), about 8 µs each, so counting
 * 10,000 matches of a common word cost more than the rest of the search.
 */
export const PG_TOTAL_CAP = 2_000;
const NO_FACETS: Facets = { types: [], actors: [], codes: [], sources: [] };

export class PgSearch {
  private readonly cache = new QueryCache<Found>(() => ({ hits: null, total: null, facets: null }), 256, CACHE_MS);

  /** `bitmapQ` runs a query planned without plain index scans (bitmap scans only). */
  constructor(
    private readonly q: Query,
    private readonly bitmapQ: Query,
  ) {}

  private newestInFlight: Promise<number> | null = null;

  /** The newest article's seq, the cache version: a search and its facets asked at once share one query. */
  private newest(): Promise<number> {
    this.newestInFlight ??= this.q<{ n: number | null }>('SELECT max(seq)::int AS n FROM articles')
      .then(([r]) => r?.n ?? 0)
      .finally(() => {
        this.newestInFlight = null;
      });
    return this.newestInFlight;
  }

  private found(key: string, newest: number): Found {
    return this.cache.entry(key, newest);
  }

  async searchArticles(query: ArticleQuery): Promise<Paged<SearchHit>> {
    const { limit, offset } = pageOf(query, DEFAULT_SEARCH_LIMIT);
    const params = new Params();
    const tsq = query.q ? tsQuery(query.q, params) : null;
    const where = articleFilters(query, params, false);
    const newest = await this.newest();
    if (tsq === null) {
      const w = whereOf(where);
      const found = this.found(JSON.stringify([null, where, params.values]), newest);
      const total = found.total ?? (found.total = (await this.q<{ n: number }>(`SELECT count(*)::int AS n FROM article_meta m ${w}`, params.values))[0]!.n);
      const rows = await this.q<ArticleRow & { snippet: string | null }>(
        `SELECT ${ARTICLE_COLUMNS}, substr(a.doc->'article'->>'text', 1, 240) AS snippet
           FROM articles a JOIN article_meta m ON m.seq = a.seq ${w} ORDER BY ${NEWEST} LIMIT ${params.p(limit)} OFFSET ${params.p(offset)}`,
        params.values,
      );
      return { items: rows.map((r) => ({ ...articleSummary(r), snippet: oneLine(r.snippet ?? ''), score: 0 })), total };
    }
    const found = this.found(JSON.stringify([tsq, where, params.values]), newest);
    const hits = await this.rankedHits(found, tsq, where, params, newest);
    const page = hits.slice(offset, offset + limit);
    let items: SearchHit[] = [];
    if (page.length) {
      const rows = await this.q<ArticleRow & { seq: number; text: string | null }>(
        `SELECT a.seq, ${ARTICLE_COLUMNS}, a.doc->'article'->>'text' AS text
           FROM articles a JOIN article_meta m ON m.seq = a.seq WHERE a.seq = ANY($1::int[])`,
        [page.map((h) => h.seq)],
      );
      items = pageHits(page, rows, query.q!, (rank) => rank);
    }
    if (found.total === null) {
      // Fewer hits than the ranking window are all there are; else count, up to PG_TOTAL_CAP, with bitmap scans.
      found.total = hits.length < RANK_WINDOW
        ? hits.length
        : (await this.bitmapQ<{ n: number }>(
            `SELECT count(*)::int AS n FROM (SELECT 1 FROM articles a${where.length ? ' JOIN article_meta m ON m.seq = a.seq' : ''}
               WHERE ${[`a.tsv @@ ${tsq}`, ...where].join(' AND ')} LIMIT ${PG_TOTAL_CAP}) x`,
            params.values,
          ))[0]!.n;
    }
    return { items, total: found.total };
  }

  /**
   * The RANK_WINDOW newest matches, best first. Each window query scans at most that many of the newest articles
   * (or their matches among them); a wider one runs only when a narrower one found too few.
   */
  private rankedHits(found: Found, tsq: string, where: string[], params: Params, newest: number): Promise<Ranked[]> {
    found.hits ??= this.findHits(tsq, where, params, newest).catch((e: unknown) => {
      found.hits = null;
      throw e;
    });
    return found.hits;
  }

  private async findHits(tsq: string, where: string[], params: Params, newest: number): Promise<Ranked[]> {
    let rows: Ranked[] = [];
    for (const size of WINDOWS) {
      const window = Number.isFinite(size) && newest > size ? [`a.seq > ${newest - size}`] : [];
      // The tsquery is written out in both places (not joined from a CTE) so the planner sees its words.
      // Bitmap scans only: the GIN matches intersected with the window's primary-key range, then the newest 500
      // sorted. Left to itself the planner walks the primary key newest first and tests every row's tsvector, which
      // reads thousands of rows for a word of middling frequency.
      rows = await this.bitmapQ<Ranked>(
        `SELECT h.seq, ts_rank_cd(a.tsv, ${tsq}, 1) AS rank
           FROM (SELECT a.seq FROM articles a${where.length ? ' JOIN article_meta m ON m.seq = a.seq' : ''}
                  WHERE ${[`a.tsv @@ ${tsq}`, ...window, ...where].join(' AND ')}
                  ORDER BY a.seq DESC LIMIT ${RANK_WINDOW}) h
           JOIN articles a ON a.seq = h.seq`,
        params.values,
      );
      if (rows.length >= RANK_WINDOW || window.length === 0) break;
    }
    rows.sort((x, y) => y.rank - x.rank || y.seq - x.seq);
    return rows;
  }

  async facets(query: ArticleQuery): Promise<Facets> {
    const params = new Params();
    const tsq = query.q ? tsQuery(query.q, params) : null;
    const where = articleFilters(query, params, false);
    const newest = await this.newest();
    const found = this.found(JSON.stringify([tsq, where, params.values]), newest);
    if (found.facets) return found.facets;
    const seqs = tsq === null
      ? (await this.q<{ seq: number }>(`SELECT m.seq FROM article_meta m ${whereOf(where)} ORDER BY ${NEWEST} LIMIT ${FACET_HITS}`, params.values)).map((r) => r.seq)
      : (await this.rankedHits(found, tsq, where, params, newest)).slice(0, FACET_HITS).map((h) => h.seq);
    found.facets = seqs.length === 0 ? NO_FACETS : await this.countFacets(seqs);
    return found.facets;
  }

  /** Facets over the hits' seqs; `= ANY($1)` lets the planner see how many articles it looks up. */
  private async countFacets(seqs: number[]): Promise<Facets> {
    const [types, actors, codes, sources] = await Promise.all([
      this.q<Facets['types'][number]>(
        `SELECT ae.type AS name, count(DISTINCT ae.article_seq)::int AS count
           FROM article_entities ae WHERE ae.article_seq = ANY($1::int[]) GROUP BY ae.type ORDER BY count DESC, name`,
        [seqs],
      ),
      // Names are read for the top keys only.
      this.q<Facets['actors'][number]>(
        `WITH top AS (
           SELECT ae.key, count(*)::int AS count FROM article_entities ae WHERE ae.article_seq = ANY($1::int[])
            GROUP BY ae.key ORDER BY count DESC, ae.key LIMIT ${FACET_SIZE})
         SELECT top.key, e.name, top.count FROM top JOIN entities e ON e.key = top.key ORDER BY top.count DESC, top.key`,
        [seqs],
      ),
      this.q<Facets['codes'][number]>(
        `SELECT ev.code, coalesce(max(ev.label), '') AS label, count(DISTINCT ev.article_seq)::int AS count
           FROM events ev WHERE ev.article_seq = ANY($1::int[]) GROUP BY ev.code ORDER BY count DESC, ev.code LIMIT ${FACET_SIZE}`,
        [seqs],
      ),
      this.q<Facets['sources'][number]>(
        `SELECT m.outlet AS name, count(*)::int AS count
           FROM article_meta m WHERE m.seq = ANY($1::int[]) GROUP BY m.outlet ORDER BY count DESC, name LIMIT ${FACET_SIZE}`,
        [seqs],
      ),
    ]);
    return { types, actors, codes, sources };
  }
}
