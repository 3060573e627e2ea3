// Evaluation of our HTML extraction against the Readability test pages, side by side with
// @mozilla/readability + jsdom on the same pages.
//   node dist/eval/readability.js [--json] [--misses] [--page NAME] [--dir PATH]
// --misses lists every title, byline and date miss with the expected value next to ours.
// Body text is compared as F1 over multiset word 4-gram shingles (see shingles.ts). Figure captions are removed
// from the reference and from Readability's output alike, because our body never holds captions (they go to media).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractHtml } from '../extract/html/index.js';
import { parseHtml, textOf } from '../extract/html/dom.js';
import { BLOCK_TAGS } from '../extract/html/layout.js';
import { toIsoDate } from '../extract/html/dates.js';
import { shingleF1 } from './shingles.js';

export const DEFAULT_PAGES = '../shared/data/readability-test-pages';
export const FAKE_URL = 'http://fakehost/test/page.html';

interface SideResult {
  f1: number;
  precision: number;
  recall: number;
  title: string | null;
  titleExact: boolean | null;
  titleLenient: boolean | null;
  byline: string | null;
  bylineOk: boolean | null;
  published: string | null;
  publishedOk: boolean | null;
  ms: number;
  error?: string;
}

export interface PageResult {
  page: string;
  expected: Expected;
  ours: SideResult;
  readability: SideResult;
}

const SKIP_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'figcaption', 'head', 'title']);

/** Visible text of an HTML fragment, with block boundaries as spaces and figure captions left out. */
export function htmlText(html: string): string {
  return textOf(parseHtml(html), SKIP_TEXT, { blocks: new Set([...BLOCK_TAGS, 'td', 'th']) });
}

/** Title folded for exact comparison: NFKC, lower case, quotes and dashes unified, spaces collapsed. */
export function normTitle(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.:;,!]+$/, '');
}

function alnumTokens(s: string): string[] {
  return s.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Exact after folding; lenient: one title is the other plus or minus a decoration, or the words mostly agree. */
export function titleMatch(got: string | null, want: string): { exact: boolean; lenient: boolean } {
  if (got == null) return { exact: false, lenient: false };
  const exact = normTitle(got) === normTitle(want);
  if (exact) return { exact, lenient: true };
  const a = alnumTokens(got).join(' ');
  const b = alnumTokens(want).join(' ');
  if (!a || !b) return { exact, lenient: false };
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.includes(short) && short.length >= 0.4 * long.length) return { exact, lenient: true };
  const ta = alnumTokens(got);
  const tb = new Map<string, number>();
  for (const t of alnumTokens(want)) tb.set(t, (tb.get(t) ?? 0) + 1);
  let o = 0;
  for (const t of ta) {
    const c = tb.get(t);
    if (c) {
      o++;
      tb.set(t, c - 1);
    }
  }
  const nb = alnumTokens(want).length;
  const f = (2 * o) / (ta.length + nb);
  return { exact, lenient: f >= 0.8 };
}

const BY_PREFIX = /^(?:(?:written|reported|posted)\s+)?(?:by|par|por|von|di|door)\s+/i;

/** A byline agrees when every name we give appears in the expected byline, or the expected one in ours. */
export function bylineMatch(got: string | null, want: string): boolean {
  if (!got) return false;
  const w = alnumTokens(want.replace(BY_PREFIX, '')).join(' ');
  const g = alnumTokens(got.replace(BY_PREFIX, '')).join(' ');
  if (!w || !g) return false;
  if (w === g) return true;
  const names = got.split(/\s*[,;]\s*|\s+and\s+/).map((x) => alnumTokens(x.replace(BY_PREFIX, '')).join(' ')).filter(Boolean);
  if (names.length && names.every((n) => w.includes(n))) return true;
  return g.includes(w);
}

/** Dates agree on the day, and on hour and minute when both give a time. */
export function dateMatch(got: string | null, want: string): boolean {
  const a = toIsoDate(got);
  const b = toIsoDate(want);
  if (!a || !b) return false;
  if (a.length >= 16 && b.length >= 16) {
    const ta = Date.parse(a);
    const tb = Date.parse(b);
    if (!isNaN(ta) && !isNaN(tb) && ta === tb) return true;
    return a.slice(0, 16) === b.slice(0, 16);
  }
  return a.slice(0, 10) === b.slice(0, 10);
}

interface Expected {
  title?: string | null;
  byline?: string | null;
  publishedTime?: string | null;
}

function score(side: Omit<SideResult, 'f1' | 'precision' | 'recall' | 'titleExact' | 'titleLenient' | 'bylineOk' | 'publishedOk'>, text: string, ref: string, exp: Expected): SideResult {
  const prf = shingleF1(text, ref);
  const hasTitle = !!(exp.title && exp.title.trim());
  const tm = hasTitle ? titleMatch(side.title, exp.title!) : null;
  return {
    ...side,
    ...prf,
    titleExact: tm ? tm.exact : null,
    titleLenient: tm ? tm.lenient : null,
    bylineOk: exp.byline ? bylineMatch(side.byline, exp.byline) : null,
    publishedOk: exp.publishedTime ? dateMatch(side.published, exp.publishedTime) : null,
  };
}

function runOurs(html: string, ref: string, exp: Expected): { res: SideResult; blocks: { kind: string; text: string }[] } {
  const t0 = performance.now();
  const x = extractHtml(html, { url: FAKE_URL });
  const ms = performance.now() - t0;
  const text = x.blocks.map((b) => b.text).join('\n\n');
  const res = score({ title: x.title, byline: x.bylines.join(', ') || null, published: x.published, ms }, text, ref, exp);
  return { res, blocks: x.blocks };
}

async function loadReadability() {
  const { JSDOM, VirtualConsole } = await import('jsdom');
  const { Readability } = await import('@mozilla/readability');
  return { JSDOM, VirtualConsole, Readability };
}

type RLib = Awaited<ReturnType<typeof loadReadability>>;

function runReadability(lib: RLib, html: string, ref: string, exp: Expected): SideResult {
  const t0 = performance.now();
  try {
    const vc = new lib.VirtualConsole();
    const dom = new lib.JSDOM(html, { url: FAKE_URL, virtualConsole: vc });
    const art = new lib.Readability(dom.window.document).parse();
    const ms = performance.now() - t0;
    dom.window.close();
    const text = art?.content ? htmlText(art.content) : '';
    return score({ title: art?.title ?? null, byline: art?.byline ?? null, published: art?.publishedTime ?? null, ms }, text, ref, exp);
  } catch (e) {
    const ms = performance.now() - t0;
    return { ...score({ title: null, byline: null, published: null, ms }, '', ref, exp), error: (e as Error).message };
  }
}

export function listPages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'source.html')))
    .map((d) => d.name)
    .sort();
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
}

function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function pct(xs: (boolean | null)[]): string {
  const v = xs.filter((x): x is boolean => x !== null);
  if (!v.length) return 'n/a';
  return `${((100 * v.filter(Boolean).length) / v.length).toFixed(1)}% (${v.filter(Boolean).length}/${v.length})`;
}

export async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const misses = argv.includes('--misses');
  const pi = argv.indexOf('--page');
  const onePage = pi >= 0 ? argv[pi + 1] : null;
  const di = argv.indexOf('--dir');
  const dir = resolve(process.cwd(), di >= 0 ? argv[di + 1] : DEFAULT_PAGES);
  if (!existsSync(dir)) {
    console.log(`eval:readability: skipped — test pages not found at ${dir}`);
    return 0;
  }
  let pages = listPages(dir);
  if (onePage) pages = pages.filter((p) => p === onePage);
  if (!pages.length) {
    console.log(onePage ? `no page named ${onePage} in ${dir}` : `no pages in ${dir}`);
    return onePage ? 1 : 0;
  }
  const lib = await loadReadability();
  const results: PageResult[] = [];
  for (const page of pages) {
    const html = readFileSync(join(dir, page, 'source.html'), 'utf8');
    const expHtml = existsSync(join(dir, page, 'expected.html')) ? readFileSync(join(dir, page, 'expected.html'), 'utf8') : '';
    let exp: Expected = {};
    try {
      exp = JSON.parse(readFileSync(join(dir, page, 'expected-metadata.json'), 'utf8')) as Expected;
    } catch {
      /* no metadata: only the body is scored */
    }
    const ref = htmlText(expHtml);
    const ours = runOurs(html, ref, exp);
    const readability = runReadability(lib, html, ref, exp);
    results.push({ page, expected: exp, ours: ours.res, readability });
    if (onePage) {
      console.log(`# ${page}`);
      console.log(`title     ours: ${JSON.stringify(ours.res.title)}  readability: ${JSON.stringify(readability.title)}  expected: ${JSON.stringify(exp.title)}`);
      console.log(`byline    ours: ${JSON.stringify(ours.res.byline)}  expected: ${JSON.stringify(exp.byline)}`);
      console.log(`published ours: ${JSON.stringify(ours.res.published)}  expected: ${JSON.stringify(exp.publishedTime)}`);
      const full = extractHtml(html, { url: FAKE_URL });
      console.log(`dek: ${JSON.stringify(full.dek)}  site: ${JSON.stringify(full.siteName)}  lang: ${full.language}`);
      console.log(`F1 ours ${ours.res.f1.toFixed(3)} (P ${ours.res.precision.toFixed(3)} R ${ours.res.recall.toFixed(3)})  readability ${readability.f1.toFixed(3)}`);
      console.log('--- blocks');
      for (const b of ours.blocks) console.log(`[${b.kind}] ${b.text.length > 300 ? b.text.slice(0, 300) + '…' : b.text}`);
      console.log('--- media');
      for (const m of full.media) console.log(JSON.stringify(m));
      console.log('--- removed');
      for (const r of full.removed) console.log(`- ${r}`);
    }
  }
  if (json) {
    console.log(JSON.stringify(results, null, 2));
    return 0;
  }
  if (onePage) return 0;
  const row = (name: string, pick: (r: PageResult) => SideResult) => {
    const s = results.map(pick);
    return [
      name.padEnd(12),
      mean(s.map((x) => x.f1)).toFixed(3).padStart(8),
      median(s.map((x) => x.f1)).toFixed(3).padStart(8),
      pct(s.map((x) => x.titleExact)).padStart(18),
      pct(s.map((x) => x.titleLenient)).padStart(18),
      pct(s.map((x) => x.bylineOk)).padStart(16),
      pct(s.map((x) => x.publishedOk)).padStart(16),
      mean(s.map((x) => x.ms)).toFixed(1).padStart(8),
    ].join(' ');
  };
  console.log(`Readability test pages: ${results.length} (${dir})`);
  console.log('body F1 = multiset word 4-gram shingles vs expected.html text (figure captions excluded on all sides)');
  console.log(['system'.padEnd(12), 'meanF1'.padStart(8), 'medF1'.padStart(8), 'title exact'.padStart(18), 'title lenient'.padStart(18), 'byline'.padStart(16), 'published'.padStart(16), 'ms/page'.padStart(8)].join(' '));
  console.log(row('ours', (r) => r.ours));
  console.log(row('readability', (r) => r.readability));
  const worst = [...results].sort((a, b) => a.ours.f1 - b.ours.f1).slice(0, 12);
  console.log('\nworst pages for ours (F1 ours / readability, P/R ours):');
  for (const r of worst) {
    console.log(`  ${r.page.padEnd(40)} ${r.ours.f1.toFixed(3)} / ${r.readability.f1.toFixed(3)}   P ${r.ours.precision.toFixed(2)} R ${r.ours.recall.toFixed(2)}`);
  }
  const titleMiss = results.filter((r) => r.ours.titleExact === false);
  if (titleMiss.length) {
    console.log(misses ? '\ntitle mismatches (ours / expected):' : '\ntitle mismatches (ours; --misses shows the expected title):');
    for (const r of titleMiss) {
      console.log(`  ${r.page}: ${JSON.stringify(r.ours.title)}${r.ours.titleLenient ? ' (lenient ok)' : ''}`);
      if (misses) console.log(`  ${' '.repeat(r.page.length)}  ${JSON.stringify(r.expected.title)}`);
    }
  }
  if (misses) {
    const bylineMiss = results.filter((r) => r.ours.bylineOk === false);
    if (bylineMiss.length) {
      console.log('\nbyline misses (ours / expected):');
      for (const r of bylineMiss) console.log(`  ${r.page}: ${JSON.stringify(r.ours.byline)} / ${JSON.stringify(r.expected.byline)}`);
    }
    const dateMiss = results.filter((r) => r.ours.publishedOk === false);
    if (dateMiss.length) {
      console.log('\npublished misses (ours / expected):');
      for (const r of dateMiss) console.log(`  ${r.page}: ${JSON.stringify(r.ours.published)} / ${JSON.stringify(r.expected.publishedTime)}`);
    }
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
