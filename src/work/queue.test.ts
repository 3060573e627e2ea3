// submit / worker / status / retry against PostgreSQL (fresh schemas, dropped afterwards); queue naming without it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { NewsgraphError } from '../errors.js';
import { openStore } from '../store/open.js';
import { writeVariedArticles } from './corpus.js';
import { closeQueue, jobIdOf, openQueue, queueTarget } from './queue.js';
import { queueStatus, retryFailed } from './status.js';
import { submitPaths } from './submit.js';
import { dropSchemas, freshSchema, probePg, REQUIRE_PG } from './test-helpers.js';
import { runWorker } from './worker.js';

const BIN = fileURLToPath(new URL('../../bin/newsgraph.js', import.meta.url));
const run = promisify(execFile);

describe('queue naming', () => {
  test('the queue lives beside a PostgreSQL store, in <schema>_queue', () => {
    const t = queueTarget('postgres://u:secret@db.example:5433/news?schema=ng1&sslmode=disable');
    assert.equal(t.storeSchema, 'ng1');
    assert.equal(t.queueSchema, 'ng1_queue');
    assert.equal(t.url, 'postgres://u:secret@db.example:5433/news?sslmode=disable');
    assert.equal(t.target, 'db.example:5433/news');
    assert.equal(queueTarget('postgresql://localhost/news').queueSchema, 'newsgraph_queue');
  });
  test('a SQLite store or a bad schema name is refused with a one-line error', () => {
    assert.throws(() => queueTarget('./newsgraph.db'), (e: unknown) => e instanceof NewsgraphError && /needs a PostgreSQL store/.test(e.message));
    assert.throws(() => queueTarget('postgres://localhost/x?schema=a;drop'), NewsgraphError);
  });
  test('job ids: one UUID per content hash', () => {
    const a = jobIdOf('a'.repeat(64));
    assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(jobIdOf('a'.repeat(64)), a);
    assert.notEqual(jobIdOf('b'.repeat(64)), a);
  });
});

const unreachable = await probePg();
if (unreachable && !REQUIRE_PG) console.log(`# skipping the queue tests against PostgreSQL: unreachable (${unreachable})`);

describe('submit, worker, status, retry', { skip: unreachable !== null && !REQUIRE_PG }, () => {
  const { schema, spec } = freshSchema('queue');
  const dir = mkdtempSync(join(tmpdir(), 'ng-queue-'));
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (!unreachable) await dropSchemas(schema);
  });
  const bad = join(dir, 'zz-bad.txt');

  test('PostgreSQL is reachable', () => assert.equal(unreachable, null, `PostgreSQL unreachable: ${unreachable}`));

  test('submit queues one job per file; resubmitting queues nothing new', async () => {
    writeVariedArticles(dir, 3);
    writeFileSync(bad, Buffer.from([0x00, 0xff, 0x00, 0xfe, 0x01, 0x02, 0x00, 0x00]));
    const r = await submitPaths(spec, [dir], { retryLimit: 1 });
    assert.deepEqual({ files: r.files, queued: r.queued, already: r.already, errors: r.errors }, { files: 4, queued: 4, already: 0, errors: [] });
    const again = await submitPaths(spec, [dir, join(dir, 'missing.txt')]);
    assert.deepEqual({ queued: again.queued, already: again.already }, { queued: 0, already: 4 });
    assert.equal(again.errors.length, 1);
    assert.match(again.errors[0]!.message, /missing\.txt: no such file/);
    assert.deepEqual((await queueStatus(spec)).counts, { queued: 4, running: 0, failed: 0, done: 0, cancelled: 0 });
  });

  test('a worker stores the good inputs; a failing input keeps its one-line error', async () => {
    const lines: string[] = [];
    const r = await runWorker(spec, { drain: true, concurrency: 2, pollingIntervalSeconds: 0.5, log: (l) => lines.push(l) });
    assert.deepEqual(r, { jobs: 5, stored: 3, duplicates: 0, failed: 2 }); // the bad file: first try + 1 retry
    const { counts, failed } = await queueStatus(spec, { failed: true });
    assert.deepEqual(counts, { queued: 0, running: 0, failed: 1, done: 3, cancelled: 0 });
    assert.equal(failed.length, 1);
    assert.equal(failed[0]!.input, bad);
    assert.equal(failed[0]!.attempts, 2);
    assert.match(failed[0]!.error, /^newsgraph: .*zz-bad\.txt: binary file/);
    assert.doesNotMatch(failed[0]!.error, /\n/);
    const store = await openStore(spec);
    try {
      assert.equal(await store.count(), 3);
    } finally {
      await store.close();
    }
  });

  test('the CLI status prints the counts and, with --failed, the failed jobs', async () => {
    const { stdout } = await run(process.execPath, [BIN, 'status', '--db', spec, '--failed']);
    const lines = stdout.trim().split('\n');
    assert.equal(lines[0], 'queued 0, running 0, failed 1, done 3');
    assert.match(lines[1]!, /^failed [0-9a-f-]{36} .*zz-bad\.txt \(2 attempts\): newsgraph: .*binary file/);
  });

  test('retry re-queues the failed job; fixed, it is stored', async () => {
    assert.equal(await retryFailed(spec), 1);
    assert.deepEqual((await queueStatus(spec)).counts, { queued: 1, running: 0, failed: 0, done: 3, cancelled: 0 });
    writeFileSync(bad, 'Fixed report\n\nThe file that could not be read is now a plain-text article about the council.\n');
    const r = await runWorker(spec, { drain: true, pollingIntervalSeconds: 0.5 });
    assert.deepEqual(r, { jobs: 1, stored: 1, duplicates: 0, failed: 0 });
    assert.deepEqual((await queueStatus(spec)).counts, { queued: 0, running: 0, failed: 0, done: 4, cancelled: 0 });
    const { stdout } = await run(process.execPath, [BIN, 'retry', '--db', spec]);
    assert.equal(stdout, 're-queued 0 failed jobs\n');
  });

  test('asyncCommit: the worker\'s queue connections commit without waiting for the WAL flush; submit\'s wait', async () => {
    for (const asyncCommit of [false, true]) {
      const { boss } = await openQueue(spec, { asyncCommit });
      try {
        const r = await boss.getDb().executeSql('SHOW synchronous_commit', []);
        assert.equal((r.rows[0] as { synchronous_commit: string }).synchronous_commit, asyncCommit ? 'off' : 'on');
      } finally {
        await closeQueue(boss);
      }
    }
  });

  test('the worker CLI needs a PostgreSQL --db', async () => {
    const r = await run(process.execPath, [BIN, 'worker', '--db', join(dir, 'x.db')]).then(() => null, (e: { code: number; stderr: string }) => e);
    assert.ok(r);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /the job queue needs a PostgreSQL store/);
  });
});
