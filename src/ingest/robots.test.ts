import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Fetcher } from './fetch.js';
import { RobotsCache, RobotsDisallowed, RobotsTxt } from './robots.js';
import { send, startServer, type TestServer } from './sources.test-helpers.js';

const TXT = `# comment
User-agent: *
Disallow: /private/
Allow: /private/open
Crawl-delay: 2

User-agent: OtherBot
User-agent: newsgraph/0.1
Disallow: /news/*.pdf$
Disallow: /drafts
Allow: /drafts/public
Disallow: /search?q=
Crawl-delay: 0.25

User-agent: newsgraph
Disallow: /tmp
`;

test('parse: our groups (merged, matched by product token, case-insensitive) else *', () => {
  const r = RobotsTxt.parse(TXT);
  assert.equal(r.groups.length, 3);
  assert.equal(r.groupsFor('newsgraph').length, 2);
  assert.equal(r.groupsFor('NewsGraph').length, 2);
  assert.deepEqual(r.groupsFor('somebot')[0]!.agents, ['*']);
  // Our groups replace *: /private/ is not disallowed for us.
  assert.equal(r.isAllowed('/private/x', 'newsgraph'), true);
  assert.equal(r.isAllowed('/private/x', 'somebot'), false);
  assert.equal(r.isAllowed('/private/open/1', 'somebot'), true);
  assert.equal(r.isAllowed('/tmp/a', 'newsgraph'), false);
  assert.equal(r.crawlDelay('newsgraph'), 0.25);
  assert.equal(r.crawlDelay('somebot'), 2);
});

test('match: * and $, longest match wins, Allow wins a tie, query strings count', () => {
  const r = RobotsTxt.parse(TXT);
  assert.equal(r.isAllowed('/news/a.pdf'), false);
  assert.equal(r.isAllowed('/news/2025/a.pdf'), false);
  assert.equal(r.isAllowed('/news/a.pdf?x=1'), true, '$ anchors at the end');
  assert.equal(r.isAllowed('/news/a.html'), true);
  assert.equal(r.isAllowed('/drafts/secret'), false);
  assert.equal(r.isAllowed('/drafts/public/1'), true, 'the longer Allow wins');
  assert.equal(r.isAllowed('/search?q=war'), false);
  assert.equal(r.isAllowed('/search'), true);
  assert.equal(r.match('/drafts/x')!.pattern, '/drafts');
  const tie = RobotsTxt.parse('User-agent: *\nDisallow: /a\nAllow: /a\n');
  assert.equal(tie.isAllowed('/a/b'), true);
  const empty = RobotsTxt.parse('User-agent: *\nDisallow:\n');
  assert.equal(empty.isAllowed('/anything'), true);
  const all = RobotsTxt.parse('User-agent: *\nDisallow: /\n');
  assert.equal(all.isAllowed('/x'), false);
  assert.equal(all.isAllowed('/robots.txt'), true);
  const pct = RobotsTxt.parse('User-agent: *\nDisallow: /caf%c3%a9\nDisallow: /ñ\n');
  assert.equal(pct.isAllowed('/caf%C3%A9/x'), false);
  assert.equal(pct.isAllowed(new URL('http://h/ñu').pathname), false);
});

let srv: TestServer;
before(async () => {
  srv = await startServer({
    '/robots.txt': send('User-agent: *\nDisallow: /secret\nCrawl-delay: 0.3\n', 'text/plain'),
    '/open': send('<p>open</p>'),
    '/secret/page': send('<p>secret</p>'),
  });
});
after(() => srv.close());

test('a disallowed URL is skipped with a clear message; robots.txt is fetched once per host', async () => {
  const f = new Fetcher({ allowAddresses: ['127.0.0.1'], minDelayMs: 0 });
  const robots = new RobotsCache(f).attach();
  try {
    await assert.rejects(f.fetch(`${srv.base}/secret/page`), (e: Error) => {
      assert.ok(e instanceof RobotsDisallowed);
      assert.equal(
        e.message,
        `newsgraph: ${srv.base}/secret/page: skipped: disallowed by ${srv.base}/robots.txt ("Disallow: /secret" for newsgraph)`,
      );
      return true;
    });
    assert.equal(srv.hitsOf('/secret/page').length, 0);
    const t0 = Date.now();
    await f.fetch(`${srv.base}/open`);
    await f.fetch(`${srv.base}/open`);
    // Crawl-delay 0.3 s beats minDelayMs 0.
    assert.ok(Date.now() - t0 >= 280, `two fetches in ${Date.now() - t0} ms`);
    assert.equal(srv.hitsOf('/robots.txt').length, 1);
    assert.equal(robots.fetches, 1);
  } finally {
    await f.close();
  }
});

test('robots.txt 404 allows everything; 5xx and unreachable disallow (RFC 9309)', async () => {
  const s404 = await startServer({ '/a': send('<p>a</p>') });
  const s500 = await startServer({ '/robots.txt': (_q, res) => res.writeHead(503).end(), '/a': send('<p>a</p>') });
  const f = new Fetcher({ allowAddresses: ['127.0.0.1'], minDelayMs: 0 });
  new RobotsCache(f).attach();
  try {
    assert.equal((await f.fetch(`${s404.base}/a`)).status, 200);
    await assert.rejects(f.fetch(`${s500.base}/a`), {
      message: `newsgraph: ${s500.base}/a: skipped: ${s500.base}/robots.txt is unreachable (HTTP 503), so the site is treated as disallowed`,
    });
    assert.equal(s500.hitsOf('/a').length, 0);
  } finally {
    await f.close();
    await s404.close();
    await s500.close();
  }
});
