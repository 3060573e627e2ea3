// WARC reading throughput and memory: a .warc.gz of synthetic HTML responses (one gzip member per record, as
// CC-NEWS publishes them; every 10th chunked, every 7th gzip content-encoded, plus request/metadata records) is
// generated in a temp dir, then streamed through the WARC reader, then through the reader and extraction.
//   node dist/bench/warc.js [--records N] [--extract N]
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { extractPipeline } from '../index.js';
import { readInputBytes } from '../ingest/read.js';
import { formatHttpResponse, formatWarcRecord, readWarc, warcResponse, type WarcStats } from '../ingest/warc.js';

const WORDS = 'minister talks border ceasefire council envoy sanctions protest capital army rebels election treaty summit aid convoy'.split(' ');

function page(i: number): string {
  const paras = Array.from({ length: 8 }, (_, p) =>
    `<p>${Array.from({ length: 60 }, (_, k) => WORDS[(i * 7 + p * 5 + k * 13) % WORDS.length]).join(' ')} (${i}.${p}).</p>`,
  ).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Story ${i}</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Story ${i}: ${WORDS[i % WORDS.length]} ${WORDS[(i * 3) % WORDS.length]}</h1><p class="byline">By Ana Kovec</p>
${paras}
</article><footer>© Velgrad Daily</footer></body></html>`;
}

function chunked(b: Buffer): Buffer {
  const half = b.length >> 1;
  const part = (x: Buffer) => Buffer.concat([Buffer.from(`${x.length.toString(16)}\r\n`), x, Buffer.from('\r\n')]);
  return Buffer.concat([part(b.subarray(0, half)), part(b.subarray(half)), Buffer.from('0\r\n\r\n')]);
}

async function generate(path: string, n: number): Promise<void> {
  const out = createWriteStream(path);
  const write = (b: Buffer) => (out.write(b) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  for (let i = 0; i < n; i++) {
    const url = `https://velgrad.example/news/${i}`;
    if (i % 50 === 0) {
      await write(gzipSync(formatWarcRecord({ 'WARC-Type': 'request', 'WARC-Target-URI': url, 'Content-Type': 'application/http; msgtype=request' }, `GET /news/${i} HTTP/1.1\r\nHost: velgrad.example\r\n\r\n`)));
    }
    let body: Buffer = Buffer.from(page(i));
    const headers: Record<string, string> = { 'Content-Type': 'text/html; charset=utf-8' };
    if (i % 7 === 0) {
      body = gzipSync(body);
      headers['Content-Encoding'] = 'gzip';
    }
    if (i % 10 === 0) {
      body = chunked(body);
      headers['Transfer-Encoding'] = 'chunked';
    }
    await write(gzipSync(warcResponse(url, formatHttpResponse(200, headers, body))));
    if (i % 50 === 0) {
      await write(gzipSync(formatWarcRecord({ 'WARC-Type': 'metadata', 'WARC-Target-URI': url, 'Content-Type': 'application/warc-fields' }, 'fetchTimeMs: 42\r\n')));
    }
  }
  await new Promise<void>((r) => out.end(r));
}

/** Peak resident set size so far, in MB (the kernel's high-water mark). */
function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export async function benchWarc(n = 10_000, extractN = n): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ng-bench-warc-'));
  try {
    const path = join(dir, 'bench.warc.gz');
    let t = performance.now();
    await generate(path, n);
    const genS = (performance.now() - t) / 1000;
    const size = statSync(path).size;
    const rssBefore = peakRssMb();

    const stats: WarcStats = { records: 0, yielded: 0, skipped: 0, oversized: 0 };
    let bytes = 0;
    t = performance.now();
    for await (const r of readWarc(path, { stats })) bytes += r.body.length;
    const readS = (performance.now() - t) / 1000;
    const rssRead = peakRssMb();

    const pipeline = extractPipeline();
    let extracted = 0;
    let paragraphs = 0;
    t = performance.now();
    for await (const r of readWarc(path)) {
      if (extracted >= extractN) break;
      const { warnings: _w, ...input } = await readInputBytes(r.body, r.url, { url: r.url, contentType: r.contentType, format: 'html' });
      paragraphs += pipeline.run(input).article.paragraphs.length;
      extracted++;
    }
    const extractS = (performance.now() - t) / 1000;
    const rssExtract = peakRssMb();
    if (stats.yielded !== n) throw new Error(`expected ${n} responses, read ${stats.yielded}`);

    const rate = (k: number, s: number) => Math.round(k / s).toLocaleString('en');
    return [
      `warc: ${n.toLocaleString('en')} HTML responses (+${stats.records - n} other records), ${(size / 1024 / 1024).toFixed(1)} MB .warc.gz ` +
        `(one gzip member per record), generated in ${genS.toFixed(1)} s`,
      `  reader:              ${rate(stats.records, readS)} records/s (${rate(n, readS)} responses/s, ${(bytes / 1024 / 1024 / readS).toFixed(0)} MB/s of HTML)`,
      `  reader + extraction: ${rate(extracted, extractS)} responses/s over ${extracted.toLocaleString('en')} responses (${paragraphs.toLocaleString('en')} paragraphs)`,
      `  peak RSS: ${rssBefore.toFixed(0)} MB after generating, ${rssRead.toFixed(0)} MB after reading, ${rssExtract.toFixed(0)} MB after extraction (goal < 300 MB)`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function arg(name: string): number | undefined {
  const i = process.argv.indexOf(name);
  if (i < 0) return undefined;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`${name} needs a positive integer`);
  return v;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = arg('--records') ?? 10_000;
  console.log(await benchWarc(n, arg('--extract') ?? n));
}
