// End-to-end tests of the CLI as a user runs it: `node bin/newsgraph.js …` in a child process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/newsgraph.js');
const dir = mkdtempSync(join(tmpdir(), 'ng-cli-'));

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', cwd: dir, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const STORY = [
  'Velgrad and Astoria agree to reopen border crossings',
  '',
  '.',
  '',
  'Border guards open a gate near Kessin. Photo: NORDPRESS',
  '',
  'VELGRAD/ASTORIA:',
  '',
  'Velgrad and Astoria agreed on Tuesday to reopen two border crossings closed since March 2024.',
  '',
  '"This is a good day for both our peoples," Foreign Minister Ana Kovec told reporters.',
  '',
  'Read more',
].join('\n');

test('extract --jsonl: one object per input, in order, with the article fields', () => {
  const a = join(dir, 'a.txt');
  const b = join(dir, 'b.txt');
  writeFileSync(a, STORY);
  writeFileSync(b, 'Second title\n\nOnly paragraph.');
  const r = cli(['extract', a, b, '--jsonl']);
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 2);
  assert.equal(lines[0].file, a);
  assert.equal(lines[0].title, 'Velgrad and Astoria agree to reopen border crossings');
  assert.deepEqual(lines[0].datelines, ['VELGRAD', 'ASTORIA']);
  assert.equal(lines[0].media[0].credit, 'NORDPRESS');
  assert.equal(lines[0].paragraphs.length, 2);
  assert.equal(lines[0].text, lines[0].paragraphs.join('\n\n'));
  assert.deepEqual(lines[0].removed, ['Read more']);
  assert.equal(lines[1].title, 'Second title');
});

test('extract: a missing file gives a one-line error naming it, and the other inputs are still processed', () => {
  const good = join(dir, 'good.txt');
  writeFileSync(good, STORY);
  const missing = join(dir, 'nope.txt');
  const r = cli(['extract', missing, good, '--jsonl']);
  assert.equal(r.code, 1);
  const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines[0].file, missing);
  assert.match(lines[0].error, /no such file/i);
  assert.equal(lines[1].title, 'Velgrad and Astoria agree to reopen border crossings');
  assert.match(r.err, new RegExp(`^newsgraph: ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `, 'm'));
  assert.equal(r.err.trim().split('\n').length, 1);
});

test('analyze --json: the whole analysis object; offsets index `text`', () => {
  const f = join(dir, 'story.txt');
  writeFileSync(f, STORY);
  const r = cli(['analyze', f, '--json', '--published', '2024-05-07']);
  assert.equal(r.code, 0, r.err);
  const a = JSON.parse(r.out);
  assert.equal(a.article.published, '2024-05-07');
  assert.equal(typeof a.text, 'string');
  for (const key of ['entities', 'quotes', 'events', 'dates']) assert.ok(Array.isArray(a[key]), key);
  for (const p of a.article.paragraphSpans) assert.ok(a.article.paragraphs.includes(a.text.slice(p.start, p.end)));
});

test('analyze: a malformed --published is a configuration error that says what was found', () => {
  const f = join(dir, 'story2.txt');
  writeFileSync(f, STORY);
  const r = cli(['analyze', f, '--json', '--published', '25/04']);
  assert.equal(r.code, 2);
  assert.equal(r.err.trim(), "newsgraph: --published must be YYYY-MM-DD, found '25/04'");
  assert.equal(r.out, '');
});

test('analyze - reads standard input', () => {
  const r = cli(['analyze', '-', '--json'], STORY);
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).article.title, 'Velgrad and Astoria agree to reopen border crossings');
});

test('analyze --jsonl: batch in order, {id, error} for bad lines, exit 1 when any failed', () => {
  const input = [
    JSON.stringify({ id: 'a', text: STORY, published: '2024-05-07' }),
    'not json',
    JSON.stringify({ id: 'c', html: '<html><head><title>Page</title></head><body><article><h1>Page</h1><p>Hello there, this is the body of the page.</p></article></body></html>' }),
    JSON.stringify({ id: 'd' }),
    JSON.stringify({ id: 'e', text: 'T\n\nBody.', published: '04/05' }),
  ].join('\n');
  const r = cli(['analyze', '--jsonl'], input);
  assert.equal(r.code, 1);
  const out = r.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(out.map((o) => o.id), ['a', 'line 2', 'c', 'd', 'e']);
  assert.equal(out[0].article.published, '2024-05-07');
  assert.match(out[1].error, /line 2: not JSON/);
  assert.equal(out[2].article.title, 'Page');
  assert.match(out[3].error, /needs a "text" or "html"/);
  assert.match(out[4].error, /published must be YYYY-MM-DD, found '04\/05'/);
});

test('--help works on every command', () => {
  for (const c of [[], ['extract'], ['analyze'], ['ingest'], ['search'], ['show'], ['demo']]) {
    const r = cli([...c, '--help']);
    assert.equal(r.code, 0, c.join(' '));
    assert.match(r.out, /Usage: newsgraph/);
  }
});

test('an unknown command fails with usage and a non-zero code', () => {
  const r = cli(['frobnicate']);
  assert.notEqual(r.code, 0);
  assert.match(r.err, /unknown command/);
});

test('analyze --knowledge DIR: a user people file adds a person with a role and actor code', () => {
  const kb = join(dir, 'kb');
  mkdirSync(kb, { recursive: true });
  writeFileSync(join(kb, 'people.tsv'), '#name\taliases\tgender\tpositions\nAna Kovec\t-\tf\tforeign minister@NOR=GOV[2020..]\n');
  const f = join(dir, 'kb-story.txt');
  writeFileSync(f, 'Kovec speaks\n\nAna Kovec spoke in Oslo on Monday.');
  const r = cli(['analyze', f, '--json', '--published', '2025-01-06', '--knowledge', kb]);
  assert.equal(r.code, 0, r.err);
  const ana = JSON.parse(r.out).entities.find((e: { name: string }) => e.name === 'Ana Kovec');
  assert.equal(ana?.actorCode, 'NORGOV');
  const bad = cli(['analyze', f, '--json', '--knowledge', join(dir, 'nope')]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--knowledge must be a folder/);
});

test('analyze --dictionaries DIR: PETRARCH-format user dictionaries code events beside ours', () => {
  const d = join(dir, 'dicts');
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'my.actors.txt'), 'VELGRAD_ [VEL]\nASTORIA_ [AST]\n');
  writeFileSync(join(d, 'my.agents.txt'), 'POLICE_ [~COP]\n');
  writeFileSync(join(d, 'my.verbs.txt'), '--- DENOUNCE [111] ---\nDENOUNCE\nDENOUNCED\n- * [111]\n');
  const f = join(dir, 'dict-story.txt');
  writeFileSync(f, 'Velgrad protests\n\nVelgrad denounced Astoria on Friday.');
  const r = cli(['analyze', f, '--json', '--published', '2025-04-25', '--dictionaries', d, '--dictionaries-only']);
  assert.equal(r.code, 0, r.err);
  const evs = JSON.parse(r.out).events.map((e: { source: { code: string }; code: string; target: { code: string } }) => `${e.source?.code} ${e.code} ${e.target?.code}`);
  assert.deepEqual(evs, ['VEL 111 AST']);
  const bad = cli(['analyze', f, '--json', '--dictionaries-only']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--dictionaries-only needs --dictionaries DIR/);
});
