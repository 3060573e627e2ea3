// The word lists of names.ts: data/surnames.txt and data/acronym-words.txt load, reject bad rows, and answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataPath } from '../../knowledge/data-files.js';
import { ACRONYM_SHAPE, companyShaped, FAMILY_NAME_SHAPE, isAcronymWord, isFamilyFirstName, isOpeningWord, isSurname, knownSurname, readWordList, SURNAME_SHAPE } from './names.js';

test('surnames.txt loads: common family names of many origins, capitalized only', () => {
  const all = readWordList(dataPath('surnames.txt'), SURNAME_SHAPE, 'a capitalized surname');
  assert.ok(all.size > 1500, String(all.size));
  for (const s of ['Patel', 'Nguyen', 'Hull', 'Kowalski', 'Okafor', 'Yamamoto', "O'Brien"]) assert.ok(isSurname(s), s);
  assert.equal(isSurname('patel'), false);
  assert.equal(isSurname('Table'), false);
});

test('acronym-words.txt loads: ordinary acronyms, matched in any case and with a possessive', () => {
  const all = readWordList(dataPath('acronym-words.txt'), ACRONYM_SHAPE, 'an acronym');
  assert.ok(all.size > 100, String(all.size));
  for (const a of ['RFP', 'DUI', 'PDF', 'CEO', "CEO's"]) assert.ok(isAcronymWord(a), a);
  for (const a of ['NATO', 'FBI', 'KHAC']) assert.equal(isAcronymWord(a), false, a);
});

test('a bad row stops loading with the file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ng-names-'));
  const f = join(dir, 'surnames.txt');
  writeFileSync(f, '# test\nPatel\nlower\n');
  assert.throws(() => readWordList(f, SURNAME_SHAPE, 'a capitalized surname'), /surnames\.txt:3: not a capitalized surname: 'lower'/);
  writeFileSync(f, 'Patel\nPATEL\n');
  assert.throws(() => readWordList(f, SURNAME_SHAPE, 'a capitalized surname'), /surnames\.txt:2: duplicate 'PATEL' \(first on line 1\)/);
});

test('known surnames come from people.tsv; opening words are common words that are not names', () => {
  assert.ok(knownSurname('Putin'));
  assert.equal(knownSurname('Zzyzx'), false);
  assert.ok(isOpeningWord('Try'));
  assert.equal(isOpeningWord('Natasha'), false);
});

test('family-first-names.txt loads: Chinese, Korean and Vietnamese family names, capitalized only', () => {
  const all = readWordList(dataPath('family-first-names.txt'), FAMILY_NAME_SHAPE, 'a capitalized family name');
  assert.ok(all.size > 100, String(all.size));
  for (const s of ['Nguyen', 'Park', 'Zhang', 'Tran', 'Choi']) assert.ok(isFamilyFirstName(s), s);
  assert.equal(isFamilyFirstName('nguyen'), false);
  assert.equal(isFamilyFirstName('Smith'), false);
  const dir = mkdtempSync(join(tmpdir(), 'ng-family-'));
  const f = join(dir, 'family-first-names.txt');
  writeFileSync(f, 'Park\nKim Lee\n');
  assert.throws(() => readWordList(f, FAMILY_NAME_SHAPE, 'a capitalized family name'), /family-first-names\.txt:2: not a capitalized family name: 'Kim Lee'/);
});

test('company-shaped words: an inner capital or a company ending, not a Mc/Mac surname', () => {
  for (const w of ['PetroVietnam', 'Safaricom', 'BlackRock', 'Zambitel']) assert.ok(companyShaped(w), w);
  for (const w of ['McDonald', 'MacArthur', 'DeSantis', 'Maria', 'Marco']) assert.equal(companyShaped(w), false, w);
});
