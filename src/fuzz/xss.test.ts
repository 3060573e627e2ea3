// XSS corpus through extraction and analysis. Our outputs are plain text by design (a UI must insert them as text);
// what is asserted here is that
//   (a) no payload's script or handler code (its 'xss-NN' marker) is taken for article text, or for any other text
//       field (title, dek, bylines, captions, credits, removed furniture, entities, quotes, events);
//   (b) media image URLs are only http(s), relative or data:image — never javascript:, vbscript:, data:text/html;
//   (c) everything survives a JSON round trip as text, and the real article around the payloads is still extracted.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractHtml, extractText } from '../index.js';
import { assertJsonRoundTrip, checkDoc, checkExtracted, isSafeImageUrl, pipeline } from './arbitraries.js';
import { XSS_PAYLOADS, type XssPayload } from './xss-payloads.js';

const PARAS = [
  'The foreign ministers of Veloria and Kestria met in Selvara on Tuesday for the first direct talks since the border attack in March 2024, officials from both delegations said.',
  '"We came here to listen, and we will stay as long as it takes," Velorian Foreign Minister Lidia Marek told reporters before the session opened in the Durnovian capital.',
  'Kestrian Defence Minister Pavel Strand said his government would judge Veloria by its actions, not its words, and repeated the demand for an international inquiry.',
];
const TITLE = 'Veloria and Kestria open talks in Selvara';

function page(payloads: XssPayload[]): string {
  const of = (w: XssPayload['where']) => payloads.filter((p) => p.where === w).map((p) => p.html).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${TITLE} | Northgate Herald</title>
${of('head')}
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<main><article><h1>${TITLE}</h1><p class="byline">By Maren Holt</p>
<p>${PARAS[0]}</p>
${of('figure')}
<p>${PARAS[1]}</p>
${of('body')}
<p>${PARAS[2]}</p>
</article></main><footer>© 2024 Northgate Herald</footer></body></html>`;
}

/** Every string in a JSON value, with its path, except URLs (checked apart) and the input's name. */
function strings(v: unknown, path = '$', out: [string, string][] = []): [string, string][] {
  if (typeof v === 'string') out.push([path, v]);
  else if (Array.isArray(v)) v.forEach((x, i) => strings(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) if (k !== 'url' && k !== 'image' && k !== 'source') strings(x, `${path}.${k}`, out);
  }
  return out;
}

function assertNoLeak(value: unknown, payloads: XssPayload[], what: string): void {
  const found = strings(value);
  for (const p of payloads) {
    if (p.shownAsText) continue;
    const hit = found.find(([, s]) => s.includes(p.id));
    assert.equal(hit, undefined, `${what}: ${p.id} (${p.name}) leaked into ${hit?.[0]}: ${JSON.stringify(hit?.[1].slice(0, 200))}`);
  }
}

function assertSafeMedia(media: { image: string | null }[], what: string): void {
  for (const m of media) {
    if (m.image == null) continue;
    assert.ok(isSafeImageUrl(m.image), `${what}: unsafe image URL ${JSON.stringify(m.image.slice(0, 200))}`);
    assert.ok(!/^\s*(?:javascript|vbscript):/i.test(m.image) && !/^data:(?!image\/)/i.test(m.image), `${what}: ${m.image}`);
  }
}

describe('fuzz: XSS corpus', () => {
  it('has ~40+ distinct payloads', () => {
    assert.ok(XSS_PAYLOADS.length >= 40);
    assert.equal(new Set(XSS_PAYLOADS.map((p) => p.id)).size, XSS_PAYLOADS.length);
  });

  for (const p of XSS_PAYLOADS) {
    it(`${p.id} ${p.name}: not text, no unsafe image, round-trips`, () => {
      const html = page([p]);
      for (const url of ['https://news.example/world/talks.html', null]) {
        const x = extractHtml(html, { url });
        const what = `${p.id} (url ${url})`;
        const a = checkExtracted(x, what);
        assertNoLeak(x, [p], `${what} extractHtml`);
        assertSafeMedia(x.media, what);
        assert.ok(a.text.includes(PARAS[0]!), `${what}: the article's first paragraph is extracted`);
        if (p.where !== 'head' && p.where !== 'body') assert.ok(a.text.includes(PARAS[2]!), `${what}: the last paragraph is extracted`);
        const doc = pipeline().run({ source: `${p.id}.html`, url, format: 'html', body: html });
        checkDoc(doc, what);
        assertNoLeak({ ...doc, input: null }, [p], `${what} analysis`);
        assertSafeMedia(doc.article.media, what);
      }
    });
  }

  it('a page with every payload at once', () => {
    const html = page(XSS_PAYLOADS);
    const x = extractHtml(html, { url: 'https://news.example/world/talks.html' });
    checkExtracted(x, 'all payloads');
    assertNoLeak(x, XSS_PAYLOADS, 'all payloads');
    assertSafeMedia(x.media, 'all payloads');
    const doc = pipeline().run({ source: 'all.html', url: null, format: 'html', body: html });
    checkDoc(doc, 'all payloads');
    assertNoLeak({ ...doc, input: null }, XSS_PAYLOADS, 'all payloads (analysis)');
    const figures = XSS_PAYLOADS.filter((p) => p.where === 'figure').length;
    assert.ok(doc.article.media.length >= figures - 1, `figures are still read (${doc.article.media.length} of ${figures}), only their URLs dropped`);
  });

  it('payloads given as plain text stay text (they are the article\'s words) and round-trip', () => {
    const body = [TITLE, '', ...XSS_PAYLOADS.flatMap((p) => [`${PARAS[0]} ${p.html}`, ''])].join('\n');
    const x = extractText(body);
    const a = checkExtracted(x, 'text');
    // In plain text nothing is markup: every marker is kept as the words it is (in the body, or a caption).
    const all = strings(x).map(([, s]) => s).join('\n');
    for (const p of XSS_PAYLOADS) if (p.html.includes(p.id)) assert.ok(all.includes(p.id), `text input keeps ${p.id}`);
    assert.ok(a.text.includes(PARAS[0]!));
    const doc = pipeline().run({ source: 'xss.txt', url: null, format: 'text', body });
    checkDoc(doc, 'text');
    assertJsonRoundTrip(JSON.parse(JSON.stringify(doc)), 'text doc');
    assert.equal(JSON.parse(JSON.stringify(doc.article.text)), doc.article.text);
  });
});
