// Analysis throughput: words per second per core for the whole analysis (language, dates, actors, quotes, …) and
// per stage, beside compromise's people/places/organizations on the same texts in the same run.
// The texts: the demo corpus and the seed article, plus the article text we extract from the Readability test pages
// when ../shared is present.
//   node dist/bench/analyze.js [--passes N] [--json]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DEFAULT_STAGES, extractPipeline } from '../index.js';
import { buildPipeline } from '../pipeline.js';
import { bodyDoc } from '../analyze/body.js';
import { readInputFile } from '../ingest/read.js';

export interface AnalyzeBench {
  texts: number;
  words: number;
  /** Words per second for the whole analysis after extraction. */
  wordsPerSecond: number;
  /** Seconds per stage over all passes. */
  stageSeconds: Record<string, number>;
  compromiseWordsPerSecond: number;
  ratio: number;
}

async function corpus(): Promise<string[]> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const texts: string[] = [];
  const pipeline = extractPipeline();
  const files: string[] = [];
  const demo = join(root, 'demo/articles');
  if (existsSync(demo)) for (const f of readdirSync(demo).sort()) files.push(join(demo, f));
  const seed = join(root, '../shared/seed/article.txt');
  if (existsSync(seed)) files.push(seed);
  const pages = join(root, '../shared/data/readability-test-pages');
  if (existsSync(pages)) for (const d of readdirSync(pages).sort()) if (existsSync(join(pages, d, 'source.html'))) files.push(join(pages, d, 'source.html'));
  for (const f of files) {
    const { warnings: _w, ...input } = await readInputFile(f);
    const doc = pipeline.run(input);
    if (doc.article.text.length > 200) texts.push(doc.article.text);
  }
  return texts;
}

export async function benchAnalyze(passes = 3): Promise<AnalyzeBench> {
  const texts = await corpus();
  const words = texts.reduce((n, t) => n + t.split(/\s+/).length, 0);
  const stages = DEFAULT_STAGES.filter((s) => s !== 'extract');
  const single = stages.map((s) => ({ s, p: buildPipeline([s], { provided: ['extract', ...stages] }) }));
  // Warm up: knowledge files and the gazetteer load once per process; the bench measures steady state.
  for (const t of texts.slice(0, 3)) for (const { p } of single) p.runDoc(bodyDoc(t, '2025-04-25'));
  const stageSeconds: Record<string, number> = Object.fromEntries(stages.map((s) => [s, 0]));
  let total = 0;
  for (let pass = 0; pass < passes; pass++) {
    for (const t of texts) {
      let doc = bodyDoc(t, '2025-04-25');
      for (const { s, p } of single) {
        const t0 = performance.now();
        doc = p.runDoc(doc);
        const dt = (performance.now() - t0) / 1000;
        stageSeconds[s]! += dt;
        total += dt;
      }
    }
  }
  const require = createRequire(import.meta.url);
  const nlp = require('compromise') as (t: string) => { people(): { out(f: string): unknown }; places(): { out(f: string): unknown }; organizations(): { out(f: string): unknown } };
  for (const t of texts.slice(0, 3)) nlp(t).people().out('array');
  let ct = 0;
  for (let pass = 0; pass < passes; pass++) {
    for (const t of texts) {
      const t0 = performance.now();
      const d = nlp(t);
      d.people().out('array');
      d.places().out('array');
      d.organizations().out('array');
      ct += (performance.now() - t0) / 1000;
    }
  }
  const wps = (words * passes) / total;
  const cwps = (words * passes) / ct;
  return { texts: texts.length, words, wordsPerSecond: wps, stageSeconds, compromiseWordsPerSecond: cwps, ratio: wps / cwps };
}

export function formatAnalyzeBench(r: AnalyzeBench): string {
  const total = Object.values(r.stageSeconds).reduce((a, b) => a + b, 0);
  const lines = [
    `analysis: ${r.texts} texts, ${r.words} words`,
    `  newsgraph (all analysis stages): ${Math.round(r.wordsPerSecond).toLocaleString('en')} words/s per core`,
    `  compromise people/places/organizations: ${Math.round(r.compromiseWordsPerSecond).toLocaleString('en')} words/s`,
    `  ratio: ${r.ratio.toFixed(2)}x`,
    `  time by stage: ${Object.entries(r.stageSeconds)
      .map(([s, t]) => `${s} ${((100 * t) / total).toFixed(0)}%`)
      .join(', ')}`,
  ];
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--passes');
  const r = await benchAnalyze(i >= 0 ? Number(args[i + 1]) : 3);
  console.log(args.includes('--json') ? JSON.stringify(r, null, 2) : formatAnalyzeBench(r));
}
