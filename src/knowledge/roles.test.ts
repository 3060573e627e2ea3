import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRoleNoun, loadRoles, roleNouns, roles, sectorOfRole } from './roles.js';

test('the most specific role noun in a phrase decides its sector', () => {
  const cases: [string, string][] = [
    ['Kremlin foreign policy aide', 'GOV'],
    ['senior Russian military officer', 'MIL'],
    ['foreign minister', 'GOV'],
    ['Ukraine\u2019s defence minister', 'GOV'],
    ['U.S. secretary of state', 'GOV'],
    ['White House press secretary', 'GOV'],
    ['army spokesman', 'MIL'],
    ['police spokeswoman', 'COP'],
    ['company spokesperson', 'BUS'],
    ['police officers', 'COP'],
    ['officers', 'COP'],
    ['rebel commander', 'REB'],
    ['separatist leaders', 'SEP'],
    ['Islamist insurgents', 'INS'],
    ['opposition leader', 'OPP'],
    ['jailed dissident', 'OPP'],
    ['protesters', 'OPP'],
    ['Supreme Court judge', 'JUD'],
    ['chief prosecutor', 'JUD'],
    ['Democratic lawmakers', 'LEG'],
    ['Conservative MPs', 'LEG'],
    ['U.N. envoy', 'IGO'],
    ['NATO Secretary-General', 'IGO'],
    ['EU officials', 'IGO'],
    ['Catholic bishops', 'REL'],
    ['Pope', 'REL'],
    ['state media', 'MED'],
    ['veteran journalist', 'MED'],
    ['aid groups', 'NGO'],
    ['university students', 'EDU'],
    ['Syrian refugees', 'REF'],
    ['local residents', 'CVL'],
    ['billionaire businessman', 'BUS'],
    ['CEO', 'BUS'],
    ['intelligence officer', 'SPY'],
    ['ARMY', 'MIL'],
  ];
  for (const [phrase, sector] of cases) assert.equal(sectorOfRole(phrase), sector, phrase);
  assert.equal(sectorOfRole('the weather'), null);
  assert.equal(sectorOfRole('people who said'), null, 'lower-case "who" is not the WHO');
  assert.equal(roles().bestRole('senior Russian military officer')?.role.phrase, 'military');
});

test('role nouns are recognized singular and plural, and listed for the actors stage', () => {
  for (const w of ['president', 'Senators', 'spokesmen', 'spokeswomen', 'MPs', 'troops', 'militias', 'prime minister', 'secretaries']) {
    assert.equal(isRoleNoun(w), true, w);
  }
  for (const w of ['table', 'said', 'Russia', 'who']) assert.equal(isRoleNoun(w), false, w);
  const all = roleNouns();
  assert.ok(all.length > 150, `${all.length} role nouns`);
  const sectors = new Set(all.map((r) => r.sector));
  for (const s of ['GOV', 'MIL', 'REB', 'OPP', 'LEG', 'JUD', 'BUS', 'MED', 'NGO', 'IGO', 'COP', 'REL', 'EDU', 'REF', 'CVL', 'SPY', 'LAB', 'AGR', 'CRM', 'HLH', 'ELI']) {
    assert.ok(sectors.has(s), `no role noun for ${s}`);
  }
});

test('a bad roles row is refused with the file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ng-roles-'));
  const weight = join(dir, 'w.tsv');
  writeFileSync(weight, '# roles\nsenator\tLEG\t2\nsheriff\tCOP\t4\n');
  assert.throws(() => loadRoles(weight), /w\.tsv:3: weight must be 1, 2 or 3/);
  const dup = join(dir, 'd.tsv');
  writeFileSync(dup, 'senator\tLEG\t2\nSenator\tGOV\t2\n');
  assert.throws(() => loadRoles(dup), /d\.tsv:2: duplicate role 'Senator' \(first on line 1\)/);
  const sector = join(dir, 's.tsv');
  writeFileSync(sector, 'senator\tlegislature\t2\n');
  assert.throws(() => loadRoles(sector), /s\.tsv:1: sector must be a 3-letter CAMEO code/);
  const ok = join(dir, 'ok.tsv');
  writeFileSync(ok, 'harbour master\tGOV\t2\n');
  assert.equal(loadRoles(ok).sectorOf('the harbour masters'), 'GOV');
});
