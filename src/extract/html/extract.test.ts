import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractHtml } from './index.js';

const para = (n: number, word = 'story') =>
  Array.from({ length: n }, (_, i) => `<p>This is sentence ${i} of the ${word}, written with enough words to look like real prose, and it carries on for a while.</p>`).join('\n');

function page(body: string, head = '', htmlAttrs = 'lang="en"'): string {
  return `<!doctype html><html ${htmlAttrs}><head>${head}</head><body>${body}</body></html>`;
}

test('title: og:title wins over <title>, site suffix stripped', () => {
  const x = extractHtml(
    page(`<article><h1>Dam Bursts in Valley</h1>${para(4)}</article>`, `<title>Dam Bursts in Valley | The Daily Planet</title>
      <meta property="og:title" content="Dam Bursts in Valley | The Daily Planet"><meta property="og:site_name" content="The Daily Planet">`),
  );
  assert.equal(x.title, 'Dam Bursts in Valley');
  assert.equal(x.siteName, 'The Daily Planet');
  // the h1 equal to the title is not repeated in the body
  assert.ok(!x.blocks.some((b) => b.text === 'Dam Bursts in Valley'));
});

test('title: falls back to the h1 the <title> contains', () => {
  const x = extractHtml(page(`<h1>Storm hits the coast</h1>${para(3)}`, '<title>Storm hits the coast - Example News</title>'));
  assert.equal(x.title, 'Storm hits the coast');
});

test('JSON-LD: headline, authors, date, publisher', () => {
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', name: 'Example Times' },
      {
        '@type': 'NewsArticle',
        headline: 'Council approves budget',
        datePublished: '2024-03-05T10:20:00+01:00',
        author: [{ '@type': 'Person', name: 'Ana Lima' }, { '@type': 'Person', name: 'Tom Ng' }],
        publisher: { '@type': 'Organization', name: 'Example Times' },
      },
    ],
  });
  const x = extractHtml(page(`<article>${para(4)}</article>`, `<title>Something else</title><script type="application/ld+json">${ld}</script>`));
  assert.equal(x.title, 'Council approves budget');
  assert.deepEqual(x.bylines, ['Ana Lima', 'Tom Ng']);
  assert.equal(x.published, '2024-03-05T10:20:00+01:00');
  assert.equal(x.siteName, 'Example Times');
  assert.equal(x.language, 'en');
});

test('byline from a "By X" line in the article, not kept as body', () => {
  const x = extractHtml(page(`<article><h1>Rates rise</h1><p>By Jane Doe and John Roe</p>${para(4)}</article>`));
  assert.deepEqual(x.bylines, ['Jane Doe', 'John Roe']);
  assert.ok(!x.blocks.some((b) => b.text.startsWith('By Jane')));
});

test('byline from meta author and from a .byline element', () => {
  const a = extractHtml(page(`<article>${para(3)}</article>`, '<meta name="author" content="By Maria Garcia">'));
  assert.deepEqual(a.bylines, ['Maria Garcia']);
  const b = extractHtml(page(`<article><div class="byline">By <a href="/p/k">Kofi Mensah</a> | Updated 3 May 2021</div>${para(3)}</article>`));
  assert.deepEqual(b.bylines, ['Kofi Mensah']);
});

test('published: article:published_time, then <time datetime>, else null', () => {
  const a = extractHtml(page(`<article>${para(3)}</article>`, '<meta property="article:published_time" content="2023-11-02T08:00:00Z">'));
  assert.equal(a.published, '2023-11-02T08:00:00Z');
  const b = extractHtml(page(`<article><time datetime="2022-01-09">9 Jan</time>${para(3)}</article>`));
  assert.equal(b.published, '2022-01-09');
  const c = extractHtml(page(`<article>${para(3)}</article>`));
  assert.equal(c.published, null);
});

test('figure caption and credit go to media, not body; image resolved against the page URL', () => {
  const x = extractHtml(
    page(`<article>${para(2)}<figure><img src="/img/a.jpg"><figcaption>Firefighters at the scene on Monday. <span class="credit">Photo: Lee Park</span></figcaption></figure>${para(2, 'report')}</article>`),
    { url: 'https://news.example.com/2024/story.html' },
  );
  assert.equal(x.media.length, 1);
  assert.equal(x.media[0].caption, 'Firefighters at the scene on Monday.');
  assert.equal(x.media[0].credit, 'Lee Park'); // the "Photo:" label is not part of the credit
  assert.equal(x.media[0].image, 'https://news.example.com/img/a.jpg');
  assert.ok(!x.blocks.some((b) => b.text.includes('Firefighters')));
});

test('trailing credit pattern split from caption; <base href> used for images', () => {
  const x = extractHtml(
    page(`<base href="https://cdn.example.org/media/"><article>${para(3)}<figure><img src="b.png"><figcaption>Crowds gather in the square (Reuters)</figcaption></figure></article>`),
  );
  assert.equal(x.media[0].caption, 'Crowds gather in the square');
  assert.equal(x.media[0].credit, 'Reuters');
  assert.equal(x.media[0].image, 'https://cdn.example.org/media/b.png');
});

test('subheads, lists, block quotes and pre are kept with their kinds', () => {
  const x = extractHtml(
    page(`<article>${para(2)}<h2>What happens next</h2><ul><li>First point of the plan</li><li>Second point of the plan</li></ul>
      <blockquote><p>We will rebuild the bridge within a year, the mayor said.</p></blockquote><pre>code  sample</pre>${para(2, 'end')}</article>`),
  );
  const kinds = x.blocks.map((b) => `${b.kind}:${b.text}`);
  assert.ok(kinds.includes('heading:What happens next'));
  assert.ok(kinds.includes('list-item:First point of the plan'));
  assert.ok(kinds.includes('list-item:Second point of the plan'));
  assert.ok(kinds.includes('blockquote:We will rebuild the bridge within a year, the mayor said.'));
  assert.ok(x.blocks.some((b) => b.kind === 'pre' && b.text.startsWith('code')));
});

test('furniture removed from the body and listed in removed', () => {
  const x = extractHtml(
    page(`<article>${para(5)}
      <div class="related-stories"><h3>Related stories</h3><ul><li><a href="/a">Other thing happened elsewhere today</a></li><li><a href="/b">Another thing happened too</a></li></ul></div>
      <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Twitter</a></div>
      <div class="newsletter-signup"><p>Sign up for our morning newsletter to get the news in your inbox.</p></div>
      <div id="comments"><p>Great article, I totally agree with everything said in this piece and more besides.</p></div>
      <div class="cookie-banner">We use cookies to improve your experience on our site.</div>
      <p>Load next story</p>
      <div class="ad-slot">Advertisement</div>
    </article>`),
  );
  const body = x.blocks.map((b) => b.text).join('\n');
  for (const junk of ['Other thing happened', 'Share on Facebook', 'morning newsletter', 'Great article', 'We use cookies', 'Load next story', 'Advertisement']) {
    assert.ok(!body.includes(junk), `body holds ${junk}`);
    assert.ok(x.removed.some((r) => r.includes(junk)), `removed lacks ${junk}`);
  }
  assert.equal(x.blocks.length, 5);
  assert.ok(x.removed.every((r) => r.length <= 200));
});

test('script, style, noscript, template and svg content is ignored', () => {
  const x = extractHtml(
    page(`<article>${para(3)}<script>var secret = "SCRIPTTEXT";</script><style>.a{content:"STYLETEXT"}</style>
      <noscript>NOSCRIPTTEXT</noscript><template><p>TEMPLATETEXT</p></template><svg><text>SVGTEXT</text></svg></article>`),
  );
  const all = JSON.stringify(x);
  for (const s of ['SCRIPTTEXT', 'STYLETEXT', 'NOSCRIPTTEXT', 'TEMPLATETEXT', 'SVGTEXT']) assert.ok(!all.includes(s), s);
  assert.equal(x.blocks.length, 3);
});

test('entities are decoded', () => {
  const x = extractHtml(page(`<article><p>Fish &amp; chips cost &pound;5 &mdash; &quot;cheap&quot; &#8220;really&#8221; caf&eacute; &#x263A; and more words here.</p>${para(2)}</article>`));
  assert.equal(x.blocks[0].text, 'Fish & chips cost £5 — "cheap" “really” café ☺ and more words here.');
});

test('<br><br> splits paragraphs, a single <br> is a space', () => {
  const x = extractHtml(page(`<div class="content">${'First line of the long paragraph goes here<br>and continues on the next line after a break. '.repeat(2)}<br><br>Second paragraph of text that is long enough to count as prose here.</div>`));
  assert.equal(x.blocks.length, 2);
  assert.ok(x.blocks[0].text.includes('goes here and continues'));
  assert.ok(x.blocks[1].text.startsWith('Second paragraph'));
});

test('the article wins over a longer navigation menu and sidebar', () => {
  const nav = `<nav><ul>${Array.from({ length: 60 }, (_, i) => `<li><a href="/s${i}">Section number ${i}</a></li>`).join('')}</ul></nav>`;
  const side = `<aside class="sidebar"><h3>Most read</h3>${Array.from({ length: 10 }, (_, i) => `<p><a href="/m${i}">Most read story number ${i} headline</a></p>`).join('')}</aside>`;
  const x = extractHtml(page(`${nav}<div class="main"><div class="story-body">${para(6)}</div></div>${side}<footer><p>Copyright 2024 Example Ltd. All rights reserved.</p></footer>`));
  assert.equal(x.blocks.length, 6);
  assert.ok(x.blocks.every((b) => b.text.startsWith('This is sentence')));
});

test('dek: a standfirst element is reported, datelines only when the page marks one', () => {
  const x = extractHtml(
    page(`<article><h1>Big win</h1><p class="standfirst">The underdogs took the cup after a dramatic final evening.</p><span class="dateline">LONDON</span>${para(4)}</article>`,
      '<meta name="description" content="The underdogs took the cup after a dramatic final evening.">'),
  );
  assert.equal(x.dek, 'The underdogs took the cup after a dramatic final evening.');
  assert.deepEqual(x.datelines, ['LONDON']);
  const y = extractHtml(page(`<article>${para(4)}</article>`, '<meta name="description" content="This is sentence 0 of the story, written with enough words to look like real prose, and it carries on for a while.">'));
  assert.equal(y.dek, null); // the description is just the lede
  assert.deepEqual(y.datelines, []);
});

test('hidden elements are not body text', () => {
  const x = extractHtml(page(`<article>${para(3)}<p hidden>HIDDEN ONE</p><p style="display: none">HIDDEN TWO</p><div aria-hidden="true">HIDDEN THREE</div></article>`));
  assert.ok(!JSON.stringify(x.blocks).includes('HIDDEN'));
});
