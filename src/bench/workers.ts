// Distributed ingest throughput: the same articles through the whole pipeline (read → analyse → store) with
//   SQLite, one process (ingestPaths) · PostgreSQL, 1 worker process · PostgreSQL, 2 worker processes
// in one run. Worker times run from spawning the processes (`newsgraph worker --drain`) until they have all exited,
// so they include process start-up; the submit is timed apart.
//   node dist/bench/workers.js [--articles 400] [--db postgres://…]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { defaultPipeline } from '../index.js';
import { ingestPaths } from '../ingest/ingest.js';
import { openStore } from '../store/open.js';
import { writeVariedArticles } from '../work/corpus.js';
import { submitPaths } from '../work/submit.js';

const BIN = fileURLToPath(new URL('../../bin/newsgraph.js', import.meta.url));

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
}

function runWorkers(spec: string, n: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let left = n;
    for (let i = 0; i < n; i++) {
      const child = spawn(process.execPath, [BIN, 'worker', '--db', spec, '--drain'], {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, NEWSGRAPH_QUEUE_POLL_SECONDS: '0.5' },
      });
      child.on('error', reject);
      child.on('exit', (code) => {
        if (code !== 0) reject(new Error(`worker exited with ${code}`));
        else if (--left === 0) resolve();
      });
    }
  });
}

async function dropSchemas(base: string, schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE; DROP SCHEMA IF EXISTS "${schema}_queue" CASCADE`);
  } finally {
    await c.end();
  }
}

async function pgRun(base: string, dir: string, n: number, workers: number): Promise<{ rate: number; submit: number }> {
  const schema = `ng_bench_${process.pid}_${Date.now()}_${workers}`;
  const u = new URL(base);
  u.searchParams.set('schema', schema);
  const spec = u.toString();
  try {
    // Migrate the store first, so that the workers do not race to create it.
    await (await openStore(spec)).close();
    let t = performance.now();
    const sub = await submitPaths(spec, [dir]);
    const submit = sub.queued / ((performance.now() - t) / 1000);
    t = performance.now();
    await runWorkers(spec, workers);
    const seconds = (performance.now() - t) / 1000;
    const store = await openStore(spec);
    const stored = await store.count();
    await store.close();
    if (stored !== n) throw new Error(`${workers} worker(s) stored ${stored} of ${n} articles`);
    return { rate: n / seconds, submit };
  } finally {
    await dropSchemas(base, schema);
  }
}

async function main(): Promise<void> {
  const n = Number(arg('--articles', '400'));
  const base = arg('--db', process.env.NEWSGRAPH_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test');
  const dir = mkdtempSync(join(tmpdir(), 'ng-bench-workers-'));
  try {
    writeVariedArticles(dir, n);
    const store = await openStore(join(dir, 'bench.db'));
    const t = performance.now();
    const report = await ingestPaths(store, [dir], { pipeline: defaultPipeline() });
    const sqlite = report.stored / ((performance.now() - t) / 1000);
    await store.close();
    if (report.stored !== n) throw new Error(`SQLite stored ${report.stored} of ${n}`);

    const one = await pgRun(base, dir, n, 1);
    const two = await pgRun(base, dir, n, 2);
    const f = (x: number) => x.toFixed(1).padStart(7);
    console.log(`${n} articles (demo corpus texts, varied), whole pipeline; ${process.version}`);
    console.log(`  SQLite, 1 process (ingestPaths)     ${f(sqlite)} articles/s`);
    console.log(`  PostgreSQL, 1 worker process        ${f(one.rate)} articles/s   (submit: ${one.submit.toFixed(0)} jobs/s)`);
    console.log(`  PostgreSQL, 2 worker processes      ${f(two.rate)} articles/s`);
    console.log(`  2 workers vs 1: ${(two.rate / one.rate).toFixed(2)}×`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
