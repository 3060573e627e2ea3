// The fetcher against a local server on 127.0.0.1 only; refusals of other addresses are tested without connecting.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { InputError } from '../errors.js';
import { addressKind, Fetcher, HostRateLimiter, MemoryValidatorCache, RefusedError, type Resolver } from './fetch.js';
import { send, startServer, type TestServer } from './sources.test-helpers.js';

let srv: TestServer;
const PAGE = '<!doctype html><html><head><title>Hello</title></head><body><p>Grüße aus Velgrad.</p></body></html>';

/** A resolver that must never be asked (the host is an IP literal or refused before any lookup). */
const noDns: Resolver = async (host) => {
  throw new Error(`unexpected DNS lookup of ${host}`);
};

function local(o: ConstructorParameters<typeof Fetcher>[0] = {}): Fetcher {
  return new Fetcher({ allowAddresses: ['127.0.0.1'], minDelayMs: 0, resolve: noDns, ...o });
}

before(async () => {
  srv = await startServer({
    '/page': send(PAGE, 'text/html; charset=utf-8'),
    '/gzip': (_q, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(PAGE)),
    '/br': (_q, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' }).end(brotliCompressSync(PAGE)),
    '/deflate': (_q, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'deflate' }).end(deflateSync(PAGE)),
    '/deflate-raw': (_q, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'deflate' }).end(deflateRawSync(PAGE)),
    '/bomb': (_q, res) =>
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(3 * 1024 * 1024, 0x61))),
    '/huge': (_q, res) => {
      // Endless: the fetcher must stop reading at the cap.
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 0x62);
      const pump = () => {
        while (res.write(chunk)) if (res.destroyed) return;
        res.once('drain', pump);
      };
      res.on('error', () => undefined);
      pump();
    },
    '/slow': (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>start');
      const t = setTimeout(() => res.end('</p>'), 5000);
      res.on('close', () => clearTimeout(t));
    },
    '/r1': (_q, res) => res.writeHead(302, { location: '/r2' }).end(),
    '/r2': (_q, res) => res.writeHead(301, { location: `${srv.base}/page` }).end(),
    '/loop': (_q, res) => res.writeHead(302, { location: '/loop' }).end(),
    '/to-private': (_q, res) => res.writeHead(302, { location: 'http://10.0.0.1/admin' }).end(),
    '/to-name': (_q, res) => res.writeHead(307, { location: 'http://intranet.example/' }).end(),
    '/to-file': (_q, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
    '/etag': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'text/html', etag: '"v1"', 'last-modified': 'Tue, 10 Jun 2025 10:00:00 GMT' }).end(PAGE);
    },
    '/missing': (_q, res) => res.writeHead(404).end('gone'),
  });
});
after(() => srv.close());

test('GET: body, content type, a User-Agent naming newsgraph, and gzip / br / deflate undone', async () => {
  const f = local();
  try {
    const r = await f.fetch(`${srv.base}/page`);
    assert.equal(r.status, 200);
    assert.equal(r.body.toString('utf8'), PAGE);
    assert.equal(r.contentType, 'text/html; charset=utf-8');
    assert.match(String(srv.hitsOf('/page').at(-1)!.headers['user-agent']), /^newsgraph\//);
    assert.equal((await f.fetch(`${srv.base}/gzip`)).body.toString('utf8'), PAGE);
    assert.equal((await f.fetch(`${srv.base}/br`)).body.toString('utf8'), PAGE);
    assert.equal((await f.fetch(`${srv.base}/deflate`)).body.toString('utf8'), PAGE);
    assert.equal((await f.fetch(`${srv.base}/deflate-raw`)).body.toString('utf8'), PAGE);
    await assert.rejects(f.fetch(`${srv.base}/missing`), { message: `newsgraph: ${srv.base}/missing: HTTP 404` });
  } finally {
    await f.close();
  }
});

test('size cap: an endless response is abandoned, and the cap holds after decompression', async () => {
  const f = local({ maxBytes: 1024 * 1024 });
  try {
    const t0 = Date.now();
    await assert.rejects(f.fetch(`${srv.base}/huge`), { message: `newsgraph: ${srv.base}/huge: response is larger than 1 MB` });
    assert.ok(Date.now() - t0 < 3000);
    // 3 MB of 'a' gzips to a few KB: under the cap on the wire, over it once decompressed.
    await assert.rejects(f.fetch(`${srv.base}/bomb`), { message: `newsgraph: ${srv.base}/bomb: decompressed response is larger than 1 MB` });
  } finally {
    await f.close();
  }
});

test('timeout: a response that stalls fails with a one-line error', async () => {
  const f = local({ timeoutMs: 300 });
  try {
    const t0 = Date.now();
    await assert.rejects(f.fetch(`${srv.base}/slow`), { message: `newsgraph: ${srv.base}/slow: timed out after 0.3 s` });
    assert.ok(Date.now() - t0 < 2000);
  } finally {
    await f.close();
  }
});

test('redirects are followed by hand, at most 5', async () => {
  const f = local();
  try {
    const r = await f.fetch(`${srv.base}/r1`);
    assert.equal(r.finalUrl, `${srv.base}/page`);
    assert.deepEqual(r.redirects, [`${srv.base}/r2`, `${srv.base}/page`]);
    assert.equal(r.body.toString('utf8'), PAGE);
    const before = srv.hitsOf('/loop').length;
    await assert.rejects(f.fetch(`${srv.base}/loop`), { message: `newsgraph: ${srv.base}/loop: too many redirects (more than 5)` });
    assert.equal(srv.hitsOf('/loop').length - before, 6);
  } finally {
    await f.close();
  }
});

test('conditional GET: the validators are sent and a 304 comes back without a body', async () => {
  const cache = new MemoryValidatorCache();
  const f = local({ cache });
  try {
    const first = await f.fetch(`${srv.base}/etag`, { conditional: true });
    assert.equal(first.status, 200);
    assert.deepEqual(first.validators, { etag: '"v1"', lastModified: 'Tue, 10 Jun 2025 10:00:00 GMT' });
    // Not remembered yet: the caller remembers once it has used the body.
    assert.equal((await f.fetch(`${srv.base}/etag`, { conditional: true })).status, 200);
    await f.remember(first);
    const second = await f.fetch(`${srv.base}/etag`, { conditional: true });
    assert.equal(second.notModified, true);
    assert.equal(second.body.length, 0);
    const hit = srv.hitsOf('/etag').at(-1)!;
    assert.equal(hit.headers['if-none-match'], '"v1"');
    assert.equal(hit.headers['if-modified-since'], 'Tue, 10 Jun 2025 10:00:00 GMT');
  } finally {
    await f.close();
  }
});

test('rate limit: at least minDelayMs between requests to one host', async () => {
  const f = local({ minDelayMs: 250 });
  try {
    const n0 = srv.hits.length;
    const t0 = Date.now();
    for (let i = 0; i < 3; i++) await f.fetch(`${srv.base}/page`);
    const elapsed = Date.now() - t0;
    assert.ok(elapsed >= 480, `3 requests took ${elapsed} ms`);
    const at = srv.hits.slice(n0).map((h) => h.at);
    assert.ok(at[1]! - at[0]! >= 230 && at[2]! - at[1]! >= 230, `gaps ${at[1]! - at[0]!}, ${at[2]! - at[1]!}`);
  } finally {
    await f.close();
  }
  // Different hosts do not wait for each other; the same host does.
  const lim = new HostRateLimiter();
  const t1 = Date.now();
  await lim.wait('a', 200);
  await lim.wait('b', 200);
  assert.ok(Date.now() - t1 < 100);
  await lim.wait('a', 200);
  assert.ok(Date.now() - t1 >= 190);
});

test('SSRF: loopback is refused unless allowed', async () => {
  const f = new Fetcher({ minDelayMs: 0, resolve: noDns });
  try {
    const n0 = srv.hits.length;
    await assert.rejects(f.fetch(`${srv.base}/page`), (e: Error) => {
      assert.ok(e instanceof RefusedError);
      assert.equal(e.message, `newsgraph: ${srv.base}/page: refused: a loopback address 127.0.0.1`);
      return true;
    });
    assert.equal(srv.hits.length, n0, 'the server was not contacted');
  } finally {
    await f.close();
  }
  const ok = new Fetcher({ minDelayMs: 0, resolve: noDns, allowPrivate: true });
  try {
    assert.equal((await ok.fetch(`${srv.base}/page`)).status, 200);
  } finally {
    await ok.close();
  }
});

test('SSRF: private, link-local, unspecified and IPv6 literals are refused before any connection', async () => {
  const f = new Fetcher({ minDelayMs: 0, resolve: noDns, connectTimeoutMs: 100 });
  const cases: [string, string][] = [
    ['http://10.0.0.1/', 'a private address 10.0.0.1'],
    ['http://169.254.169.254/latest/meta-data/', 'a link-local address 169.254.169.254'],
    ['http://[::1]/', 'a loopback address ::1'],
    ['http://0.0.0.0/', 'an unspecified address 0.0.0.0'],
    ['http://[::ffff:10.0.0.1]/', 'a private address ::ffff:a00:1'],
    ['http://[fd12:3456::1]/', 'a private address fd12:3456::1'],
    ['http://[fe80::1]/', 'a link-local address fe80::1'],
    ['http://100.64.1.1/', 'a CGNAT address 100.64.1.1'],
    ['http://224.0.0.1/', 'a multicast address 224.0.0.1'],
    ['http://2130706433/', 'a loopback address 127.0.0.1'], // the URL parser normalises decimal IPv4
  ];
  try {
    for (const [url, why] of cases) {
      await assert.rejects(f.fetch(url), (e: Error) => {
        assert.ok(e instanceof RefusedError, `${url}: ${e.message}`);
        assert.equal(e.message, `newsgraph: ${url}: refused: ${why}`);
        return true;
      });
    }
    await assert.rejects(f.fetch('ftp://example.com/x'), { message: 'newsgraph: ftp://example.com/x: refused: only http and https URLs are fetched, not ftp:' });
    await assert.rejects(f.fetch('file:///etc/passwd'), { message: /refused: only http and https URLs are fetched, not file:/ });
  } finally {
    await f.close();
  }
});

test('SSRF: a host name resolving to a private address is refused (any of its addresses)', async () => {
  const resolve: Resolver = async () => [
    { address: '93.184.216.34', family: 4 },
    { address: '10.0.0.5', family: 4 },
  ];
  const f = new Fetcher({ minDelayMs: 0, resolve });
  try {
    await assert.rejects(f.fetch('https://x.example/'), { message: 'newsgraph: https://x.example/: refused: resolves to a private address 10.0.0.5' });
  } finally {
    await f.close();
  }
});

test('SSRF: every redirect hop is re-checked (private address, private name, file: scheme)', async () => {
  const resolve: Resolver = async (host) => {
    assert.equal(host, 'intranet.example');
    return [{ address: '192.168.1.10', family: 4 }];
  };
  const f = local({ resolve });
  try {
    await assert.rejects(f.fetch(`${srv.base}/to-private`), {
      message: `newsgraph: ${srv.base}/to-private: refused: redirect to http://10.0.0.1/admin: a private address 10.0.0.1`,
    });
    await assert.rejects(f.fetch(`${srv.base}/to-name`), {
      message: `newsgraph: ${srv.base}/to-name: refused: redirect to http://intranet.example/: resolves to a private address 192.168.1.10`,
    });
    await assert.rejects(f.fetch(`${srv.base}/to-file`), { message: /refused: redirect to file:\/\/\/etc\/passwd: only http and https/ });
  } finally {
    await f.close();
  }
});

test('DNS rebinding: the connection goes to the address that was checked, not a fresh answer', async () => {
  let calls = 0;
  // First answer: the (allowed) test server; any later answer would be a private address.
  const resolve: Resolver = async () => (calls++ === 0 ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '10.9.9.9', family: 4 }]);
  const port = new URL(srv.base).port;
  const f = local({ resolve });
  try {
    const r = await f.fetch(`http://localhost:${port}/page`);
    assert.equal(r.body.toString('utf8'), PAGE);
    assert.equal(srv.hitsOf('/page').at(-1)!.headers.host, `localhost:${port}`);
    assert.equal(calls, 1, 'resolved once, connected to the checked address');
    assert.equal(f.pinnedLookups, 1, 'the socket asked the pinned lookup');
  } finally {
    await f.close();
  }
});

test('address classes', () => {
  const table: [string, string | null][] = [
    ['8.8.8.8', null],
    ['172.15.0.1', null],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.1', 'private'],
    ['127.8.8.8', 'loopback'],
    ['100.63.0.1', null],
    ['100.127.0.1', 'CGNAT'],
    ['255.255.255.255', 'reserved'],
    ['2606:4700::1111', null],
    ['::', 'unspecified'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:8.8.8.8', null],
    ['64:ff9b::a00:1', 'private'],
    ['2002:c0a8:0101::1', 'private'],
    ['fc00::1', 'private'],
    ['febf::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['fe80::1%eth0', 'link-local'],
  ];
  for (const [ip, kind] of table) assert.equal(addressKind(ip), kind, ip);
  assert.ok(new RefusedError('u', 'x') instanceof InputError);
});
