// Distributed ingest throughput: the same articles through the whole pipeline (read → analyse → store) with
//   SQLite, one process (ingestPaths) · PostgreSQL, 1 worker process · PostgreSQL, 2 worker processes
// in one run. Worker times run from spawning the processes (`newsgraph worker --drain`) until they have all exited,
// so they include process start-up (about a second of CPU per process: node, knowledge, JIT warm-up), and also from
// the moment a tenth of the articles were stored, to the end (after start-up). The 1- and 2-worker runs alternate
// for --rounds rounds and the best of each is compared (the machine may be shared: the load average and the workers'
// CPU per article are printed). Then the store alone: the same articles, analysed once beforehand, through
// PostgresStore.put by 1 and by 2 writers. Last, a control: `newsgraph ingest` into SQLite by 1 process and by 2
// independent processes at once, which says how far 2× this machine allows at the moment. The submit is timed apart.
//   node dist/bench/workers.js [--articles 400] [--rounds 2] [--db postgres://…]
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { defaultPipeline } from '../index.js';
import { loadavg } from 'node:os';
import { expandInputs, ingestPaths } from '../ingest/ingest.js';
import { analyzeRead, readInputFile } from '../ingest/read.js';
import type { Doc } from '../model.js';
import { openStore } from '../store/open.js';
import { writeVariedArticles } from '../work/corpus.js';
import { queueTarget } from '../work/queue.js';
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

/**
 * CPU seconds used by this process's exited children (Linux: cutime + cstime of /proc/self/stat), null elsewhere.
 * On a machine shared with other work, CPU per article says what wall-clock rates cannot.
 */
function childCpuSeconds(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
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

/** When at least `k` articles are stored (polled every 50 ms), or null if the workers finish first. */
async function whenStored(spec: string, k: number, done: Promise<void>): Promise<{ at: number; count: number } | null> {
  let finished = false;
  void done.then(() => (finished = true), () => (finished = true));
  const c = new pg.Client({ connectionString: queueTarget(spec).url });
  await c.connect();
  try {
    const table = `"${queueTarget(spec).storeSchema}".articles`;
    while (!finished) {
      const at = performance.now();
      const count = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
      if (count >= k) return { at, count };
      await new Promise((r) => setTimeout(r, 50));
    }
    return null;
  } finally {
    await c.end();
  }
}

interface PgRun {
  rate: number;
  /** Articles/s from the moment a tenth of them were stored (every worker started and warm) to the end. */
  steady: number;
  submit: number;
  /** Worker CPU (all processes, start-up included) per article, ms. */
  cpuMs: number | null;
}

async function pgRun(base: string, dir: string, n: number, workers: number): Promise<PgRun> {
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
    const cpu0 = childCpuSeconds();
    const done = runWorkers(spec, workers);
    const tenth = await whenStored(spec, Math.ceil(n / 10), done);
    await done;
    const end = performance.now();
    const seconds = (end - t) / 1000;
    const cpu1 = childCpuSeconds();
    const store = await openStore(spec);
    const stored = await store.count();
    await store.close();
    if (stored !== n) throw new Error(`${workers} worker(s) stored ${stored} of ${n} articles`);
    const steady = tenth ? (n - tenth.count) / ((end - tenth.at) / 1000) : NaN;
    return { rate: n / seconds, steady, submit, cpuMs: cpu0 !== null && cpu1 !== null ? ((cpu1 - cpu0) * 1000) / n : null };
  } finally {
    await dropSchemas(base, schema);
  }
}

/**
 * The control: the same articles through `newsgraph ingest` into SQLite files, by 1 process and by 2 processes at
 * once (half each, own files, nothing shared): what this machine gives two CPU-bound newsgraph processes right now.
 */
async function sqliteProcesses(dir: string, files: string[]): Promise<{ one: number; two: number }> {
  const halves = [0, 1].map((h) => {
    const d = join(dir, `control-${h}`);
    mkdirSync(d);
    files.forEach((f, i) => i % 2 === h && copyFileSync(f, join(d, basename(f))));
    return d;
  });
  let k = 0;
  const run = (groups: string[][]) =>
    new Promise<number>((resolve, reject) => {
      const t = performance.now();
      let left = groups.length;
      for (const g of groups) {
        const child = spawn(process.execPath, [BIN, 'ingest', ...g, '--db', join(dir, `control-${k++}.db`)], { stdio: ['ignore', 'ignore', 'inherit'] });
        child.on('error', reject);
        child.on('exit', (code) => {
          if (code !== 0) reject(new Error(`ingest exited with ${code}`));
          else if (--left === 0) resolve(files.length / ((performance.now() - t) / 1000));
        });
      }
    });
  return { one: await run([halves]), two: await run([[halves[0]!], [halves[1]!]]) };
}

/** PostgresStore.put alone: `docs` split over `writers` stores (each its own pool, as separate processes would be). */
async function putRun(base: string, docs: Doc[], writers: number): Promise<number> {
  const schema = `ng_bench_put_${process.pid}_${Date.now()}_${writers}`;
  const u = new URL(base);
  u.searchParams.set('schema', schema);
  try {
    const stores = await Promise.all(Array.from({ length: writers }, () => openStore(u.toString())));
    const t = performance.now();
    await Promise.all(stores.map(async (s, w) => {
      for (let i = w; i < docs.length; i += writers) await s.put(docs[i]!);
    }));
    const seconds = (performance.now() - t) / 1000;
    if ((await stores[0]!.count()) !== docs.length) throw new Error(`${writers} writer(s) stored fewer than ${docs.length}`);
    await Promise.all(stores.map((s) => s.close()));
    return seconds;
  } finally {
    await dropSchemas(base, schema);
  }
}

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

async function main(): Promise<void> {
  const n = Number(arg('--articles', '400'));
  const rounds = Number(arg('--rounds', '2'));
  const base = arg('--db', process.env.NEWSGRAPH_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test');
  const dir = mkdtempSync(join(tmpdir(), 'ng-bench-workers-'));
  const loadBefore = load();
  try {
    const files = writeVariedArticles(dir, n);
    const store = await openStore(join(dir, 'bench.db'));
    const t = performance.now();
    const report = await ingestPaths(store, [dir], { pipeline: defaultPipeline() });
    const sqlite = report.stored / ((performance.now() - t) / 1000);
    await store.close();
    if (report.stored !== n) throw new Error(`SQLite stored ${report.stored} of ${n}`);

    const ones: PgRun[] = [];
    const twos: PgRun[] = [];
    for (let r = 0; r < rounds; r++) {
      ones.push(await pgRun(base, dir, n, 1));
      twos.push(await pgRun(base, dir, n, 2));
    }
    const best = (xs: { rate: number }[]) => Math.max(...xs.map((x) => x.rate));

    const pipeline = defaultPipeline();
    const docs: Doc[] = [];
    for (const file of (await expandInputs([dir])).files) {
      docs.push(analyzeRead(pipeline, await readInputFile(file, { published: null }), { published: null }));
    }
    const put1 = await putRun(base, docs, 1);
    const put2 = await putRun(base, docs, 2);
    const control = await sqliteProcesses(dir, files);

    const f = (x: number) => x.toFixed(1).padStart(7);
    const all = (xs: { rate: number }[]) => xs.map((x) => x.rate.toFixed(1)).join(', ');
    const cpu = (xs: PgRun[]) => (xs.every((x) => x.cpuMs !== null) ? `; worker CPU ${xs.map((x) => x.cpuMs!.toFixed(1)).join(', ')} ms/article` : '');
    console.log(`${n} articles (demo corpus texts, varied), whole pipeline; ${process.version}; load average ${loadBefore} → ${load()}`);
    console.log(`  SQLite, 1 process (ingestPaths)     ${f(sqlite)} articles/s`);
    console.log(`  PostgreSQL, 1 worker process        ${f(best(ones))} articles/s   (best of ${all(ones)}${cpu(ones)}; submit: ${ones[0]!.submit.toFixed(0)} jobs/s)`);
    console.log(`  PostgreSQL, 2 worker processes      ${f(best(twos))} articles/s   (best of ${all(twos)}${cpu(twos)})`);
    const steady = (xs: PgRun[]) => Math.max(...xs.map((x) => x.steady));
    console.log(`  2 workers vs 1: ${(best(twos) / best(ones)).toFixed(2)}× (whole run, process start-up included); ` +
      `${(steady(twos) / steady(ones)).toFixed(2)}× after start-up (${steady(ones).toFixed(1)} vs ${steady(twos).toFixed(1)} articles/s ` +
      `once a tenth were stored)`);
    console.log(`  control, SQLite by \`newsgraph ingest\` processes: 1 process ${f(control.one).trim()}/s, 2 at once (half each, ` +
      `nothing shared) ${f(control.two).trim()}/s (${(control.two / control.one).toFixed(2)}×): this machine's own ceiling for 2 workers now`);
    console.log(`  PostgresStore.put alone, analysed beforehand: 1 writer ${((put1 * 1000) / n).toFixed(2)} ms/article (${f(n / put1).trim()}/s), ` +
      `2 writers ${f(n / put2).trim()}/s (${(put1 / put2).toFixed(2)}×)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
