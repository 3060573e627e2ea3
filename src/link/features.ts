// What story linking knows of an article: a MinHash signature of its text (near-duplicates), the TF of the terms of
// its title and lead paragraphs (TF-IDF cosine), its significant entities (people, organizations, places) and its day.
// Pure functions, no storage: every Store implementation computes the same features and the same scores.
import type { Doc, Entity } from '../model.js';
import { STOPWORDS } from './stopwords.js';

/** Entity types that identify a story: people, organizations, places. */
export const SIGNIFICANT_TYPES: ReadonlySet<string> = new Set(['person', 'organization', 'location', 'facility']);

/** The entity key the store and the API use: `type:lower-case name` (whitespace collapsed). */
export function entityKey(e: Pick<Entity, 'type' | 'name'>): string {
  return `${e.type}:${e.name.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase()}`;
}

/** Lower-case word tokens (letters and digits, inner apostrophes and hyphens kept). */
export function words(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

// --- MinHash over word shingles -------------------------------------------------------------------------------

export const SHINGLE = 5;
export const MINHASH_PERMS = 64;
/** LSH banding: 16 bands of 4 rows; a pair with Jaccard s shares a band with probability 1-(1-s^4)^16 (0.7 ⇒ 0.98). */
export const LSH_BANDS = 16;
export const LSH_ROWS = MINHASH_PERMS / LSH_BANDS;
/** Estimated Jaccard similarity of word shingles at or above which two articles are the same copy. */
export const NEAR_DUPLICATE = 0.7;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's 32-bit finalizer: a cheap, well-mixing permutation of 32-bit integers. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS: Uint32Array = (() => {
  const s = new Uint32Array(MINHASH_PERMS);
  let x = 0x9e3779b9;
  for (let i = 0; i < s.length; i++) {
    x = fmix32((x + 0x6d2b79f5) >>> 0);
    s[i] = x;
  }
  return s;
})();

/** Hashes of the k-word shingles of a text (a short text is one shingle). */
export function shingleHashes(text: string, k = SHINGLE): Set<number> {
  const w = words(text);
  const out = new Set<number>();
  if (w.length === 0) return out;
  if (w.length < k) out.add(fnv1a(w.join(' ')));
  for (let i = 0; i + k <= w.length; i++) out.add(fnv1a(w.slice(i, i + k).join(' ')));
  return out;
}

/** The MinHash signature of a text, or null when it has no words. */
export function minhash(text: string): Uint32Array | null {
  const sh = shingleHashes(text);
  if (sh.size === 0) return null;
  const sig = new Uint32Array(MINHASH_PERMS).fill(0xffffffff);
  for (const h of sh) {
    for (let i = 0; i < MINHASH_PERMS; i++) {
      const v = fmix32((h ^ SEEDS[i]!) >>> 0);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** The LSH bucket of each band, as one non-negative integer (band in the high bits), safe as an SQL INTEGER. */
export function lshBuckets(sig: Uint32Array): number[] {
  const out: number[] = [];
  for (let b = 0; b < LSH_BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < LSH_ROWS; r++) h = fmix32((Math.imul(h, 0x01000193) ^ sig[b * LSH_ROWS + r]!) >>> 0);
    out.push(b * 2 ** 32 + h);
  }
  return out;
}

export function jaccardEstimate(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < MINHASH_PERMS; i++) if (a[i] === b[i]) same++;
  return same / MINHASH_PERMS;
}

export function sigToBuffer(sig: Uint32Array): Buffer {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
}

export function sigFromBuffer(buf: Buffer | Uint8Array): Uint32Array {
  const copy = new Uint8Array(buf.byteLength);
  copy.set(buf);
  return new Uint32Array(copy.buffer);
}

// --- terms and entities ---------------------------------------------------------------------------------------

/** Paragraphs of the body that count as the lead. */
export const LEAD_PARAGRAPHS = 3;

/** A crude plural fold, enough to meet "protest"/"protests", "talk"/"talks". */
function fold(w: string): string {
  const t = w.replace(/['’]s$/, '');
  if (t.length > 4 && t.endsWith('ies')) return t.slice(0, -3) + 'y';
  if (t.length > 3 && t.endsWith('s') && !/(ss|us|is)$/.test(t)) return t.slice(0, -1);
  return t;
}

/** Term frequencies of the title (counted twice) and the lead paragraphs; stopwords, numbers and short words dropped. */
export function leadTerms(doc: Doc): Record<string, number> {
  const a = doc.article;
  const lead = a.paragraphs.slice(0, LEAD_PARAGRAPHS).map((p) => a.text.slice(p.start, p.end));
  if (lead.length === 0 && a.text) lead.push(a.text.slice(0, 1200));
  const tf: Record<string, number> = Object.create(null);
  const add = (text: string, weight: number) => {
    for (const w of words(text)) {
      if (w.length < 3 || /^\d/.test(w) || STOPWORDS.has(w)) continue;
      const t = fold(w);
      if (STOPWORDS.has(t)) continue;
      tf[t] = (tf[t] ?? 0) + weight;
    }
  };
  add(a.title ?? '', 2);
  for (const p of lead) add(p, 1);
  return tf;
}

/** Significant entities of a document: key → mentions (at least 1), merged by key. */
export function significantEntities(doc: Doc): Record<string, number> {
  const out: Record<string, number> = Object.create(null);
  for (const e of doc.entities ?? []) {
    if (!SIGNIFICANT_TYPES.has(e.type) || !e.name?.trim()) continue;
    const k = entityKey(e);
    out[k] = (out[k] ?? 0) + Math.max(1, e.mentions?.length ?? 0);
  }
  return out;
}

/** The day linking dates an article by: its published day, else the day it was ingested (YYYY-MM-DD). */
export function linkDay(published: string | null | undefined, ingestedAt: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(published?.trim() ?? '');
  return m ? m[1]! : ingestedAt.slice(0, 10);
}

/** A YYYY-MM-DD day moved by n days. */
export function addDays(day: string, n: number): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(t)) return day;
  return new Date(t + n * 86_400_000).toISOString().slice(0, 10);
}

export interface LinkFeatures {
  day: string;
  terms: Record<string, number>;
  entities: Record<string, number>;
  sig: Uint32Array | null;
}

export function linkFeatures(doc: Doc, ingestedAt: string): LinkFeatures {
  return {
    day: linkDay(doc.article.published, ingestedAt),
    terms: leadTerms(doc),
    entities: significantEntities(doc),
    sig: minhash(doc.article.text),
  };
}
