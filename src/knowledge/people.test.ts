import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countryByCode, foldName } from './countries.js';
import { dataPath } from './data-files.js';
import { loadGivenNames } from './given-names.js';
import { loadOrganizations } from './organizations.js';
import {
  genderOf,
  INTERNATIONAL_CODES,
  isInternationalCode,
  loadPeople,
  parsePeopleFile,
  people,
  peopleBySurname,
  personByName,
  positionsAt,
  SECTORS,
  surnamesOf,
  widenDate,
} from './people.js';

function tmp(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ng-people-'));
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

test('our people file loads with 300+ people and no duplicate canonical names', () => {
  const t = people();
  assert.ok(t.size >= 300, `only ${t.size} people`);
  const seen = new Set<string>();
  for (const p of t.people) {
    const k = foldName(p.name);
    assert.ok(!seen.has(k), `duplicate ${p.name}`);
    seen.add(k);
  }
});

test('every position names a known country or a listed international body, a known sector and a valid range', () => {
  const orgCodes = new Set(loadOrganizations().organizations.map((o) => o.actorCode));
  for (const p of people().people) {
    for (const pos of p.positions) {
      if (isInternationalCode(pos.country)) {
        assert.ok(INTERNATIONAL_CODES.has(pos.country), `${p.name}: ${pos.country} is not in INTERNATIONAL_CODES`);
        assert.ok(orgCodes.has(pos.country), `${p.name}: ${pos.country} is no organization's code`);
      } else {
        assert.ok(countryByCode(pos.country), `${p.name}: unknown country ${pos.country}`);
      }
      assert.ok(SECTORS.has(pos.sector), `${p.name}: sector ${pos.sector}`);
      assert.ok(pos.role.length > 1, `${p.name}: empty role`);
      if (pos.from && pos.to) assert.ok(pos.from <= pos.to, `${p.name}: ${pos.role} ${pos.from}..${pos.to}`);
      for (const d of [pos.from, pos.to]) if (d) assert.match(d, /^(19|20)\d\d-\d\d-\d\d$/, `${p.name}: ${d}`);
    }
    assert.ok(p.gender === 'm' || p.gender === 'f', `${p.name}: no gender`);
  }
});

test('people are found by canonical name, alias and spelling variant, ignoring case and diacritics', () => {
  assert.equal(personByName('Zelensky')?.name, 'Volodymyr Zelenskiy');
  assert.equal(personByName('Volodymyr Zelenskyy')?.name, 'Volodymyr Zelenskiy');
  assert.equal(personByName('volodymyr zelenskiy')?.name, 'Volodymyr Zelenskiy');
  assert.equal(personByName('Dmitri Peskov')?.name, 'Dmitry Peskov');
  assert.equal(personByName('Recep Tayyip Erdogan')?.name, 'Recep Tayyip Erdoğan');
  assert.equal(personByName('Antonio Guterres')?.name, 'António Guterres');
  assert.equal(personByName('Putin'), null, 'a bare surname is not an alias (see peopleBySurname)');
  assert.equal(personByName('Vladimir Putin’s')?.name, 'Vladimir Putin');
  assert.equal(personByName('Lula')?.name, 'Luiz Inácio Lula da Silva');
  assert.equal(personByName('Nobody McNoname'), null);
});

test('acronym aliases match only in capitals', () => {
  assert.equal(personByName('MBS')?.name, 'Mohammed bin Salman');
  assert.equal(personByName('mbs'), null);
  assert.equal(personByName('AMLO')?.name, 'Andrés Manuel López Obrador');
});

test('surnames give candidates, including particles and family-first names', () => {
  assert.deepEqual(peopleBySurname('Putin').map((p) => p.name), ['Vladimir Putin']);
  assert.deepEqual(peopleBySurname('von der Leyen').map((p) => p.name), ['Ursula von der Leyen']);
  assert.deepEqual(peopleBySurname('Leyen').map((p) => p.name), ['Ursula von der Leyen']);
  assert.deepEqual(peopleBySurname('Sisi').map((p) => p.name), ['Abdel Fattah al-Sisi']);
  assert.deepEqual(peopleBySurname('López Obrador').map((p) => p.name), ['Andrés Manuel López Obrador']);
  assert.deepEqual(peopleBySurname('Xi').map((p) => p.name), ['Xi Jinping']);
  assert.equal(peopleBySurname('Jinping').length, 0, 'Chinese names put the family name first');
  const kims = peopleBySurname('Kim').map((p) => p.name);
  assert.ok(kims.includes('Kim Jong Un') && kims.includes('Kim Yo Jong') && kims.includes('Jim Yong Kim'), kims.join());
  assert.ok(peopleBySurname('Lee').some((p) => p.name === 'John Lee'), 'a Western given name first: John Lee → Lee');
  const johnsons = peopleBySurname('Johnson').map((p) => p.name).sort();
  assert.deepEqual(johnsons, ['Boris Johnson', 'Mike Johnson']);
  assert.deepEqual(surnamesOf(personByName('Pope Francis')!), ['bergoglio', 'mario bergoglio'], 'a title and one name give no surname');
});

test("Trump's positions depend on the date", () => {
  const trump = personByName('Donald Trump')!;
  const at = (d: string) => positionsAt(trump, d).filter((p) => p.sector === 'GOV');
  assert.deepEqual(at('2025-04-25').map((p) => [p.role, p.country, p.sector, p.code]), [['president', 'USA', 'GOV', 'USAGOV']]);
  assert.deepEqual(at('2019-06-01').map((p) => p.role), ['president']);
  assert.deepEqual(at('2022-01-01'), []);
  assert.deepEqual(positionsAt(trump, '2016-06-01').map((p) => p.code), ['USABUS']);
  assert.equal(positionsAt(trump, null).length, trump.positions.length);
  assert.equal(positionsAt(trump, '2025-04-25T10:00:00Z').length, 1, 'a timestamp is cut to its day');
  assert.equal(trump.country, 'USA');
  // Both ends are inclusive: the day of a handover has both presidents.
  const biden = personByName('Joe Biden')!;
  assert.deepEqual(positionsAt(biden, '2021-01-20').map((p) => p.role), ['president']);
  assert.deepEqual(at('2021-01-20').map((p) => p.role), ['president']);
  assert.deepEqual(at('2021-01-21'), []);
});

test('international posts carry the body code as their actor code', () => {
  const g = personByName('Antonio Guterres')!;
  const now = positionsAt(g, '2024-03-01');
  assert.deepEqual(now.map((p) => [p.country, p.sector, p.code]), [['IGOUNO', 'IGO', 'IGOUNO']]);
  assert.equal(g.country, 'PRT', 'the country of the latest national post');
  const rutte = personByName('Mark Rutte')!;
  assert.equal(positionsAt(rutte, '2023-01-01')[0]?.code, 'NLDGOV');
  assert.equal(positionsAt(rutte, '2025-01-01')[0]?.code, 'IGOWSTNAT');
});

test('partial dates widen to the whole year or month', () => {
  assert.equal(widenDate('2017', false), '2017-01-01');
  assert.equal(widenDate('2017', true), '2017-12-31');
  assert.equal(widenDate('2024-02', true), '2024-02-29');
  assert.equal(widenDate('2023-02', true), '2023-02-28');
  assert.equal(widenDate('2023-02-30', false), null);
  assert.equal(widenDate('2023-13', false), null);
  assert.equal(widenDate('May 2023', false), null);
});

test('gender comes from the person, the unique surname or the given name', () => {
  assert.equal(genderOf('Kaja Kallas'), 'f');
  assert.equal(genderOf('Merkel'), 'f');
  assert.equal(genderOf('Putin'), 'm');
  assert.equal(genderOf('Maria Ivanova'), 'f', 'unknown person, female given name');
  assert.equal(genderOf('Dmitry Someone'), 'm');
  assert.equal(genderOf('Andrea Somebody'), null, 'a unisex given name decides nothing');
  assert.equal(genderOf('Zzyzx Unknown'), null);
});

test('a user override replaces our row with the same name and adds new people', () => {
  const user = tmp(
    'mine.tsv',
    '# my people\n' +
      'Vladimir Putin\tPutin V.V.\tm\tpresident@RUS=GOV[2012-05-07..]\n' +
      'Jane Example\tJ. Example\tf\tmayor of Exampleton@GBR=GOV[2020..2024-06]\n',
  );
  const t = loadPeople(dataPath('people.tsv'), user);
  assert.equal(t.size, people().size + 1);
  const putin = t.byName('Vladimir Putin')!;
  assert.equal(putin.positions.length, 1, 'our row was replaced entirely');
  assert.equal(t.byName('Putin V.V.')?.name, 'Vladimir Putin');
  const jane = t.byName('J. Example')!;
  assert.equal(jane.name, 'Jane Example');
  assert.equal(positionsAt(jane, '2024-06-30').length, 1);
  assert.equal(positionsAt(jane, '2024-07-01').length, 0);
  assert.equal(t.bySurname('Example')[0]?.name, 'Jane Example');
});

test('bad rows are refused with the file and the line', () => {
  const cases: [string, RegExp][] = [
    ['A B\t-\tm\n', /bad1\.tsv:2: expected 4 tab-separated columns/],
    ['A B\t-\tx\t-\n', /bad1\.tsv:2: gender must be m, f or -/],
    ['A B\t-\tm\tpresident of USA\n', /bad1\.tsv:2: position 'president of USA' must look like/],
    ['A B\t-\tm\tpresident@USA=GOV[2021..2019]\n', /bad1\.tsv:2: .*starts after it ends/],
    ['A B\t-\tm\tpresident@USA=GOV[2021-02-30..]\n', /bad1\.tsv:2: .*'2021-02-30' is not a date/],
    ['A B\t-\tm\tpresident@USA=XYZ\n', /bad1\.tsv:2: .*unknown CAMEO sector 'XYZ'/],
    ['A B\t-\tm\tpresident@USAGO=GOV\n', /bad1\.tsv:2: .*neither an alpha-3 country code/],
    ['A B\t-\tm\t-\nA  B\t-\tf\t-\n', /bad1\.tsv:3: duplicate person 'A  B' \(first on line 2\)/],
  ];
  for (const [body, re] of cases) {
    const f = tmp('bad1.tsv', '# header\n' + body);
    assert.throws(() => parsePeopleFile(f), re, body);
  }
});

test('loading people, organizations and given names load quickly (under 1 s even on a loaded 2-core machine; ~50-100 ms idle)', () => {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    loadGivenNames();
    loadPeople();
    loadOrganizations();
    best = Math.min(best, performance.now() - t0);
  }
  assert.ok(best < 1000, `took ${best.toFixed(1)} ms`);
});
