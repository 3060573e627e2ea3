// CLI commands over the store: ingest, search, show, demo.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultPipeline } from '../index.js';
import { NewsgraphError } from '../errors.js';
import { ingestPaths } from '../ingest/ingest.js';
import { analysisJson } from '../output.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { createProgress } from './progress.js';
import { writeOut } from './io.js';

async function withStore<T>(db: string, f: (s: Store) => Promise<T>): Promise<T> {
  const store = await openStore(db);
  try {
    return await f(store);
  } finally {
    await store.close();
  }
}

export async function cmdIngest(paths: string[], o: { db: string; published: string | null }): Promise<number> {
  return withStore(o.db, async (store) => {
    const progress = createProgress();
    const report = await ingestPaths(store, paths, {
      pipeline: defaultPipeline(),
      published: o.published,
      onProgress: (p) => progress.update(p.done, p.total, p.file),
      onError: (file, message) => progress.log(`newsgraph: ${message.replace(/^newsgraph:\s*/, '').startsWith(file) ? message.replace(/^newsgraph:\s*/, '') : `${file}: ${message}`}`),
    });
    progress.stop();
    process.stderr.write(
      `ingested ${report.files} files in ${report.seconds.toFixed(1)} s: ${report.stored} stored, ` +
        `${report.duplicates} duplicates, ${report.skipped} already seen, ${report.failed} failed → ${o.db}\n`,
    );
    if (report.files === 0) throw new NewsgraphError(`no input files found in ${paths.join(' ')}`);
    return report.failed ? 1 : 0;
  });
}

export async function cmdSearch(query: string, o: { db: string; limit: number; json: boolean }): Promise<number> {
  if (!existsSync(o.db) && o.db !== ':memory:' && !o.db.startsWith('postgres')) {
    throw new NewsgraphError(`${o.db}: no such store; run \`newsgraph ingest\` or \`newsgraph demo\` first`);
  }
  return withStore(o.db, async (store) => {
    const hits = await store.search(query, { limit: o.limit });
    if (o.json) {
      for (const h of hits) await writeOut(JSON.stringify(h) + '\n');
    } else if (!hits.length) {
      await writeOut(`no articles match ${JSON.stringify(query)}\n`);
    } else {
      for (const h of hits) {
        await writeOut(`${h.id.slice(0, 12)}  ${h.published?.slice(0, 10) ?? '          '}  ${h.title ?? '(untitled)'}\n    ${h.snippet}\n`);
      }
    }
    return 0;
  });
}

export async function cmdShow(id: string, o: { db: string; json: boolean }): Promise<number> {
  if (!existsSync(o.db) && !o.db.startsWith('postgres')) throw new NewsgraphError(`${o.db}: no such store`);
  return withStore(o.db, async (store) => {
    const doc = await store.get(id);
    if (!doc) throw new NewsgraphError(`no stored article with id '${id}' in ${o.db}`);
    if (o.json) {
      await writeOut(JSON.stringify(analysisJson(doc), null, 2) + '\n');
      return 0;
    }
    const a = doc.article;
    const head = [
      a.title ?? '(untitled)',
      a.dek,
      [a.bylines.length ? `By ${a.bylines.join(', ')}` : null, a.published, a.datelines.join('/') || null]
        .filter(Boolean)
        .join(' · '),
      ...a.media.map((m) => `[${m.caption ?? 'image'}${m.credit ? ` — ${m.credit}` : ''}]`),
      `id ${doc.id}  source ${a.source}`,
    ].filter(Boolean);
    await writeOut(head.join('\n') + '\n\n' + a.text + '\n');
    return 0;
  });
}

/** The bundled demo corpus: fictional articles written for the project. */
export function demoDir(): string {
  return fileURLToPath(new URL('../../demo/articles/', import.meta.url));
}

export async function cmdDemo(o: { db: string }): Promise<number> {
  const dir = demoDir();
  if (!existsSync(dir)) throw new NewsgraphError(`demo corpus missing at ${dir}`);
  const code = await cmdIngest([dir], { db: o.db, published: null });
  await withStore(o.db, async (store) => {
    const total = await store.count();
    const list = await store.list({ limit: 20 });
    await writeOut(`\n${total} articles in ${o.db}:\n`);
    for (const s of list) await writeOut(`  ${s.id.slice(0, 12)}  ${s.published?.slice(0, 10) ?? '    ?     '}  ${s.title ?? '(untitled)'}\n`);
    await writeOut(`\ntry:  npx newsgraph search ceasefire --db ${o.db}\n      npx newsgraph show ${list[0]?.id.slice(0, 12) ?? 'ID'} --db ${o.db}\n`);
  });
  return code;
}
