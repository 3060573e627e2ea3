// Story linking for the PostgreSQL store: the same algorithm as link/sqlite.ts (candidates from indexes only, at
// most MAX_CANDIDATES scored, join the story of the near-duplicate or best candidate, else a new story), as SQL for
// PostgreSQL. Runs inside the put transaction, on its client, while it holds the store's write lock: linking must
// see every article stored before it (so two near-duplicates stored at once by two workers end in one story), and
// the lock is held until commit. So this part is kept to two statements: one read of everything linking needs
// (counts, lookup keys, candidates with their stored features and their story's size and age) and one write of
// everything it decides (merging the stories the article bridges included, so a merge is as atomic as a join).
import { pgJson, type PgQuery } from './postgres-schema.js';
import type { Doc } from '../model.js';
import { addDays, linkFeatures, lshBuckets, sigFromBuffer, sigToBuffer } from '../link/features.js';
import { LINK_PARAMS, STORY_WINDOW_DAYS, weighted, type CorpusStats } from '../link/score.js';
import {
  chooseStory, INDEXED_TERMS, LINKS_PER_ARTICLE, LOOKUP_KEYS, MAX_CANDIDATES, PER_BUCKET, PER_KEY, planMerge, stored, top,
  VECTOR_SIZE, type Candidate, type LinkResult, type Loaded, type MergingStory,
} from '../link/choose.js';
import { ENTITY_UPSERT, entityArrays } from './postgres-annotations.js';

/** A TF-IDF weight as score.ts computes it (weigh, idf): count `u.c`, document frequency DF, articles `n.n`, prior $12. */
const WEIGHT = '(1 + ln(greatest(u.c, 1))) * greatest(0, ln((n.n + $12::float8 + 1) / (greatest(coalesce(DF, 0), 1) + 0.5)))';

/**
 * Everything linking reads, in one statement (each round trip under the lock costs a wake-up of this process):
 * - the counts it weighs by, with this article counted: its entities upserted (their article counts are the entity
 *   document frequencies), its terms' document frequencies bumped, and the number of linked articles (max seq + 1);
 * - its lookup keys: its LOOKUP_KEYS strongest entities and terms by those weights (as top() in JS picks them);
 * - the MAX_CANDIDATES best candidate articles with their stored features: per LSH band at most PER_BUCKET members
 *   (by seq, as SQLite's primary-key order), 4 hits each; per lookup key the PER_KEY most recent in the window,
 *   1 hit each; ranked by hits, then the most recent.
 */
const LOOKUP = `
  WITH ent AS (${ENTITY_UPSERT}),
  df AS (
    INSERT INTO term_df (term, df) SELECT t, 1 FROM unnest($8::text[]) WITH ORDINALITY AS u(t, i) ORDER BY u.i
    ON CONFLICT (term) DO UPDATE SET df = term_df.df + 1 RETURNING term, df
  ),
  n AS (SELECT coalesce(max(article_seq), 0) + 1 AS n FROM link_features),
  tk AS (
    SELECT u.k FROM unnest($8::text[], $9::float8[]) AS u(k, c) CROSS JOIN n LEFT JOIN df ON df.term = u.k
     WHERE ${WEIGHT.replace('DF', 'df.df')} > 0 ORDER BY ${WEIGHT.replace('DF', 'df.df')} DESC, u.k COLLATE "C" LIMIT ${LOOKUP_KEYS}
  ),
  ek AS (
    SELECT u.k FROM unnest($10::text[], $11::float8[]) AS u(k, c) CROSS JOIN n LEFT JOIN ent ON ent.key = u.k
     WHERE ${WEIGHT.replace('DF', 'ent.articles')} > 0 ORDER BY ${WEIGHT.replace('DF', 'ent.articles')} DESC, u.k COLLATE "C" LIMIT ${LOOKUP_KEYS}
  ),
  hit AS (
    SELECT l.article_seq AS s, 4 AS n, true AS lsh FROM unnest($13::bigint[]) AS b(bucket)
      CROSS JOIN LATERAL (SELECT article_seq FROM lsh WHERE lsh.bucket = b.bucket ORDER BY article_seq LIMIT ${PER_BUCKET}) l
    UNION ALL
    SELECT x.article_seq, 1, false FROM ek
      CROSS JOIN LATERAL (SELECT article_seq FROM article_entities t WHERE t.key = ek.k AND t.day BETWEEN $14::text AND $15::text
                            AND t.article_seq <> $16::int ORDER BY t.day DESC, t.article_seq LIMIT ${PER_KEY}) x
    UNION ALL
    SELECT x.article_seq, 1, false FROM tk
      CROSS JOIN LATERAL (SELECT article_seq FROM article_terms t WHERE t.term = tk.k AND t.day BETWEEN $14::text AND $15::text
                            AND t.article_seq <> $16::int ORDER BY t.day DESC, t.article_seq LIMIT ${PER_KEY}) x
  ),
  best AS (
    SELECT s, sum(n)::int AS hits, bool_or(lsh) AS lsh FROM hit WHERE s <> $16::int
     GROUP BY s ORDER BY hits DESC, s DESC LIMIT ${MAX_CANDIDATES}
  ),
  cand AS (
    SELECT best.s AS seq, best.hits, best.lsh, f.day, f.terms, f.entities, encode(f.sig, 'hex') AS sig, m.id, m.story_id,
           s.size AS story_size, coalesce(o.seq, 0) AS story_seq
      FROM best JOIN link_features f ON f.article_seq = best.s JOIN article_meta m ON m.seq = best.s
      LEFT JOIN stories s ON s.id = m.story_id LEFT JOIN article_meta o ON o.id = m.story_id
  )
  SELECT (SELECT json_object_agg(key, articles) FROM ent) AS entities,
         (SELECT json_object_agg(term, df) FROM df) AS terms,
         (SELECT n FROM n)::int AS n,
         (SELECT json_agg(cand ORDER BY cand.hits DESC, cand.seq DESC) FROM cand) AS candidates`;

interface LookupRow {
  entities: Record<string, number> | null;
  terms: Record<string, number> | null;
  n: number;
  candidates: {
    seq: number; hits: number; lsh: boolean; day: string; terms: Record<string, number>; entities: Record<string, number>;
    sig: string | null; id: string; story_id: string | null; story_size: number | null; story_seq: number;
  }[] | null;
}

/**
 * Everything linking writes, in one statement: the article's features, LSH buckets and indexed terms, its scored
 * pairs (both directions), its story (a new one keyed by its own id, or the one it joins: the same upsert), and
 * its story id on article_meta. Stories it bridges ($15, usually none) are merged into that one: their sizes and
 * days are added to it (read from the statement's snapshot, before their rows are deleted), its title becomes the
 * one of story $16 (the oldest), their members move to it, and their ids are recorded as merged into it.
 */
const WRITE = `
  WITH lf AS (
    INSERT INTO link_features (article_seq, day, terms, entities, sig) VALUES ($1::int, $2::text, $3::jsonb, $4::jsonb, $5::bytea)
    ON CONFLICT (article_seq) DO UPDATE SET day = excluded.day, terms = excluded.terms, entities = excluded.entities, sig = excluded.sig
  ), ls AS (
    INSERT INTO lsh (bucket, article_seq) SELECT b, $1::int FROM unnest($6::bigint[]) AS b ON CONFLICT DO NOTHING
  ), at AS (
    INSERT INTO article_terms (term, day, article_seq) SELECT t, $2::text, $1::int FROM unnest($7::text[]) AS t ON CONFLICT DO NOTHING
  ), al AS (
    INSERT INTO article_links (a, b, score, kind)
    SELECT u.a, u.b, u.score, u.kind FROM unnest($8::int[], $9::int[], $10::float8[], $11::text[]) AS u(a, b, score, kind)
    ON CONFLICT (a, b) DO UPDATE SET score = greatest(article_links.score, excluded.score), kind = excluded.kind
  ), g AS (
    SELECT coalesce(sum(size), 0)::int AS size, min(first) AS first, max(last) AS last FROM stories WHERE id = ANY($15::text[])
  ), st AS (
    INSERT INTO stories (id, title, size, first, last, last_seq, updated_at) VALUES ($12::text, $13::text, 1, $2::text, $2::text, $1::int, $14::text)
    ON CONFLICT (id) DO UPDATE SET size = stories.size + 1 + (SELECT size FROM g),
      first = least(stories.first, excluded.first, (SELECT first FROM g)),
      last = greatest(stories.last, excluded.last, (SELECT last FROM g)), last_seq = excluded.last_seq, updated_at = excluded.updated_at,
      title = CASE WHEN $16::text IS NULL THEN stories.title ELSE (SELECT t.title FROM stories t WHERE t.id = $16::text) END
  ), sd AS (
    DELETE FROM stories WHERE id = ANY($15::text[])
  ), mv AS (
    UPDATE article_meta SET story_id = $12::text WHERE story_id = ANY($15::text[])
  ), rp AS (
    UPDATE story_merges SET into_id = $12::text WHERE into_id = ANY($15::text[])
  ), rec AS (
    INSERT INTO story_merges (from_id, into_id, merged_at) SELECT unnest($15::text[]), $12::text, $14::text
    ON CONFLICT (from_id) DO UPDATE SET into_id = excluded.into_id, merged_at = excluded.merged_at
  )
  UPDATE article_meta SET story_id = $12::text WHERE seq = $1::int`;

/** A story by id, or by the id of a story merged into it (story_merges chains are one step; longer ones are followed). */
export const STORY_BY_ID = `
  WITH RECURSIVE chain (id, n) AS (
    SELECT $1::text COLLATE "C", 0 UNION ALL SELECT m.into_id, c.n + 1 FROM story_merges m JOIN chain c ON m.from_id = c.id WHERE c.n < 32
  )
  SELECT s.* FROM chain JOIN stories s ON s.id = chain.id ORDER BY chain.n LIMIT 1`;

export class PgLinker {
  /**
   * Links a newly stored article (its own annotation rows already written, its entities not yet: they are counted
   * here) into a story. The caller holds the write lock.
   */
  async link(db: PgQuery, seq: number, id: string, doc: Doc, ingestedAt: string): Promise<LinkResult> {
    const f = linkFeatures(doc, ingestedAt);
    const terms = Object.keys(f.terms).sort();
    const entities = Object.keys(f.entities);
    const r = (await db.query<LookupRow>(LOOKUP, [
      ...entityArrays(doc), terms, terms.map((t) => f.terms[t]), entities, entities.map((k) => f.entities[k]), LINK_PARAMS.priorDocs,
      f.sig ? lshBuckets(f.sig) : [], addDays(f.day, -STORY_WINDOW_DAYS), addDays(f.day, STORY_WINDOW_DAYS), seq,
    ], 'ng_link_lookup')).rows[0]!;
    const termDf = r.terms ?? {};
    const entityDf = r.entities ?? {};
    const stats: CorpusStats = { articles: r.n, termDf: (t) => termDf[t] ?? 0, entityDf: (k) => entityDf[k] ?? 0 };
    const w = weighted(f, stats);
    const candidates: Candidate[] = [];
    const loaded = new Map<number, Loaded>();
    const storyOf = new Map<string, MergingStory>();
    for (const c of r.candidates ?? []) {
      if (c.story_id !== null && c.story_size !== null) storyOf.set(c.story_id, { id: c.story_id, size: c.story_size, seq: c.story_seq });
      candidates.push({ seq: c.seq, id: '', storyId: null, day: '', hits: c.hits, lsh: c.lsh });
      loaded.set(c.seq, {
        id: c.id, storyId: c.story_id, day: c.day,
        terms: new Map(Object.entries(c.terms)), entities: new Map(Object.entries(c.entities)),
        sig: c.sig ? sigFromBuffer(Buffer.from(c.sig, 'hex')) : null,
      });
    }
    const { best, scored, merge } = chooseStory(w, f.day, candidates, (cand) => loaded.get(cand));

    const links = { a: [] as number[], b: [] as number[], score: [] as number[], kind: [] as string[] };
    for (const s of scored.slice(0, LINKS_PER_ARTICLE)) {
      if (!s.dup && s.score < LINK_PARAMS.relatedThreshold) break;
      const kind = s.dup ? 'near-duplicate' : 'related';
      const score = Math.round(s.score * 1e4) / 1e4;
      links.a.push(seq, s.c.seq);
      links.b.push(s.c.seq, seq);
      links.score.push(score, score);
      links.kind.push(kind, kind);
    }
    let storyId = best ? best.c.storyId! : id;
    let merged: string[] = [];
    let titleOf: string | null = null;
    const bridged = best ? [storyId, ...merge].map((s) => storyOf.get(s)).filter((s) => s !== undefined) : [];
    if (bridged.length > 1) ({ into: storyId, from: merged, titleOf } = planMerge(bridged));
    await db.query(WRITE, [
      seq, f.day, pgJson(stored(w.terms, VECTOR_SIZE)), pgJson(stored(w.entities, VECTOR_SIZE)), f.sig ? sigToBuffer(f.sig) : null,
      f.sig ? lshBuckets(f.sig) : [], top(w.terms, INDEXED_TERMS).map(([t]) => t),
      links.a, links.b, links.score, links.kind,
      storyId, doc.article.title ?? null, ingestedAt, merged, titleOf,
    ], 'ng_link_write');
    return { storyId, via: best?.c.id ?? null, nearDuplicate: best?.dup ?? false, score: best?.score ?? 0, merged };
  }
}
