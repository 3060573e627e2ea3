// End-to-end bad-input suite: `node bin/newsgraph.js extract FILE... --jsonl` on inputs that are empty, binary,
// truncated, huge, mislabelled or malformed, mixed with good ones. The contract under test:
//   - stdout: one JSON line per input, in input order; a failed input yields {"file": FILE, "error": PROBLEM};
//   - stderr: one line "newsgraph: FILE: PROBLEM" per failed input;
//   - exit code 1 if any input failed, else 0; the good inputs are still extracted.
// Fixtures are generated in a temp dir at test time (nothing big is committed).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/newsgraph.js');
const dir = mkdtempSync(join(tmpdir(), 'ng-bad-input-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Why the suite can't run yet (the CLI is not built), or false. */
function cliMissing(): string | false {
  const main = join(root, 'dist/cli/main.js');
  if (!existsSync(main)) return 'dist/cli/main.js is not built';
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(new URL(`file://${main}`).href)})`], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (r.status !== 0 && /ERR_MODULE_NOT_FOUND/.test(r.stderr)) return `the CLI does not load yet: ${r.stderr.split('\n').find((l) => l.includes('Cannot find module'))?.trim()}`;
  return false;
}
const skip = cliMissing();

interface Result {
  code: number | null;
  out: string;
  err: string;
  lines: Record<string, unknown>[];
  /** Peak resident set of the child, in bytes. */
  maxRss: number;
  ms: number;
}

// Records the child's peak memory when it exits (process.resourceUsage().maxRSS is in KB).
const RSS_HOOK = join(dir, 'rss-hook.mjs');
writeFileSync(
  RSS_HOOK,
  `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { if (process.env.NG_RSS_FILE) writeFileSync(process.env.NG_RSS_FILE, String(process.resourceUsage().maxRSS * 1024)); });\n`,
);

/** Runs the CLI with stdout going to a file (outputs can be ~100 MB); resolves when it exits or is killed. */
function cli(args: string[], opts: { timeoutMs?: number; stdin?: string } = {}): Promise<Result> {
  const outFile = join(dir, `out-${Date.now()}-${Math.random().toString(36).slice(2)}.jsonl`);
  const rssFile = `${outFile}.rss`;
  const fd = openSync(outFile, 'w');
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', `file://${RSS_HOOK}`, bin, ...args], {
      cwd: dir,
      env: { ...process.env, NG_RSS_FILE: rssFile },
      stdio: [opts.stdin == null ? 'ignore' : 'pipe', fd, 'pipe'],
    });
    let err = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    if (opts.stdin != null) child.stdin!.end(opts.stdin);
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      closeSync(fd);
      const ms = Date.now() - t0;
      const out = readFileSync(outFile, 'utf8');
      rmSync(outFile, { force: true });
      const maxRss = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
      rmSync(rssFile, { force: true });
      if (signal) return reject(new Error(`newsgraph was killed (${signal}) after ${ms} ms; stderr: ${err.slice(0, 500)}`));
      const lines = out
        .split('\n')
        .filter((l) => l.trim())
        .map((l, i) => {
          try {
            return JSON.parse(l) as Record<string, unknown>;
          } catch {
            throw new Error(`stdout line ${i + 1} is not JSON: ${l.slice(0, 200)}`);
          }
        });
      resolve({ code, out, err, lines, maxRss, ms });
    });
  });
}

const para = (s: string) => `<p>${s}</p>`;
const BODY_PARAS = [
  'The foreign ministers of Veloria and Kestria met in Selvara on Tuesday for the first direct talks since the border attack in March 2024, officials from both delegations said.',
  '"We came here to listen, and we will stay as long as it takes," Velorian Foreign Minister Lidia Marek told reporters before the session opened in the Durnovian capital.',
  'Kestrian Defence Minister Pavel Strand said his government would judge Veloria by its actions, not its words, and repeated the demand for an international inquiry.',
];

function articlePage(title: string, paras: string[], head = '<meta charset="utf-8">'): string {
  return `<!doctype html>
<html lang="en"><head>${head}<title>${title} | Northgate Herald</title></head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav>
<main><article>
<h1>${title}</h1>
<p class="byline">By Maren Holt</p>
${paras.map(para).join('\n')}
</article></main>
<footer>© 2024 Northgate Herald. All rights reserved.</footer>
</body></html>`;
}

/** Asserts that line i of the output is an error for `file` with `problem`, and that stderr says the same. */
function assertFailed(r: Result, i: number, file: string, problem: string | RegExp) {
  const line = r.lines[i]!;
  assert.equal(line.file, file, `line ${i + 1} is for ${file}`);
  assert.equal(typeof line.error, 'string', `line ${i + 1} (${file}) should be an error: ${JSON.stringify(line).slice(0, 300)}`);
  const error = line.error as string;
  if (typeof problem === 'string') assert.equal(error, problem, `problem for ${file}`);
  else assert.match(error, problem, `problem for ${file}`);
  assert.ok(!error.includes('\n'), 'the error is one line');
  const errLines = r.err.split('\n');
  assert.ok(
    errLines.includes(`newsgraph: ${file}: ${error}`),
    `stderr should have the line "newsgraph: ${file}: ${error}"; it has:\n${r.err.slice(0, 2000)}`,
  );
}

function assertExtracted(r: Result, i: number, file: string) {
  const line = r.lines[i]!;
  assert.equal(line.file, file, `line ${i + 1} is for ${file}`);
  assert.equal(line.error, undefined, `${file} should be extracted, got error: ${String(line.error)}`);
  assert.equal(typeof line.text, 'string');
  return line as { file: string; title: string | null; text: string; paragraphs: string[] };
}

describe('extract --jsonl on bad inputs', { skip }, () => {
  it('every bad input fails alone, with its name and its problem; good inputs among them are extracted', { timeout: 120_000 }, async () => {
    const f = (name: string) => join(dir, name);
    const goodHtml = f('good.html');
    writeFileSync(goodHtml, articlePage('Veloria and Kestria open talks in Selvara', BODY_PARAS));
    const goodTxt = f('good.txt');
    writeFileSync(
      goodTxt,
      ['Kestria calls for inquiry into depot blast', '', '.', '', 'Firefighters at the depot in Lenholt. Photo: MWS', '', 'DUNMERE:', '', ...BODY_PARAS.flatMap((p) => [p, '']), 'Read more'].join('\n'),
    );
    const goodGz = f('good.html.gz');
    writeFileSync(goodGz, gzipSync(articlePage('Ceasefire agreed after three days of talks', BODY_PARAS)));
    const empty = f('empty.txt');
    writeFileSync(empty, '');
    const blank = f('blank.html');
    writeFileSync(blank, ' \n\n\t  \r\n');
    const noise = f('noise.html');
    writeFileSync(noise, randomBytes(20_000));
    const png = f('photo.png');
    writeFileSync(png, Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d4948445200000010000000100806000000', 'hex'), randomBytes(2000)]));
    const truncated = f('truncated.html.gz');
    const gz = gzipSync(articlePage('Truncated', BODY_PARAS.concat(BODY_PARAS, BODY_PARAS)));
    writeFileSync(truncated, gz.subarray(0, Math.floor(gz.length * 0.6)));
    const bomb = f('bomb.html.gz');
    writeFileSync(bomb, gzipSync(Buffer.alloc(100 * 1024 * 1024, 0x20), { level: 9 }));
    const missing = f('missing.html');
    const folder = f('a-folder.html');
    mkdirSync(folder);

    const inputs = [empty, goodHtml, blank, noise, png, goodTxt, truncated, bomb, missing, folder, goodGz];
    const r = await cli(['extract', ...inputs, '--jsonl']);
    assert.equal(r.lines.length, inputs.length, `one line per input; stderr: ${r.err.slice(0, 1000)}`);
    assert.equal(r.code, 1, 'exit code 1 when any input failed');
    assert.deepEqual(
      r.lines.map((l) => l.file),
      inputs,
      'lines are in input order',
    );
    assertFailed(r, 0, empty, 'empty file');
    assertFailed(r, 2, blank, 'empty file');
    assertFailed(r, 3, noise, 'binary file, not text or HTML');
    assertFailed(r, 4, png, 'binary file, not text or HTML');
    assertFailed(r, 6, truncated, 'truncated or corrupt gzip data');
    assertFailed(r, 7, bomb, /^decompressed size exceeds \d+ MB$/);
    assertFailed(r, 8, missing, 'no such file');
    assertFailed(r, 9, folder, 'is a directory');
    const errorLines = r.err.split('\n').filter((l) => l.startsWith('newsgraph: '));
    assert.equal(errorLines.length, 8, `one stderr line per failed input:\n${r.err}`);

    const html = assertExtracted(r, 1, goodHtml);
    assert.equal(html.title, 'Veloria and Kestria open talks in Selvara');
    assert.ok(html.text.includes('first direct talks since the border attack'));
    const txt = assertExtracted(r, 5, goodTxt);
    assert.equal(txt.title, 'Kestria calls for inquiry into depot blast');
    assert.ok(txt.text.includes('Lidia Marek told reporters'));
    const gzDoc = assertExtracted(r, 10, goodGz);
    assert.equal(gzDoc.title, 'Ceasefire agreed after three days of talks');
  });

  it('wrong or missing charset labels still decode readable text', { timeout: 60_000 }, async () => {
    const words = 'Ministerin Dvořák met Señora Núñez at the Café Rondeau in Castelmar on Tuesday, officials said.';
    const wrongLabel = join(dir, 'wrong-label.html');
    writeFileSync(wrongLabel, articlePage('Mislabelled page', [words, ...BODY_PARAS], '<meta charset="foo">'));
    const latin = 'Protesters gathered at the Café Rondeau in Castelmar, where Renée Solberg addressed the crowd on Saturday.';
    const noCharset = join(dir, 'latin1-no-charset.html');
    writeFileSync(noCharset, iconv.encode(articlePage('Protesters fill the square', [latin, ...BODY_PARAS], ''), 'latin1'));
    const lying = join(dir, 'says-utf8-is-latin1.html');
    writeFileSync(lying, iconv.encode(articlePage('Crowd disperses', [latin, ...BODY_PARAS]), 'latin1'));
    const latinTxt = join(dir, 'latin1.txt');
    writeFileSync(latinTxt, iconv.encode(['Protest in Castelmar', '', latin, '', BODY_PARAS[0]].join('\n'), 'windows-1252'));

    const inputs = [wrongLabel, noCharset, lying, latinTxt];
    const r = await cli(['extract', ...inputs, '--jsonl']);
    assert.equal(r.code, 0, `all decode; stderr: ${r.err}`);
    assert.equal(r.lines.length, inputs.length);
    assert.ok(assertExtracted(r, 0, wrongLabel).text.includes(words));
    for (const [i, file] of [[1, noCharset], [2, lying], [3, latinTxt]] as const) {
      const doc = assertExtracted(r, i, file);
      assert.ok(doc.text.includes(latin), `${file}: latin-1 bytes decoded as windows-1252`);
      assert.ok(!doc.text.includes('\uFFFD'), `${file}: no replacement characters`);
    }
  });

  it('malformed HTML (unclosed tags, stray end tags, 10,000-deep nesting) is extracted, not a crash', { timeout: 60_000 }, async () => {
    const depth = 10_000;
    const malformed = join(dir, 'malformed.html');
    writeFileSync(
      malformed,
      `<html><head><title>Malformed page survives</title></head><body></div></div></span></p>
<div class="story"><div><p>${BODY_PARAS[0]} <b>unclosed bold <i>and italic
<p>${BODY_PARAS[1]}
<table><tr><td>a cell <p>${BODY_PARAS[2]}</td></div></div></div></table></li></ul>
${'<div>'.repeat(depth)}<p>Deep inside ten thousand divs the Meridian Council statement was read aloud to the delegates.</p>${'</div>'.repeat(depth / 2)}
<p>Trailing paragraph with an <a href="/x">unclosed link
</body>`,
    );
    const unclosedDeep = join(dir, 'deep-unclosed.html');
    writeFileSync(unclosedDeep, `<html><body>${'<div><span>'.repeat(depth)}<p>${BODY_PARAS[0]}</p><p>${BODY_PARAS[1]}</p>`);
    const good = join(dir, 'good-after.html');
    writeFileSync(good, articlePage('Good page after the malformed ones', BODY_PARAS));

    const inputs = [malformed, unclosedDeep, good];
    const r = await cli(['extract', ...inputs, '--jsonl']);
    assert.equal(r.lines.length, inputs.length, `stderr: ${r.err.slice(0, 1000)}`);
    assert.equal(r.code, 0, `stderr: ${r.err.slice(0, 1000)}`);
    const m = assertExtracted(r, 0, malformed);
    assert.ok(m.text.includes('Lidia Marek told reporters'), 'body text survives the malformed markup');
    const d = assertExtracted(r, 1, unclosedDeep);
    assert.ok(d.text.includes('first direct talks'), 'text 20,000 elements deep is reached');
    assert.equal(assertExtracted(r, 2, good).title, 'Good page after the malformed ones');
  });

  it('standard input: empty stdin fails as "-", with exit code 1', { timeout: 30_000 }, async () => {
    const r = await cli(['extract', '-', '--jsonl'], { stdin: '' });
    assert.equal(r.code, 1);
    assert.equal(r.lines.length, 1);
    assertFailed(r, 0, '-', 'empty file');
  });

  // Slow: ~50 MB written, read, extracted and printed (about twice over, as paragraphs and text). It should take
  // well under 30 s on a 2-core machine; the bound asserted is 60 s. Skip with NEWSGRAPH_SKIP_SLOW=1.
  it('[slow] a ~50 MB HTML page is extracted within 60 s and 600 MB of memory', { timeout: 180_000, skip: process.env.NEWSGRAPH_SKIP_SLOW ? 'NEWSGRAPH_SKIP_SLOW is set' : false }, async (t) => {
    const big = join(dir, 'fifty-mb.html');
    const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The longest report ever filed | Northgate Herald</title>
<meta property="og:title" content="The longest report ever filed"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav><main><article><h1>The longest report ever filed</h1>\n`;
    const tail = `</article></main><footer>© 2024 Northgate Herald</footer></body></html>\n`;
    const target = 50 * 1024 * 1024;
    const parts: string[] = [head];
    let size = Buffer.byteLength(head);
    for (let i = 0; size < target; i++) {
      const p = `<p>Paragraph ${i}: ${BODY_PARAS[i % 3]} The council’s monitors filed report number ${i} from the Lenholt crossing.</p>\n`;
      parts.push(p);
      size += Buffer.byteLength(p);
    }
    parts.push(tail);
    writeFileSync(big, parts.join(''));
    const paraCount = parts.length - 2;

    const r = await cli(['extract', big, '--jsonl'], { timeoutMs: 90_000 });
    assert.equal(r.code, 0, `stderr: ${r.err.slice(0, 1000)}`);
    assert.equal(r.lines.length, 1);
    const doc = assertExtracted(r, 0, big);
    assert.equal(doc.title, 'The longest report ever filed');
    // The HTML extractor may cap how much of a huge page it parses (dom.ts MAX_PARSE_CHARS); it must still give
    // the start of the article and a large body, not nothing.
    t.diagnostic(`${paraCount} paragraphs in, ${doc.paragraphs.length} out; ${r.ms} ms; peak RSS ${Math.round(r.maxRss / 1024 / 1024)} MB`);
    assert.ok(doc.paragraphs[0]?.startsWith('Paragraph 0: The foreign ministers'), `first paragraph: ${doc.paragraphs[0]?.slice(0, 80)}`);
    assert.ok(doc.paragraphs.length >= 1000, `a large body is kept, got ${doc.paragraphs.length} paragraphs`);
    assert.ok(r.ms < 60_000, `took ${r.ms} ms`);
    assert.ok(Number.isFinite(r.maxRss), 'peak memory was recorded');
    assert.ok(r.maxRss < 600 * 1024 * 1024, `peak RSS ${Math.round(r.maxRss / 1024 / 1024)} MB`);
  });
});
