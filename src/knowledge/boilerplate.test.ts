import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultBoilerplate, isFurniture, loadBoilerplate } from './boilerplate.js';

test('our phrase list recognizes common furniture and nothing of the body', () => {
  for (const f of ['Load Next Story', 'Read more »', 'ADVERTISEMENT', 'Share this article', 'Subscribe to our newsletter', 'Share on Facebook, Twitter']) {
    assert.equal(isFurniture(f), true, f);
  }
  for (const b of ['The minister said more talks were needed.', 'Read more about the plan in the report, he said.', 'Advertisement spending rose 5%.']) {
    assert.equal(isFurniture(b), false, b);
  }
});

test('the default lists load, are non-trivial and every pattern compiles', () => {
  const bp = defaultBoilerplate();
  assert.ok(bp.phrases.size > 50);
  assert.ok(bp.patterns.length > 5);
});

test('a user file with a bad pattern is refused with the file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ng-bp-'));
  const phrases = join(dir, 'p.txt');
  const patterns = join(dir, 'r.txt');
  writeFileSync(phrases, '# comment\nMy Furniture\n');
  writeFileSync(patterns, 'ok pattern\n(unclosed\n');
  assert.throws(() => loadBoilerplate(phrases, patterns), /r\.txt:2: invalid pattern/);
  const bp = loadBoilerplate(phrases);
  assert.equal(isFurniture('my furniture!', bp), true);
});
