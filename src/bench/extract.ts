// Extraction throughput and peak memory, ours vs @mozilla/readability + jsdom, on the Readability test pages.
// Each side runs in its own child process, so peak RSS (resourceUsage().maxRSS) belongs to that side alone.
//   node dist/bench/extract.js [--dir PATH] [--passes N] [--readability-passes N] [--json]
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchOptions {
  /** Folder of page folders each holding source.html (default ../shared/data/readability-test-pages). */
  dir?: string;
  /** Timed passes over all pages for our extractor (default 5). */
  passes?: number;
  /** Timed passes for Readability (default 1: it is slow). */
  readabilityPasses?: number;
  /** Only the first N pages (default all). */
  maxPages?: number;
}

export interface SideStats {
  passes: number;
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  mbPerSecond: number;
  peakRssMB: number;
  /** Peak RSS of a worker that only loads the pages (the baseline both sides share). */
  baselineRssMB: number;
}

export interface BenchResult {
  skipped: string | null;
  pages: number;
  megabytes: number;
  ours: SideStats | null;
  readability: SideStats | null;
  /** ours pages/s ÷ Readability pages/s. */
  speedRatio: number | null;
}

const DEFAULT_DIR = '../shared/data/readability-test-pages';
const FAKE_URL = 'http://fakehost/test/page.html';

function pageFiles(dir: string, max?: number): string[] {
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'source.html')))
    .map((d) => d.name)
    .sort();
  return (max ? names.slice(0, max) : names).map((n) => join(dir, n, 'source.html'));
}

interface WorkerOut {
  seconds: number;
  pages: number;
  bytes: number;
  maxRssKB: number;
}

/** Runs inside the child: loads the pages, then times `passes` passes of one side. */
async function worker(side: string, dir: string, passes: number, max?: number): Promise<WorkerOut> {
  const files = pageFiles(dir, max);
  const pages = files.map((f) => readFileSync(f, 'utf8'));
  const bytes = pages.reduce((n, html) => n + Buffer.byteLength(html, 'utf8'), 0);
  let run: (html: string) => unknown = () => null;
  if (side === 'ours') {
    const { extractHtml } = await import('../extract/html/index.js');
    run = (html) => extractHtml(html, { url: FAKE_URL });
  } else if (side === 'readability') {
    const { JSDOM, VirtualConsole } = await import('jsdom');
    const { Readability } = await import('@mozilla/readability');
    run = (html) => {
      const dom = new JSDOM(html, { url: FAKE_URL, virtualConsole: new VirtualConsole() });
      let r: unknown = null;
      try {
        r = new Readability(dom.window.document).parse();
      } catch {
        /* a failure still costs its time */
      }
      dom.window.close();
      return r;
    };
  }
  const t0 = process.hrtime.bigint();
  let sink = 0;
  for (let p = 0; p < passes; p++) for (const html of pages) if (run(html)) sink++;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (sink < 0) console.error(sink);
  return { seconds, pages: pages.length * passes, bytes: bytes * passes, maxRssKB: process.resourceUsage().maxRSS };
}

function spawnWorker(side: string, dir: string, passes: number, max?: number): Promise<WorkerOut> {
  const self = fileURLToPath(import.meta.url);
  const args = [self, '--worker', side, '--dir', dir, '--passes', String(passes)];
  if (max) args.push('--max', String(max));
  return new Promise((res, rej) => {
    execFile(process.execPath, args, { maxBuffer: 1 << 20, timeout: 600_000 }, (err, stdout, stderr) => {
      if (err) return rej(new Error(`${side} worker failed: ${err.message}\n${stderr}`));
      try {
        res(JSON.parse(stdout.trim().split('\n').pop() ?? '') as WorkerOut);
      } catch (e) {
        rej(new Error(`${side} worker output unreadable: ${(e as Error).message}: ${stdout.slice(0, 200)}`));
      }
    });
  });
}

function stats(w: WorkerOut, passes: number, baseKB: number): SideStats {
  return {
    passes,
    pages: w.pages,
    seconds: w.seconds,
    pagesPerSecond: w.pages / w.seconds,
    mbPerSecond: w.bytes / 1e6 / w.seconds,
    peakRssMB: w.maxRssKB / 1024,
    baselineRssMB: baseKB / 1024,
  };
}

export async function benchExtract(opts: BenchOptions = {}): Promise<BenchResult> {
  const dir = resolve(process.cwd(), opts.dir ?? DEFAULT_DIR);
  const empty: BenchResult = { skipped: null, pages: 0, megabytes: 0, ours: null, readability: null, speedRatio: null };
  if (!existsSync(dir)) return { ...empty, skipped: `test pages not found at ${dir}` };
  const files = pageFiles(dir, opts.maxPages);
  if (!files.length) return { ...empty, skipped: `no pages in ${dir}` };
  const passes = Math.max(1, opts.passes ?? 5);
  const rPasses = Math.max(1, opts.readabilityPasses ?? 1);
  const base = await spawnWorker('none', dir, 1, opts.maxPages);
  const ours = await spawnWorker('ours', dir, passes, opts.maxPages);
  const readability = await spawnWorker('readability', dir, rPasses, opts.maxPages);
  const o = stats(ours, passes, base.maxRssKB);
  const r = stats(readability, rPasses, base.maxRssKB);
  return {
    skipped: null,
    pages: files.length,
    megabytes: base.bytes / 1e6,
    ours: o,
    readability: r,
    speedRatio: o.pagesPerSecond / r.pagesPerSecond,
  };
}

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function main(argv: string[]): Promise<void> {
  const side = arg(argv, '--worker');
  const dir = arg(argv, '--dir');
  const max = arg(argv, '--max') ? Number(arg(argv, '--max')) : undefined;
  if (side) {
    const out = await worker(side, dir ?? DEFAULT_DIR, Number(arg(argv, '--passes') ?? 1), max);
    process.stdout.write(JSON.stringify(out) + '\n');
    return;
  }
  const r = await benchExtract({
    dir,
    passes: arg(argv, '--passes') ? Number(arg(argv, '--passes')) : undefined,
    readabilityPasses: arg(argv, '--readability-passes') ? Number(arg(argv, '--readability-passes')) : undefined,
    maxPages: max,
  });
  if (argv.includes('--json')) {
    console.log(JSON.stringify(r, null, 2));
    return;
  }
  if (r.skipped) {
    console.log(`bench:extract skipped — ${r.skipped}`);
    return;
  }
  const line = (name: string, s: SideStats) =>
    `${name.padEnd(22)} ${s.pagesPerSecond.toFixed(1).padStart(9)} ${s.mbPerSecond.toFixed(2).padStart(8)} ${s.peakRssMB.toFixed(0).padStart(11)} ${s.passes.toString().padStart(7)} ${s.seconds.toFixed(2).padStart(8)}`;
  console.log(`extraction bench: ${r.pages} pages, ${r.megabytes.toFixed(1)} MB per pass (each side in its own process)`);
  console.log(`${'system'.padEnd(22)} ${'pages/s'.padStart(9)} ${'MB/s'.padStart(8)} ${'peak RSS MB'.padStart(11)} ${'passes'.padStart(7)} ${'seconds'.padStart(8)}`);
  console.log(line('ours (htmlparser2)', r.ours!));
  console.log(line('readability + jsdom', r.readability!));
  console.log(`baseline worker (pages loaded, no extraction): ${r.ours!.baselineRssMB.toFixed(0)} MB peak RSS`);
  console.log(`speed ratio ours/readability: ${r.speedRatio!.toFixed(1)}x`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
