import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataPath } from './data-files.js';
import { givenName, givenNames, loadGivenNames } from './given-names.js';

function tmp(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ng-given-'));
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

test('our list loads with 2000+ names from many languages', () => {
  const t = givenNames();
  assert.ok(t.size >= 2000, `only ${t.size}`);
  const origins = new Set(t.all().flatMap((g) => g.origins));
  for (const o of ['en', 'es', 'pt', 'fr', 'de', 'it', 'ru', 'ar', 'fa', 'tr', 'he', 'zh', 'ja', 'ko', 'hi', 'af']) {
    assert.ok(origins.has(o), `no names tagged ${o}`);
  }
});

test('given names carry their gender', () => {
  assert.equal(givenName('Dmitry')?.gender, 'm');
  assert.equal(givenName('Maria')?.gender, 'f');
  assert.equal(givenName('Olena')?.gender, 'f');
  assert.equal(givenName('Mohammed')?.gender, 'm');
  assert.equal(givenName('Fatemeh')?.gender, 'f');
  assert.equal(givenName('Sanae')?.gender, 'f');
  assert.equal(givenName('Yitzhak')?.gender, 'm');
  assert.equal(givenName('Andrea')?.gender, 'u', 'Italian m and English f make it unisex');
  assert.equal(givenName('Taylor')?.gender, 'u');
  assert.equal(givenName('Tuesday'), null);
  assert.equal(givenName('Kremlin'), null);
});

test('transliteration variants are all listed', () => {
  for (const n of ['Dmitry', 'Dmitri', 'Dmytro', 'Muhammad', 'Mohamed', 'Mohammad', 'Oleksandr', 'Aleksandr', 'Yulia', 'Yuliia']) {
    assert.ok(givenName(n), n);
  }
});

test('the first letter must be a capital; the rest ignores case and diacritics', () => {
  assert.ok(givenName('Dmitry'));
  assert.ok(givenName('DMITRY'));
  assert.equal(givenName('dmitry'), null);
  assert.equal(givenName('will'), null);
  assert.equal(givenName('Jose')?.name, 'José');
  assert.equal(givenName('Ozgur')?.gender, 'm');
  assert.equal(givenName("Dmitry's")?.gender, 'm');
  assert.equal(givenName('Jean-Baptiste')?.gender, 'm');
  assert.equal(givenName('Marie-Noëlle')?.gender, 'f', 'an unlisted hyphenated name takes its first part');
});

test('names that are also ordinary words or places are flagged', () => {
  assert.equal(givenName('Will')?.word, true);
  assert.equal(givenName('Grace')?.word, true);
  assert.equal(givenName('Jordan')?.word, true);
  assert.equal(givenName('Dmitry')?.word, false);
});

test('a user override replaces the spellings it lists and adds new ones', () => {
  const user = tmp('mine.tsv', '# mine\nAndrea\tf\tit\t-\nZorblax|Zorblaks\tm\txx\t-\n');
  const t = loadGivenNames(dataPath('given-names.tsv'), user);
  assert.equal(t.lookup('Andrea')?.gender, 'f');
  assert.deepEqual(t.lookup('Andrea')?.origins, ['it']);
  assert.equal(t.lookup('Zorblaks')?.gender, 'm');
  assert.equal(t.size, givenNames().size + 2);
  assert.equal(givenName('Zorblax'), null, 'the default table is untouched');
});

test('bad rows are refused with the file and the line', () => {
  const cases: [string, RegExp][] = [
    ['Anna\tf\tru\n', /bad\.tsv:2: expected 4 tab-separated columns/],
    ['Anna\tx\tru\t-\n', /bad\.tsv:2: gender must be m, f or u/],
    ['anna\tf\tru\t-\n', /bad\.tsv:2: 'anna' is not a capitalized name/],
    ['Anna\tf\tru\tcommon\n', /bad\.tsv:2: unknown flag 'common'/],
  ];
  for (const [body, re] of cases) {
    const f = tmp('bad.tsv', '# header\n' + body);
    assert.throws(() => loadGivenNames(f), re, body);
  }
});
