// A word trie for dictionary phrases: longest match at a position, with TABARI's space connector (other words may
// come between) limited to a couple of filler words.
import type { Phrase } from './text.js';

interface Node<T> {
  next: Map<string, Node<T>>;
  /** Children reached through a space connector (words may come between). */
  gapNext: Map<string, Node<T>>;
  values: T[];
}

function node<T>(): Node<T> {
  return { next: new Map(), gapNext: new Map(), values: [] };
}

export interface TrieMatch<T> {
  start: number;
  /** Exclusive end token index. */
  end: number;
  values: T[];
  /** Number of phrase words matched (longer phrases win ties in span length). */
  words: number;
}

export class PhraseTrie<T> {
  private root: Node<T> = node();
  size = 0;

  add(p: Phrase, value: T): void {
    if (!p.words.length) return;
    let n = this.root;
    p.words.forEach((w, i) => {
      const map = i > 0 && p.gap[i - 1] ? n.gapNext : n.next;
      let c = map.get(w);
      if (!c) map.set(w, (c = node()));
      n = c;
    });
    n.values.push(value);
    this.size++;
  }

  /**
   * The longest phrase starting at `tokens[start]`. `filler(i)` says whether token i may be skipped where a phrase
   * has a space connector; at most `maxGap` tokens are skipped there.
   */
  longest(tokens: string[], start: number, filler: (i: number) => boolean = () => false, maxGap = 2): TrieMatch<T> | null {
    let best: TrieMatch<T> | null = null;
    const walk = (n: Node<T>, i: number, words: number): void => {
      if (n.values.length && words > 0) {
        if (!best || i > best.end || (i === best.end && words > best.words)) best = { start, end: i, values: n.values, words };
      }
      if (i < tokens.length) {
        const c = n.next.get(tokens[i]!) ?? (n.gapNext.size ? n.gapNext.get(tokens[i]!) : undefined);
        if (c) walk(c, i + 1, words + 1);
      }
      if (n.gapNext.size) {
        for (let k = 1; k <= maxGap && i + k < tokens.length; k++) {
          if (!filler(i + k - 1)) break;
          const c = n.gapNext.get(tokens[i + k]!);
          if (c) walk(c, i + k + 1, words + 1);
        }
      }
    };
    const first = this.root.next.get(tokens[start]!);
    if (first) walk(first, start + 1, 1);
    return best;
  }
}
