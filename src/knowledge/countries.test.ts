import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  capitalOf,
  countries,
  countryByCapital,
  countryByCode,
  countryByDemonym,
  countryByName,
  foldName,
  loadCountries,
  metonym,
  setCountryOverride,
} from './countries.js';
import { dataPath } from './data-files.js';

const code = (c: { alpha3: string } | null): string | null => c?.alpha3 ?? null;

function tmpFile(name: string, body: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ng-countries-')), name);
  writeFileSync(file, body);
  return file;
}

test('our file loads with at least 195 countries, unique codes of the right length', () => {
  const t = countries();
  assert.ok(t.size >= 195, `only ${t.size} countries`);
  const a3 = t.countries.map((c) => c.alpha3);
  const a2 = t.countries.map((c) => c.alpha2);
  assert.equal(new Set(a3).size, a3.length, 'alpha-3 codes are unique');
  assert.equal(new Set(a2).size, a2.length, 'alpha-2 codes are unique');
  for (const c of t.countries) {
    assert.match(c.alpha3, /^[A-Z]{3}$/);
    assert.match(c.alpha2, /^[A-Z]{2}$/);
  }
  for (const must of ['XKX', 'TWN', 'PSE', 'VAT', 'ESH', 'SSD', 'TLS', 'MNE']) assert.ok(countryByCode(must), must);
});

test('names, aliases and spellings resolve, case- and diacritic-insensitively', () => {
  const cases: [string, string][] = [
    ['U.S.', 'USA'],
    ['US', 'USA'],
    ['USA', 'USA'],
    ['United States', 'USA'],
    ['America', 'USA'],
    ['the United States', 'USA'],
    ['Britain', 'GBR'],
    ['Great Britain', 'GBR'],
    ['UK', 'GBR'],
    ['United Kingdom', 'GBR'],
    ['Ivory Coast', 'CIV'],
    ["Côte d'Ivoire", 'CIV'],
    ['Cote d\u2019Ivoire', 'CIV'],
    ['Russian Federation', 'RUS'],
    ['RUSSIA', 'RUS'],
    ["Russia's", 'RUS'],
    ['Burma', 'MMR'],
    ['Myanmar', 'MMR'],
    ['Czechia', 'CZE'],
    ['Czech Republic', 'CZE'],
    ['Türkiye', 'TUR'],
    ['Turkiye', 'TUR'],
    ['Turkey', 'TUR'],
    ['Holland', 'NLD'],
    ['the Netherlands', 'NLD'],
    ['DRC', 'COD'],
    ['Guinea Bissau', 'GNB'],
    ['St. Lucia', 'LCA'],
    ['Trinidad & Tobago', 'TTO'],
    ['Holy See', 'VAT'],
  ];
  for (const [name, want] of cases) assert.equal(code(countryByName(name)), want, name);
  // A short all-capital name must be written in capitals: the pronoun "us" is not the USA.
  assert.equal(countryByName('us'), null);
  assert.equal(countryByName('Atlantis'), null);
  // "Korea" could be either Korea: no answer, but both candidates are available.
  assert.equal(countryByName('Korea'), null);
  assert.deepEqual(countries().allByName('Korea').map((c) => c.alpha3).sort(), ['KOR', 'PRK']);
  assert.equal(foldName('  The  Élysée '), 'elysee');
});

test('demonyms, plurals included', () => {
  const cases: [string, string][] = [
    ['Russian', 'RUS'],
    ['Russians', 'RUS'],
    ['Ukrainian', 'UKR'],
    ['American', 'USA'],
    ['British', 'GBR'],
    ['Briton', 'GBR'],
    ['Emirati', 'ARE'],
    ['Dutch', 'NLD'],
    ['Swiss', 'CHE'],
    ['Filipino', 'PHL'],
    ['Ivorian', 'CIV'],
    ['North Korean', 'PRK'],
  ];
  for (const [d, want] of cases) assert.equal(code(countryByDemonym(d)), want, d);
  assert.equal(countryByDemonym('Korean'), null, 'ambiguous');
  assert.equal(countryByDemonym('Martian'), null);
});

test('codes, capitals and their spellings', () => {
  assert.equal(code(countryByCode('ukr')), 'UKR');
  assert.equal(code(countryByCode('UA')), 'UKR');
  assert.equal(code(countryByCode('GB')), 'GBR');
  assert.equal(countryByCode('XX'), null);
  assert.equal(countryByCode('ABCD'), null);
  assert.equal(capitalOf('UKR'), 'Kyiv');
  assert.equal(capitalOf('CN'), 'Beijing');
  assert.equal(capitalOf('HKG'), null);
  assert.equal(code(countryByCapital('Kyiv')), 'UKR');
  assert.equal(code(countryByCapital('Kiev')), 'UKR');
  assert.equal(code(countryByCapital('Peking')), 'CHN');
  assert.equal(code(countryByCapital('Bogota')), 'COL');
  assert.equal(code(countryByCapital('Bogotá')), 'COL');
});

test('metonyms stand for the government, with the institution sector where the file gives one', () => {
  const m = metonym('the Kremlin');
  assert.ok(m);
  assert.equal(m.country.alpha3, 'RUS');
  assert.equal(m.kind, 'government');
  assert.equal(m.sector, 'GOV');
  const cases: [string, string, string][] = [
    ['Kremlin', 'RUS', 'GOV'],
    ['Washington', 'USA', 'GOV'],
    ['the White House', 'USA', 'GOV'],
    ['the Pentagon', 'USA', 'MIL'],
    ['Capitol Hill', 'USA', 'LEG'],
    ['Downing Street', 'GBR', 'GOV'],
    ['Whitehall', 'GBR', 'GOV'],
    ['the Elysee', 'FRA', 'GOV'],
    ['the Élysée', 'FRA', 'GOV'],
    ['Zhongnanhai', 'CHN', 'GOV'],
    ['Kyiv', 'UKR', 'GOV'],
    ['Kiev', 'UKR', 'GOV'],
    ['Moscow', 'RUS', 'GOV'],
    ['Beijing', 'CHN', 'GOV'],
  ];
  for (const [s, c, sector] of cases) {
    const hit = metonym(s);
    assert.equal(hit?.country.alpha3, c, s);
    assert.equal(hit?.sector, sector, s);
  }
  // Capitals that are rarely used for the government, or are also common words, are not metonyms.
  assert.equal(metonym('Kingston'), null);
  assert.equal(metonym('Male'), null);
  assert.equal(metonym('Brussels'), null);
  assert.equal(metonym('Russia'), null);
});

test('a user file is merged over ours: the same code replaces our row, a new code is added', () => {
  const user = tmpFile(
    'my-countries.tsv',
    '# my additions\n' +
      'UKR\tUA\tUkraine\tUkrayina\tUkrainian\tKyiv\tKyiv|Bankova\n' +
      'XAT\tXA\tAtlantis\tLost Continent\tAtlantean\tPoseidonia\tPoseidonia\n',
  );
  const t = loadCountries(dataPath('countries.tsv'), user);
  assert.equal(t.size, countries().size + 1);
  assert.equal(code(t.byName('Ukrayina')), 'UKR');
  assert.equal(t.byName('Ukraina'), null, 'our aliases of a replaced row are gone');
  assert.equal(t.byCode('UKR')?.source.file, user);
  assert.equal(code(t.byName('Atlantis')), 'XAT');
  assert.equal(code(t.byDemonym('Atlanteans')), 'XAT');
  assert.equal(t.metonym('Poseidonia')?.country.alpha3, 'XAT');
  assert.equal(code(t.byName('Ivory Coast')), 'CIV', 'our other rows stay');

  // The default table takes the override too, until it is cleared.
  setCountryOverride(user);
  try {
    assert.equal(code(countryByName('Atlantis')), 'XAT');
  } finally {
    setCountryOverride(null);
  }
  assert.equal(countryByName('Atlantis'), null);
});

test('bad rows are refused with the file and line', () => {
  const short = tmpFile('short.tsv', '# c\nRUSS\tRU\tRussia\t-\tRussian\tMoscow\tMoscow\n');
  assert.throws(() => loadCountries(short), (e: Error) => e.message.includes(`${short}:2:`) && /alpha-3 code must be 3/.test(e.message));
  const a2 = tmpFile('a2.tsv', 'RUS\tRUS\tRussia\t-\tRussian\tMoscow\tMoscow\n');
  assert.throws(() => loadCountries(a2), new RegExp(`a2\\.tsv:1: alpha-2 code must be 2`));
  const dup = tmpFile('dup.tsv', 'RUS\tRU\tRussia\t-\t-\t-\t-\n\nRUS\tRX\tRussia again\t-\t-\t-\t-\n');
  assert.throws(() => loadCountries(dup), /dup\.tsv:3: duplicate alpha-3 code RUS \(first on line 1\)/);
  const cols = tmpFile('cols.tsv', 'RUS\tRU\tRussia\n');
  assert.throws(() => loadCountries(cols), /cols\.tsv:1: expected 7 tab-separated columns/);
  const sector = tmpFile('sector.tsv', 'RUS\tRU\tRussia\t-\t-\tMoscow\tthe Kremlin=GOVERNMENT\n');
  assert.throws(() => loadCountries(sector), /sector\.tsv:1: metonym/);
  // An override that reuses another country's alpha-2 code names the user's line.
  const clash = tmpFile('clash.tsv', '\nXAT\tUA\tAtlantis\t-\t-\t-\t-\n');
  assert.throws(() => loadCountries(dataPath('countries.tsv'), clash), /clash\.tsv:2: alpha-2 code UA of XAT is already used by UKR/);
});
