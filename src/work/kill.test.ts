// The kill -9 test: a worker process killed mid-run loses nothing and stores nothing twice. Its active job expires
// (2 s here) and is re-delivered to the next worker; store.put is idempotent by content hash.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { defaultPipeline } from '../index.js';
import { readInputFile } from '../ingest/read.js';
import { writeVariedArticles } from './corpus.js';
import { queueStatus } from './status.js';
import { submitPaths } from './submit.js';
import { dropSchemas, freshSchema, pgQuery, probePg, REQUIRE_PG } from './test-helpers.js';

const BIN = fileURLToPath(new URL('../../bin/newsgraph.js', import.meta.url));
const N = 60;
const unreachable = await probePg();
if (unreachable && !REQUIRE_PG) console.log(`# skipping the kill -9 test: PostgreSQL unreachable (${unreachable})`);

const { schema, spec } = freshSchema('kill');
const dir = mkdtempSync(join(tmpdir(), 'ng-kill-'));
const children: ChildProcess[] = [];
after(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  if (!unreachable) await dropSchemas(schema);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, [BIN, 'worker', '--db', spec], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEWSGRAPH_QUEUE_MAINTENANCE_SECONDS: '1', NEWSGRAPH_QUEUE_POLL_SECONDS: '0.5' },
  });
  child.stdout!.resume();
  child.stderr!.resume();
  children.push(child);
  return child;
}

const exited = (c: ChildProcess) =>
  c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => c.once('exit', () => r()));

async function stored(): Promise<number> {
  const rows = await pgQuery<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}".articles`).catch(() => [{ n: 0 }]);
  return rows[0]!.n;
}

test('kill -9 a worker mid-run: every article stored exactly once', { skip: unreachable !== null && !REQUIRE_PG, timeout: 90_000 }, async () => {
  assert.equal(unreachable, null, `PostgreSQL unreachable: ${unreachable}`);
  const files = writeVariedArticles(dir, N);
  // The ids the articles must end up under.
  const pipeline = defaultPipeline();
  const expected = new Set<string>();
  for (const f of files) {
    const { warnings: _w, ...input } = await readInputFile(f, { published: null });
    expected.add(pipeline.run(input, { published: null }).id);
  }
  assert.equal(expected.size, N);

  const sub = await submitPaths(spec, [dir], { expireInSeconds: 2, retryLimit: 2 });
  assert.deepEqual({ queued: sub.queued, errors: sub.errors.length }, { queued: N, errors: 0 });

  // First worker: killed with SIGKILL once it has stored some but not all.
  const first = startWorker();
  let atKill = 0;
  const t0 = Date.now();
  for (;;) {
    atKill = await stored();
    if (atKill >= 10) break;
    assert.ok(Date.now() - t0 < 30_000, `the first worker stored only ${atKill} articles in 30 s`);
    await sleep(20);
  }
  first.kill('SIGKILL');
  await exited(first);
  atKill = await stored();
  assert.ok(atKill < N, `the first worker finished everything (${atKill}) before it could be killed`);
  const mid = await queueStatus(spec);
  assert.ok(mid.counts.queued + mid.counts.running > 0, 'jobs left after the kill');

  // Second worker: picks up the rest, including the killed worker's active job once it expires.
  const second = startWorker();
  const t1 = Date.now();
  for (;;) {
    const { counts } = await queueStatus(spec);
    if (counts.queued === 0 && counts.running === 0) {
      assert.equal(counts.failed, 0, 'no job failed');
      assert.equal(counts.done, N);
      break;
    }
    assert.ok(Date.now() - t1 < 60_000, `the queue is not empty after 60 s: ${JSON.stringify(counts)}`);
    await sleep(200);
  }
  second.kill('SIGTERM');
  await exited(second);
  assert.equal(second.exitCode, 0, 'the worker stops cleanly on SIGTERM');

  const rows = await pgQuery<{ id: string; n: number }>(`SELECT id, count(*)::int AS n FROM "${schema}".articles GROUP BY id`);
  const storedIds = new Set(rows.map((r) => r.id));
  const storedN = rows.reduce((a, r) => a + r.n, 0);
  const duplicated = rows.reduce((a, r) => a + (r.n - 1), 0);
  const lost = [...expected].filter((id) => !storedIds.has(id)).length;
  console.log(`# killed the first worker at ${atKill} stored; submitted ${N}, stored ${storedN}, duplicated ${duplicated}, lost ${lost}`);
  assert.equal(storedN, N);
  assert.equal(duplicated, 0);
  assert.equal(lost, 0);
});
