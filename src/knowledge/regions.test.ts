import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countries, countryByCapital, countryByCode, foldName } from './countries.js';
import { dataPath } from './data-files.js';
import { loadGroups } from './groups.js';
import { allRegionsByName, loadRegions, regionByName, regionKey, regions, setRegionOverride } from './regions.js';

function tmpFile(name: string, body: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ng-regions-')), name);
  writeFileSync(file, body);
  return file;
}

const KINDS = new Set([
  'state', 'province', 'region', 'oblast', 'krai', 'republic', 'autonomous-republic', 'autonomous-region',
  'autonomous-okrug', 'autonomous-community', 'autonomous-city', 'autonomous-province', 'special-administrative-region',
  'territory', 'overseas-region', 'crown-dependency', 'nation', 'entity', 'governorate', 'district', 'county',
  'department', 'prefecture', 'geo-region', 'continent', 'peninsula', 'island', 'islands', 'reef', 'valley',
  'mountains', 'desert', 'glacier', 'border', 'sea', 'ocean', 'gulf', 'bay', 'strait', 'channel', 'canal', 'estuary',
  'sea-route', 'lake', 'reservoir', 'dam', 'bridge', 'river',
]);

test('our file loads with 700+ regions, all 50 US states, known countries, sane kinds and coordinates', () => {
  const t = regions();
  assert.ok(t.size >= 700, `only ${t.size} regions`);
  const usStates = t.regions.filter((r) => r.country === 'USA' && r.kind === 'state');
  assert.equal(usStates.length, 50, 'the 50 US states');
  assert.equal(t.regions.filter((r) => r.country === 'CAN' && (r.kind === 'province' || r.kind === 'territory')).length, 13);
  assert.equal(t.regions.filter((r) => r.country === 'IND' && (r.kind === 'state' || r.kind === 'territory')).length, 36);
  assert.equal(t.regions.filter((r) => r.country === 'NGA' && (r.kind === 'state' || r.kind === 'territory')).length, 37);
  assert.equal(t.regions.filter((r) => r.country === 'UKR' && r.kind === 'oblast').length, 24);
  assert.ok(t.regions.filter((r) => r.kind === 'river').length >= 40, 'rivers');
  assert.ok(t.regions.filter((r) => ['sea', 'gulf', 'strait', 'ocean', 'bay', 'channel'].includes(r.kind)).length >= 60, 'seas');
  for (const r of t.regions) {
    assert.ok(KINDS.has(r.kind), `${r.name}: undocumented kind ${r.kind}`);
    if (r.country) assert.ok(countryByCode(r.country), `${r.name}: unknown country ${r.country}`);
    assert.ok(r.lat >= -90 && r.lat <= 90 && r.lon >= -180 && r.lon <= 180, `${r.name}: ${r.lat},${r.lon}`);
    assert.ok(!(r.lat === 0 && r.lon === 0), `${r.name}: placeholder coordinates`);
  }
  // Crude boxes catch a swapped sign or swapped lat/lon.
  const boxes: Record<string, [number, number, number, number]> = {
    USA: [-15, 72, -180, -64], UKR: [44, 53, 22, 41], IND: [6, 37, 68, 98], BRA: [-34, 6, -74, -34], AUS: [-44, -10, 112, 154],
    NGA: [4, 14, 2, 15], RUS: [41, 82, 19, 180], CHN: [18, 54, 73, 135], MEX: [14, 33, -118, -86], IRQ: [29, 38, 38, 49],
  };
  for (const r of t.regions) {
    const box = r.country ? boxes[r.country] : undefined;
    if (!box || (r.country === 'USA' && r.lon > 0)) continue; // Guam and the Northern Marianas
    const [la0, la1, lo0, lo1] = box;
    assert.ok(r.lat >= la0 && r.lat <= la1 && r.lon >= lo0 && r.lon <= lo1, `${r.name} (${r.country}) at ${r.lat},${r.lon}`);
  }
});

test('no name is used twice within one country, and names shared with countries agree on the country', () => {
  const seen = new Map<string, string>();
  for (const t of regions().terms()) {
    const key = `${t.region.country ?? '-'} ${t.acronym ? t.text.replace(/\./g, '') : foldName(t.text)}`;
    const other = seen.get(key);
    assert.ok(!other || other === t.region.name, `'${t.text}' names both ${other} and ${t.region.name}`);
    seen.set(key, t.region.name);
    if (t.acronym) continue;
    // England → GBR and West Bank → PSE are fine; Georgia (US state and country) and Victoria (state, capital) are
    // known homonyms that context must decide.
    const named = countries().allByName(t.text).map((c) => c.alpha3);
    const capital = countryByCapital(t.text)?.alpha3;
    for (const c of capital ? [...named, capital] : named) {
      assert.ok(c === t.region.country || ['Georgia', 'Victoria'].includes(t.region.name), `${t.text}: region of ${t.region.country}, country ${c}`);
    }
  }
});

test('the fast key agrees with foldName on every name in the file and on awkward input', () => {
  const texts = regions().terms().filter((t) => !t.acronym).map((t) => t.text);
  texts.push("Hawai'i's", 'the Gulf of America', 'Saint-Pierre & Miquelon', '  Kharkiv   (Oblast) ', 'St. Helena', 'Côte d’Azur', 'THE DONBAS');
  for (const s of texts) assert.equal(regionKey(s), foldName(s), s);
});

test('names, spellings, codes and division words find the region', () => {
  const cases: [string, string, string | null][] = [
    ['Texas', 'Texas', 'USA'],
    ['TX', 'Texas', 'USA'],
    ['TEXAS', 'Texas', 'USA'],
    ['Calif.', 'California', 'USA'],
    ['N.Y.', 'New York State', 'USA'],
    ['Texas state', 'Texas', 'USA'],
    ['Kharkov region', 'Kharkiv Oblast', 'UKR'],
    ['Kharkiv region', 'Kharkiv Oblast', 'UKR'],
    ['Kharkov Oblast', 'Kharkiv Oblast', 'UKR'],
    ['the Kherson region', 'Kherson Oblast', 'UKR'],
    ['Zaporozhye region', 'Zaporizhzhia Oblast', 'UKR'],
    ['Kiev region', 'Kyiv Oblast', 'UKR'],
    ['Donbas', 'Donbas', 'UKR'],
    ['Donbass', 'Donbas', 'UKR'],
    ['the Donbas', 'Donbas', 'UKR'],
    ['Crimea', 'Crimea', 'UKR'],
    ['Belgorod region', 'Belgorod Oblast', 'RUS'],
    ['Chechnya', 'Chechnya', 'RUS'],
    ['West Bank', 'West Bank', 'PSE'],
    ['Gaza Strip', 'Gaza Strip', 'PSE'],
    ['Golan Heights', 'Golan Heights', 'SYR'],
    ['Anbar', 'Anbar', 'IRQ'],
    ['Anbar province', 'Anbar', 'IRQ'],
    ['Aleppo province', 'Aleppo Governorate', 'SYR'],
    ['Idlib governorate', 'Idlib Governorate', 'SYR'],
    ['Iraqi Kurdistan', 'Kurdistan Region', 'IRQ'],
    ['Borno', 'Borno', 'NGA'],
    ['Borno state', 'Borno', 'NGA'],
    ['Kaduna state', 'Kaduna State', 'NGA'],
    ['state of Kaduna', 'Kaduna State', 'NGA'],
    ['Xinjiang', 'Xinjiang', 'CHN'],
    ['Catalonia', 'Catalonia', 'ESP'],
    ['Bavaria', 'Bavaria', 'DEU'],
    ['Québec', 'Quebec', 'CAN'],
    ['NSW', 'New South Wales', 'AUS'],
    ['Uttar Pradesh', 'Uttar Pradesh', 'IND'],
    ['KP', 'Khyber Pakhtunkhwa', 'PAK'],
    ['Sahel', 'Sahel', null],
    ['Middle East', 'Middle East', null],
    ['Strait of Hormuz', 'Strait of Hormuz', null],
    ['Gulf of America', 'Gulf of Mexico', null],
    ['Dnieper', 'Dnipro River', null],
    ['Dnipro', 'Dnipro River', null],
    ['Taiwan Strait', 'Taiwan Strait', null],
  ];
  for (const [q, name, country] of cases) {
    const r = regionByName(q);
    assert.equal(r?.name, name, q);
    assert.equal(r?.country, country, q);
  }
  assert.equal(regionByName('Crimea')?.disputed, true);
  assert.match(regionByName('Crimea')!.note!, /annexed by Russia/);
  assert.equal(regionByName('Texas')?.disputed, false);
  const tx = regionByName('Texas')!;
  assert.ok(Math.abs(tx.lat - 31.5) < 2 && Math.abs(tx.lon + 99.3) < 2, 'Texas is roughly where Texas is');
});

test('codes match only in capitals; city names and ambiguous names are not answered', () => {
  for (const q of ['tx', 'Tx', 'in', 'ok', 'or', 'me', 'ca', 'kp']) assert.equal(regionByName(q), null, q);
  assert.equal(regionByName('IN')?.name, 'Indiana');
  assert.equal(regionByName('OK')?.name, 'Oklahoma');
  // Bare city names are left to the city gazetteer.
  for (const q of ['Kharkov', 'Kharkiv', 'Aleppo', 'Kaduna', 'New York', 'Washington', 'Gaza']) assert.equal(regionByName(q), null, q);
  // Shared names are ambiguous: the single answer is null, every candidate is listed.
  assert.equal(regionByName('WA'), null);
  assert.deepEqual(allRegionsByName('WA').map((r) => r.country).sort(), ['AUS', 'USA']);
  assert.equal(regionByName('Punjab'), null);
  assert.ok(allRegionsByName('Punjab').some((r) => r.country === 'IND'));
  assert.equal(regionByName('Punjab province')?.country, 'PAK');
  assert.equal(regionByName('Atlantis'), null);
  assert.deepEqual(allRegionsByName(''), []);
});

test('a bad regions row is refused with the file and line', () => {
  const head = '# test\n#name\taliases\tkind\tcountry\tlat\tlon\tnote\n';
  const ok = 'Texas\tTX\tstate\tUSA\t31.48\t-99.33\t-\n';
  const cases: [string, RegExp][] = [
    [`${ok}Ohio\tOH\tstate\tUSA\t40.29\t-82.79\n`, /bad\.tsv:4: expected 7 tab-separated columns/],
    [`${ok}Ohio\tOH\tstate\tUSA\t140.29\t-82.79\t-\n`, /bad\.tsv:4: latitude must be a number from -90 to 90/],
    [`${ok}Ohio\tOH\tstate\tUSA\t40.29\tW82\t-\n`, /bad\.tsv:4: longitude must be a number/],
    [`${ok}Ohio\tOH\tState\tUSA\t40.29\t-82.79\t-\n`, /bad\.tsv:4: kind must be a lower-case word/],
    [`${ok}Ohio\tOH\tstate\tUS\t40.29\t-82.79\t-\n`, /bad\.tsv:4: country must be an alpha-3 code/],
    [`${ok}Ohio\tOH\tstate\tXYZ\t40.29\t-82.79\t-\n`, /bad\.tsv:4: unknown country code XYZ/],
    [`${ok}-\tOH\tstate\tUSA\t40.29\t-82.79\t-\n`, /bad\.tsv:4: the name column is empty/],
    [`${ok}Tejas\ttexas\tstate\tUSA\t31\t-99\t-\n`, /bad\.tsv:4: the name 'texas' is already used for USA by 'Texas' \(first on line 3\)/],
    [`${ok}Tejas\tTX\tstate\tUSA\t31\t-99\t-\n`, /bad\.tsv:4: the name 'TX' is already used for USA/],
  ];
  for (const [body, re] of cases) assert.throws(() => loadRegions(tmpFile('bad.tsv', head + body)), re);
  // The same name in two countries is allowed: it is ambiguous, not wrong.
  const twice = loadRegions(tmpFile('ok.tsv', `${ok}Texas\t-\tgeo-region\tMEX\t29\t-104\t-\n`));
  assert.equal(twice.byName('Texas'), null);
  assert.equal(twice.allByName('Texas').length, 2);
});

test('a user file replaces our row of the same name and country, adds new rows, and may not steal a name', () => {
  const ours = dataPath('regions.tsv');
  const user = tmpFile(
    'mine.tsv',
    'Texas\tLone Star State\tstate\tUSA\t31.00\t-100.00\tmine\nPermian Basin\tthe Permian\tgeo-region\tUSA\t31.80\t-102.50\t-\n',
  );
  const t = loadRegions(ours, user);
  assert.equal(t.byName('Lone Star State')?.note, 'mine');
  assert.equal(t.byName('Texas')?.lon, -100);
  assert.equal(t.byName('TX'), null, 'the user row replaced ours, aliases included');
  assert.equal(t.byName('the Permian')?.name, 'Permian Basin');
  assert.equal(t.size, regions().size + 1);
  const thief = tmpFile('thief.tsv', '# mine\nLone Star\tTX\tstate\tUSA\t31\t-99\t-\n');
  assert.throws(() => loadRegions(ours, thief), /thief\.tsv:2: the name 'TX' is already used for USA by 'Texas' \(.*regions\.tsv:\d+\)/);

  setRegionOverride(user);
  try {
    assert.equal(regionByName('Permian Basin')?.country, 'USA');
  } finally {
    setRegionOverride(null);
  }
  assert.equal(regionByName('Permian Basin'), null);
  assert.equal(regionByName('TX')?.name, 'Texas');
});

test('regions and groups load quickly (under 1 s even on a loaded machine; ~20-30 ms idle)', () => {
  countries(); // a dependency that other modules load anyway
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    loadRegions();
    loadGroups();
    best = Math.min(best, performance.now() - t0);
  }
  assert.ok(best < 1000, `loading took ${best.toFixed(1)} ms`);
});
