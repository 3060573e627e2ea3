// Every API endpoint through app.inject (no port): happy path, 400 on bad input, 404 on unknown ids, pagination;
// the OpenAPI document; the static UI, its headers and the vendor allow-list.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { storyCorpus } from '../store/contract.js';
import { SqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import { buildServer, SECURITY_HEADERS } from './server.js';
import { VENDOR, vendorFile } from './vendor.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-serve-'));
const ui = join(dir, 'ui');
mkdirSync(join(ui, 'views'), { recursive: true });
writeFileSync(join(ui, 'index.html'), '<!doctype html><title>newsgraph test ui</title>');
writeFileSync(join(ui, 'views', 'app.js'), 'export const x = 1;\n');
const vendorDir = join(dir, 'node_modules', 'fakelib', 'dist');
mkdirSync(vendorDir, { recursive: true });
writeFileSync(join(vendorDir, 'fake.umd.js'), 'window.Fake = {};\n');

let app: FastifyInstance;
let store: Store;
const c = storyCorpus();

before(async () => {
  store = new SqliteStore(':memory:');
  for (const d of [c.wire, c.copy, c.followUp, c.markets, c.protest, c.old]) await store.put(d);
  app = await buildServer({ store, uiDir: ui, vendor: { fake: join(vendorDir, 'fake.umd.js') } });
});
after(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get(url: string) {
  const r = await app.inject({ method: 'GET', url });
  const json = /^application\/json/.test(String(r.headers['content-type'])) ? r.json() : null;
  return { status: r.statusCode, json, body: r.body, headers: r.headers };
}

async function bad(url: string, message: RegExp, status = 400) {
  const r = await get(url);
  assert.equal(r.status, status, `${url}: ${r.body}`);
  assert.match(String(r.headers['content-type']), /^application\/json/);
  assert.equal(r.json.error.status, status);
  assert.match(r.json.error.message, message, url);
}

describe('API', () => {
  test('GET /api/articles: newest first, filters, pagination, totals; 400 for bad values', async () => {
    const all = await get('/api/articles');
    assert.equal(all.status, 200);
    assert.equal(all.json.total, 6);
    assert.equal(all.json.limit, 20);
    assert.equal(all.json.offset, 0);
    assert.equal(all.json.items[0].id, c.old.id);
    assert.deepEqual(Object.keys(all.json.items[0]).sort(), ['dek', 'id', 'ingestedAt', 'published', 'siteName', 'source', 'storyId', 'title', 'url']);
    const p2 = await get('/api/articles?limit=2&offset=2');
    assert.deepEqual(p2.json.items.map((a: { id: string }) => a.id), all.json.items.slice(2, 4).map((a: { id: string }) => a.id));
    assert.equal(p2.json.total, 6);
    const f = await get(`/api/articles?actor=${encodeURIComponent('person:katya orlen')}&from=2024-03-04&to=2024-03-31&code=1`);
    assert.deepEqual(f.json.items.map((a: { id: string }) => a.id), [c.followUp.id]);
    assert.equal((await get('/api/articles?source=harbourline&q=depot')).json.items[0].id, c.copy.id);
    await bad('/api/articles?limit=201', /limit must be <= 200/);
    await bad('/api/articles?limit=-1', /limit must be >= 0/);
    await bad('/api/articles?limit=ten', /limit must be integer/);
    await bad('/api/articles?from=2024-3-1', /from must be YYYY-MM-DD, found '2024-3-1'/);
    await bad('/api/articles?to=2024-02-30', /to must be YYYY-MM-DD/);
    await bad('/api/articles?from=2024-03-05&to=2024-03-01', /from 2024-03-05 is after to 2024-03-01/);
    await bad('/api/articles?code=abc', /code must be a CAMEO event code prefix/);
    await bad('/api/articles?actor=US1', /actor must be a CAMEO actor code prefix/);
  });

  test('GET /api/articles/:id: the whole analysis with its story; prefixes; 404 and 400', async () => {
    const r = await get(`/api/articles/${c.wire.id}`);
    assert.equal(r.status, 200);
    for (const k of ['id', 'article', 'text', 'entities', 'quotes', 'events', 'dates', 'tone', 'messages', 'story']) assert.ok(k in r.json, k);
    assert.equal(r.json.text, c.wire.article.text);
    assert.equal(r.json.story.size, 3);
    assert.equal((await get(`/api/articles/${c.wire.id.slice(0, 10)}`)).json.id, c.wire.id);
    await bad(`/api/articles/${'f'.repeat(64)}`, /no article with id/, 404);
    await bad('/api/articles/xyz', /id must be an id/);
    await bad('/api/articles/abc12', /id must be/);
  });

  test('GET /api/articles/:id/next: same story, then the copy, then related, then null; seen validated', async () => {
    const n1 = await get(`/api/articles/${c.wire.id}/next`);
    assert.deepEqual([n1.json.reason, n1.json.article.id], ['same-story', c.followUp.id]);
    const n2 = await get(`/api/articles/${c.wire.id}/next?seen=${c.followUp.id}`);
    assert.deepEqual([n2.json.reason, n2.json.article.id], ['near-duplicate', c.copy.id]);
    const n3 = await get(`/api/articles/${c.wire.id}/next?seen=${[c.followUp.id, c.copy.id].join(',')}`);
    assert.deepEqual([n3.json.reason, n3.json.article.id], ['related', c.protest.id]);
    const n4 = await get(`/api/articles/${c.wire.id}/next?seen=${[c.followUp.id, c.copy.id, c.protest.id].join(',')}`);
    assert.deepEqual(n4.json, { article: null, reason: null });
    await bad(`/api/articles/${c.wire.id}/next?seen=abc`, /seen must list full article ids/);
    await bad(`/api/articles/${c.wire.id}/next?seen=not-hex`, /seen must be comma-separated article ids/);
    await bad(`/api/articles/${'0'.repeat(64)}/next`, /no article/, 404);
  });

  test('GET /api/search: hits, facets, totals, filters, pages', async () => {
    const r = await get('/api/search?q=depot&limit=2');
    assert.equal(r.status, 200);
    assert.equal(r.json.total, 5);
    assert.equal(r.json.items.length, 2);
    assert.ok(r.json.items.every((h: { snippet: string; score: number }) => /depot/i.test(h.snippet) && typeof h.score === 'number'));
    assert.deepEqual(Object.keys(r.json.facets).sort(), ['actors', 'codes', 'sources', 'types']);
    assert.ok(r.json.facets.actors.some((a: { key: string; count: number }) => a.key === 'person:katya orlen' && a.count === 4));
    const narrowed = await get('/api/search?q=depot&type=organization');
    assert.deepEqual(narrowed.json.items.map((h: { id: string }) => h.id), [c.protest.id]);
    const page2 = await get('/api/search?q=depot&limit=2&offset=4');
    assert.equal(page2.json.items.length, 1);
    await bad('/api/search?q=depot&type=planet', /type must be one of person, organization/);
    await bad('/api/search?from=yesterday', /from must be YYYY-MM-DD/);
  });

  test('GET /api/entities and /api/entities/:key', async () => {
    const r = await get('/api/entities?type=person');
    assert.deepEqual(r.json.items.map((e: { key: string }) => e.key), ['person:katya orlen']);
    assert.equal(r.json.total, 1);
    assert.equal((await get('/api/entities?limit=2&offset=1')).json.items.length, 2);
    const e = await get(`/api/entities/${encodeURIComponent('person:katya orlen')}`);
    assert.equal(e.status, 200);
    assert.equal(e.json.entity.articles, 4);
    assert.equal(e.json.quotes.length, 3);
    assert.deepEqual(e.json.eventsAsSource.map((x: { event: { code: string } }) => x.event.code), ['112']);
    assert.ok(Array.isArray(e.json.eventsAsTarget) && Array.isArray(e.json.mentionsOverTime));
    assert.equal(e.json.mentionsOverTime[0].period, '2024-W09');
    await bad(`/api/entities/${encodeURIComponent('person:nobody here')}`, /no entity/, 404);
    await bad('/api/entities/nokey', /key must be an entity key/);
    await bad('/api/entities?country=Kestria', /country must be an ISO 3166 alpha-3/);
  });

  test('GET /api/quotes and /api/events', async () => {
    const q = await get('/api/quotes?speaker=orlen&q=inquiry');
    assert.deepEqual(q.json.items.map((x: { articleId: string }) => x.articleId), [c.followUp.id]);
    assert.equal((await get('/api/quotes?limit=1')).json.total, 3);
    const ev = await get('/api/events?source=VEL');
    assert.deepEqual(ev.json.items.map((x: { event: { code: string } }) => x.event.code), ['190']);
    assert.equal((await get(`/api/events?target=${encodeURIComponent('location:veloria')}`)).json.items[0].articleId, c.followUp.id);
    assert.equal((await get('/api/events?code=11&from=2024-03-01&to=2024-03-31')).json.total, 1);
    await bad('/api/events?code=1a', /code must be/);
    await bad('/api/quotes?limit=1000', /limit must be <= 200/);
  });

  test('GET /api/dyad: a series between two actors; a and b required', async () => {
    const r = await get('/api/dyad?a=vel&b=kes&by=month');
    assert.equal(r.status, 200);
    assert.equal(r.json.a, 'VEL');
    assert.equal(r.json.by, 'month');
    assert.deepEqual(r.json.series.map((p: { period: string; total: number }) => [p.period, p.total]), [['2024-03', 1]]);
    await bad('/api/dyad?a=VEL', /b is required/);
    await bad('/api/dyad?a=VEL&b=KES&by=year', /by must be one of day, week, month/);
  });

  test('GET /api/stories and /api/stories/:id', async () => {
    const r = await get('/api/stories?limit=2');
    assert.equal(r.json.total, 4);
    assert.equal(r.json.items.length, 2);
    const wireStory = (await get(`/api/articles/${c.wire.id}`)).json.story.id;
    const s = await get(`/api/stories/${wireStory}`);
    assert.equal(s.status, 200);
    assert.equal(s.json.size, 3);
    assert.deepEqual(s.json.articles.map((a: { id: string }) => a.id).sort(), [c.wire.id, c.copy.id, c.followUp.id].sort());
    assert.ok(s.json.articles.every((a: { storyId: string }) => a.storyId === wireStory));
    await bad(`/api/stories/${'e'.repeat(64)}`, /no story/, 404);
    await bad('/api/stories/12', /id must be/);
  });

  test('GET /api/export: text formats with their content types; bad format 400', async () => {
    const csv = await get('/api/export?format=csv&code=19');
    assert.equal(csv.status, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    const lines = csv.body.trim().split('\n');
    assert.equal(lines.length, 2, csv.body);
    assert.match(lines[0]!, /^eventId,/);
    const jsonl = await get('/api/export?format=jsonl');
    assert.match(String(jsonl.headers['content-type']), /ndjson/);
    assert.equal(jsonl.body.trim().split('\n').length, 2);
    assert.equal(JSON.parse(jsonl.body.trim().split('\n')[0]!).docId.length, 64);
    await bad('/api/export?format=xml', /format must be one of gdelt, gkg, jsonl, csv/);
    await bad('/api/export', /format is required/);
  });

  test('unknown API paths are 404 JSON', async () => {
    await bad('/api/nothing', /not found: GET \/api\/nothing/, 404);
    await bad('/nothing-here.js', /not found/, 404);
  });
});

test('OpenAPI: a 3.x document listing every API route with its parameters', async () => {
  const r = await get('/api/openapi.json');
  assert.equal(r.status, 200);
  assert.match(r.json.openapi, /^3\./);
  const paths = Object.keys(r.json.paths);
  const expected = [
    '/api/articles', '/api/articles/{id}', '/api/articles/{id}/next', '/api/search', '/api/entities', '/api/entities/{key}',
    '/api/quotes', '/api/events', '/api/dyad', '/api/stories', '/api/stories/{id}', '/api/export', '/api/openapi.json',
  ];
  assert.deepEqual([...paths].sort(), [...expected].sort());
  for (const p of expected) assert.ok(app.hasRoute({ method: 'GET', url: p.replace(/\{(\w+)\}/g, ':$1') }), `${p} is a route`);
  const limit = r.json.paths['/api/articles'].get.parameters.find((p: { name: string }) => p.name === 'limit');
  assert.equal(limit.in, 'query');
  assert.equal(limit.schema.maximum, 200);
  assert.ok(r.json.paths['/api/articles/{id}'].get.parameters.some((p: { name: string; in: string }) => p.name === 'id' && p.in === 'path'));
});

test('UI: index.html at / and /ui/, static files, security headers; JSON API carries them too', async () => {
  for (const url of ['/', '/ui/', '/views/app.js', '/ui/views/app.js']) {
    const r = await get(url);
    assert.equal(r.status, 200, url);
    assert.equal(r.headers['content-security-policy'], SECURITY_HEADERS['content-security-policy']);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
  }
  assert.match((await get('/')).body, /newsgraph test ui/);
  assert.match(String((await get('/')).headers['content-type']), /^text\/html/);
  assert.match(String((await get('/views/app.js')).headers['content-type']), /javascript/);
  const api = await get('/api/stories');
  assert.equal(api.headers['x-content-type-options'], 'nosniff');
  assert.match(String(api.headers['content-type']), /^application\/json/);
  await bad('/../package.json', /not found/, 404);
});

test('vendor: allow-listed files only', async () => {
  const r = await get('/vendor/fake');
  assert.equal(r.status, 200);
  assert.equal(r.body, 'window.Fake = {};\n');
  assert.equal(r.headers['x-content-type-options'], 'nosniff');
  await bad('/vendor/other', /no vendor file 'other'/, 404);
  await bad('/vendor/..%2Fpackage.json', /no vendor file/, 404);
  // The shipped map: every entry resolves to an installed file.
  assert.equal(typeof VENDOR, 'object');
  for (const name of Object.keys(VENDOR)) assert.ok(vendorFile(name), `VENDOR['${name}'] resolves to a file`);
  assert.equal(vendorFile('constructor'), null, 'only own keys of the map');
  assert.equal(vendorFile('nope'), null);
});
