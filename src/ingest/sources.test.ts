// URLs, feeds and WARC files into a store, against a local server on 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defaultPipeline } from '../index.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { createClient, ingestUrls, ingestWarc, pollFeed, type Client, type SourceOptions } from './sources.js';
import { html, send, startServer, type TestServer } from './sources.test-helpers.js';
import { formatHttpResponse, warcResponse } from './warc.js';

let srv: TestServer;
let feedVersion = 1;
const dir = mkdtempSync(join(tmpdir(), 'ng-sources-'));
const pipeline = defaultPipeline();

const story = (n: number) =>
  html(`Velgrad story ${n}`, [
    `VELGRAD — Officials in Velgrad said on Tuesday that talks number ${n} with Astoria would resume next week.`,
    `"We are ready," Foreign Minister Ana Kovec told reporters after meeting ${n}.`,
  ]);

function rss(): string {
  const items = [
    ['/a/1', 'Tue, 10 Jun 2025 23:30:00 -0400'],
    ['/a/2', 'Wed, 11 Jun 2025 08:00:00 GMT'],
    ['/blocked/3', 'Wed, 11 Jun 2025 09:00:00 GMT'],
    ...(feedVersion > 1 ? [['/a/4', 'Thu, 12 Jun 2025 10:00:00 GMT']] : []),
  ];
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Velgrad Daily</title>${items
    .map(([p, d]) => `<item><title>Item ${p}</title><link>${p}</link><pubDate>${d}</pubDate></item>`)
    .join('')}</channel></rss>`;
}

before(async () => {
  srv = await startServer({
    '/robots.txt': send('User-agent: *\nDisallow: /blocked/\n', 'text/plain'),
    '/feed.rss': (req, res) => {
      const etag = `"feed-v${feedVersion}"`;
      if (req.headers['if-none-match'] === etag) return res.writeHead(304, { etag }).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(rss());
    },
    '/feed.json': send(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Copies',
        items: [
          { url: '/copy/1', title: 'Same as a/1', date_published: '2025-06-10T10:00:00Z' },
          { url: '/b/5', title: 'Five', date_published: '2025-06-13T10:00:00+09:00' },
        ],
      }),
      'application/feed+json',
    ),
    '/feed.atom': send(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>Six</title><link href="/b/6"/><id>6</id><published>2025-06-14T00:00:00Z</published></entry></feed>`,
      'application/atom+xml',
    ),
    '/a/1': send(story(1)),
    '/a/2': send(story(2)),
    '/a/4': send(story(4)),
    '/blocked/3': send(story(3)),
    '/copy/1': send(story(1)),
    '/b/5': send(story(5)),
    '/b/6': send(story(6)),
    '/latin1': send(Buffer.from(html('Café crème', ['Le café de Velgrad a rouvert ses portes mardi matin.']), 'latin1'), 'text/html; charset=windows-1252', {
      etag: '"l1"',
    }),
    '/etagged': (req, res) => {
      if (req.headers['if-none-match'] === '"e1"') return res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'text/html', etag: '"e1"' }).end(story(7));
    },
  });
});
after(() => srv.close());

async function withStore<T>(f: (s: Store, c: Client) => Promise<T>): Promise<T> {
  const store = await openStore(':memory:');
  const client = createClient(store, { allowAddresses: ['127.0.0.1'], minDelayMs: 0 });
  try {
    return await f(store, client);
  } finally {
    await client.close();
    await store.close();
  }
}

test('feed poll: new items fetched and stored with their URL and day; robots.txt respected; 304 on the next poll', async () => {
  await withStore(async (store, client) => {
    const printed: string[] = [];
    const notes: string[] = [];
    const o: SourceOptions = { pipeline, onArticle: (a) => printed.push(a.url!), onNote: (_i, m) => notes.push(m) };
    const r1 = await pollFeed(store, client, `${srv.base}/feed.rss`, o);
    assert.equal(r1.items, 3);
    assert.equal(r1.stored, 2);
    assert.equal(r1.disallowed, 1);
    assert.equal(r1.failed, 0, JSON.stringify(r1.errors));
    assert.deepEqual(printed, [`${srv.base}/a/1`, `${srv.base}/a/2`]);
    assert.match(notes[0]!, /\/blocked\/3: skipped: disallowed by .*robots\.txt/);
    assert.equal(srv.hitsOf('/blocked/3').length, 0);
    const list = await store.list({ limit: 10 });
    const one = list.find((a) => a.url === `${srv.base}/a/1`)!;
    assert.equal(one.published?.slice(0, 10), '2025-06-10', 'the day as the feed wrote it (-0400), not UTC');
    assert.equal(one.title, 'Velgrad story 1');

    const r2 = await pollFeed(store, client, `${srv.base}/feed.rss`, o);
    assert.equal(r2.notModified, true);
    assert.equal(r2.stored, 0);
    assert.equal(srv.hitsOf('/feed.rss').at(-1)!.headers['if-none-match'], '"feed-v1"');
    assert.equal(await store.count(), 2);

    // The feed changes: only the new item is fetched; items fetched (or refused by robots) before are not.
    feedVersion = 2;
    const r3 = await pollFeed(store, client, `${srv.base}/feed.rss`, o);
    assert.equal(r3.stored, 1);
    assert.equal(r3.skipped, 3);
    assert.equal(srv.hitsOf('/a/1').length, 1);
    assert.equal(srv.hitsOf('/a/4').length, 1);
    assert.equal(await store.count(), 3);
    assert.equal(srv.hitsOf('/robots.txt').length, 1);
  });
});

test('JSON Feed and Atom: a copy of a stored page is a duplicate by content hash', async () => {
  await withStore(async (store, client) => {
    await pollFeed(store, client, `${srv.base}/feed.rss`, { pipeline });
    const before = await store.count();
    const j = await pollFeed(store, client, `${srv.base}/feed.json`, { pipeline });
    assert.equal(j.stored, 1);
    assert.equal(j.duplicates, 1);
    const a = await pollFeed(store, client, `${srv.base}/feed.atom`, { pipeline });
    assert.equal(a.stored, 1);
    assert.equal(await store.count(), before + 2);
    const five = (await store.list({ limit: 20 })).find((x) => x.url === `${srv.base}/b/5`)!;
    assert.equal(five.published?.slice(0, 10), '2025-06-13');
  });
});

test('single URLs: the Content-Type charset decodes the page; an unchanged page is not stored again (304)', async () => {
  await withStore(async (store, client) => {
    const r = await ingestUrls(store, client, [`${srv.base}/latin1`, `${srv.base}/etagged`, `${srv.base}/nope`], { pipeline });
    assert.equal(r.stored, 2);
    assert.equal(r.failed, 1);
    assert.equal(r.errors[0]!.message, `newsgraph: ${srv.base}/nope: HTTP 404`);
    const latin = (await store.list({ limit: 10 })).find((x) => x.url === `${srv.base}/latin1`)!;
    const doc = (await store.get(latin.id))!;
    assert.equal(doc.input.charset, 'windows-1252');
    assert.equal(doc.input.url, `${srv.base}/latin1`);
    assert.equal(doc.article.title, 'Café crème');
    const again = await ingestUrls(store, client, [`${srv.base}/etagged`], { pipeline });
    assert.equal(again.skipped, 1);
    assert.equal(again.stored + again.duplicates, 0);
    assert.equal(srv.hitsOf('/etagged').at(-1)!.headers['if-none-match'], '"e1"');
  });
});

test('WARC into the store: HTML responses stored, a re-run skips the file, damage keeps what came before', async () => {
  const recs = [1, 2, 3].map((n) =>
    gzipSync(warcResponse(`https://velgrad.example/${n}`, formatHttpResponse(200, { 'Content-Type': 'text/html; charset=utf-8' }, story(10 + n)))),
  );
  const good = join(dir, 'news.warc.gz');
  writeFileSync(good, Buffer.concat(recs));
  const cut = join(dir, 'cut.warc.gz');
  const cutBytes = Buffer.concat([recs[0]!, recs[1]!, recs[2]!.subarray(0, 30)]);
  writeFileSync(cut, cutBytes);
  await withStore(async (store) => {
    const r1 = await ingestWarc(store, good, { pipeline });
    assert.equal(r1.stored, 3);
    assert.equal(r1.warc.records, 3);
    const doc = (await store.list({ limit: 5 })).find((x) => x.url === 'https://velgrad.example/2')!;
    assert.equal(doc.title, 'Velgrad story 12');
    const r2 = await ingestWarc(store, good, { pipeline });
    assert.equal(r2.skipped, 1);
    assert.equal(r2.stored, 0);
    const r3 = await ingestWarc(store, cut, { pipeline });
    // The two records before the damage were analysed before (same WARC-Record-IDs): skipped, then the damage.
    assert.equal(r3.inputs, 2);
    assert.equal(r3.skipped, 2);
    assert.equal(r3.failed, 1);
    assert.match(r3.errors[0]!.message, new RegExp(`^newsgraph: ${cut}: truncated or corrupt gzip data`));
  });
  await withStore(async (store) => {
    const r = await ingestWarc(store, cut, { pipeline });
    assert.equal(r.stored, 2);
    assert.equal(r.failed, 1);
    assert.equal(await store.count(), 2);
  });
});
