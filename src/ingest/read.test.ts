import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { InputError } from '../errors.js';
import { formatFromPath, formatSize, fsError, MB, readInputBytes, readInputFile, readStdin } from './read.js';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsgraph-read-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const PAGE = '<!doctype html><html><head><title>Talks open</title></head><body><p>Velorian envoys met on Tuesday.</p></body></html>';

async function rejectsInput(p: Promise<unknown>, input: string, problem: string | RegExp) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof InputError, `expected InputError, got ${String(e)}`);
    assert.equal(e.input, input);
    if (typeof problem === 'string') assert.equal(e.problem, problem);
    else assert.match(e.problem, problem);
    assert.equal(e.message, `newsgraph: ${input}: ${e.problem}`);
    assert.ok(!e.message.includes('\n'), 'one line');
    return true;
  });
}

describe('formatFromPath', () => {
  it('maps extensions to formats and spots .gz', () => {
    assert.deepEqual(formatFromPath('a/b.HTML'), { format: 'html', gzip: false });
    assert.deepEqual(formatFromPath('x.htm'), { format: 'html', gzip: false });
    assert.deepEqual(formatFromPath('x.xhtml'), { format: 'html', gzip: false });
    assert.deepEqual(formatFromPath('x.txt'), { format: 'text', gzip: false });
    assert.deepEqual(formatFromPath('x.md'), { format: 'text', gzip: false });
    assert.deepEqual(formatFromPath('x.text'), { format: 'text', gzip: false });
    assert.deepEqual(formatFromPath('x.html.gz'), { format: 'html', gzip: true });
    assert.deepEqual(formatFromPath('x.gz'), { format: null, gzip: true });
    assert.deepEqual(formatFromPath('README'), { format: null, gzip: false });
    assert.deepEqual(formatFromPath('.html'), { format: null, gzip: false });
  });
  it('formats sizes', () => {
    assert.equal(formatSize(64 * MB), '64 MB');
    assert.equal(formatSize(1.5 * MB), '1.5 MB');
    assert.equal(formatSize(2048), '2 KB');
  });
});

describe('readInputFile', () => {
  it('reads an HTML file into a RawInput', async () => {
    const p = join(dir, 'ok.html');
    await writeFile(p, PAGE);
    const r = await readInputFile(p, { url: 'https://example.test/a', published: '2024-03-19' });
    assert.equal(r.source, p);
    assert.equal(r.format, 'html');
    assert.equal(r.body, PAGE);
    assert.equal(r.charset, 'utf-8');
    assert.equal(r.url, 'https://example.test/a');
    assert.equal(r.published, '2024-03-19');
    assert.deepEqual(r.warnings, []);
  });
  it('format comes from the extension, not the content; unknown extensions are sniffed', async () => {
    const t = join(dir, 'page-as.txt');
    await writeFile(t, PAGE);
    assert.equal((await readInputFile(t)).format, 'text');
    const u = join(dir, 'noext');
    await writeFile(u, PAGE);
    assert.equal((await readInputFile(u)).format, 'html');
    assert.equal((await readInputFile(u, { format: 'text' })).format, 'text');
  });
  it('decodes a windows-1252 page declared in <meta>', async () => {
    const p = join(dir, 'cp1252.htm');
    await writeFile(p, iconv.encode(`<html><head><meta charset="windows-1252"></head><body><p>“Ça va”, said Renée – €3</p></body></html>`, 'windows-1252'));
    const r = await readInputFile(p);
    assert.equal(r.charset, 'windows-1252');
    assert.ok(r.body.includes('“Ça va”, said Renée – €3'));
  });
  it('gunzips .html.gz', async () => {
    const p = join(dir, 'ok.html.gz');
    await writeFile(p, gzipSync(PAGE));
    const r = await readInputFile(p);
    assert.equal(r.format, 'html');
    assert.equal(r.body, PAGE);
  });
  it('detects gzip by its magic bytes, whatever the name', async () => {
    const p = join(dir, 'saved.html');
    await writeFile(p, gzipSync(PAGE));
    assert.equal((await readInputFile(p)).body, PAGE);
    const q = join(dir, 'story.txt');
    await writeFile(q, gzipSync('Plain story.\n\nSecond paragraph.'));
    const r = await readInputFile(q);
    assert.equal(r.format, 'text');
    assert.equal(r.body, 'Plain story.\n\nSecond paragraph.');
  });
  it('a .gz name on plain bytes is read as is, with a warning', async () => {
    const p = join(dir, 'plain.html.gz');
    await writeFile(p, PAGE);
    const r = await readInputFile(p);
    assert.equal(r.body, PAGE);
    assert.match(r.warnings[0]!, /not gzip/);
  });
  it('refuses truncated gzip', async () => {
    const p = join(dir, 'cut.html.gz');
    const gz = gzipSync(PAGE.repeat(50));
    await writeFile(p, gz.subarray(0, Math.floor(gz.length / 2)));
    await rejectsInput(readInputFile(p), p, 'truncated or corrupt gzip data');
  });
  it('refuses corrupt gzip', async () => {
    const p = join(dir, 'bad.html.gz');
    const gz = Buffer.from(gzipSync(PAGE.repeat(50)));
    for (let i = 12; i < gz.length - 8; i += 7) gz[i] = gz[i]! ^ 0x5a;
    await writeFile(p, gz);
    await rejectsInput(readInputFile(p), p, 'truncated or corrupt gzip data');
  });
  it('refuses a gzip bomb by its decompressed size, quickly', async () => {
    const p = join(dir, 'bomb.html.gz');
    const gz = gzipSync(Buffer.alloc(100 * MB, 0x20), { level: 9 });
    assert.ok(gz.length < 200 * 1024, `bomb is ${gz.length} bytes compressed`);
    await writeFile(p, gz);
    const t0 = Date.now();
    await rejectsInput(readInputFile(p, { maxBytes: 1 * MB }), p, 'decompressed size exceeds 1 MB');
    assert.ok(Date.now() - t0 < 2000, 'stopped early, not after inflating 100 MB');
  });
  it('refuses a file over the size cap, and accepts one just under it', async () => {
    const p = join(dir, 'big.txt');
    await writeFile(p, Buffer.alloc(MB + 1, 0x61));
    await rejectsInput(readInputFile(p, { maxBytes: MB }), p, 'file is larger than 1 MB');
    const q = join(dir, 'fits.txt');
    await writeFile(q, Buffer.alloc(MB, 0x61));
    assert.equal((await readInputFile(q, { maxBytes: MB })).body.length, MB);
  });
  it('the default cap accepts a 50 MB page', async () => {
    const p = join(dir, 'fifty.html');
    const para = '<p>The Meridian Council met in Halden on Tuesday to discuss the ceasefire. '.repeat(4) + '</p>\n';
    const n = Math.ceil((50 * MB) / Buffer.byteLength(para));
    await writeFile(p, `<!doctype html><html><body>${para.repeat(n)}</body></html>`);
    const r = await readInputFile(p);
    assert.ok(r.body.length > 50 * MB);
    assert.equal(r.format, 'html');
  });
  it('empty and whitespace-only files', async () => {
    const p = join(dir, 'empty.txt');
    await writeFile(p, '');
    await rejectsInput(readInputFile(p), p, 'empty file');
    const q = join(dir, 'blank.html');
    await writeFile(q, '\n\n   \r\n');
    await rejectsInput(readInputFile(q), q, 'empty file');
    const g = join(dir, 'empty.html.gz');
    await writeFile(g, gzipSync(''));
    await rejectsInput(readInputFile(g), g, 'empty file');
  });
  it('binary files: random bytes and a PNG', async () => {
    const p = join(dir, 'noise.html');
    await writeFile(p, randomBytes(10_000));
    await rejectsInput(readInputFile(p), p, 'binary file, not text or HTML');
    const png = join(dir, 'photo.txt');
    await writeFile(png, Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(500)]));
    await rejectsInput(readInputFile(png), png, 'binary file, not text or HTML');
  });
  it('a missing file, a missing parent, a directory', async () => {
    const missing = join(dir, 'nope.html');
    await rejectsInput(readInputFile(missing), missing, 'no such file');
    const notDir = join(dir, 'ok.html', 'child.html');
    await rejectsInput(readInputFile(notDir), notDir, /^no such file/);
    await rejectsInput(readInputFile(dir), dir, 'is a directory');
  });
  it('a dangling symlink and a symlink loop', async () => {
    const d = join(dir, 'dangling.html');
    await symlink(join(dir, 'gone.html'), d);
    await rejectsInput(readInputFile(d), d, 'no such file');
    const l1 = join(dir, 'loop1.html');
    const l2 = join(dir, 'loop2.html');
    await symlink(l2, l1);
    await symlink(l1, l2);
    await rejectsInput(readInputFile(l1), l1, 'too many levels of symbolic links');
  });
  it('maps file-system error codes to one-line problems', () => {
    const e = (code: string) => Object.assign(new Error(`${code}: boom\nmore`), { code });
    assert.equal(fsError('f', e('EACCES')).problem, 'permission denied');
    assert.equal(fsError('f', e('EPERM')).problem, 'permission denied');
    assert.equal(fsError('f', e('EISDIR')).problem, 'is a directory');
    assert.equal(fsError('f', e('EIO')).problem, 'cannot read: EIO');
    assert.equal(fsError('f', new Error('odd\nthing')).message, 'newsgraph: f: cannot read: odd');
  });
  it('permission denied', { skip: process.getuid?.() === 0 ? 'root can read anything' : false }, async () => {
    const p = join(dir, 'secret.html');
    await writeFile(p, PAGE);
    await chmod(p, 0o000);
    await rejectsInput(readInputFile(p), p, 'permission denied');
  });
});

describe('readStdin and readInputBytes', () => {
  it('reads a stream as source "-", gunzipping and sniffing', async () => {
    const r = await readStdin({ stream: Readable.from([gzipSync(PAGE)]), published: '2024-03-21' });
    assert.equal(r.source, '-');
    assert.equal(r.format, 'html');
    assert.equal(r.body, PAGE);
    assert.equal(r.published, '2024-03-21');
    assert.equal(r.url, null);
  });
  it('caps standard input', async () => {
    const chunks = Array.from({ length: 20 }, () => Buffer.alloc(64 * 1024, 0x61));
    await rejectsInput(readStdin({ stream: Readable.from(chunks), maxBytes: MB / 2 }), '-', 'input is larger than 512 KB');
  });
  it('empty standard input', async () => {
    await rejectsInput(readStdin({ stream: Readable.from([]) }), '-', 'empty file');
  });
  it('readInputBytes takes a Content-Type', async () => {
    const bytes = iconv.encode('<p>Министр</p><p>заявил</p>', 'koi8-r');
    const r = await readInputBytes(bytes, 'https://example.test/x', { contentType: 'text/html; charset=KOI8-R', url: 'https://example.test/x' });
    assert.equal(r.charset, 'koi8-r');
    assert.equal(r.format, 'html');
    assert.equal(r.body, '<p>Министр</p><p>заявил</p>');
  });
});

describe('the demo corpus reads cleanly', () => {
  const demo = fileURLToPath(new URL('../../demo/', import.meta.url));
  interface Entry { file: string; format: 'text' | 'html'; charset: string; gzip: boolean; title: string; published: string }
  const manifest = JSON.parse(readFileSync(join(demo, 'manifest.json'), 'utf8')) as { articles: Entry[] };

  it('the manifest lists every file in demo/articles, and only those', () => {
    const files = readdirSync(join(demo, 'articles')).map((f) => `articles/${f}`).sort();
    assert.deepEqual(manifest.articles.map((a) => a.file).sort(), files);
    assert.ok(files.length >= 12);
  });
  it('each file decodes with the format and charset the manifest says, without replacement characters', async () => {
    for (const a of manifest.articles) {
      const r = await readInputFile(join(demo, a.file));
      assert.equal(r.format, a.format, a.file);
      assert.equal(r.charset, a.charset.replace(/ \(undeclared\)$/, ''), a.file);
      assert.deepEqual(r.warnings, [], a.file);
      assert.ok(!r.body.includes('\uFFFD'), a.file);
      assert.ok(r.body.includes(a.title.split(' ').slice(0, 4).join(' ')), `${a.file}: title text`);
      assert.match(a.published, /^2024-\d\d-\d\d$/);
    }
  });
});
