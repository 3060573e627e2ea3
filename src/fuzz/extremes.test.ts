// Extreme inputs, built deterministically (too big for random generation): 10⁵-deep and misnested HTML, million-
// character lines, huge attribute values, floods of quote marks, combining marks and lone surrogates, gzip bombs,
// giant batch lines. Same invariants as the property tests (src/fuzz/arbitraries.ts), with time bounds per document.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { InputError, NewsgraphError } from '../errors.js';
import { extractHtml, extractText } from '../index.js';
import { decodeBytes } from '../ingest/decode.js';
import { readInputBytes } from '../ingest/read.js';
import { parseBatchLine } from '../cli/batch.js';
import { checkDoc, checkExtracted, pipeline, timeBound, timed } from './arbitraries.js';

const MB = 1024 * 1024;
const N = 100_000;
/** Size of the inputs that also go through the whole analysis: 256 KB in `npm test`, 1 MB with FUZZ_FULL=1. */
const PSIZE = process.env.FUZZ_FULL ? MB : MB / 4;
const SENTENCE = 'Velorian Foreign Minister Lidia Marek met Kestrian officials in Selvara on Tuesday and said "we will stay as long as it takes". ';

function fill(unit: string, chars: number): string {
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

function html(name: string, body: string, opts: { pipeline?: boolean; expect?: string } = {}) {
  return [name, body, opts] as const;
}

const HTML_CASES = [
  html('10⁵ nested divs, closed', `<html><body>${'<div>'.repeat(N)}<p>${SENTENCE}</p>${'</div>'.repeat(N)}</body></html>`, { pipeline: true, expect: 'Lidia Marek' }),
  html('10⁵ nested divs, never closed', `<html><body>${'<div>'.repeat(N)}<p>${SENTENCE}`, { expect: 'Lidia Marek' }),
  html('10⁵ div+span pairs, unclosed, text at the bottom', `<html><body>${'<div><span>'.repeat(N)}<p>${SENTENCE}</p><p>${SENTENCE}</p>`, { expect: 'Lidia Marek' }),
  html('misnested <b><i></b></i>, 25,000 times', `<html><body><p>${SENTENCE}</p>${'<b><i>x</b></i>'.repeat(N / 4)}<p>${SENTENCE}</p>`),
  html('10⁵ nested tables', `<html><body>${'<table><tr><td>'.repeat(N / 4)}<p>${SENTENCE}</p>`),
  html('10⁵ nested blockquotes with text at every level', `<html><body>${`<blockquote>${SENTENCE}`.repeat(N / 20)}`),
  html('10⁵ unclosed <p> and <li>', `<html><body>${'<p><li>'.repeat(N)}${`<p>${SENTENCE}<li>`.repeat(100)}`, { expect: 'Lidia Marek' }),
  html('10⁵ nested inline <a><b><em>', `<html><body><p>${'<a href="/x"><b><em>'.repeat(N / 3)}${SENTENCE}</p>`),
  html('a million-character paragraph', `<html><body><article><h1>T</h1><p>${fill(SENTENCE, MB)}</p></article></body></html>`, { expect: 'Lidia Marek' }),
  html('a long paragraph, analysed', `<html><body><article><h1>T</h1><p>${fill(SENTENCE, PSIZE)}</p></article></body></html>`, { pipeline: true, expect: 'Lidia Marek' }),
  html('a million characters without a space', `<html><body><p>${fill('Ab', MB)}</p></body></html>`, { pipeline: true }),
  html('a million-character title and og:title', `<html><head><title>${fill('Title ', MB / 2)}</title><meta property="og:title" content="${fill('x', MB / 2)}"></head><body><p>${SENTENCE}</p>`),
  html('a 1 MB src attribute in a figure', `<html><body><article><p>${SENTENCE}</p><figure><img src="https://a.com/${fill('a', MB)}.jpg"><figcaption>Cap. Photo: AP</figcaption></figure></article>`, { expect: 'Lidia Marek' }),
  html('a 1 MB javascript: src attribute', `<html><body><article><p>${SENTENCE}</p><figure><img src="javascript:${fill('a', MB)}"><figcaption>Cap</figcaption></figure></article>`),
  html('a 1 MB data:image src', `<html><body><article><p>${SENTENCE}</p><figure><img src="data:image/png;base64,${fill('A', MB)}"></figure></article>`),
  html('a 1 MB class attribute', `<html><body><div class="${fill('article-body story ', MB)}"><p>${SENTENCE}</p></div>`, { expect: 'Lidia Marek' }),
  html('an attribute quote left open to the end', `<html><body><p>${SENTENCE}</p><div title="${fill(SENTENCE, MB / 2)}`),
  html('10⁵ attributes on one element', `<html><body><div ${Array.from({ length: N }, (_, i) => `a${i}="v"`).join(' ')}><p>${SENTENCE}</p></div>`),
  html('a 1 MB unclosed comment', `<html><body><p>${SENTENCE}</p><!--${fill('x -- > ', MB)}`),
  html('a 1 MB unclosed script', `<html><body><p>${SENTENCE}</p><script>${fill('var a = "<p>"; ', MB)}`),
  html('a 1 MB JSON-LD block', `<html><head><script type="application/ld+json">${'['.repeat(N)}${']'.repeat(N)}</script></head><body><p>${SENTENCE}</p>`),
  html('a million "<"', fill('<', MB)),
  html('a million "&#"', fill('&#', MB)),
  html('a million quote marks', `<html><body><p>${fill('"“”«»‘’\'', MB)}</p>`),
  html('quote marks, analysed', `<html><body><p>${fill('"“”«»‘’\' ', PSIZE)}</p>`, { pipeline: true }),
  html('a million combining marks', `<html><body><p>A${fill('\u0301', MB)}</p>`),
  html('a million lone surrogates and bidi marks', `<html><body><p>${fill('\uD800 \u202E \uDC00\u200B', MB)}</p>`),
] as const;

const TEXT_CASES = [
  ['a million-character line', fill(SENTENCE, MB), true],
  ['a title then a long line', `Title\n\n${fill(SENTENCE, PSIZE)}`, true],
  ['a million newlines', fill('\n', MB), false],
  ['10⁵ one-word lines', fill('Word\n', 5 * N), false],
  ['blank-separated paragraphs of quote marks', fill('" “ « ‘ \'\n\n', PSIZE), true],
  ['capitalized word soup', `Title\n\n${fill('Kestria Veloria Said Met NATO Foreign Minister Putin Attack. ', PSIZE)}`, true],
  ['a million CR characters', fill('\r', MB), false],
  ['a million zero-width and combining characters', fill('a\u200B\u0301\u200D\uFEFF', MB), false],
  ['10⁵ markdown headings', fill('# Heading\n', MB), false],
] as const;

describe('fuzz: extreme inputs', () => {
  for (const [name, body, opts] of HTML_CASES) {
    it(`extractHtml: ${name}`, { timeout: 60_000 }, () => {
      const x = timed(timeBound(body.length, 'extract'), name, () => extractHtml(body, { url: 'https://news.example/a.html' }));
      const a = checkExtracted(x, name);
      if (opts.expect) assert.ok(a.text.includes(opts.expect), `${name}: the text is reached (${a.text.length} chars)`);
      if (opts.pipeline) {
        const doc = timed(timeBound(body.length, 'pipeline'), `${name} (pipeline)`, () => pipeline().run({ source: 'x.html', url: null, format: 'html', body }));
        checkDoc(doc, name);
      }
    });
  }

  for (const [name, body, full] of TEXT_CASES) {
    it(`extractText${full ? ' + pipeline' : ''}: ${name}`, { timeout: 60_000 }, () => {
      const x = timed(timeBound(body.length, 'extract'), name, () => extractText(body));
      checkExtracted(x, name);
      if (full) {
        const doc = timed(timeBound(body.length, 'pipeline'), `${name} (pipeline)`, () => pipeline().run({ source: 'x.txt', url: null, format: 'text', body }));
        checkDoc(doc, name);
      }
    });
  }

  it('decodeBytes: a megabyte of invalid UTF-8, of legacy bytes and of BOM-prefixed UTF-16 garbage', () => {
    const invalid = Buffer.alloc(MB, Buffer.from([0x41, 0xc3, 0x28, 0xe2, 0x82, 0x20, 0xf0, 0x28, 0x8c, 0xbc, 0xed, 0xa0, 0x80, 0x20]));
    const d = timed(2000, 'invalid utf-8', () => decodeBytes(invalid, { source: 'x', contentType: 'text/html; charset=utf-8' }));
    assert.ok(d.body.length > 0 && d.warnings.length > 0);
    const legacy = Buffer.alloc(MB, Buffer.from([0x41, 0xe9, 0x20, 0xfc, 0x9c, 0x9d]));
    assert.equal(timed(2000, 'legacy', () => decodeBytes(legacy, { source: 'x' })).charset, 'windows-1252');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.alloc(MB, Buffer.from([0x00, 0xd8, 0x41, 0x00]))]);
    try {
      const u = timed(2000, 'utf-16 with lone surrogates', () => decodeBytes(utf16, { source: 'x' }));
      assert.equal(u.charset, 'utf-16le');
    } catch (e) {
      assert.ok(e instanceof InputError, String(e));
    }
  });

  it('readInputBytes: a 100 MB gzip bomb is refused under a 1 MB cap, quickly', async () => {
    const bomb = gzipSync(Buffer.alloc(100 * MB, 0x20), { level: 9 });
    const t0 = performance.now();
    await assert.rejects(readInputBytes(bomb, 'bomb.html.gz', { maxBytes: MB }), (e: unknown) => e instanceof InputError && /^decompressed size exceeds 1 MB$/.test(e.problem));
    assert.ok(performance.now() - t0 < 2000, `took ${(performance.now() - t0).toFixed(0)} ms`);
  });

  it('readInputBytes: gzip inside gzip, and a bomb of HTML inside a bomb', async () => {
    const inner = gzipSync(Buffer.from(`<html><body><p>${SENTENCE}</p></body></html>`));
    await assert.rejects(readInputBytes(gzipSync(inner), 'x.gz'), (e: unknown) => e instanceof InputError && /binary/.test(e.problem));
    const nested = gzipSync(gzipSync(Buffer.alloc(50 * MB, 0x3c)));
    await assert.rejects(readInputBytes(nested, 'x.gz', { maxBytes: MB }), (e: unknown) => e instanceof InputError);
  });

  it('parseBatchLine: a million-character line, 10⁵-deep JSON, and keys that pollute', () => {
    const line = JSON.stringify({ id: 'big', text: fill(SENTENCE, MB) });
    const item = timed(2000, 'big line', () => parseBatchLine(line, 1));
    assert.equal(item.input.body.length, MB);
    assert.throws(() => parseBatchLine('['.repeat(N) + ']'.repeat(N), 2), (e: unknown) => e instanceof NewsgraphError && /line 2: expected a JSON object/.test(e.message));
    assert.throws(() => parseBatchLine('{"text":' + '['.repeat(N), 3), (e: unknown) => e instanceof NewsgraphError && /line 3: not JSON/.test(e.message));
    const deep = `{"id":1,"text":"x","extra":${'{"a":'.repeat(N)}1${'}'.repeat(N)}}`;
    assert.equal(parseBatchLine(deep, 4).input.body, 'x');
    // JSON.parse makes "__proto__" an own key, not the prototype: its "text" is not the line's.
    assert.throws(() => parseBatchLine('{"__proto__":{"text":"polluted","html":"<p>x"},"id":"p"}', 5), /line 5: needs a "text" or "html" string/);
    assert.equal(({} as Record<string, unknown>).text, undefined, 'Object.prototype is untouched');
  });
});
