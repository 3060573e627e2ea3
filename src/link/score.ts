// How related two articles are: TF-IDF cosine of their title + lead terms and rarity-weighted cosine of their
// significant entities, blended; MinHash Jaccard for near-duplicates. Thresholds tuned on the demo corpus
// (demo/manifest.json `story`), see src/link/link.test.ts.
import { jaccardEstimate, NEAR_DUPLICATE, type LinkFeatures } from './features.js';

/** Articles within this many days of each other (published day, else ingest day) can share a story. */
export const STORY_WINDOW_DAYS = 10;
/** A blended score at or above which an article joins the candidate's story. */
export const STORY_THRESHOLD = 0.3;
/** A blended score at or above which two articles are remembered as related (for "what to read next"). */
export const RELATED_THRESHOLD = 0.12;
/** Weight of the entity cosine in the blend (the rest is the term cosine). */
export const ENTITY_WEIGHT = 0.5;
/**
 * Pseudo-documents that contain no term: a prior that keeps idf meaningful while the store is nearly empty
 * (with 3 articles every shared word would otherwise look common). Its weight fades as articles arrive.
 */
export const PRIOR_DOCS = 50;

/** Document frequencies as the store knows them now, the new article included. */
export interface CorpusStats {
  articles: number;
  termDf: (term: string) => number;
  entityDf: (key: string) => number;
}

export function idf(df: number, n: number): number {
  return Math.max(0, Math.log((n + PRIOR_DOCS + 1) / (Math.max(df, 1) + 0.5)));
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
  const blended = ENTITY_WEIGHT * entities + (1 - ENTITY_WEIGHT) * terms;
  return { score: nearDuplicate ? Math.max(1, blended) : blended, entities, terms, jaccard, nearDuplicate };
}
