// How related two articles are: TF-IDF cosine of their title + lead terms and rarity-weighted cosine of their
// significant entities, blended; MinHash Jaccard for near-duplicates. Thresholds tuned on the demo corpus
// (demo/manifest.json `story`), see src/link/link.test.ts.
import { jaccardEstimate, NEAR_DUPLICATE, type LinkFeatures } from './features.js';

/** Articles within this many days of each other (published day, else ingest day) can share a story. */
export const STORY_WINDOW_DAYS = 10;
/**
 * The tuned parameters (tuned on the demo corpus; see src/link/link.test.ts). Exported as one object so a tuning
 * script can sweep them; the store reads them at every put.
 */
export const LINK_PARAMS = {
  /** A story's score (its best member's decayed pair score, plus storyBonus × the others') to join it. */
  storyThreshold: 0.22,
  /**
   * A story score at or above which an article that joins one story also merges another into it (a near-duplicate
   * member of the other story always does). Stricter than storyThreshold: a merge moves a whole story and is never
   * undone, and an article is often related to a neighbouring story at about the join level (a follow-on event:
   * talks after an attack, protests over the border closure it caused score 0.17–0.21 with it on the demo and
   * contract corpora). 0.35 is as related as a typical follow-up to its own story (0.38–0.54 there), well above
   * every cross-story score seen; link.test.ts shows that near 0.18 the demo's distinct stories would merge.
   */
  mergeThreshold: 0.35,
  /** A decayed pair score at or above which two articles are remembered as related (for "what to read next"). */
  relatedThreshold: 0.06,
  /** Weight of the entity cosine in the blend (the rest is the term cosine). */
  entityWeight: 0.4,
  /** Pair scores decay with the days between the articles: score · exp(−days / decayDays). */
  decayDays: 10,
  /** Weight of the other members' scores in a story's score (0: the best pair alone). */
  storyBonus: 0.2,
  /**
   * Pseudo-documents that contain no term: a prior that keeps idf meaningful while the store is nearly empty
   * (with 3 articles every shared word would otherwise look common). Its weight fades as articles arrive.
   */
  priorDocs: 50,
};

/** The pair score decayed by the days between two articles. */
export function decayed(score: number, days: number): number {
  return score * Math.exp(-Math.abs(days) / LINK_PARAMS.decayDays);
}

/** Document frequencies as the store knows them now, the new article included. */
export interface CorpusStats {
  articles: number;
  termDf: (term: string) => number;
  entityDf: (key: string) => number;
}

export function idf(df: number, n: number): number {
  return Math.max(0, Math.log((n + LINK_PARAMS.priorDocs + 1) / (Math.max(df, 1) + 0.5)));
}

export type Vector = Map<string, number>;

export function weigh(counts: Record<string, number>, df: (k: string) => number, n: number): Vector {
  const v: Vector = new Map();
  for (const [k, c] of Object.entries(counts)) {
    const w = (1 + Math.log(Math.max(c, 1))) * idf(df(k), n);
    if (w > 0) v.set(k, w);
  }
  return v;
}

export function cosine(a: Vector, b: Vector): number {
  if (a.size === 0 || b.size === 0) return 0;
  let dot = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const [k, w] of small) {
    const x = big.get(k);
    if (x !== undefined) dot += w * x;
  }
  if (dot === 0) return 0;
  let na = 0;
  let nb = 0;
  for (const w of a.values()) na += w * w;
  for (const w of b.values()) nb += w * w;
  return dot / Math.sqrt(na * nb);
}

export interface PairScore {
  score: number;
  entities: number;
  terms: number;
  /** Estimated Jaccard of word shingles (0 when either has no text). */
  jaccard: number;
  nearDuplicate: boolean;
}

/** Weighted vectors of an article, computed once per link step. */
export interface Weighted {
  terms: Vector;
  entities: Vector;
  sig: Uint32Array | null;
}

export function weighted(f: LinkFeatures, stats: CorpusStats): Weighted {
  return {
    terms: weigh(f.terms, stats.termDf, stats.articles),
    entities: weigh(f.entities, stats.entityDf, stats.articles),
    sig: f.sig,
  };
}

export function pairScore(a: Weighted, b: Weighted): PairScore {
  const jaccard = a.sig && b.sig ? jaccardEstimate(a.sig, b.sig) : 0;
  const nearDuplicate = jaccard >= NEAR_DUPLICATE;
  const entities = cosine(a.entities, b.entities);
  const terms = cosine(a.terms, b.terms);
  const blended = LINK_PARAMS.entityWeight * entities + (1 - LINK_PARAMS.entityWeight) * terms;
  return { score: nearDuplicate ? Math.max(1, blended) : blended, entities, terms, jaccard, nearDuplicate };
}
