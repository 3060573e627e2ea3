import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countries, countryByCode, countryByDemonym } from './countries.js';
import { dataPath } from './data-files.js';
import { GROUP_KINDS, groupByWord, groups, loadGroups, setGroupOverride } from './groups.js';

function tmpFile(name: string, body: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ng-groups-')), name);
  writeFileSync(file, body);
  return file;
}

test('our file loads with 120+ groups of every kind, 3-letter codes that are not country codes', () => {
  const t = groups();
  assert.ok(t.size >= 120, `only ${t.size} groups`);
  assert.ok(t.terms().length >= 450, `only ${t.terms().length} words`);
  for (const kind of GROUP_KINDS) {
    assert.ok(t.groups.filter((g) => g.kind === kind).length >= (kind === 'political' ? 5 : 20), `too few ${kind} groups`);
  }
  for (const g of t.groups) {
    assert.match(g.code, /^[A-Z]{3}$/);
    // CAMEO actor codes are read three letters at a time: a group code must not be mistaken for a country.
    assert.equal(countryByCode(g.code), null, `${g.word}: ${g.code} is a country code`);
  }
});

test('no group word is the name or demonym of a state (those belong to countries.tsv)', () => {
  for (const { text } of groups().terms()) {
    assert.equal(countryByDemonym(text), null, `${text} is a demonym in countries.tsv`);
    assert.deepEqual(countries().allByName(text), [], `${text} is a country name`);
  }
});

test('group words and their spellings, plurals and cases find the group', () => {
  const cases: [string, string, string][] = [
    ['Shiite', 'SHI', 'religion'],
    ['Shiites', 'SHI', 'religion'],
    ['Shia', 'SHI', 'religion'],
    ["Shi'ite", 'SHI', 'religion'],
    ['Shi\u2019ite', 'SHI', 'religion'],
    ['SHIITE', 'SHI', 'religion'],
    ['Sunni', 'SUN', 'religion'],
    ['Sunnis', 'SUN', 'religion'],
    ['Muslim', 'MOS', 'religion'],
    ['Moslems', 'MOS', 'religion'],
    ['Catholic', 'CTH', 'religion'],
    ['Roman Catholics', 'CTH', 'religion'],
    ['Orthodox', 'DOX', 'religion'],
    ['Protestant', 'PRO', 'religion'],
    ['Evangelicals', 'PRO', 'religion'],
    ['Christian', 'CHR', 'religion'],
    ['Jewish', 'JEW', 'religion'],
    ['Jews', 'JEW', 'religion'],
    ['ultra-Orthodox', 'JEW', 'religion'],
    ['Hindu', 'HIN', 'religion'],
    ['Sikhs', 'SIK', 'religion'],
    ['Buddhist', 'BUD', 'religion'],
    ['Alawite', 'ALE', 'religion'],
    ['Druze', 'DRZ', 'religion'],
    ['Yazidis', 'YZD', 'religion'],
    ['Kurds', 'KUR', 'ethnic'],
    ['Kurd', 'KUR', 'ethnic'],
    ['Kurdish', 'KUR', 'ethnic'],
    ['Arab', 'ARB', 'ethnic'],
    ['Amazigh', 'BER', 'ethnic'],
    ['Berbers', 'BER', 'ethnic'],
    ['Pashtun', 'PUS', 'ethnic'],
    ['Tamils', 'TAM', 'ethnic'],
    ['Uyghur', 'UIG', 'ethnic'],
    ['Uighurs', 'UIG', 'ethnic'],
    ['Rohingya', 'RHG', 'ethnic'],
    ['Tutsi', 'TUT', 'ethnic'],
    ['Hutus', 'HUT', 'ethnic'],
    ['Roma', 'ROM', 'ethnic'],
    ['Bedouin', 'BED', 'ethnic'],
    ['Kanuris', 'KAU', 'ethnic'],
    ['European', 'EUR', 'region'],
    ['Europeans', 'EUR', 'region'],
    ['African', 'AFR', 'region'],
    ['Asian', 'ASA', 'region'],
    ['Latin American', 'LAM', 'region'],
    ['Middle Eastern', 'MEA', 'region'],
    ['Western', 'WST', 'region'],
    ['Nordic', 'SCN', 'region'],
    ['Scandinavian', 'SCN', 'region'],
    ['Balkan', 'BLK', 'region'],
    ['Gulf', 'PGS', 'region'],
    ['Islamist', 'MOS', 'political'],
    ['jihadists', 'RAD', 'political'],
    ['Maoists', 'REB', 'political'],
  ];
  for (const [w, code, kind] of cases) {
    const g = groupByWord(w);
    assert.equal(g?.code, code, w);
    assert.equal(g?.kind, kind, w);
  }
  assert.equal(groupByWord('Shias')?.word, 'Shiite', 'the first word of the row is the canonical one');
  assert.ok(groupByWord('Kurds')?.words.includes('Kurdish'));
  for (const w of ['Smith', 'Russian', 'Russians', 'Palestinian', 'Scottish', 'Somali', 'said', '', 's', 'Jain', 'Fleming']) {
    assert.equal(groupByWord(w), null, w);
  }
});

test('a bad groups row is refused with the file and line', () => {
  const ok = '# test\n#words\tkind\tcode\nKurd|Kurds\tethnic\tKUR\n';
  const cases: [string, RegExp][] = [
    ['Druze\treligion\n', /bad\.tsv:4: expected 3 tab-separated columns/],
    ['Druze\tfaith\tDRZ\n', /bad\.tsv:4: kind must be one of religion, ethnic, region, political, found 'faith'/],
    ['Druze\treligion\tDRUZE\n', /bad\.tsv:4: code must be 3 capital letters/],
    ['Druze\treligion\tdrz\n', /bad\.tsv:4: code must be 3 capital letters/],
    ['-\treligion\tDRZ\n', /bad\.tsv:4: the words column is empty/],
    ['Druze|KURDS\treligion\tDRZ\n', /bad\.tsv:4: duplicate word 'KURDS' \(first on line 3\)/],
  ];
  for (const [row, re] of cases) assert.throws(() => loadGroups(tmpFile('bad.tsv', ok + row)), re);
  assert.equal(loadGroups(tmpFile('ok.tsv', ok)).byWord('kurds')?.code, 'KUR');
});

test('a user file gives its words the meaning it wants and leaves the rest of our rows alone', () => {
  const user = tmpFile('mine.tsv', 'Evangelical|Evangelicals\treligion\tEVN\nMandingo|Mandinka\tethnic\tMNK\n');
  const t = loadGroups(dataPath('groups.tsv'), user);
  assert.equal(t.byWord('Evangelicals')?.code, 'EVN');
  assert.equal(t.byWord('Mandinka')?.kind, 'ethnic');
  assert.equal(t.byWord('evangelical Christians')?.code, 'PRO', 'the rest of our row keeps its meaning');
  assert.equal(t.byWord('evangelical Christians')?.word, 'evangelical Christian');
  assert.equal(t.byWord('Protestant')?.code, 'PRO');
  assert.equal(t.size, groups().size + 2);
  assert.throws(() => loadGroups(dataPath('groups.tsv'), tmpFile('dup.tsv', 'Zulu\tethnic\tZUL\nzulus|Zulu\tethnic\tZUL\n')), /dup\.tsv:2: duplicate word 'Zulu' \(first on line 1\)/);

  setGroupOverride(user);
  try {
    assert.equal(groupByWord('Mandingo')?.code, 'MNK');
  } finally {
    setGroupOverride(null);
  }
  assert.equal(groupByWord('Mandingo'), null);
  assert.equal(groupByWord('Evangelical')?.code, 'PRO');
});
