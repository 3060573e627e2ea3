// CLI commands over the store: ingest, search, show, demo.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultPipeline } from '../index.js';
import { NewsgraphError } from '../errors.js';
import { hasIngestExtension, ingestPaths } from '../ingest/ingest.js';
import { checkPort, serveStore } from '../serve/cli.js';
import { analysisJson } from '../output.js';
import { openStore, requireStore, withStore } from '../store/open.js';
import { createProgress } from './progress.js';
import { writeOut } from './io.js';

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
  requireStore(o.db);
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
  requireStore(o.db);
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

/**
 * The demo files in order, each with the published date to pass for it: the manifest's date for the plain-text
 * files that carry none (as a caller would pass --published), null for pages that state their own.
 */
function demoFiles(dir: string): { file: string; published: string | null }[] {
  const manifest = join(dir, '..', 'manifest.json');
  const dated = new Map<string, string>();
  if (existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as { articles?: { file: string; published: string; publishedInFile: boolean }[] };
    for (const a of m.articles ?? []) if (!a.publishedInFile) dated.set(basename(a.file), a.published);
  }
  return readdirSync(dir)
    .filter((f) => hasIngestExtension(f))
    .sort()
    .map((f) => ({ file: join(dir, f), published: dated.get(f) ?? null }));
}

export async function cmdDemo(o: { db: string; serve?: boolean; port?: string | number; host?: string }): Promise<number> {
  const dir = demoDir();
  if (!existsSync(dir)) throw new NewsgraphError(`demo corpus missing at ${dir}`);
  const port = o.serve === false ? 0 : checkPort(o.port ?? 8080);
  // One file at a time, in order, so stories link as the articles ran.
  const files = demoFiles(dir);
  const code = await withStore(o.db, async (store) => {
    const pipeline = defaultPipeline();
    const total = { stored: 0, duplicates: 0, skipped: 0, failed: 0, seconds: 0 };
    for (const { file, published } of files) {
      const r = await ingestPaths(store, [file], {
        pipeline,
        published,
        onError: (f, message) => process.stderr.write(`newsgraph: ${message.replace(/^newsgraph:\s*/, '').startsWith(f) ? message.replace(/^newsgraph:\s*/, '') : `${f}: ${message}`}\n`),
      });
      total.stored += r.stored;
      total.duplicates += r.duplicates;
      total.skipped += r.skipped;
      total.failed += r.failed;
      total.seconds += r.seconds;
    }
    process.stderr.write(
      `ingested ${files.length} files in ${total.seconds.toFixed(1)} s: ${total.stored} stored, ` +
        `${total.duplicates} duplicates, ${total.skipped} already seen, ${total.failed} failed → ${o.db}\n`,
    );
    return total.failed ? 1 : 0;
  });
  await withStore(o.db, async (store) => {
    const total = await store.count();
    const list = await store.list({ limit: 20 });
    await writeOut(`\n${total} articles in ${o.db}:\n`);
    for (const s of list) await writeOut(`  ${s.id.slice(0, 12)}  ${s.published?.slice(0, 10) ?? '    ?     '}  ${s.title ?? '(untitled)'}\n`);
    const stories = await store.stories({ limit: 10 });
    await writeOut(`\n${stories.total} stories:\n`);
    for (const st of stories.items) await writeOut(`  ${String(st.size).padStart(2)} articles  ${st.first ?? ''}…${st.last ?? ''}  ${st.title ?? '(untitled)'}\n`);
    await writeOut(`\ntry:  npx newsgraph search ceasefire --db ${o.db}\n      npx newsgraph show ${list[0]?.id.slice(0, 12) ?? 'ID'} --db ${o.db}\n`);
  });
  if (o.serve === false) return code;
  await writeOut('\n');
  const store = await openStore(o.db);
  try {
    await serveStore(store, { host: o.host ?? '127.0.0.1', port }, (line) => process.stdout.write(line + '\n'));
  } finally {
    await store.close();
  }
  return code;
}
