import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countryByCode, foldName } from './countries.js';
import { dataPath } from './data-files.js';
import { acronymOf, loadOrganizations, orgByName, organizations, parseOrganizationsFile } from './organizations.js';

function tmp(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ng-orgs-'));
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

test('our organizations file loads with 250+ rows, unique names, known countries and well-formed codes', () => {
  const t = organizations();
  assert.ok(t.size >= 250, `only ${t.size}`);
  const seen = new Set<string>();
  for (const o of t.organizations) {
    const k = foldName(o.name);
    assert.ok(!seen.has(k), `duplicate ${o.name}`);
    seen.add(k);
    if (o.country) assert.ok(countryByCode(o.country), `${o.name}: unknown country ${o.country}`);
    assert.ok(o.actorCode && /^([A-Z]{3})+$/.test(o.actorCode), `${o.name}: code ${o.actorCode}`);
    if (o.type === 'igo') assert.match(o.actorCode!, /^IGO/, o.name);
    if (o.type === 'media') assert.equal(o.sector, 'MED', o.name);
    if (o.type === 'company') assert.equal(o.sector, 'BUS', o.name);
  }
  const count = (type: string) => t.organizations.filter((o) => o.type === type).length;
  assert.ok(count('media') >= 30 && count('company') >= 60 && count('igo') >= 40 && count('armed-group') >= 20 && count('party') >= 40);
});

test('names, aliases and acronyms resolve to CAMEO codes', () => {
  assert.equal(orgByName('NATO')?.actorCode, 'IGOWSTNAT');
  assert.equal(orgByName('North Atlantic Treaty Organization')?.actorCode, 'IGOWSTNAT');
  assert.equal(orgByName('U.N.')?.actorCode, 'IGOUNO');
  assert.equal(orgByName('the United Nations')?.actorCode, 'IGOUNO');
  assert.equal(orgByName('Reuters')?.actorCode, 'GBRMED');
  assert.equal(orgByName('Reuters')?.sector, 'MED');
  assert.equal(orgByName('BBC')?.actorCode, 'GBRMED');
  assert.equal(orgByName('Hamas')?.actorCode, 'PSEREB');
  assert.equal(orgByName('Hezbollah')?.country, 'LBN');
  assert.equal(orgByName('Ansar Allah')?.name, 'Houthis');
  assert.equal(orgByName('IRGC')?.actorCode, 'IRNMIL');
  assert.equal(orgByName('the Pentagon')?.actorCode, 'USAMIL');
  assert.equal(orgByName('FSB')?.sector, 'SPY');
  assert.equal(orgByName('Doctors Without Borders')?.name, 'Médecins Sans Frontières');
  assert.equal(orgByName('Medecins Sans Frontieres')?.acronyms.includes('MSF'), true);
  assert.equal(orgByName('Unicef')?.actorCode, 'IGOUNOKID');
  assert.equal(orgByName('G20')?.type, 'igo');
  assert.equal(orgByName('Wagner Group')?.sector, 'UAF');
  assert.equal(orgByName('Islamic State')?.country, null);
  assert.equal(orgByName('Islamic State')?.sector, 'REB');
  assert.equal(orgByName('Nowhere Institute of Nothing'), null);
});

test('acronyms match only in capitals', () => {
  assert.equal(orgByName('WHO')?.name, 'World Health Organization');
  assert.equal(orgByName('who'), null);
  assert.equal(orgByName('Who'), null);
  assert.equal(orgByName('AP')?.name, 'Associated Press');
  assert.equal(orgByName('ap'), null);
  assert.equal(orgByName('ICE')?.name, 'US Immigration and Customs Enforcement');
  assert.equal(orgByName('ice'), null);
  assert.equal(acronymOf('U.S.'), 'US');
  assert.equal(acronymOf('Nato'), null);
  // A name written all in capitals that is no acronym still finds the organization (headlines).
  assert.equal(orgByName('HAMAS')?.name, 'Hamas');
});

test('an acronym two organizations share is ambiguous', () => {
  assert.equal(orgByName('PTI'), null);
  assert.equal(organizations().allByName('PTI').length, 2);
});

test('a user override replaces our row with the same name and adds new organizations', () => {
  const user = tmp(
    'mine.tsv',
    'Reuters\tReuters News\tmedia\tUSA\tUSAMED\nExample Alliance\tEXA|the Example pact\tigo\t-\tIGOEXA\n',
  );
  const t = loadOrganizations(dataPath('organizations.tsv'), user);
  assert.equal(t.size, organizations().size + 1);
  assert.equal(t.byName('Reuters')?.actorCode, 'USAMED');
  assert.equal(t.byName('Reuters News')?.name, 'Reuters');
  assert.equal(t.byName('EXA')?.actorCode, 'IGOEXA');
  assert.equal(t.byName('Example pact')?.name, 'Example Alliance');
  assert.equal(t.byName('exa'), null);
});

test('bad rows are refused with the file and the line', () => {
  const cases: [string, RegExp][] = [
    ['X\t-\tigo\t-\n', /bad\.tsv:3: expected 5 tab-separated columns/],
    ['X\t-\tclub\t-\tIGO\n', /bad\.tsv:3: unknown type 'club'/],
    ['X\t-\tgov\tUS\tUSGOV\n', /bad\.tsv:3: country must be an alpha-3 code/],
    ['X\t-\tgov\tUSA\tUSAGO\n', /bad\.tsv:3: the CAMEO code must be 3-letter groups/],
    ['X\t-\tgov\tUSA\tRUSGOV\n', /bad\.tsv:3: the CAMEO code RUSGOV must start with the country USA/],
    ['X\t-\tgov\tUSA\tUSAGOV\nX\t-\tgov\tUSA\tUSAGOV\n', /bad\.tsv:4: duplicate organization 'X' \(first on line 3\)/],
  ];
  for (const [body, re] of cases) {
    const f = tmp('bad.tsv', '# header\n\n' + body);
    assert.throws(() => parseOrganizationsFile(f), re, body);
  }
});
