// Story linking for the PostgreSQL store: the same algorithm as link/sqlite.ts (candidates from indexes only, at
// most MAX_CANDIDATES scored, join the story of the near-duplicate or best candidate, else a new story), as SQL for
// PostgreSQL. Runs inside the put transaction, on its client.
import { pgJson, type PgQuery } from './postgres-schema.js';
import type { Doc } from '../model.js';
import {
  addDays, linkFeatures, lshBuckets, sigFromBuffer, sigToBuffer, type LinkFeatures,
} from '../link/features.js';
import {
  LINK_PARAMS, STORY_WINDOW_DAYS, weighted, type CorpusStats, type Weighted,
} from '../link/score.js';
import {
  CACHE_SIZE, chooseStory, INDEXED_TERMS, LINKS_PER_ARTICLE, LOOKUP_KEYS, MAX_CANDIDATES, PER_BUCKET, PER_KEY, stored, top,
  VECTOR_SIZE, type Candidate, type LinkResult, type Loaded,
} from '../link/choose.js';


export class PgLinker {
  private readonly cache = new Map<number, Loaded>();

  /** Forget cached features (after a rolled-back transaction). */
  reset(): void {
    this.cache.clear();
  }

  /** Links a newly stored article (annotations already indexed) into a story. Runs inside the put transaction. */
  async link(db: PgQuery, seq: number, id: string, doc: Doc, ingestedAt: string): Promise<LinkResult> {
    const f = linkFeatures(doc, ingestedAt);
    const n = (await db.query<{ n: number }>('SELECT coalesce(max(article_seq), 0)::int AS n FROM link_features')).rows[0]!.n + 1;
    // Document frequencies of this article's terms (bumped) and entities, fetched up front: the scoring is synchronous.
    const termDf = new Map<string, number>();
    const terms = Object.keys(f.terms).sort();
    if (terms.length) {
      const r = await db.query<{ term: string; df: number }>(
        `INSERT INTO term_df (term, df) SELECT t, 1 FROM unnest($1::text[]) AS t
         ON CONFLICT (term) DO UPDATE SET df = term_df.df + 1 RETURNING term, df`,
        [terms],
      );
      for (const row of r.rows) termDf.set(row.term, row.df);
    }
    const entityDf = new Map<string, number>();
    const keys = Object.keys(f.entities);
    if (keys.length) {
      const r = await db.query<{ key: string; articles: number }>('SELECT key, articles FROM entities WHERE key = ANY($1::text[])', [keys]);
      for (const row of r.rows) entityDf.set(row.key, row.articles);
    }
    const stats: CorpusStats = { articles: n, termDf: (t) => termDf.get(t) ?? 0, entityDf: (k) => entityDf.get(k) ?? 0 };
    const w = weighted(f, stats);
    const candidates = await this.candidates(db, seq, f, w);

    const loaded = await this.loadMany(db, candidates.map((c) => c.seq));
    const { best, scored } = chooseStory(w, f.day, candidates, (cand) => loaded.get(cand));

    await db.query(
      `INSERT INTO link_features (article_seq, day, terms, entities, sig) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (article_seq) DO UPDATE SET day = excluded.day, terms = excluded.terms, entities = excluded.entities, sig = excluded.sig`,
      [seq, f.day, pgJson(stored(w.terms, VECTOR_SIZE)), pgJson(stored(w.entities, VECTOR_SIZE)), f.sig ? sigToBuffer(f.sig) : null],
    );
    if (f.sig) {
      await db.query('INSERT INTO lsh (bucket, article_seq) SELECT b, $2 FROM unnest($1::bigint[]) AS b ON CONFLICT DO NOTHING', [lshBuckets(f.sig), seq]);
    }
    const indexed = top(w.terms, INDEXED_TERMS).map(([t]) => t);
    if (indexed.length) {
      await db.query('INSERT INTO article_terms (term, day, article_seq) SELECT t, $2, $3 FROM unnest($1::text[]) AS t ON CONFLICT DO NOTHING', [indexed, f.day, seq]);
    }

    const links: { a: number; b: number; score: number; kind: string }[] = [];
    for (const s of scored.slice(0, LINKS_PER_ARTICLE)) {
      if (!s.dup && s.score < LINK_PARAMS.relatedThreshold) break;
      const kind = s.dup ? 'near-duplicate' : 'related';
      const score = Math.round(s.score * 1e4) / 1e4;
      links.push({ a: seq, b: s.c.seq, score, kind }, { a: s.c.seq, b: seq, score, kind });
    }
    for (const l of links) {
      await db.query(
        `INSERT INTO article_links (a, b, score, kind) VALUES ($1, $2, $3, $4)
         ON CONFLICT (a, b) DO UPDATE SET score = greatest(article_links.score, excluded.score), kind = excluded.kind`,
        [l.a, l.b, l.score, l.kind],
      );
    }

    let storyId: string;
    if (best) {
      storyId = best.c.storyId!;
      await db.query(
        `UPDATE stories SET size = size + 1, first = least(first, $1), last = greatest(last, $1), last_seq = $2, updated_at = $3
          WHERE id = $4`,
        [f.day, seq, ingestedAt, storyId],
      );
    } else {
      storyId = id;
      await db.query(
        'INSERT INTO stories (id, title, size, first, last, last_seq, updated_at) VALUES ($1, $2, 1, $3, $3, $4, $5)',
        [id, doc.article.title ?? null, f.day, seq, ingestedAt],
      );
    }
    await db.query('UPDATE article_meta SET story_id = $1 WHERE seq = $2', [storyId, seq]);
    return { storyId, via: best?.c.id ?? null, nearDuplicate: best?.dup ?? false, score: best?.score ?? 0 };
  }

  private async candidates(db: PgQuery, seq: number, f: LinkFeatures, w: Weighted): Promise<Candidate[]> {
    const hits = new Map<number, { hits: number; lsh: boolean }>();
    const add = (s: number, by: number, lsh = false) => {
      const h = hits.get(s);
      if (h) {
        h.hits += by;
        h.lsh ||= lsh;
      } else hits.set(s, { hits: by, lsh });
    };
    if (f.sig) {
      // Per band, at most PER_BUCKET members (any order, as in SQLite's LIMIT without ORDER BY: the primary key order).
      const r = await db.query<{ s: number }>(
        `SELECT l.article_seq AS s FROM unnest($1::bigint[]) WITH ORDINALITY AS b(bucket, i)
           CROSS JOIN LATERAL (SELECT article_seq FROM lsh WHERE lsh.bucket = b.bucket ORDER BY article_seq LIMIT ${PER_BUCKET}) l
          ORDER BY b.i`,
        [lshBuckets(f.sig)],
      );
      for (const { s } of r.rows) if (s !== seq) add(s, 4, true);
    }
    const from = addDays(f.day, -STORY_WINDOW_DAYS);
    const to = addDays(f.day, STORY_WINDOW_DAYS);
    const byKey = async (table: 'article_entities' | 'article_terms', col: 'key' | 'term', keys: string[]) => {
      if (!keys.length) return;
      const r = await db.query<{ s: number }>(
        `SELECT x.article_seq AS s FROM unnest($1::text[]) WITH ORDINALITY AS k(v, i)
           CROSS JOIN LATERAL (SELECT article_seq FROM ${table} t WHERE t.${col} = k.v AND t.day BETWEEN $2 AND $3 AND t.article_seq <> $4
                                ORDER BY t.day DESC, t.article_seq LIMIT ${PER_KEY}) x
          ORDER BY k.i`,
        [keys, from, to, seq],
      );
      for (const { s } of r.rows) add(s, 1);
    };
    await byKey('article_entities', 'key', top(w.entities, LOOKUP_KEYS).map(([k]) => k));
    await byKey('article_terms', 'term', top(w.terms, LOOKUP_KEYS).map(([t]) => t));
    const chosen = [...hits].sort((a, b) => b[1].hits - a[1].hits || b[0] - a[0]).slice(0, MAX_CANDIDATES);
    return chosen.map(([s, h]) => ({ seq: s, id: '', storyId: null, day: '', hits: h.hits, lsh: h.lsh }));
  }

  /** Features of stored articles (cached: an article's features and story never change once its put is done). */
  private async loadMany(db: PgQuery, seqs: number[]): Promise<Map<number, Loaded>> {
    const out = new Map<number, Loaded>();
    const missing: number[] = [];
    for (const s of seqs) {
      const hit = this.cache.get(s);
      if (hit) {
        this.cache.delete(s);
        this.cache.set(s, hit);
        out.set(s, hit);
      } else missing.push(s);
    }
    if (missing.length) {
      const r = await db.query<{ seq: number; day: string; terms: Record<string, number>; entities: Record<string, number>; sig: Buffer | null; id: string; story_id: string | null }>(
        `SELECT f.article_seq AS seq, f.day, f.terms, f.entities, f.sig, m.id, m.story_id
           FROM link_features f JOIN article_meta m ON m.seq = f.article_seq WHERE f.article_seq = ANY($1::int[])`,
        [missing],
      );
      for (const row of r.rows) {
        const loaded: Loaded = {
          id: row.id, storyId: row.story_id, day: row.day,
          terms: new Map(Object.entries(row.terms)), entities: new Map(Object.entries(row.entities)),
          sig: row.sig ? sigFromBuffer(row.sig) : null,
        };
        out.set(row.seq, loaded);
        if (loaded.storyId !== null) {
          this.cache.set(row.seq, loaded);
          if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
        }
      }
    }
    return out;
  }
}
