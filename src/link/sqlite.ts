// Story linking for the SQLite store, incremental at put time with bounded work per article:
// candidates come from indexes only (LSH buckets; articles within ±STORY_WINDOW_DAYS sharing one of the new
// article's rarest entities or strongest terms), at most MAX_CANDIDATES are scored, and the article joins the story
// of its near-duplicate or of its best-scoring candidate above STORY_THRESHOLD, else starts a story of its own.
// An article that strongly belongs to more stories than that one merges them (see chooseStory, planMerge).
import type Database from 'better-sqlite3';
import type { Doc } from '../model.js';
import {
  CACHE_SIZE, chooseStory, INDEXED_TERMS, LINKS_PER_ARTICLE, LOOKUP_KEYS, MAX_CANDIDATES, PER_BUCKET, PER_KEY, planMerge, stored,
  top, VECTOR_SIZE, type Candidate, type LinkResult, type Loaded, type MergingStory,
} from './choose.js';
import {
  addDays, linkFeatures, lshBuckets, sigFromBuffer, sigToBuffer, type LinkFeatures,
} from './features.js';
import {
  LINK_PARAMS, STORY_WINDOW_DAYS, weighted, type CorpusStats, type Weighted,
} from './score.js';

/** Schema of the linking tables (part of migration 2). */
export const LINK_SQL = `
  CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    title TEXT,
    size INTEGER NOT NULL,
    first TEXT,
    last TEXT,
    last_seq INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX stories_by_update ON stories (last_seq DESC);
  -- Per article: its day, weighted term and entity vectors (as of when it arrived) and MinHash signature.
  CREATE TABLE link_features (
    article_seq INTEGER PRIMARY KEY,
    day TEXT NOT NULL,
    terms TEXT NOT NULL,
    entities TEXT NOT NULL,
    sig BLOB
  );
  CREATE TABLE lsh (
    bucket INTEGER NOT NULL,
    article_seq INTEGER NOT NULL,
    PRIMARY KEY (bucket, article_seq)
  ) WITHOUT ROWID;
  CREATE TABLE term_df (
    term TEXT PRIMARY KEY,
    df INTEGER NOT NULL
  ) WITHOUT ROWID;
  -- An article's strongest terms only: the candidate index.
  CREATE TABLE article_terms (
    term TEXT NOT NULL,
    day TEXT NOT NULL,
    article_seq INTEGER NOT NULL,
    PRIMARY KEY (term, day, article_seq)
  ) WITHOUT ROWID;
  -- Scored pairs, both directions: kind 'near-duplicate' or 'related'.
  CREATE TABLE article_links (
    a INTEGER NOT NULL,
    b INTEGER NOT NULL,
    score REAL NOT NULL,
    kind TEXT NOT NULL,
    PRIMARY KEY (a, b)
  ) WITHOUT ROWID;
`;

/**
 * Stories merged away (migration 4): a merged id resolves through from_id → into_id. Rows are re-pointed when their
 * target is merged in turn, so a chain is one step long (readers still follow longer ones).
 */
export const MERGE_SQL = `
  CREATE TABLE story_merges (
    from_id TEXT PRIMARY KEY,
    into_id TEXT NOT NULL,
    merged_at TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX story_merges_by_into ON story_merges (into_id);
`;

export { MAX_CANDIDATES, type LinkResult };


export class SqliteLinker {
  private readonly s;
  /** Merge statements, or null before migration 4 (its back-fill in migration 2 links without merging, as it did). */
  private readonly m;

  constructor(private readonly db: Database.Database) {
    const merges = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'story_merges'").get() !== undefined;
    this.m = merges ? {
      stories: db.prepare<[string], MergingStory & { title: string | null; first: string | null; last: string | null }>(
        `SELECT s.id, s.size, coalesce(a.seq, 0) AS seq, s.title, s.first, s.last FROM stories s
           LEFT JOIN article_meta a ON a.id = s.id WHERE s.id IN (SELECT value FROM json_each(?))`,
      ),
      absorb: db.prepare('UPDATE stories SET size = ?, first = ?, last = ?, title = ? WHERE id = ?'),
      drop: db.prepare('DELETE FROM stories WHERE id = ?'),
      move: db.prepare('UPDATE article_meta SET story_id = ? WHERE story_id = ?'),
      repoint: db.prepare('UPDATE story_merges SET into_id = ? WHERE into_id = ?'),
      record: db.prepare('INSERT OR REPLACE INTO story_merges (from_id, into_id, merged_at) VALUES (?, ?, ?)'),
    } : null;
    this.s = {
      // max(), not count(): O(log n) on the primary key (count(*) would scan the table at every put).
      articles: db.prepare('SELECT coalesce(max(article_seq), 0) FROM link_features').pluck(),
      termDf: db.prepare('SELECT df FROM term_df WHERE term = ?').pluck(),
      bumpTerm: db.prepare('INSERT INTO term_df (term, df) VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET df = df + 1 RETURNING df').pluck(),
      entityDf: db.prepare('SELECT articles FROM entities WHERE key = ?').pluck(),
      bucket: db.prepare(`SELECT article_seq FROM lsh WHERE bucket = ? LIMIT ${PER_BUCKET}`).pluck(),
      byEntity: db.prepare(
        `SELECT article_seq FROM article_entities WHERE key = ? AND day BETWEEN ? AND ? AND article_seq <> ?
          ORDER BY day DESC LIMIT ${PER_KEY}`,
      ).pluck(),
      byTerm: db.prepare(
        `SELECT article_seq FROM article_terms WHERE term = ? AND day BETWEEN ? AND ? AND article_seq <> ?
          ORDER BY day DESC LIMIT ${PER_KEY}`,
      ).pluck(),
      features: db.prepare(
        `SELECT f.day, f.terms, f.entities, f.sig, m.id, m.story_id AS storyId
           FROM link_features f JOIN article_meta m ON m.seq = f.article_seq WHERE f.article_seq = ?`,
      ),
      insertFeatures: db.prepare('INSERT OR REPLACE INTO link_features (article_seq, day, terms, entities, sig) VALUES (?, ?, ?, ?, ?)'),
      insertBucket: db.prepare('INSERT OR IGNORE INTO lsh (bucket, article_seq) VALUES (?, ?)'),
      insertTerm: db.prepare('INSERT OR IGNORE INTO article_terms (term, day, article_seq) VALUES (?, ?, ?)'),
      link: db.prepare(
        `INSERT INTO article_links (a, b, score, kind) VALUES (?, ?, ?, ?)
         ON CONFLICT (a, b) DO UPDATE SET score = max(score, excluded.score), kind = excluded.kind`,
      ),
      setStory: db.prepare('UPDATE article_meta SET story_id = ? WHERE seq = ?'),
      newStory: db.prepare(
        `INSERT INTO stories (id, title, size, first, last, last_seq, updated_at) VALUES (?, ?, 1, ?, ?, ?, ?)`,
      ),
      joinStory: db.prepare(
        `UPDATE stories SET size = size + 1, first = min(first, ?), last = max(last, ?), last_seq = ?, updated_at = ?
          WHERE id = ?`,
      ),
    };
  }

  private stats(n: number): CorpusStats & { known: Map<string, number> } {
    const termCache = new Map<string, number>();
    const entityCache = new Map<string, number>();
    return {
      known: termCache,
      articles: n,
      termDf: (t) => {
        let v = termCache.get(t);
        if (v === undefined) termCache.set(t, (v = (this.s.termDf.get(t) as number | undefined) ?? 0));
        return v;
      },
      entityDf: (k) => {
        let v = entityCache.get(k);
        if (v === undefined) entityCache.set(k, (v = (this.s.entityDf.get(k) as number | undefined) ?? 0));
        return v;
      },
    };
  }

  /**
   * Links a newly stored article (its annotations already indexed, so entity counts include it) into a story.
   * Runs inside the put transaction.
   */
  link(seq: number, id: string, doc: Doc, ingestedAt: string): LinkResult {
    const f = linkFeatures(doc, ingestedAt);
    const stats = this.stats((this.s.articles.get() as number) + 1);
    for (const t of Object.keys(f.terms)) stats.known.set(t, this.s.bumpTerm.get(t) as number);
    const w = weighted(f, stats);
    const candidates = this.candidates(seq, f, w);

    const { best, scored, merge } = chooseStory(w, f.day, candidates, (cand) => this.load(cand));

    // Remember features before the story, so the next article sees this one.
    this.s.insertFeatures.run(seq, f.day, JSON.stringify(stored(w.terms, VECTOR_SIZE)), JSON.stringify(stored(w.entities, VECTOR_SIZE)), f.sig ? sigToBuffer(f.sig) : null);
    if (f.sig) for (const b of lshBuckets(f.sig)) this.s.insertBucket.run(b, seq);
    for (const [t] of top(w.terms, INDEXED_TERMS)) this.s.insertTerm.run(t, f.day, seq);

    for (const s of scored.slice(0, LINKS_PER_ARTICLE)) {
      if (!s.dup && s.score < LINK_PARAMS.relatedThreshold) break;
      const kind = s.dup ? 'near-duplicate' : 'related';
      const score = Math.round(s.score * 1e4) / 1e4;
      this.s.link.run(seq, s.c.seq, score, kind);
      this.s.link.run(s.c.seq, seq, score, kind);
    }

    let storyId: string;
    let merged: string[] = [];
    if (best) {
      storyId = best.c.storyId!;
      if (merge.length && this.m) ({ into: storyId, from: merged } = this.merge([storyId, ...merge], ingestedAt));
      this.s.joinStory.run(f.day, f.day, seq, ingestedAt, storyId);
    } else {
      storyId = id;
      this.s.newStory.run(id, doc.article.title ?? null, f.day, f.day, seq, ingestedAt);
    }
    this.s.setStory.run(storyId, seq);
    return { storyId, via: best?.c.id ?? null, nearDuplicate: best?.dup ?? false, score: best?.score ?? 0, merged };
  }

  /** Merges stories into one (see planMerge): members, counts, days and title move to the survivor; ids resolve. */
  private merge(ids: string[], at: string): { into: string; from: string[] } {
    const m = this.m!;
    const rows = m.stories.all(JSON.stringify(ids));
    if (rows.length < 2) return { into: ids[0]!, from: [] };
    const plan = planMerge(rows);
    const days = (k: 'first' | 'last') => rows.map((r) => r[k]).filter((d): d is string => d !== null).sort();
    const first = days('first')[0] ?? null;
    const last = days('last').at(-1) ?? null;
    const size = rows.reduce((n, r) => n + r.size, 0);
    m.absorb.run(size, first, last, rows.find((r) => r.id === plan.titleOf)!.title, plan.into);
    for (const from of plan.from) {
      m.move.run(plan.into, from);
      m.drop.run(from);
      m.repoint.run(plan.into, from);
      m.record.run(from, plan.into, at);
    }
    // Cached members of the merged stories now belong to the survivor.
    const gone = new Set(plan.from);
    for (const l of this.cache.values()) if (l.storyId !== null && gone.has(l.storyId)) l.storyId = plan.into;
    return plan;
  }

  /** Candidates from the indexes only: LSH buckets, then the rarest entities and strongest terms in the window. */
  private candidates(seq: number, f: LinkFeatures, w: Weighted): Candidate[] {
    const hits = new Map<number, { hits: number; lsh: boolean }>();
    const add = (s: number, by: number, lsh = false) => {
      const h = hits.get(s);
      if (h) {
        h.hits += by;
        h.lsh ||= lsh;
      } else hits.set(s, { hits: by, lsh });
    };
    if (f.sig) for (const b of lshBuckets(f.sig)) for (const s of this.s.bucket.all(b) as number[]) if (s !== seq) add(s, 4, true);
    const from = addDays(f.day, -STORY_WINDOW_DAYS);
    const to = addDays(f.day, STORY_WINDOW_DAYS);
    for (const [k] of top(w.entities, LOOKUP_KEYS)) for (const s of this.s.byEntity.all(k, from, to, seq) as number[]) add(s, 1);
    for (const [t] of top(w.terms, LOOKUP_KEYS)) for (const s of this.s.byTerm.all(t, from, to, seq) as number[]) add(s, 1);
    const chosen = [...hits].sort((a, b) => b[1].hits - a[1].hits || b[0] - a[0]).slice(0, MAX_CANDIDATES);
    return chosen.map(([s, h]) => ({ seq: s, id: '', storyId: null, day: '', hits: h.hits, lsh: h.lsh }));
  }

  /**
   * Features of stored articles, most recently used last: successive articles in a window share candidates. An
   * article's features never change once its put is done and its story only by a merge (which updates the cache),
   * so entries stay valid until a rollback (reset()).
   */
  private readonly cache = new Map<number, Loaded>();

  /** Forget cached features (after a rolled-back transaction, whose sequence numbers will be reused). */
  reset(): void {
    this.cache.clear();
  }

  private load(seq: number): Loaded | null {
    const hit = this.cache.get(seq);
    if (hit) {
      this.cache.delete(seq);
      this.cache.set(seq, hit);
      return hit;
    }
    const r = this.s.features.get(seq) as { day: string; terms: string; entities: string; sig: Buffer | null; id: string; storyId: string | null } | undefined;
    if (!r) return null;
    const loaded: Loaded = {
      id: r.id,
      storyId: r.storyId,
      day: r.day,
      terms: new Map(Object.entries(JSON.parse(r.terms) as Record<string, number>)),
      entities: new Map(Object.entries(JSON.parse(r.entities) as Record<string, number>)),
      sig: r.sig ? sigFromBuffer(r.sig) : null,
    };
    if (loaded.storyId !== null) {
      this.cache.set(seq, loaded);
      if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    }
    return loaded;
  }
}

