import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shingleF1, shingles, words } from './shingles.js';

test('words are lower-cased letter/digit runs', () => {
  assert.deepEqual(words("Hello, World! It's 2024 — Zürich"), ['hello', 'world', 'it', 's', '2024', 'zürich']);
});

test('identical texts score 1, disjoint texts 0', () => {
  const a = 'the quick brown fox jumps over the lazy dog';
  assert.equal(shingleF1(a, a).f1, 1);
  assert.equal(shingleF1(a, 'completely different words appear in this other sentence').f1, 0);
});

test('multiset counting: a repeated paragraph is not free', () => {
  const a = 'one two three four five';
  const r = shingleF1(`${a} ${a}`, a);
  assert.equal(r.recall, 1);
  assert.ok(r.precision < 0.5, `precision ${r.precision}`);
  assert.equal(shingles(`${a} ${a}`).get('one two three four'), 2);
});

test('partial overlap gives the expected precision and recall', () => {
  // reference: 7 words -> 4 shingles; predicted: the first 5 words -> 2 shingles, both in the reference
  const r = shingleF1('a b c d e', 'a b c d e f g');
  assert.equal(r.precision, 1);
  assert.equal(r.recall, 0.5);
  assert.ok(Math.abs(r.f1 - 2 / 3) < 1e-9);
});

test('empty inputs', () => {
  assert.equal(shingleF1('', '').f1, 1);
  assert.equal(shingleF1('some words here now', '').f1, 0);
  assert.equal(shingleF1('', 'some words here now').f1, 0);
});
