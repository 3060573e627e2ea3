import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractHtml } from './index.js';
import { MAX_PARSE_CHARS, preStrip } from './dom.js';

test('100k nested divs do not throw and keep the text', () => {
  const n = 100_000;
  const html = '<html><body>' + '<div>'.repeat(n) + '<p>Deep inside the nest there is a sentence with plenty of words to find.</p>' + '</div>'.repeat(n) + '</body></html>';
  const x = extractHtml(html);
  assert.ok(x.blocks.some((b) => b.text.includes('Deep inside the nest')));
});

test('100k unclosed nested inline tags do not throw', () => {
  const x = extractHtml('<p>' + '<b>'.repeat(100_000) + 'bold words at the bottom of it all');
  assert.ok(Array.isArray(x.blocks));
  assert.ok(x.blocks.some((b) => b.text.includes('bold words')));
});

test('malformed and odd input never throws', () => {
  const inputs = ['', '   ', '<', '<<<>>>', '<html', '</div></div></p>', '<p>unclosed <b>bold <i>it', '<!-- never closed', '<script>never closed', '\u0000\uFFFF\uD800', '<table><td><tr>x</table>', 'plain text only'];
  for (const s of inputs) {
    const x = extractHtml(s);
    assert.ok(Array.isArray(x.blocks), JSON.stringify(s));
  }
  // non-string input from careless callers
  assert.deepEqual(extractHtml(undefined as unknown as string).blocks, []);
  assert.deepEqual(extractHtml(null as unknown as string).blocks, []);
  assert.deepEqual(extractHtml('').blocks, []);
});

test('preStrip drops scripts, styles, svg and comments but keeps JSON-LD', () => {
  const s = preStrip('<p>a</p><script>x()</script><!-- c --><style>b{}</style><svg><text>t</text></svg><script type="application/ld+json">{"headline":"H"}</script><p>b</p>');
  assert.ok(!s.includes('x()'));
  assert.ok(!s.includes('b{}'));
  assert.ok(!s.includes('<!--'));
  assert.ok(!s.includes('<text>'));
  assert.ok(s.includes('{"headline":"H"}'));
  assert.ok(s.includes('<p>a</p>') && s.includes('<p>b</p>'));
});

test('a page over the parse cap finishes quickly and keeps its article', () => {
  const filler = '<script>' + 'var x = 1;'.repeat(100_000) + '</script>';
  const article = '<article>' + '<p>Paragraph of the big page with a good number of words in it, as prose has.</p>'.repeat(20) + '</article>';
  let html = '<html><head><title>Big</title></head><body>' + article;
  while (html.length < MAX_PARSE_CHARS + 1_000_000) html += filler;
  html += '</body></html>';
  const t0 = Date.now();
  const x = extractHtml(html);
  const ms = Date.now() - t0;
  assert.equal(x.blocks.length, 20);
  assert.ok(ms < 10_000, `took ${ms} ms`);
});
