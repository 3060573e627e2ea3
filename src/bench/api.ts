// API bench: 100,000 synthetic analysed articles put in big transactions (annotations and story linking included),
// then the server on 127.0.0.1 (ephemeral port, its own process) under autocannon for ~10 s per endpoint.
//   npm run build && node dist/bench/api.js [--docs 100000] [--duration 10] [--connections 10] [--processes 1] [--db PATH|postgres://…]
//     [--sweep]   then the mixed traffic at doubling fixed rates: the rate carried with p99 under 100 ms
// Standalone on purpose: not part of `npm test` nor of `npm run bench`.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { Doc, EntityType } from '../model.js';
import { newDoc } from '../pipeline.js';
import pg from 'pg';
import { openStore } from '../store/open.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};

// A small deterministic PRNG, so every run builds the same corpus.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = 'ka ve lo ri sta mer dun hal sel var cas tel or vik len ba no ru de mi sa to ne ga lu'.split(' ');
function word(r: () => number, n: number): string {
  let w = '';
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
  return w;
}

/** Zipf-like pick from a pool: low indexes are common. */
function zipf<T>(r: () => number, pool: T[]): T {
  return pool[Math.min(pool.length - 1, Math.floor(pool.length * r() ** 3))]!;
}

export function syntheticCorpus(n: number): Doc[] {
  const r = rng(42);
  const vocab = Array.from({ length: 20_000 }, (_, i) => word(r, 2 + (i % 3)));
  const common = 'the minister said on talks border ceasefire council envoy sanctions protest capital army rebels election treaty summit aid convoy in of and to a'.split(' ');
  const types: EntityType[] = ['person', 'organization', 'location'];
  const entities = Array.from({ length: 5_000 }, (_, i) => {
    const type = types[i % 3]!;
    const name = type === 'person' ? `${cap(word(r, 2))} ${cap(word(r, 3))}` : cap(word(r, 3));
    return { name, type, code: i % 7 === 0 ? ['USA', 'RUS', 'CHN', 'VEL', 'KES'][i % 5]! + (i % 2 ? 'GOV' : '') : null };
  });
  const base = newDoc({ source: 'bench', url: null, format: 'text', body: '' });
  const start = Date.UTC(2023, 0, 1);
  const docs: Doc[] = [];
  for (let i = 0; i < n; i++) {
    const topic = Math.floor(r() * 2000);
    const tr = rng(topic); // articles on one topic share words and people
    const topicWords = Array.from({ length: 30 }, () => zipf(tr, vocab));
    const ents = Array.from({ length: 4 }, () => zipf(tr, entities)).concat([zipf(r, entities)]);
    const paragraphs: string[] = [];
    for (let p = 0; p < 6; p++) {
      const ws: string[] = [];
      for (let k = 0; k < 40; k++) {
        const x = r();
        ws.push(x < 0.45 ? common[Math.floor(r() * common.length)]! : x < 0.8 ? topicWords[Math.floor(r() * topicWords.length)]! : zipf(r, vocab));
        if (k % 13 === 5) ws.push(ents[Math.floor(r() * ents.length)]!.name);
      }
      paragraphs.push(cap(ws.join(' ')) + '.');
    }
    const text = paragraphs.join('\n\n');
    const published = new Date(start + Math.floor((i / n) * 730 + r() * 3) * 86_400_000).toISOString().slice(0, 10);
    const d = structuredClone(base);
    d.id = createHash('sha256').update(`bench ${i}`).digest('hex');
    let at = 0;
    const paras = paragraphs.map((p) => {
      const s = { start: at, end: at + p.length, kind: 'p' as const };
      at += p.length + 2;
      return s;
    });
    d.article = {
      ...d.article, source: `bench/${i}.txt`, url: `https://outlet${i % 40}.example/a/${i}`, title: cap(topicWords.slice(0, 6).join(' ')),
      published, text, paragraphs: paras, siteName: `Outlet ${i % 40}`,
    };
    d.entities = ents.map((e, k) => {
      const mentions: { start: number; end: number; text: string }[] = [];
      for (let m = text.indexOf(e.name); m >= 0 && mentions.length < 5; m = text.indexOf(e.name, m + 1)) mentions.push({ start: m, end: m + e.name.length, text: e.name });
      return { id: `E${k}`, name: e.name, type: e.type, country: null, actorCode: e.code, roles: [], mentions };
    });
    const speaker = d.entities.find((e) => e.type === 'person');
    d.quotes = speaker
      ? [{ start: 0, end: 40, kind: 'direct', text: text.slice(0, 40), cue: 'said', speaker: { id: speaker.id, name: speaker.name }, speakerMention: null }]
      : [];
    const [src, tgt] = [d.entities[0]!, d.entities[1]!];
    d.events = [{
      start: 0, end: 20, code: ['010', '036', '112', '190', '0431'][i % 5]!, rootCode: '01', quadClass: 1 + (i % 4), goldstein: (i % 21) - 10,
      label: 'bench event', source: { entity: src.id, name: src.name, code: src.actorCode }, target: { entity: tgt.id, name: tgt.name, code: tgt.actorCode },
      location: null, date: published, sentence: paragraphs[0]!.slice(0, 120),
    }];
    docs.push(d);
  }
  return docs;
}

async function analyzePg(url: string): Promise<void> {
  const schema = new URL(url).searchParams.get('schema');
  const client = new pg.Client({ connectionString: url.replace(/[?&]schema=[^&]*/, '') });
  await client.connect();
  try {
    if (schema) await client.query(`SET search_path = "${schema.replace(/"/g, '""')}"`);
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function cannon(name: string, url: string, paths: string[], o: { duration: number; connections: number; rate?: number }): Promise<Row> {
  let i = 0;
  const result = await autocannon({
    url,
    connections: o.connections,
    duration: o.duration,
    ...(o.rate ? { overallRate: o.rate } : {}),
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
  });
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
}

async function main(): Promise<void> {
  const n = arg('--docs', 100_000);
  const duration = arg('--duration', 10);
  const connections = arg('--connections', 10);
  const processes = arg('--processes', 1);
  const dbArg = process.argv.indexOf('--db');
  const dir = mkdtempSync(join(tmpdir(), 'ng-api-bench-'));
  const db = dbArg >= 0 ? process.argv[dbArg + 1]! : join(dir, 'bench.db');
  const isPg = /^postgres(?:ql)?:\/\//i.test(db);
  // --reuse: measure an existing bench store (built by an earlier run with --db PATH|URL) without building it again.
  if (process.argv.includes('--reuse') && dbArg >= 0 && (isPg || existsSync(db))) {
    const store = await openStore(db);
    const sample: { id: string; article: { title: string | null } }[] = [];
    for (let offset = 0; offset < 20_000; offset += 1000) {
      sample.push(...(await store.list({ limit: 1000, offset })).map((s) => ({ id: s.id, article: { title: s.title } })));
    }
    await store.close();
    if (sample.length) {
      await measure(db, sample as unknown as Doc[], { duration, connections, processes, sweep: process.argv.includes('--sweep') });
      return;
    }
  }
  try {
    let t = performance.now();
    const docs = syntheticCorpus(n);
    const genSeconds = (performance.now() - t) / 1000;
    // Any store: the SQLite file by default, or PostgreSQL with --db postgres://… (?schema=NAME keeps it apart).
    const store = await openStore(db);
    t = performance.now();
    const batch = isPg ? 500 : 5_000;
    for (let i = 0; i < docs.length; i += batch) {
      await store.putMany(docs.slice(i, i + batch));
      process.stderr.write(`\rstored ${Math.min(i + batch, docs.length).toLocaleString('en')} / ${docs.length.toLocaleString('en')}`);
    }
    const putSeconds = (performance.now() - t) / 1000;
    // PostgreSQL plans from table statistics, which autovacuum refreshes a while after a bulk load; measure with
    // fresh ones, as a server that has been running would have.
    if (isPg) await analyzePg(db);
    const stories = (await store.stories({ limit: 1 })).total;
    await store.close();
    process.stderr.write('\n');
    console.log(
      `corpus: ${n.toLocaleString('en')} synthetic articles built in ${genSeconds.toFixed(1)} s, stored (annotations + story linking) ` +
        `in ${putSeconds.toFixed(1)} s (${Math.round(n / putSeconds).toLocaleString('en')} docs/s); ${stories.toLocaleString('en')} stories`,
    );

    await measure(db, docs, { duration, connections, processes, sweep: process.argv.includes('--sweep') });
  } finally {
    if (dbArg < 0) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Search queries as analysts type them: one or two words of an article's title (two words: both must match), drawn
 * from many articles so that most requests are new queries and the server's query cache rarely answers.
 */
export function searchQueries(docs: Doc[], n: number): string[] {
  const r = rng(11);
  const out = new Set<string>();
  for (let tries = 0; out.size < n && tries < n * 20; tries++) {
    const words = docs[Math.floor(r() * docs.length)]!.article.title!.toLowerCase().split(' ');
    const a = words[Math.floor(r() * words.length)]!;
    const b = words[Math.floor(r() * words.length)]!;
    out.add(r() < 0.5 || a === b ? a : `${a} ${b}`);
  }
  return [...out];
}

/**
 * A reader's traffic: of every 20 requests, 14 open an article, 4 ask for its next story, 2 search (distinct
 * queries). Deterministic order, so runs compare.
 */
export function mixedPaths(ids: string[], queries: string[]): string[] {
  const paths: string[] = [];
  for (let k = 0; k < 20_000; k++) {
    const id = ids[k % ids.length]!;
    const slot = k % 20;
    if (slot < 14) paths.push(`/api/articles/${id}`);
    else if (slot < 18) paths.push(`/api/articles/${id}/next?seen=${ids[(k + 1) % ids.length]}`);
    else paths.push(`/api/search?q=${encodeURIComponent(queries[k % queries.length]!)}`);
  }
  return paths;
}

/**
 * The load the server carries with p99 under 100 ms: the mixed traffic at a fixed request rate (autocannon's
 * overallRate), doubling from 250 req/s until p99 passes 100 ms or any request fails. autocannon paces every
 * connection on the same tick, so the requests of all connections arrive together: more connections would measure
 * those bursts more than the server.
 */
async function sweep(url: string, paths: string[], o: { duration: number; connections: number }): Promise<void> {
  console.log(`\nmixed traffic (70% article, 20% next story, 10% search) at fixed rates, ${o.connections} connections:`);
  console.log('offered req/s   served req/s   p50 ms   p99 ms   errors  non-2xx');
  let best: Row | null = null;
  for (let rate = 250; rate <= 64_000; rate *= 2) {
    const row = await cannon('mixed', url, paths, { duration: o.duration, connections: o.connections, rate });
    console.log(
      `${String(rate).padStart(13)}   ${Math.round(row.rps).toLocaleString('en').padStart(12)}  ${String(row.p50).padStart(7)}  ${String(row.p99).padStart(7)}  ${String(row.errors).padStart(7)}  ${String(row.non2xx).padStart(7)}`,
    );
    if (row.p99 >= 100 || row.errors > 0 || row.non2xx > 0 || row.rps < rate * 0.9) break;
    best = row;
  }
  console.log(best ? `\nwith p99 under 100 ms and no errors: ${Math.round(best.rps).toLocaleString('en')} req/s (p99 ${best.p99} ms)` : '\np99 passed 100 ms at the lowest rate');
}

async function measure(db: string, docs: Doc[], o: { duration: number; connections: number; processes: number; sweep: boolean }): Promise<void> {
  // The server as users run it: `newsgraph serve`, in its own process(es), on an ephemeral port.
  const bin = fileURLToPath(new URL('../../bin/newsgraph.js', import.meta.url));
  const child = spawn(process.execPath, [bin, 'serve', '--db', db, '--port', '0', '--processes', String(o.processes)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString();
      const m = /serving (http:\/\/\S+?)\/? /.exec(err);
      if (m) resolve(m[1]!.replace('localhost', '127.0.0.1'));
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${err}`)));
  });
  try {
    const r = rng(7);
    const ids = Array.from({ length: 2000 }, () => docs[Math.floor(r() * docs.length)]!.id);
    const queries = searchQueries(docs, 20_000);
    const rows = [
      await cannon('GET /api/articles/:id', url, ids.map((id) => `/api/articles/${id}`), o),
      await cannon('GET /api/search?q=…', url, queries.map((q) => `/api/search?q=${encodeURIComponent(q)}`), o),
      await cannon('GET /api/articles/:id/next', url, ids.map((id, k) => `/api/articles/${id}/next?seen=${ids[(k + 1) % ids.length]}`), o),
    ];
    console.log(
      `\nautocannon: ${o.connections} connections, ${o.duration} s per endpoint, server on ${url} (\`newsgraph serve --processes ${o.processes}\`); ` +
        `search: ${queries.length.toLocaleString('en')} distinct queries of one or two title words, each asked at most once per pass`,
    );
    console.log('endpoint                       req/s    p50 ms   p99 ms   errors  non-2xx');
    for (const row of rows) {
      console.log(
        `${row.name.padEnd(28)} ${Math.round(row.rps).toLocaleString('en').padStart(7)}  ${String(row.p50).padStart(7)}  ${String(row.p99).padStart(7)}  ${String(row.errors).padStart(7)}  ${String(row.non2xx).padStart(7)}`,
      );
    }
    const worst = Math.max(...rows.map((x) => x.p99));
    console.log(`\ngoal p99 < 50 ms: ${worst < 50 ? 'met' : 'NOT met'} (worst p99 ${worst} ms)`);
    if (o.sweep) await sweep(url, mixedPaths(ids, queries), o);
  } finally {
    child.kill('SIGTERM');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
