import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { testDoc } from './contract.js';
import { SqliteStore } from './sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-search-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const article = (i: number, words: string) =>
  testDoc({ title: `Report ${i}`, published: '2026-03-0' + ((i % 9) + 1), paragraphs: [`Officials discussed ${words} on day ${i}.`] });

test('search cache: a write by this store or by another process is seen by the next search and its facets', async () => {
  const path = join(dir, 'cache.db');
  const a = new SqliteStore(path);
  const b = new SqliteStore(path); // another connection, as another process would hold
  try {
    await a.putMany([article(1, 'the ceasefire'), article(2, 'the harvest')]);
    const first = await a.searchArticles({ q: 'ceasefire' });
    assert.equal(first.total, 1);
    assert.deepEqual((await a.facets({ q: 'ceasefire' })).sources.reduce((n, s) => n + s.count, 0), 1);
    // The same query again, paged differently, answers from the cache with the same total.
    assert.equal((await a.searchArticles({ q: 'ceasefire', offset: 1 })).items.length, 0);

    await b.put(article(3, 'a ceasefire'));
    const afterOther = await a.searchArticles({ q: 'ceasefire' });
    assert.equal(afterOther.total, 2, 'a commit by another connection invalidates the cache');
    assert.equal((await a.facets({ q: 'ceasefire' })).sources.reduce((n, s) => n + s.count, 0), 2);

    await a.put(article(4, 'the ceasefire again'));
    assert.equal((await a.searchArticles({ q: 'ceasefire' })).total, 3, "this store's own write invalidates the cache");
  } finally {
    await a.close();
    await b.close();
  }
});

test('search: snippets show the matched words of the page hits', async () => {
  const s = new SqliteStore(':memory:');
  try {
    const filler = Array.from({ length: 50 }, (_, i) => `filler${i}`).join(' ');
    await s.put(testDoc({ title: 'Border talks', paragraphs: [`${filler} negotiators met at the border crossing. ${filler}`] }));
    const r = await s.searchArticles({ q: 'crossing' });
    assert.equal(r.items.length, 1);
    assert.match(r.items[0]!.snippet, /^….*border crossing.*…$/);
  } finally {
    await s.close();
  }
});
