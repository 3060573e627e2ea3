import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import { InputError } from '../errors.js';
import { dechunk, formatHttpResponse, formatWarcRecord, isWarcPath, readWarc, warcResponse, type WarcRecord, type WarcStats } from './warc.js';

const dir = mkdtempSync(join(tmpdir(), 'ng-warc-'));
const page = (t: string) => `<!doctype html><html><head><title>${t}</title></head><body><p>${t} — text.</p></body></html>`;

function chunked(s: string): Buffer {
  const b = Buffer.from(s);
  const a = b.subarray(0, 10);
  const c = b.subarray(10);
  return Buffer.concat([
    Buffer.from(`${a.length.toString(16)}\r\n`), a, Buffer.from('\r\n'),
    Buffer.from(`${c.length.toString(16)};ext=1\r\n`), c, Buffer.from('\r\n0\r\n\r\n'),
  ]);
}

/** The records of a small crawl, in order. */
function records(): Buffer[] {
  return [
    formatWarcRecord({ 'WARC-Type': 'warcinfo', 'WARC-Record-ID': '<urn:uuid:info>', 'Content-Type': 'application/warc-fields' }, 'software: test\r\n'),
    formatWarcRecord(
      { 'WARC-Type': 'request', 'WARC-Target-URI': 'https://a.example/1', 'Content-Type': 'application/http; msgtype=request' },
      'GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n',
    ),
    warcResponse('https://a.example/1', formatHttpResponse(200, { 'Content-Type': 'text/html; charset=utf-8' }, page('Plain')), { id: 'r1' }),
    formatWarcRecord({ 'WARC-Type': 'metadata', 'WARC-Target-URI': 'https://a.example/1', 'Content-Type': 'application/warc-fields' }, 'fetchTimeMs: 12\r\n'),
    warcResponse('<https://a.example/2>', formatHttpResponse(200, { 'Content-Type': 'text/html', 'Transfer-Encoding': 'chunked' }, chunked(page('Chunked'))), {
      id: 'r2',
      date: '2025-06-11T01:02:03Z',
    }),
    warcResponse('https://a.example/3', formatHttpResponse(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' }, gzipSync(page('Gzipped'))), { id: 'r3' }),
    warcResponse('https://a.example/4', formatHttpResponse(200, { 'Content-Type': 'application/xhtml+xml', 'Content-Encoding': 'deflate' }, deflateSync(page('Deflated'))), { id: 'r4' }),
    warcResponse('https://a.example/logo.png', formatHttpResponse(200, { 'Content-Type': 'image/png' }, Buffer.from([0x89, 0x50, 0x4e, 0x47]))),
    warcResponse('https://a.example/missing', formatHttpResponse(404, { 'Content-Type': 'text/html' }, page('Not found'))),
    warcResponse('https://a.example/5', formatHttpResponse(200, { 'Content-Type': 'text/html' }, page('Last'))),
  ];
}

async function collect(path: string, o: Parameters<typeof readWarc>[1] = {}): Promise<{ recs: WarcRecord[]; error: Error | null }> {
  const recs: WarcRecord[] = [];
  try {
    for await (const r of readWarc(path, o)) recs.push(r);
    return { recs, error: null };
  } catch (e) {
    return { recs, error: e as Error };
  }
}

test('.warc.gz (one gzip member per record): HTML responses only, de-chunked and decompressed', async () => {
  const path = join(dir, 'crawl.warc.gz');
  writeFileSync(path, Buffer.concat(records().map((r) => gzipSync(r))));
  const stats: WarcStats = { records: 0, yielded: 0, skipped: 0, oversized: 0 };
  const { recs, error } = await collect(path, { stats });
  assert.equal(error, null);
  assert.deepEqual(
    recs.map((r) => [r.url, r.body.toString('utf8')]),
    [
      ['https://a.example/1', page('Plain')],
      ['https://a.example/2', page('Chunked')],
      ['https://a.example/3', page('Gzipped')],
      ['https://a.example/4', page('Deflated')],
      ['https://a.example/5', page('Last')],
    ],
  );
  assert.equal(recs[0]!.contentType, 'text/html; charset=utf-8');
  assert.equal(recs[0]!.recordId, '<urn:uuid:r1>');
  assert.equal(recs[1]!.date, '2025-06-11T01:02:03Z');
  assert.equal(recs[1]!.index, 5);
  assert.deepEqual(stats, { records: 10, yielded: 5, skipped: 5, oversized: 0 });
});

test('plain .warc and a single-member .warc.gz read the same', async () => {
  const plain = join(dir, 'crawl.warc');
  const whole = join(dir, 'whole.warc.gz');
  writeFileSync(plain, Buffer.concat(records()));
  writeFileSync(whole, gzipSync(Buffer.concat(records())));
  for (const p of [plain, whole]) {
    const { recs, error } = await collect(p);
    assert.equal(error, null, p);
    assert.equal(recs.length, 5, p);
    assert.equal(recs[4]!.body.toString(), page('Last'));
  }
});

test('a truncated .warc.gz: the records before the damage, then an InputError naming the file', async () => {
  const path = join(dir, 'cut.warc.gz');
  const all = Buffer.concat(records().map((r) => gzipSync(r)));
  writeFileSync(path, all.subarray(0, all.length - 40));
  const { recs, error } = await collect(path);
  assert.equal(recs.length, 4);
  assert.ok(error instanceof InputError, String(error));
  assert.match(error.message, new RegExp(`^newsgraph: ${path}: truncated or corrupt gzip data near offset \\d+ \\(9 complete records read\\)$`));
});

test('a truncated .warc (mid-block): records before it kept, one-line error', async () => {
  const path = join(dir, 'cut.warc');
  const all = Buffer.concat(records());
  writeFileSync(path, all.subarray(0, all.length - 50));
  const { recs, error } = await collect(path);
  assert.equal(recs.length, 4);
  assert.ok(error instanceof InputError);
  assert.match(error.message, new RegExp(`^newsgraph: ${path}: truncated WARC: the record at offset \\d+ ends early \\(9 complete records read\\)$`));
});

test('per-record cap: a record over it is skipped (not held) with a warning; garbage is refused', async () => {
  const path = join(dir, 'big.warc');
  const big = warcResponse('https://a.example/big', formatHttpResponse(200, { 'Content-Type': 'text/html' }, page('x'.repeat(5000))));
  writeFileSync(path, Buffer.concat([big, ...records()]));
  const warnings: string[] = [];
  const stats: WarcStats = { records: 0, yielded: 0, skipped: 0, oversized: 0 };
  const { recs, error } = await collect(path, { maxRecordBytes: 2000, onWarning: (m) => warnings.push(m), stats });
  assert.equal(error, null);
  assert.equal(recs.length, 5);
  assert.equal(stats.oversized, 1);
  assert.match(warnings[0]!, /record 1 \(https:\/\/a\.example\/big\) is 9\.\d KB, over the 2 KB cap; skipped$/);

  const junk = join(dir, 'junk.warc');
  writeFileSync(junk, 'hello world\n');
  const r = await collect(junk);
  assert.match(r.error!.message, /junk\.warc: not a WARC record at offset 0 \(found 'hello world'\)/);
  const missing = await collect(join(dir, 'nope.warc'));
  assert.match(missing.error!.message, /nope\.warc: no such file/);
});

test('helpers: dechunk, isWarcPath', () => {
  assert.equal(dechunk(chunked('hello chunked world'))!.toString(), 'hello chunked world');
  assert.equal(dechunk(Buffer.from('not chunks')), null);
  assert.ok(isWarcPath('/x/CC-NEWS-2025.warc.gz'));
  assert.ok(isWarcPath('a.WARC'));
  assert.ok(!isWarcPath('a.warc.txt'));
});
