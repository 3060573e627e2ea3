// Store throughput: analysed documents written to the SQLite store (with its FTS index and idempotency checks),
// beside a baseline of the same JSON rows inserted into a bare better-sqlite3 table in the same run; then search.
//   node dist/bench/store.js [--docs N]
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import '../index.js';
import { analyzeBody } from '../analyze/body.js';
import { SqliteStore } from '../store/sqlite.js';
import type { Doc } from '../model.js';

const WORDS = 'minister talks border ceasefire council envoy sanctions protest capital army rebels election treaty summit aid convoy'.split(' ');

function syntheticDocs(n: number): Doc[] {
  const base = analyzeBody('Foreign Minister Ana Kovec met envoy Lars Penn in Velgrad on Monday. "We are close," Kovec told reporters.', '2025-04-25');
  const docs: Doc[] = [];
  for (let i = 0; i < n; i++) {
    const text = Array.from({ length: 300 }, (_, k) => WORDS[(i * 7 + k * 13) % WORDS.length]).join(' ') + ` story${i}.`;
    const d = structuredClone(base);
    d.id = `${i.toString(16).padStart(8, '0')}${'0'.repeat(56)}`;
    d.article = { ...d.article, title: `Story ${i} ${WORDS[i % WORDS.length]}`, text };
    docs.push(d);
  }
  return docs;
}

export async function benchStore(n = 5000): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ng-bench-'));
  try {
    const docs = syntheticDocs(n);
    const store = new SqliteStore(join(dir, 'ng.db'));
    let t = performance.now();
    for (const d of docs) await store.put(d);
    const ours = n / ((performance.now() - t) / 1000);
    t = performance.now();
    for (let i = 0; i < 200; i++) await store.search(WORDS[i % WORDS.length]!, { limit: 20 });
    const searches = 200 / ((performance.now() - t) / 1000);
    await store.close();

    const require = createRequire(import.meta.url);
    const Database = require('better-sqlite3') as new (p: string) => { pragma(s: string): unknown; exec(s: string): void; prepare(s: string): { run(...a: unknown[]): unknown } };
    const db = new Database(join(dir, 'bare.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, doc TEXT)');
    const ins = db.prepare('INSERT OR IGNORE INTO t VALUES (?, ?)');
    t = performance.now();
    for (const d of docs) ins.run(d.id, JSON.stringify(d));
    const bare = n / ((performance.now() - t) / 1000);
    return [
      `store: ${n} documents of ~300 words, one transaction each`,
      `  SQLite store (JSON + FTS5 + idempotency): ${Math.round(ours).toLocaleString('en')} docs/s`,
      `  baseline bare better-sqlite3 insert:      ${Math.round(bare).toLocaleString('en')} docs/s`,
      `  ratio: ${(ours / bare).toFixed(2)}x of the bare insert; search: ${Math.round(searches).toLocaleString('en')} queries/s`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--docs');
  console.log(await benchStore(i >= 0 ? Number(process.argv[i + 1]) : 5000));
}
