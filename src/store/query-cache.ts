// The search caches of both stores: what one query (its text and filters, not its page) found, kept while the store
// is unchanged. Entries are emptied when the store's version moves, dropped after `ttlMs`, and the least recently
// used is evicted beyond `size`.

export class QueryCache<V> {
  private readonly entries = new Map<string, { at: number; value: V }>();
  private version: unknown = undefined;

  constructor(
    private readonly fresh: () => V,
    private readonly size = 256,
    private readonly ttlMs = Infinity,
  ) {}

  /** The entry of `key` (a new one if absent, expired or from an older `version`), marked most recently used. */
  entry(key: string, version: unknown): V {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const now = Date.now();
    let e = this.entries.get(key);
    // Map keeps insertion order: re-inserting moves an entry to the end, so the first key is the least recently used.
    if (e) this.entries.delete(key);
    if (!e || now - e.at >= this.ttlMs) {
      e = { at: now, value: this.fresh() };
      if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, e);
    return e.value;
  }
}
