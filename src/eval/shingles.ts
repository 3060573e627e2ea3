// Body-text agreement as F1 over word 4-gram shingles (multiset: repeated shingles count as often as they occur).
// Words are runs of letters and digits (\p{L}\p{N}), lower-cased.

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Multiset of n-word shingles; a text shorter than n words is one shingle of all its words. */
export function shingles(text: string, n = 4): Map<string, number> {
  const w = words(text);
  const out = new Map<string, number>();
  if (!w.length) return out;
  if (w.length < n) {
    out.set(w.join(' '), 1);
    return out;
  }
  for (let i = 0; i + n <= w.length; i++) {
    const k = w.slice(i, i + n).join(' ');
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 of a predicted text against a reference text over multiset shingles. */
export function shingleF1(predicted: string, reference: string, n = 4): Prf {
  const p = shingles(predicted, n);
  const r = shingles(reference, n);
  let np = 0;
  let nr = 0;
  for (const c of p.values()) np += c;
  for (const c of r.values()) nr += c;
  if (!np && !nr) return { precision: 1, recall: 1, f1: 1 };
  if (!np || !nr) return { precision: 0, recall: 0, f1: 0 };
  let overlap = 0;
  for (const [k, c] of p) {
    const o = r.get(k);
    if (o) overlap += Math.min(c, o);
  }
  const precision = overlap / np;
  const recall = overlap / nr;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
