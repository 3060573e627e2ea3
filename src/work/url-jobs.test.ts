// URL jobs: `submit` queues http(s) URLs, a worker fetches them with the ingest fetcher (here from a local server on
// 127.0.0.1, which the fetcher refuses unless allowed: the SSRF policy), then analyses and stores them. No network.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { openStore } from '../store/open.js';
import { html, send, startServer, type TestServer } from '../ingest/sources.test-helpers.js';
import { urlJobId } from './queue.js';
import { queueStatus, retryFailed } from './status.js';
import { submitPaths } from './submit.js';
import { dropSchemas, freshSchema, probePg, REQUIRE_PG } from './test-helpers.js';
import { runWorker } from './worker.js';

const BIN = fileURLToPath(new URL('../../bin/newsgraph.js', import.meta.url));
const run = promisify(execFile);
const unreachable = await probePg();
if (unreachable && !REQUIRE_PG) console.log(`# skipping the URL job tests: PostgreSQL unreachable (${unreachable})`);

const page = (n: number) =>
  html(`Velgrad talks round ${n}`, [
    `VELGRAD — Officials in Velgrad said on Tuesday that talks round ${n} with Astoria would resume next week.`,
    `"We are ready," Foreign Minister Ana Kovec told reporters after meeting number ${n}.`,
  ]);

test('URL jobs are keyed by the URL', () => {
  assert.equal(urlJobId('https://a.example/x'), urlJobId('https://a.example/x'));
  assert.notEqual(urlJobId('https://a.example/x'), urlJobId('https://a.example/y'));
});

describe('URL jobs', { skip: unreachable !== null && !REQUIRE_PG }, () => {
  const { schema, spec } = freshSchema('urls');
  let srv: TestServer;
  before(async () => {
    srv = await startServer({
      '/robots.txt': send('User-agent: *\nDisallow: /private/\n', 'text/plain'),
      '/news/1': send(page(1)),
      '/news/2': send(page(2)),
      '/private/3': send(page(3)),
    });
  });
  after(async () => {
    await srv?.close();
    if (!unreachable) await dropSchemas(schema);
  });

  test('PostgreSQL is reachable', () => assert.equal(unreachable, null, `PostgreSQL unreachable: ${unreachable}`));

  test('submit queues one job per URL; the same URL again is already queued; a bad URL is an error', async () => {
    const urls = [`${srv.base}/news/1`, `${srv.base}/news/2`, `${srv.base}/missing`, `${srv.base}/private/3`];
    const r = await submitPaths(spec, [...urls, urls[0]!, 'http://[bad'], { retryLimit: 0 });
    assert.deepEqual({ files: r.files, urls: r.urls, queued: r.queued, already: r.already }, { files: 0, urls: 6, queued: 4, already: 1 });
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0]!.message, /^newsgraph: http:\/\/\[bad: not a valid URL$/);
  });

  test('a worker without --allow-private refuses the loopback server (SSRF policy): the jobs fail, nothing is fetched', async () => {
    const r = await runWorker(spec, { drain: true, pollingIntervalSeconds: 0.5, minDelayMs: 0 });
    assert.deepEqual(r, { jobs: 4, stored: 0, duplicates: 0, failed: 4 });
    assert.equal(srv.hits.length, 0);
    const { failed } = await queueStatus(spec, { failed: true });
    assert.equal(failed.length, 4);
    for (const f of failed) assert.match(f.error, /^newsgraph: http:\/\/127\.0\.0\.1:\d+\/\S+: refused: /, f.error);
  });

  test('retried with --allow-private: pages stored with their URL, a 404 and a robots.txt refusal fail with one line', async () => {
    assert.equal(await retryFailed(spec), 4);
    const r = await runWorker(spec, { drain: true, pollingIntervalSeconds: 0.5, minDelayMs: 0, allowPrivate: true, concurrency: 2 });
    assert.deepEqual(r, { jobs: 4, stored: 2, duplicates: 0, failed: 2 });
    const { counts, failed } = await queueStatus(spec, { failed: true });
    assert.deepEqual({ failed: counts.failed, done: counts.done }, { failed: 2, done: 2 });
    const errors = Object.fromEntries(failed.map((f) => [new URL(f.input).pathname, f.error]));
    assert.equal(errors['/missing'], `newsgraph: ${srv.base}/missing: HTTP 404`);
    assert.match(errors['/private/3']!, /robots\.txt/);
    assert.equal(srv.hitsOf('/private/3').length, 0, 'a page robots.txt disallows is never requested');
    const store = await openStore(spec);
    try {
      assert.equal(await store.count(), 2);
      const items = await store.list({ limit: 10 });
      assert.deepEqual(items.map((i) => i.url).sort(), [`${srv.base}/news/1`, `${srv.base}/news/2`]);
      const doc = await store.get(items[0]!.id);
      assert.match(doc!.article.title ?? '', /^Velgrad talks round [12]$/);
      assert.equal(await store.seen(`url|${items[0]!.url}`), items[0]!.id, 'remembered as `ingest URL` does');
    } finally {
      await store.close();
    }
  });

  test('resubmitting a URL whose job is done queues nothing (the CLI says so)', async () => {
    const again = await submitPaths(spec, [`${srv.base}/news/1`]);
    assert.deepEqual({ queued: again.queued, already: again.already }, { queued: 0, already: 1 });
    const { stdout } = await run(process.execPath, [BIN, 'submit', `${srv.base}/news/2`, '--db', spec]);
    assert.equal(stdout, 'submitted 0 jobs (1 already queued, 0 failed) from 0 files and 1 URL\n');
  });
});
