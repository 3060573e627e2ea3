import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchKey, queryKeys, snippetOf } from './snippet.js';

test('matchKey: case, diacritics and common inflections fold to one key', () => {
  assert.equal(matchKey('Talks'), 'talk');
  assert.equal(matchKey('talking'), 'talk');
  assert.equal(matchKey('talked'), 'talk');
  assert.equal(matchKey('Zürich'), 'zurich');
  assert.equal(matchKey('Kremlin’s'), 'kremlin');
  assert.equal(matchKey('policies'), 'policy');
  assert.equal(matchKey('press'), 'press', 'a double s is not a plural');
  assert.equal(matchKey('is'), 'is', 'short words are left alone');
});

test('snippetOf: the window with the most query words, cut with ellipses, on one line', () => {
  const filler = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
  const text = `${filler} the envoys resumed\ntalks on a ceasefire in Geneva on Monday. ${filler}`;
  const s = snippetOf(text, queryKeys(['ceasefire', 'talk']));
  assert.match(s, /^…/);
  assert.match(s, /…$/);
  assert.match(s, /talks on a ceasefire/);
  assert.doesNotMatch(s, /\n/);
  assert.ok(s.split(' ').length <= 18, s);
});

test('snippetOf: prefers a window with both words over one word twice; phrases count word by word', () => {
  const text = 'Sanctions sanctions sanctions were discussed at length. Much later the border and the sanctions were linked.';
  const s = snippetOf(text, queryKeys(['"border sanctions"']), 6);
  assert.match(s, /border/);
  assert.match(s, /sanctions/);
});

test('snippetOf: no match gives the opening words; short text is whole, without ellipses', () => {
  assert.equal(snippetOf('A short note.', queryKeys(['absent'])), 'A short note.');
  const long = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
  assert.equal(snippetOf(long, queryKeys(['absent']), 5), 'w0 w1 w2 w3 w4…');
  assert.equal(snippetOf('', queryKeys(['x'])), '');
});

test('snippetOf: possessives, accents and word starts', () => {
  const keys = queryKeys(['kremlin', 'zurich']);
  const s = snippetOf('Talks in Zürich ended. The Kremlin’s envoy left. Antikremlin groups protested.', keys, 8);
  assert.match(s, /Zürich/);
  assert.match(s, /Kremlin’s/);
  // "Antikremlin" does not start with the query word: not a hit, so the best window is the one with both words.
  assert.ok(!s.includes('protested'), s);
});
