import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, beforeEach, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { buildPipeline, registerStage } from '../pipeline.js';
import { SqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import { expandInputs, ingestPaths, type IngestOptions, type IngestProgress } from './ingest.js';

// A stand-in for the extractors: title = first non-empty line (tags stripped), text = the rest.
// A body containing "EXPLODE" makes the stage throw, like an analysis bug on one odd page.
registerStage({
  name: 'test/ingest-stub',
  run(doc, options) {
    if (doc.input.body.includes('EXPLODE')) throw new Error('stub stage exploded');
    const lines = doc.input.body.replace(/<[^>]*>/g, '\n').split('\n').map((l) => l.trim()).filter(Boolean);
    const text = lines.slice(1).join('\n\n');
    doc.article = { ...doc.article, title: lines[0] ?? null, text, published: options.published ?? null };
    return doc;
  },
});
const pipeline = buildPipeline(['test/ingest-stub']);

const root = mkdtempSync(join(tmpdir(), 'newsgraph-ingest-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
let dir = '';

/** A fresh corpus folder per test: 3 text, 2 HTML (one gzipped), plus files a walk must ignore. */
function writeCorpus(): string {
  const d = join(root, `corpus-${++n}`);
  mkdirSync(join(d, 'world', 'europe'), { recursive: true });
  mkdirSync(join(d, '.cache'));
  writeFileSync(join(d, 'a.txt'), 'Ceasefire talks resume\nNegotiators met in Geneva on Tuesday.\n');
  writeFileSync(join(d, 'b.md'), 'Markets rally\nStocks rose on strong earnings.\n');
  writeFileSync(join(d, 'world', 'c.html'), '<html><body><h1>Storm hits coast</h1><p>Heavy rain fell overnight.</p></body></html>');
  writeFileSync(join(d, 'world', 'europe', 'd.html.gz'), gzipSync('<h1>Summit in Brussels</h1><p>Leaders met on energy.</p>'));
  writeFileSync(join(d, 'world', 'europe', 'e.text'), 'Rail strike ends\nWorkers accepted a pay deal.\n');
  // Not ingested from a folder walk: unsupported extensions, hidden files and folders.
  writeFileSync(join(d, 'notes.json'), '{"not": "an article"}');
  writeFileSync(join(d, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
  writeFileSync(join(d, '.hidden.txt'), 'Hidden\nShould not be read.');
  writeFileSync(join(d, '.cache', 'x.html'), '<h1>Cached</h1>');
  return d;
}
const CORPUS = ['a.txt', 'b.md', 'world/c.html', 'world/europe/d.html.gz', 'world/europe/e.text'];

let store: SqliteStore;
beforeEach(async () => {
  dir = writeCorpus();
  store = new SqliteStore(':memory:');
});
afterEach(async () => store.close());

const rel = (files: string[]) => files.map((f) => f.slice(dir.length + 1).replace(/\\/g, '/'));
const run = (inputs: string[], extra: Partial<IngestOptions> = {}, s: Store = store) => ingestPaths(s, inputs, { pipeline, ...extra });

test('expandInputs: folders recursively (supported extensions, no hidden entries), sorted', async () => {
  const { files, errors } = await expandInputs([dir]);
  assert.deepEqual(rel(files), CORPUS);
  assert.deepEqual(errors, []);
});

test('expandInputs: globs, explicit files of any name, duplicates once, missing inputs as errors', async () => {
  const glob = await expandInputs([join(dir, '**/*.html*')]);
  assert.deepEqual(rel(glob.files), ['world/c.html', 'world/europe/d.html.gz']);
  const mixed = await expandInputs([join(dir, 'world'), join(dir, 'world', 'c.html'), join(dir, 'notes.json')]);
  assert.deepEqual(rel(mixed.files), ['notes.json', 'world/c.html', 'world/europe/d.html.gz', 'world/europe/e.text']);
  const missing = join(dir, 'nope.txt');
  const bad = await expandInputs([missing, join(dir, '*.xml'), join(dir, '*.json')]);
  assert.deepEqual(bad.files, []);
  assert.equal(bad.errors.length, 3);
  assert.match(bad.errors[0]!.message, new RegExp(`${missing}: no such file`));
  assert.match(bad.errors[1]!.message, /\*\.xml: matches no files/);
  assert.match(bad.errors[2]!.message, /\*\.json: matches only unsupported files/);
});

test('ingest a folder: every file stored once, with formats, progress and a report', async () => {
  const progress: IngestProgress[] = [];
  const report = await run([dir], { onProgress: (p) => progress.push(p), published: '2025-04-25' });
  assert.equal(report.files, 5);
  assert.equal(report.stored, 5);
  assert.deepEqual([report.duplicates, report.skipped, report.failed, report.errors], [0, 0, 0, []]);
  assert.ok(report.seconds >= 0 && report.seconds < 60);
  assert.equal(await store.count(), 5);
  const titles = (await store.list()).map((s) => s.title).sort();
  assert.deepEqual(titles, ['Ceasefire talks resume', 'Markets rally', 'Rail strike ends', 'Storm hits coast', 'Summit in Brussels']);
  const summit = (await store.search('brussels'))[0]!;
  const doc = (await store.get(summit.id))!;
  assert.equal(doc.input.format, 'html');
  assert.equal(doc.input.source, join(dir, 'world', 'europe', 'd.html.gz'));
  assert.equal(doc.article.published, '2025-04-25');
  assert.equal('warnings' in doc.input, false, 'read warnings are not stored in the input');
  assert.equal((await store.get((await store.search('geneva'))[0]!.id))!.input.format, 'text');
  // Progress: one call per file before it starts, then a final done === total.
  assert.deepEqual(progress.map((p) => p.done), [0, 1, 2, 3, 4, 5]);
  assert.ok(progress.every((p) => p.total === 5));
  assert.deepEqual(rel(progress.slice(0, 5).map((p) => p.file)), CORPUS);
});

test('ingest is idempotent: a second run skips every file and stores nothing new', async () => {
  await run([dir]);
  const second = await run([dir]);
  assert.deepEqual([second.files, second.stored, second.skipped, second.duplicates, second.failed], [5, 0, 5, 0, 0]);
  assert.equal(await store.count(), 5);
});

test('the same content under another name is a duplicate, not a second article', async () => {
  writeFileSync(join(dir, 'a-copy.txt'), 'Ceasefire talks resume\nNegotiators met in Geneva on Tuesday.\n');
  const report = await run([dir]);
  assert.deepEqual([report.files, report.stored, report.duplicates], [6, 5, 1]);
  assert.equal(await store.count(), 5);
  assert.equal((await store.search('geneva')).length, 1);
});

test('a file touched since the last run is read again, and found already stored', async () => {
  await run([dir]);
  const later = new Date(Date.now() + 60_000);
  utimesSync(join(dir, 'a.txt'), later, later);
  const report = await run([dir]);
  assert.deepEqual([report.skipped, report.duplicates, report.stored], [4, 1, 0]);
});

test('resume after a partial run: files already ingested are skipped', async () => {
  const first = await run([join(dir, '*.{txt,md}')]);
  assert.equal(first.stored, 2);
  const whole = await run([dir]);
  assert.deepEqual([whole.files, whole.skipped, whole.stored], [5, 2, 3]);
});

test('resume after a crash: a store failure aborts the run, the re-run stores the rest', async () => {
  let puts = 0;
  // A store that dies on the 3rd put, as a killed process or a full disk would.
  const crashing: Store = Object.assign(Object.create(store) as Store, {
    put: async (doc: Parameters<Store['put']>[0]) => {
      if (++puts === 3) throw new Error('disk full');
      return store.put(doc);
    },
  });
  await assert.rejects(run([dir], {}, crashing), /disk full/);
  assert.equal(await store.count(), 2);
  const resumed = await run([dir]);
  assert.deepEqual([resumed.skipped, resumed.stored, resumed.duplicates, resumed.failed], [2, 3, 0, 0]);
  assert.equal(await store.count(), 5);
});

test('bad files among good ones: each reported by name, the others stored, retried next run', async () => {
  const big = join(dir, 'big.txt');
  const boom = join(dir, 'world', 'boom.html');
  writeFileSync(big, `Huge\n${'x'.repeat(4096)}\n`);
  writeFileSync(boom, '<h1>EXPLODE</h1><p>This page breaks the analysis.</p>');
  const seen: [string, string][] = [];
  const report = await run([dir], { maxBytes: 2048, onError: (file, message) => seen.push([file, message]) });
  assert.deepEqual([report.files, report.stored, report.failed], [7, 5, 2]);
  assert.deepEqual(report.errors.map((e) => e.file), [big, boom]);
  assert.deepEqual(seen, report.errors.map((e) => [e.file, e.message]));
  assert.match(report.errors[0]!.message, new RegExp(`^newsgraph: ${big}: file is larger than 2 KB`));
  assert.match(report.errors[1]!.message, new RegExp(`^newsgraph: ${boom}: stage 'test/ingest-stub' failed: stub stage exploded$`));
  for (const e of report.errors) assert.doesNotMatch(e.message, /\n/);
  assert.equal(await store.count(), 5);
  // Failed files are not marked seen: the next run tries them again.
  const again = await run([dir], { maxBytes: 2048 });
  assert.deepEqual([again.skipped, again.failed], [5, 2]);
});

test('inputs that name nothing are reported and the rest still ingested', async () => {
  const missing = join(root, 'does-not-exist');
  const errors: string[] = [];
  const report = await run([missing, join(dir, 'a.txt')], { onError: (f) => errors.push(f) });
  assert.deepEqual([report.files, report.stored, report.failed], [1, 1, 1]);
  assert.deepEqual(errors, [missing]);
});

test('read warnings travel as document messages', async () => {
  const latin1 = join(dir, 'latin1.txt');
  writeFileSync(latin1, Buffer.from('Caf\xe9 opens\nA new caf\xe9 in Z\xfcrich.\n', 'latin1'));
  await run([latin1]);
  const doc = (await store.get((await store.search('opens'))[0]!.id))!;
  assert.ok(doc.messages.some((m) => m.source === 'ingest/read' && m.severity === 'warning'), JSON.stringify(doc.messages));
  assert.match(doc.article.text, /Zürich/);
});

test('an invalid maxBytes is a configuration error, before any file is read', async () => {
  await assert.rejects(run([dir], { maxBytes: 0 }), /maxBytes must be a positive number/);
  assert.equal(await store.count(), 0);
});
