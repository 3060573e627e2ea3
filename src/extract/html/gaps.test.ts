// Media credits, post-line bylines, dek de-duplication, <title> decoration and body-root choice: small pages written
// for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractHtml } from './index.js';
import { cleanCredit, splitCredit } from './media.js';
import { cleanByline } from './byline.js';
import { dropTrailingPart } from './title.js';

const para = (n: number, word = 'story') =>
  Array.from({ length: n }, (_, i) => `<p>This is sentence ${i} of the ${word}, written with enough words to look like real prose, and it carries on for a while.</p>`).join('\n');

function page(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`;
}

const URL = 'https://news.example.com/a/b.html';

test('credit labels are stripped: "Photo: TPA" → "TPA", "Photograph: Jan Toller/Courier"', () => {
  assert.equal(cleanCredit('Photo: TPA'), 'TPA');
  assert.equal(cleanCredit('Photograph: Jan Toller/Courier'), 'Jan Toller/Courier');
  assert.equal(cleanCredit('(Photo by Ann Lee)'), 'Ann Lee');
  assert.equal(cleanCredit('Image credit: City Archive.'), 'City Archive');
  assert.equal(cleanCredit('CreditChang W. Lee/The Times'), 'Chang W. Lee/The Times');
  assert.equal(cleanCredit('REUTERS/Ana Petrov'), 'REUTERS/Ana Petrov');
  assert.deepEqual(splitCredit('Crowds in the square. Photo: REUTERS'), { caption: 'Crowds in the square.', credit: 'REUTERS' });
  const x = extractHtml(
    page(`<article><h1>Depot burns</h1><figure><img src="/i/1.jpg"><figcaption>Smoke over the depot. <span class="credit">Photo: TPA</span></figcaption></figure>${para(4)}</article>`),
    { url: URL },
  );
  assert.deepEqual(x.media, [{ caption: 'Smoke over the depot.', credit: 'TPA', image: 'https://news.example.com/i/1.jpg' }]);
});

test('a figure beside the body (no <article>) with <span class="image-credit"> is found', () => {
  const x = extractHtml(
    page(`<div id="page"><div class="main-column"><div class="article-header"><h1>Border crossing shut</h1></div>
      <figure class="main-image"><img src="/m/lorries.jpg"><figcaption><span class="caption-text">Lorries queue at the crossing.</span> <span class="image-credit">Photo: Evening Post/Karl Weiss</span></figcaption></figure>
      <div class="article-body">${para(5)}</div></div><aside class="sidebar"><figure><img src="/ad.jpg"><figcaption>Sponsored</figcaption></figure></aside></div>`, '<title>Border crossing shut</title>'),
    { url: URL },
  );
  assert.deepEqual(x.media, [{ caption: 'Lorries queue at the crossing.', credit: 'Evening Post/Karl Weiss', image: 'https://news.example.com/m/lorries.jpg' }]);
  assert.ok(!x.blocks.some((b) => /Lorries|Weiss/.test(b.text)), 'the caption is not body text');
});

test('a credit in a closing <em>, <small> or <cite> of the figcaption', () => {
  for (const [tag, text, credit] of [
    ['em', 'Photo: LEDGER/Ana Petrov', 'LEDGER/Ana Petrov'],
    ['small', 'Courier/Jan Toller', 'Courier/Jan Toller'],
    ['cite', 'City Archive', 'City Archive'],
  ]) {
    const x = extractHtml(
      page(`<table><tr><td><h1>Protest in the capital</h1><figure><img src="/p.jpg"><figcaption>Marchers on the square. <${tag}>${text}</${tag}></figcaption></figure><div id="article-text">${para(5)}</div></td></tr></table>`, '<title>Protest in the capital</title>'),
      { url: URL },
    );
    assert.equal(x.media.length, 1, tag);
    assert.equal(x.media[0].caption, 'Marchers on the square.', tag);
    assert.equal(x.media[0].credit, credit, tag);
  }
  // emphasis that is not a credit stays in the caption
  const y = extractHtml(page(`<article><h1>Gallery reopens</h1><figure><img src="/s.jpg"><figcaption>Visitors look at <em>Starry Night</em></figcaption></figure>${para(4)}</article>`), { url: URL });
  assert.deepEqual([y.media[0].caption, y.media[0].credit], ['Visitors look at Starry Night', null]);
});

test('a WordPress wp-caption block outside the entry div is a figure, with its credit split off', () => {
  const x = extractHtml(
    page(`<div class="post"><h1 class="post-title">Second weekend of protests</h1>
      <div class="wp-caption"><img src="/uploads/crowd.jpg" alt=""><p class="wp-caption-text">The crowd on the square. Photo: Velorian Voice</p></div>
      <div class="entry">${para(5)}</div></div>`, '<title>Second weekend of protests - Velorian Voice</title>'),
    { url: URL },
  );
  assert.deepEqual(x.media, [{ caption: 'The crowd on the square.', credit: 'Velorian Voice', image: 'https://news.example.com/uploads/crowd.jpg' }]);
  assert.ok(!x.blocks.some((b) => b.text.includes('crowd on the square')));
});

test('a hidden "Credit" label element before the name', () => {
  const x = extractHtml(page(`<article><h1>Cables under the street</h1><figure><img src="/c.jpg"><figcaption>A worker repairs cables. <span><span class="sr-only">Credit</span>Chang Lee for The Times</span></figcaption></figure>${para(4)}</article>`), { url: URL });
  assert.deepEqual([x.media[0].caption, x.media[0].credit], ['A worker repairs cables.', 'Chang Lee for The Times']);
});

test('"Posted by X on <time>…</time> in Section" gives the byline X', () => {
  assert.deepEqual(cleanByline('Posted by Tomas Aras on Saturday, 23 March 2024 in Protests'), ['Tomas Aras']);
  assert.deepEqual(cleanByline('By Jane Roe on March 5, 2024'), ['Jane Roe']);
  const x = extractHtml(
    page(`<div class="post"><h1>Second weekend of protests</h1><div class="post-info">Posted by Tomas Aras on <time datetime="2024-03-23">Saturday, 23 March 2024</time> in <a href="/protests">Protests</a></div>
      <div class="entry">${para(5)}</div></div><div id="comments"><p>By Bruno Vale on 24 March 2024</p></div>`, '<title>Second weekend of protests</title>'),
  );
  assert.deepEqual(x.bylines, ['Tomas Aras']);
  assert.equal(x.published, '2024-03-23');
});

test('the dek is not repeated as the first body block; a kicker and a date line above the body are dropped', () => {
  const dek = 'Heavy weapons to be pulled back from the border, with observers on patrol';
  const x = extractHtml(
    page(`<article class="story"><div class="kicker">World</div><h1>Ceasefire agreed</h1><h2 class="dek">${dek}</h2>
      <div class="date"><time datetime="2024-03-21T16:30:00Z">Thu 21 Mar 2024 16.30 GMT</time></div>${para(5)}</article>`, '<title>Ceasefire agreed</title>'),
  );
  assert.equal(x.dek, dek);
  assert.ok(!x.blocks.some((b) => b.text === dek), 'dek repeated in the body');
  assert.ok(!x.blocks.some((b) => b.text === 'World' || b.text.includes('16.30 GMT')));
  assert.match(x.blocks[0].text, /^This is sentence 0/);
  // a standfirst-classed first paragraph is the dek, once
  const y = extractHtml(page(`<article><h1>Sanctions imposed</h1><div class="body"><p class="standfirst">${dek}</p>${para(5)}</div></article>`, '<title>Sanctions imposed</title>'));
  assert.equal(y.dek, dek);
  assert.ok(!y.blocks.some((b) => b.text === dek));
});

test('a dek is not taken from a menu, a teaser link or a ticker', () => {
  const x = extractHtml(
    page(`<nav><a href="/x"><div class="summary">Another story entirely, summarised in the site menu for readers</div></a></nav>
      <div class="market-summary">S&amp;P 500 2,111.72 -14.43 (-0.68%) Dow 30 18,037.10</div><article><h1>Flood waters recede</h1>${para(5)}</article>`, '<title>Flood waters recede</title>'),
  );
  assert.equal(x.dek, null);
});

test('<title> decoration: the last part goes when no site name or h1 vouches for the whole', () => {
  assert.equal(dropTrailingPart('Lorem ipsum dolor sit amet – My website'), 'Lorem ipsum dolor sit amet');
  assert.equal(dropTrailingPart('Get your Frontend JavaScript Code Covered | Code | Nicolas Perriault'), 'Get your Frontend JavaScript Code Covered | Code');
  // a dash inside a headline whose second half is as long as the first stays
  assert.equal(dropTrailingPart('Friday Facts #282 - 0.17 in sight'), 'Friday Facts #282 - 0.17 in sight');
  assert.equal(dropTrailingPart('Short - Thing'), 'Short - Thing');
  const x = extractHtml(page(`<div>${para(4)}</div>`, '<title>Lorem ipsum dolor sit amet – My website</title>'));
  assert.equal(x.title, 'Lorem ipsum dolor sit amet');
});

test('an h1 linking to the home page is the site name, not the headline', () => {
  const x = extractHtml(
    page(`<div class="header"><h1><a href="index.html">evolve extension for Mercurial</a></h1></div>
      <div class="content"><h1>Evolve: Shared Mutable History<a class="headerlink" href="#x">¶</a></h1>${para(4)}</div>`, '<title>Evolve: Shared Mutable History — evolve extension for Mercurial</title>'),
  );
  assert.equal(x.title, 'Evolve: Shared Mutable History');
  const y = extractHtml(
    page(`<header><h1><a href="/">V8</a></h1></header><article><h1>Outside the web: standalone binaries</h1>${para(4)}</article>`, '<title>Outside the web: standalone binaries · V8</title>'),
  );
  assert.equal(y.title, 'Outside the web: standalone binaries');
});

test('a stream of story teasers (linked headline + summary per item) after the body is not body', () => {
  const teaser = (i: number) =>
    `<li><h3><a href="/s/${i}">Other story number ${i} in the stream</a></h3><p>A summary of other story ${i}, long enough to read as a paragraph of prose that a reader could mistake for body text if not careful.</p><span>Source</span></li>`;
  const x = extractHtml(page(`<div class="main"><div class="article-body"><h1>Baby photo sparks debate</h1>${para(8)}</div><ul class="stream">${Array.from({ length: 12 }, (_, i) => teaser(i)).join('')}</ul></div>`, '<title>Baby photo sparks debate</title>'));
  assert.equal(x.blocks.length, 8);
  assert.ok(!x.blocks.some((b) => b.text.includes('Other story')));
});

test('a wrapper whose extra content is a link-heavy box is not the body: the article child is', () => {
  const summary = 'A short report from elsewhere in the city that has nothing to do with this story, told in a paragraph of its own, with a few more words to make it long enough to count as prose in the box under the article.';
  const box = `<div class="timeline"><h2>Happening now</h2><p>${summary}</p><ul>${Array.from({ length: 6 }, (_, i) => `<li><a href="/n/${i}">News item ${i} headline</a></li>`).join('')}</ul></div>`;
  const x = extractHtml(page(`<div class="page"><div class="article"><h1>West Ham keep winning</h1>${para(16)}</div>${box}</div>`, '<title>West Ham keep winning</title>'));
  assert.ok(!x.blocks.some((b) => /Happening now|report from elsewhere|News item/.test(b.text)), JSON.stringify(x.blocks.map((b) => b.text)));
  assert.equal(x.blocks.length, 16);
});
