// The store-independent half of story linking: the bounds both linkers share, the stored form of a vector, and the
// choice of a story among scored candidates (and of the other stories an article bridges, merged into it). The SQLite
// and PostgreSQL linkers only differ in how they read and write the link tables.
import { jaccardEstimate, NEAR_DUPLICATE } from './features.js';
import { decayed, LINK_PARAMS, pairScore, STORY_WINDOW_DAYS, type Vector, type Weighted } from './score.js';

/** Keys (entities, terms) of the new article used to look candidates up. */
export const LOOKUP_KEYS = 6;
/** Rows read per looked-up key (the most recent within the window). */
export const PER_KEY = 24;
/** Candidates scored per new article. */
export const MAX_CANDIDATES = 32;
/** Terms and entities kept in an article's stored vector. */
export const VECTOR_SIZE = 40;
/** Strongest terms put in the candidate index. */
export const INDEXED_TERMS = 10;
/** Related pairs remembered per new article. */
export const LINKS_PER_ARTICLE = 10;
/** Articles whose features stay cached in memory. */
export const CACHE_SIZE = 10_000;
/** Members of an LSH bucket read per band. */
export const PER_BUCKET = 20;

export interface LinkResult {
  storyId: string;
  /** The article whose story it joined (its near-duplicate or best candidate), or null for a new story. */
  via: string | null;
  nearDuplicate: boolean;
  score: number;
  /** Stories merged into storyId because this article bridged them (their ids now resolve to storyId). */
  merged: string[];
}

export interface Candidate {
  seq: number;
  id: string;
  storyId: string | null;
  day: string;
  hits: number;
  lsh: boolean;
}

/** A candidate's stored features, as a linker loads them. */
export type Loaded = Weighted & { id: string; storyId: string | null; day: string };

export interface ScoredCandidate {
  c: Candidate;
  score: number;
  dup: boolean;
}

export function top(v: Vector, n: number): [string, number][] {
  return [...v].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
}

/** A vector kept to its n strongest entries, unit length (so later cosines need no norms of the stored side). */
export function stored(v: Vector, n: number): Record<string, number> {
  const t = top(v, n);
  const norm = Math.sqrt(t.reduce((s, [, w]) => s + w * w, 0)) || 1;
  const out: Record<string, number> = {};
  for (const [k, w] of t) out[k] = Math.round((w / norm) * 1e5) / 1e5;
  return out;
}

export interface StoryChoice {
  best: ScoredCandidate | null;
  /** Every scored pair, best first. */
  scored: ScoredCandidate[];
  /**
   * Other stories the article also strongly belongs to (a near-duplicate member, or a story score at or above
   * mergeThreshold): they are one story with best's, and the linker merges them. Sorted, never best's own story.
   */
  merge: string[];
  /** Each candidate story's score (a near-duplicate member counts as 1), for diagnostics and tests. */
  storyScores: Map<string, number>;
}

/**
 * Scores the candidates of a new article (weighted vectors `w`, day `day`) and picks its story: the story of the
 * closest near-duplicate, else the story of the best-scoring member in the window (its decayed pair score, plus
 * storyBonus times the other members' scores) above storyThreshold, else none. Also returns every scored pair and
 * the other stories to merge into the chosen one.
 */
export function chooseStory(
  w: Weighted,
  day: string,
  candidates: Omit<Candidate, 'id' | 'storyId' | 'day'>[],
  load: (seq: number) => Loaded | null | undefined,
): StoryChoice {
  let dup: { c: Candidate; jaccard: number } | null = null;
  const dupStories = new Set<string>();
  const stories = new Map<string, { score: number; sum: number; via: Candidate; sigs: Uint32Array[] }>();
  const scored: ScoredCandidate[] = [];
  for (const cand of candidates) {
    const other = load(cand.seq);
    if (!other) continue;
    const c: Candidate = { ...cand, id: other.id, storyId: other.storyId, day: other.day };
    const p = pairScore(w, other);
    const days = (Date.parse(c.day) - Date.parse(day)) / 86_400_000;
    if (!p.nearDuplicate && !(Math.abs(days) <= STORY_WINDOW_DAYS)) continue;
    const score = p.nearDuplicate ? p.score : decayed(p.score, days);
    scored.push({ c, score, dup: p.nearDuplicate });
    if (!c.storyId) continue;
    if (p.nearDuplicate) {
      dupStories.add(c.storyId);
      if (!dup || p.jaccard > dup.jaccard) dup = { c, jaccard: p.jaccard };
      continue;
    }
    // A republished copy of a member already counted is not more evidence: it counts once.
    const st = stories.get(c.storyId);
    if (!st) stories.set(c.storyId, { score, sum: score, via: c, sigs: other.sig ? [other.sig] : [] });
    else {
      const copy = other.sig !== null && st.sigs.some((x) => jaccardEstimate(x, other.sig!) >= NEAR_DUPLICATE);
      if (other.sig) st.sigs.push(other.sig);
      if (copy) {
        if (score > st.score) {
          st.sum += score - st.score;
          st.score = score;
          st.via = c;
        }
        continue;
      }
      st.sum += score;
      if (score > st.score) {
        st.score = score;
        st.via = c;
      }
    }
  }
  const storyScores = new Map<string, number>();
  for (const [id, st] of stories) storyScores.set(id, st.score + LINK_PARAMS.storyBonus * (st.sum - st.score));
  for (const id of dupStories) storyScores.set(id, 1);
  let best: ScoredCandidate | null = dup ? { c: dup.c, score: 1, dup: true } : null;
  if (!best) {
    for (const [id, st] of stories) {
      const score = storyScores.get(id)!;
      if (score >= LINK_PARAMS.storyThreshold && (!best || score > best.score)) best = { c: st.via, score, dup: false };
    }
  }
  // mergeThreshold > storyThreshold, so a story to merge always leaves a best to merge it into.
  const merge = best
    ? [...storyScores].filter(([id, score]) => id !== best.c.storyId && score >= LINK_PARAMS.mergeThreshold).map(([id]) => id).sort()
    : [];
  scored.sort((a, b) => b.score - a.score || a.c.seq - b.c.seq);
  return { best, scored, merge, storyScores };
}

/** What a merge needs to know of each story involved: its size and the seq of the article that founded it. */
export interface MergingStory {
  id: string;
  size: number;
  /** The founding article's seq (a story's id is its first article's id): the lower, the older. */
  seq: number;
}

/**
 * The stories an article bridges, merged: the largest survives and keeps its id (tie: the older), so most
 * readers' links stay put; the title is the oldest story's, the one a link made from the start would have kept.
 */
export function planMerge(stories: MergingStory[]): { into: string; from: string[]; titleOf: string } {
  const bySize = [...stories].sort((a, b) => b.size - a.size || a.seq - b.seq);
  const oldest = [...stories].sort((a, b) => a.seq - b.seq)[0]!;
  return { into: bySize[0]!.id, from: bySize.slice(1).map((s) => s.id), titleOf: oldest.id };
}
