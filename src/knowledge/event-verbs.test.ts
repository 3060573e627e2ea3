import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventVerbs, loadEventVerbs } from './event-verbs.js';
import { cameoCode } from './cameo.js';

test('our event verbs load, every code is in the code book, forms are generated', () => {
  const t = eventVerbs();
  assert.ok(t.entries.length >= 60);
  for (const e of t.entries) assert.ok(cameoCode(e.code), `${e.phrase}: ${e.code} not in data/cameo-codes.tsv`);
  for (const f of ['met', 'meets', 'meeting', 'visited', 'blamed', 'accuses', 'struck', 'fought', 'kidnapped', 'pushed', 'invaded', 'bombing', 'fired', 'invasion', 'talks']) {
    assert.ok(t.byForm.has(f), f);
  }
  const push = t.byForm.get('pushed')!.find((e) => e.phrase === 'push back');
  assert.deepEqual(push?.particles, ['back']);
  assert.deepEqual(push?.targets, ['against', 'on']);
});

test('every CAMEO root 01-20 is covered by at least one verb or noun', () => {
  const roots = new Set(eventVerbs().entries.map((e) => e.code.slice(0, 2)));
  for (let i = 1; i <= 20; i++) {
    const r = String(i).padStart(2, '0'); assert.ok(roots.has(r), `root ${r}`);
  }
});

test('a bad row is refused naming the file and line', () => {
  const f = join(mkdtempSync(join(tmpdir(), 'ng-ev-')), 'v.tsv');
  writeFileSync(f, 'meet\t040\tobj\t-\nbad\tXYZ\tobj\t-\n');
  assert.throws(() => loadEventVerbs(f), /v\.tsv:2: CAMEO code must be 2-4 digits, found 'XYZ'/);
});
