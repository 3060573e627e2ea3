import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { allCodes, cameo, cameoCode, goldsteinOf, loadCameo, quadClassOf, rootOf } from './cameo.js';

const REF_DIR = resolve(process.cwd(), '../shared/data/cameo');
const REF_GOLDSTEIN = join(REF_DIR, 'CAMEO.goldsteinscale.txt');
const REF_EVENTCODES = join(REF_DIR, 'CAMEO.eventcodes.txt');

/** Code → second column of a reference lookup table (a header line, then code TAB value). */
function readReference(file: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).slice(1);
  for (const l of lines) {
    if (!l.trim()) continue;
    const [code, value] = l.split('\t');
    out.set(code!.trim(), (value ?? '').trim());
  }
  return out;
}

function skipReason(file: string): string | undefined {
  if (existsSync(file)) return undefined;
  const reason = `reference table ${file} is absent`;
  console.log(`skipped: ${reason}`);
  return reason;
}

test('our code book loads with every root, base code and full code', () => {
  const codes = allCodes();
  assert.ok(codes.length >= 280, `${codes.length} codes`);
  const byLength = [2, 3, 4].map((n) => codes.filter((c) => c.code.length === n).length);
  assert.equal(byLength[0], 20, 'roots');
  assert.ok(byLength[1]! >= 140, `${byLength[1]} base codes`);
  assert.ok(byLength[2]! >= 140, `${byLength[2]} full codes`);
  for (const c of codes) {
    assert.ok(c.name.length > 0 && !/not specified/i.test(c.name), `name of ${c.code}`);
    assert.ok(c.keywords.length > 0, `${c.code} has no keywords`);
  }
});

test('quad classes agree with the reference table when present (GDELT: 06-09 material cooperation)', { skip: existsSync(join(process.cwd(), '../shared/data/cameo/cameo_codebook_goldstein.csv')) ? false : 'reference table absent' }, () => {
  const rows = readFileSync(join(process.cwd(), '../shared/data/cameo/cameo_codebook_goldstein.csv'), 'utf8').split('\n').slice(1).filter(Boolean);
  let checked = 0;
  for (const row of rows) {
    const code = row.split(',')[0]!;
    const quad = Number(row.split(',').at(-2));
    if (!Number.isFinite(quad)) continue;
    assert.equal(quadClassOf(code), quad, `quad class of ${code}`);
    checked++;
  }
  assert.ok(checked > 280);
});

test('all 20 roots are present with the right quad class', () => {
  const expected: [string, number][] = [];
  for (let r = 1; r <= 20; r++) expected.push([String(r).padStart(2, '0'), r <= 5 ? 1 : r <= 9 ? 2 : r <= 14 ? 3 : 4]);
  for (const [root, quad] of expected) {
    const c = cameoCode(root);
    assert.ok(c, `root ${root} missing`);
    assert.equal(c.quadClass, quad, `quad class of ${root}`);
    assert.equal(c.root, root);
    assert.equal(c.parent, null);
  }
  assert.equal(cameoCode('04')?.name, 'Consult');
  assert.equal(cameoCode('19')?.name, 'Fight');
});

test('the hierarchy is valid: every code has its parent, root and the root\'s quad class', () => {
  const codes = allCodes();
  assert.equal(new Set(codes.map((c) => c.code)).size, codes.length, 'codes are unique');
  for (const c of codes) {
    assert.match(c.code, /^(?:0[1-9]|1\d|20)\d{0,2}$/);
    assert.equal(c.root, c.code.slice(0, 2));
    assert.ok(c.goldstein >= -10 && c.goldstein <= 10, `Goldstein of ${c.code}`);
    if (c.code.length > 2) {
      assert.equal(c.parent, c.code.slice(0, -1));
      const parent = cameoCode(c.parent!);
      assert.ok(parent, `parent of ${c.code}`);
      assert.equal(c.quadClass, parent.quadClass, `quad class of ${c.code} and its parent`);
    }
  }
  assert.deepEqual(cameo().children('18').map((c) => c.code), ['180', '181', '182', '183', '184', '185', '186']);
  assert.deepEqual(cameo().children('183').map((c) => c.code), ['1831', '1832', '1833']);
});

test('every code in the reference Goldstein table is ours, with the same value', { skip: skipReason(REF_GOLDSTEIN) }, () => {
  const ref = readReference(REF_GOLDSTEIN);
  assert.ok(ref.size >= 280, `${ref.size} reference codes`);
  for (const [code, value] of ref) {
    assert.ok(cameoCode(code), `reference code ${code} is missing from ours`);
    assert.ok(Math.abs(goldsteinOf(code)! - Number(value)) < 1e-9, `Goldstein of ${code}: ours ${goldsteinOf(code)}, reference ${value}`);
  }
});

test('every code in the reference event code table is ours', { skip: skipReason(REF_EVENTCODES) }, () => {
  const ref = readReference(REF_EVENTCODES);
  assert.ok(ref.size >= 280, `${ref.size} reference codes`);
  for (const code of ref.keys()) assert.ok(cameoCode(code), `reference code ${code} is missing from ours`);
});

test('lookups by exact code string', () => {
  const visit = cameoCode('042');
  assert.ok(visit);
  assert.equal(visit.root, '04');
  assert.equal(visit.parent, '04');
  assert.equal(visit.quadClass, 1);
  assert.equal(visit.goldstein, 1.9);
  assert.ok(visit.keywords.includes('visit'));
  assert.ok(cameoCode('043')?.keywords.includes('host'));

  // 043 (host a visit) has no 4-digit codes: 0431 is well formed but not a CAMEO code.
  assert.equal(cameoCode('0431'), null);
  assert.equal(rootOf('0431'), null);
  assert.deepEqual(cameo().children('043'), []);

  const accuse = cameoCode('112');
  assert.ok(accuse);
  assert.equal(accuse.quadClass, 3);
  assert.equal(accuse.goldstein, -2);
  assert.ok(accuse.keywords.includes('accuse') && accuse.keywords.includes('blame'));

  assert.equal(rootOf('183'), '18');
  assert.equal(quadClassOf('183'), 4);
  assert.equal(goldsteinOf('183'), -10);

  const kill = cameoCode('1823');
  assert.ok(kill);
  assert.equal(kill.root, '18');
  assert.equal(kill.parent, '182');
  assert.equal(kill.goldstein, -10);
  assert.equal(kill.quadClass, 4);
  assert.ok(kill.keywords.includes('kill'));

  assert.equal(rootOf('190'), '19');
  assert.equal(quadClassOf('190'), 4);
  assert.equal(goldsteinOf('190'), -10);

  assert.equal(goldsteinOf('057'), 8);
  assert.equal(quadClassOf('0874'), 2);
  assert.equal(quadClassOf('09'), 2);
  for (const bad of ['42', '0', '21', '042 ', ' 042', '04a', '01234', '']) {
    assert.equal(cameoCode(bad), null, `'${bad}'`);
    assert.equal(rootOf(bad), null, `'${bad}'`);
    assert.equal(quadClassOf(bad), null, `'${bad}'`);
    assert.equal(goldsteinOf(bad), null, `'${bad}'`);
  }
});

test('a bad row is refused with the file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ng-cameo-'));
  const write = (name: string, body: string): string => {
    const f = join(dir, name);
    writeFileSync(f, `# code\tname\tgoldstein\tquad\tkeywords\n${body}`);
    return f;
  };
  const head = '04\tConsult\t1.0\t1\tconsult\n';
  const cases: [string, string, RegExp][] = [
    ['dup.tsv', `${head}042\tVisit\t1.9\t1\tvisit\n\n042\tVisit again\t1.9\t1\tvisit\n`, /dup\.tsv:5: duplicate code 042 \(first on line 3\)/],
    ['orphan.tsv', `${head}042\tVisit\t1.9\t1\tvisit\n0431\tHost a dinner\t2.8\t1\tdinner\n`, /orphan\.tsv:4: code 0431 has no parent code 043/],
    ['quad.tsv', `${head}09\tInvestigate\t-2.0\t3\tprobe\n`, /quad\.tsv:3: quad class of 09 is 3, but root 09 is quad class 2/],
    ['range.tsv', `${head}040\tConsult (other)\t11\t1\tconsult\n`, /range\.tsv:3: Goldstein value of 040 must be between -10 and 10/],
    ['number.tsv', `${head}040\tConsult (other)\thigh\t1\tconsult\n`, /number\.tsv:3: Goldstein value of 040 must be a number/],
    ['format.tsv', `${head}42\tVisit\t1.9\t1\tvisit\n`, /format\.tsv:3: code must be a root 01-20/],
    ['columns.tsv', `${head}042\tVisit\t1.9\t1\n`, /columns\.tsv:3: expected 5 tab-separated columns/],
    ['keyword.tsv', `${head}042\tVisit\t1.9\t1\tVisit\n`, /keyword\.tsv:3: keyword 'Visit' of 042 must be lower-case/],
  ];
  for (const [name, body, error] of cases) assert.throws(() => loadCameo(write(name, body)), error, name);

  // Parents may come after their children; '-' means no keywords.
  const ok = loadCameo(write('ok.tsv', `042\tVisit\t1.9\t1\tvisit|state visit\n${head}041\tPhone\t1\t1\t-\n`));
  assert.equal(ok.codes.length, 3);
  assert.deepEqual(ok.get('042')?.keywords, ['visit', 'state visit']);
  assert.deepEqual(ok.get('041')?.keywords, []);
  assert.equal(ok.get('041')?.parent, '04');
});
