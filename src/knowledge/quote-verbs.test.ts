import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cueVerb, loadQuoteVerbs } from './quote-verbs.js';

test('cue verbs and their inflections', () => {
  assert.equal(cueVerb('said')?.base, 'say');
  assert.equal(cueVerb('told')?.base, 'tell');
  assert.equal(cueVerb('complained')?.base, 'complain');
  assert.equal(cueVerb('denies')?.base, 'deny');
  assert.equal(cueVerb('wrote')?.base, 'write');
  assert.equal(cueVerb('Continued')?.directOnly, true);
  assert.equal(cueVerb('comment'), null, '"no comment" is not a quote cue');
  assert.equal(cueVerb('met'), null);
});

test('a bad line is refused naming the file and line', () => {
  const f = join(mkdtempSync(join(tmpdir(), 'ng-qv-')), 'v.txt');
  writeFileSync(f, 'say\nSpeak Up\n');
  assert.throws(() => loadQuoteVerbs(f), /v\.txt:2: a cue verb must be one lower-case word/);
});
