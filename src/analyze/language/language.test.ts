import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences, tokenize } from './index.js';

const words = (s: string) => tokenize(s).map((t) => t.text);
const sents = (s: string) => splitSentences(s, tokenize(s)).map((x) => s.slice(x.start, x.end));

test('tokens keep offsets and handle news forms', () => {
  assert.deepEqual(words("Trump's envoy met the U.S. team in al-Qaim."), ['Trump', "'s", 'envoy', 'met', 'the', 'U.S.', 'team', 'in', 'al-Qaim', '.']);
  assert.deepEqual(words('“Don’t,” he said; 3,000 troops on 25th.'), ['“', 'Don’t', ',', '”', 'he', 'said', ';', '3,000', 'troops', 'on', '25th', '.']);
  const s = 'Zelenskiy’s aide';
  for (const t of tokenize(s)) assert.equal(s.slice(t.start, t.end), t.text);
  const [a, b] = tokenize('Kremlin NATO');
  assert.equal(a!.cap && !a!.upper, true);
  assert.equal(b!.upper, true);
});

test('sentences split on terminal punctuation but not abbreviations or initials', () => {
  assert.deepEqual(sents('Mr. Smith met Gen. Jones on Jan. 5. They talked.'), ['Mr. Smith met Gen. Jones on Jan. 5.', 'They talked.']);
  assert.deepEqual(sents('John F. Kennedy spoke. It rained.'), ['John F. Kennedy spoke.', 'It rained.']);
  assert.deepEqual(sents('"SUCCESS seems to be in the future!" Trump wrote. There was no comment.'), ['"SUCCESS seems to be in the future!" Trump wrote.', 'There was no comment.']);
  assert.deepEqual(sents('"Is it over?" she asked.'), ['"Is it over?" she asked.'], 'a quoted question followed by lower case goes on');
});

test('sentences never cross paragraph breaks', () => {
  assert.deepEqual(sents('A title without a stop\n\nNext paragraph here.'), ['A title without a stop', 'Next paragraph here.']);
});
