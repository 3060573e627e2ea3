import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAnnotated, readSentences } from './ner-news.js';
import { isNameMention } from './spans.js';

test('parseAnnotated gives plain text and gold offsets into it', () => {
  const { text, gold } = parseAnnotated("German Chancellor [PER Olaf Scholz] met [ORG NATO] leaders in [LOC Vilnius], [LOC Lithuania]'s capital.");
  assert.equal(text, "German Chancellor Olaf Scholz met NATO leaders in Vilnius, Lithuania's capital.");
  assert.deepEqual(gold, [
    { start: 18, end: 29, tag: 'PER' },
    { start: 34, end: 38, tag: 'ORG' },
    { start: 50, end: 57, tag: 'LOC' },
    { start: 59, end: 68, tag: 'LOC' },
  ]);
  assert.deepEqual(gold.map((g) => text.slice(g.start, g.end)), ['Olaf Scholz', 'NATO', 'Vilnius', 'Lithuania']);
});

test('parseAnnotated handles spans at the start and end, and datelines', () => {
  const { text, gold } = parseAnnotated('[LOC KYIV], [LOC Ukraine] ([ORG AP]) — [PER Zelenskiy] spoke in [LOC Lviv]');
  assert.equal(text, 'KYIV, Ukraine (AP) — Zelenskiy spoke in Lviv');
  assert.deepEqual(gold.map((g) => [g.tag, text.slice(g.start, g.end)]), [['LOC', 'KYIV'], ['LOC', 'Ukraine'], ['ORG', 'AP'], ['PER', 'Zelenskiy'], ['LOC', 'Lviv']]);
  assert.equal(gold.at(-1)!.end, text.length);
  assert.equal(gold[0]!.start, 0);
});

test('parseAnnotated refuses malformed annotations', () => {
  assert.throws(() => parseAnnotated('[MISC World Cup] final'), /does not open/);
  assert.throws(() => parseAnnotated('[PER Olaf [LOC Berlin]]'), /nested/);
  assert.throws(() => parseAnnotated('[ORG NATO met'), /unclosed ORG/);
  assert.throws(() => parseAnnotated('NATO] met'), /without an annotation/);
  assert.throws(() => parseAnnotated('[LOC Paris ] is'), /space-padded/);
});

test('readSentences skips comments and blank lines and names the bad line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ner-news-'));
  const f = join(dir, 's.txt');
  writeFileSync(f, '# comment\n\n[LOC Paris] is big.\n[ORG EU said\n');
  assert.throws(() => readSentences(f), /s\.txt:4: unclosed ORG/);
  writeFileSync(f, '# comment\n\n[LOC Paris] is big.\n');
  assert.deepEqual(readSentences(f), [{ line: 3, text: 'Paris is big.', gold: [{ start: 0, end: 5, tag: 'LOC' }] }]);
});

test('isNameMention: pronouns and determiner + common-noun nominals are not names; "The Hague" is', () => {
  for (const t of ['he', 'Her', 'himself', 'the minister', 'The spokesman', 'his envoy']) assert.equal(isNameMention(t), false, t);
  for (const t of ['The Hague', 'Hezbollah', 'Theresa May', 'Shell', 'Helsinki']) assert.equal(isNameMention(t), true, t);
});
