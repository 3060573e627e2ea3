// `newsgraph watch` and `newsgraph ingest URL|WARC` as a user runs them, against a local server on 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { html, send, startServer, type TestServer } from '../ingest/sources.test-helpers.js';
import { formatHttpResponse, warcResponse } from '../ingest/warc.js';
import { openStore } from '../store/open.js';
import { splitInputs } from './source-commands.js';

const bin = fileURLToPath(new URL('../../bin/newsgraph.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ng-src-cli-'));
let srv: TestServer;

/** Runs the CLI without blocking this process's event loop (the server answers from here). */
function cli(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [bin, ...args], { cwd: dir });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    const t = setTimeout(() => p.kill(), 20_000);
    p.on('close', (code) => {
      clearTimeout(t);
      resolve({ code, out, err });
    });
  });
}

const page = (n: number) =>
  html(`Kessin report ${n}`, [`KESSIN — The port of Kessin reopened on Monday after ${n} weeks, officials said.`, 'Traffic resumed slowly.']);

before(async () => {
  srv = await startServer({
    '/feed.xml': (req, res) => {
      if (req.headers['if-none-match'] === '"f1"') return res.writeHead(304).end();
      res
        .writeHead(200, { 'content-type': 'application/rss+xml', etag: '"f1"' })
        .end(
          `<rss version="2.0"><channel><title>K</title>${[1, 2]
            .map((n) => `<item><title>R${n}</title><link>/r/${n}</link><pubDate>Mon, 0${n} Jun 2025 10:00:00 GMT</pubDate></item>`)
            .join('')}</channel></rss>`,
        );
    },
    '/r/1': send(page(1)),
    '/r/2': send(page(2)),
    '/r/3': send(page(3)),
  });
});
after(() => srv.close());

test('splitInputs: URLs, WARC files and the rest', () => {
  assert.deepEqual(splitInputs(['https://a/x', 'c.warc.gz', 'd/', 'HTTP://B/', 'e.html', 'f.WARC']), {
    urls: ['https://a/x', 'HTTP://B/'],
    warcs: ['c.warc.gz', 'f.WARC'],
    files: ['d/', 'e.html'],
  });
});

test('watch --once: one line per new article; the second poll finds the feed not modified', async () => {
  const db = join(dir, 'watch.db');
  const args = ['watch', `${srv.base}/feed.xml`, '--once', '--db', db, '--allow-private', '--delay', '0'];
  const r1 = await cli(args);
  assert.equal(r1.code, 0, r1.err);
  const lines = r1.out.trim().split('\n');
  assert.equal(lines.length, 2, r1.out);
  assert.match(lines[0]!, /^[0-9a-f]{12} {2}2025-06-01 {2}Kessin report 1 {2}http:\/\/127\.0\.0\.1:\d+\/r\/1$/);
  assert.match(r1.err, /feed\.xml: 2 items: 2 new/);
  const r2 = await cli(args);
  assert.equal(r2.code, 0, r2.err);
  assert.equal(r2.out, '');
  assert.match(r2.err, /feed\.xml: not modified/);
  assert.equal(srv.hitsOf('/r/1').length, 1);
});

test('ingest: URLs, a WARC and a file together; loopback refused without --allow-private', async () => {
  const db = join(dir, 'ingest.db');
  const warc = join(dir, 'crawl.warc.gz');
  writeFileSync(warc, gzipSync(warcResponse('https://kessin.example/w', formatHttpResponse(200, { 'Content-Type': 'text/html' }, page(9)))));
  const file = join(dir, 'local.html');
  writeFileSync(file, page(8));

  const refused = await cli(['ingest', `${srv.base}/r/3`, '--db', db]);
  assert.equal(refused.code, 1);
  assert.match(refused.err, new RegExp(`^newsgraph: ${srv.base}/r/3: refused: a loopback address 127\\.0\\.0\\.1$`, 'm'));
  assert.equal(srv.hitsOf('/r/3').length, 0);

  const r = await cli(['ingest', `${srv.base}/r/3`, warc, file, '--db', db, '--allow-private', '--delay', '0']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /ingested 1 files .*1 stored/);
  assert.match(r.err, /crawl\.warc\.gz in [\d.]+ s: 1 records, 1 HTML responses: 1 stored/);
  assert.match(r.err, /ingested 1 URL in [\d.]+ s: 1 stored/);
  const store = await openStore(db);
  try {
    const urls = (await store.list({ limit: 10 })).map((a) => a.url).sort();
    assert.deepEqual(urls, [`${srv.base}/r/3`, 'https://kessin.example/w', null].sort());
  } finally {
    await store.close();
  }
});
