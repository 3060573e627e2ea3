import assert from 'node:assert/strict';
import { test } from 'node:test';
import { QueryCache } from './query-cache.js';

test('QueryCache: same entry while the version holds; emptied when it moves; least recently used evicted', () => {
  const c = new QueryCache(() => ({ n: 0 }), 2);
  c.entry('a', 1).n = 1;
  assert.equal(c.entry('a', 1).n, 1);
  c.entry('b', 1).n = 2;
  c.entry('a', 1); // a is now the most recently used
  c.entry('c', 1).n = 3; // evicts b
  assert.equal(c.entry('b', 1).n, 0);
  assert.equal(c.entry('a', 2).n, 0, 'a new version empties the cache');
});

test('QueryCache: entries expire after ttlMs', async () => {
  const c = new QueryCache(() => ({ n: 0 }), 8, 20);
  c.entry('a', 1).n = 5;
  assert.equal(c.entry('a', 1).n, 5);
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(c.entry('a', 1).n, 0);
});
