import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../errors.js';
import { feedDay, parseFeed, parseFeedDate } from './feeds.js';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Velgrad Daily</title>
  <link>https://velgrad.example/</link>
  <atom:link href="https://velgrad.example/feed" rel="self" type="application/rss+xml"/>
  <item>
    <title>Border crossings reopen</title>
    <link>/news/border</link>
    <guid isPermaLink="false">vd-1</guid>
    <pubDate>Tue, 10 Jun 2025 23:30:00 -0400</pubDate>
    <description><![CDATA[<p>Two crossings <b>reopen</b> &amp; traffic resumes.</p>]]></description>
  </item>
  <item>
    <title>Minister &amp; envoy meet</title>
    <guid>https://velgrad.example/news/meet</guid>
    <dc:date>2025-06-09T08:00:00Z</dc:date>
    <description>&lt;p&gt;Talks in Kessin.&lt;/p&gt;</description>
  </item>
  <item><title>No link at all</title></item>
  <item><title>Not http</title><link>mailto:desk@velgrad.example</link></item>
</channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Astoria Wire</title>
  <link href="https://astoria.example/"/>
  <link rel="self" href="https://astoria.example/atom.xml"/>
  <entry>
    <title type="html">Ceasefire &lt;em&gt;holds&lt;/em&gt;</title>
    <link rel="self" href="https://astoria.example/api/1"/>
    <link rel="alternate" type="text/html" href="https://astoria.example/2025/ceasefire"/>
    <id>tag:astoria.example,2025:1</id>
    <updated>2025-06-11T09:00:00+02:00</updated>
    <published>2025-06-10T01:15:00+02:00</published>
    <summary>Quiet night on the front.</summary>
  </entry>
  <entry>
    <title>Second</title>
    <link href="second"/>
    <id>tag:astoria.example,2025:2</id>
    <updated>2025-06-12T10:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Body <b>text</b>.</p></div></content>
  </entry>
</feed>`;

const JSONFEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Kessin Post',
  home_page_url: 'https://kessin.example/',
  items: [
    { id: '1', url: 'https://kessin.example/a', title: 'Port reopens', date_published: '2025-06-08T12:00:00-05:00', content_html: '<p>Ships <i>return</i>.</p>' },
    { id: '2', external_url: 'https://other.example/b', content_text: 'No title here.' },
    { id: '3', title: 'No URL' },
  ],
});

test('RSS 2.0: links resolved against the feed URL, guid permalinks, CDATA and escaped HTML summaries, dates', () => {
  const f = parseFeed(Buffer.from(RSS), { url: 'https://velgrad.example/feed' });
  assert.equal(f.kind, 'rss');
  assert.equal(f.title, 'Velgrad Daily');
  assert.equal(f.link, 'https://velgrad.example/');
  assert.equal(f.items.length, 2);
  assert.deepEqual(f.items[0], {
    url: 'https://velgrad.example/news/border',
    title: 'Border crossings reopen',
    published: '2025-06-10T23:30:00-04:00',
    summary: 'Two crossings reopen & traffic resumes.',
    id: 'vd-1',
  });
  assert.equal(f.items[1]!.url, 'https://velgrad.example/news/meet');
  assert.equal(f.items[1]!.title, 'Minister & envoy meet');
  assert.equal(f.items[1]!.published, '2025-06-09T08:00:00Z');
  assert.equal(f.items[1]!.summary, 'Talks in Kessin.');
});

test('Atom: the alternate link, html and xhtml text constructs, published before updated', () => {
  const f = parseFeed(ATOM, { url: 'https://astoria.example/atom.xml' });
  assert.equal(f.kind, 'atom');
  assert.equal(f.title, 'Astoria Wire');
  assert.equal(f.link, 'https://astoria.example/');
  assert.deepEqual(f.items[0], {
    url: 'https://astoria.example/2025/ceasefire',
    title: 'Ceasefire holds',
    published: '2025-06-10T01:15:00+02:00',
    summary: 'Quiet night on the front.',
    id: 'tag:astoria.example,2025:1',
  });
  assert.equal(f.items[1]!.url, 'https://astoria.example/second');
  assert.equal(f.items[1]!.published, '2025-06-12T10:00:00Z');
  assert.equal(f.items[1]!.summary, 'Body text.');
});

test('JSON Feed: url or external_url, content as summary, items without a URL dropped', () => {
  const f = parseFeed(JSONFEED, { url: 'https://kessin.example/feed.json' });
  assert.equal(f.kind, 'json');
  assert.equal(f.title, 'Kessin Post');
  assert.deepEqual(
    f.items.map((i) => [i.url, i.title, i.published, i.summary]),
    [
      ['https://kessin.example/a', 'Port reopens', '2025-06-08T12:00:00-05:00', 'Ships return.'],
      ['https://other.example/b', null, null, 'No title here.'],
    ],
  );
});

test('RSS 1.0 (RDF) and a legacy charset declared in the XML declaration', () => {
  const rdf = `<?xml version="1.0" encoding="ISO-8859-1"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Zürich</title><link>https://z.example/</link></channel>
<item><title>Café reopens</title><link>https://z.example/cafe</link><dc:date>2025-06-01</dc:date></item>
</rdf:RDF>`;
  const f = parseFeed(Buffer.from(rdf, 'latin1'));
  assert.equal(f.kind, 'rdf');
  assert.equal(f.title, 'Zürich');
  assert.deepEqual(f.items.map((i) => [i.title, i.url, i.published]), [['Café reopens', 'https://z.example/cafe', '2025-06-01']]);
});

test('not a feed: an InputError naming the feed', () => {
  assert.throws(() => parseFeed('<!doctype html><html><body>hi</body></html>', { url: 'https://h/x' }), (e: Error) => {
    assert.ok(e instanceof InputError);
    assert.equal(e.message, 'newsgraph: https://h/x: not an RSS, Atom or JSON feed (found root element <html>)');
    return true;
  });
  assert.throws(() => parseFeed('{"items": []}', { url: 'https://h/j' }), /https:\/\/h\/j: not a feed: JSON without a JSON Feed "version"/);
  assert.throws(() => parseFeed('   '), /feed: not a feed: empty/);
});

test('dates: RFC 822 zones and two-digit years, ISO, the day as written', () => {
  assert.equal(parseFeedDate('Wed, 02 Oct 2002 13:00:00 GMT'), '2002-10-02T13:00:00Z');
  assert.equal(parseFeedDate('Wed, 02 Oct 2002 15:00:00 +0200'), '2002-10-02T15:00:00+02:00');
  assert.equal(parseFeedDate('2 Oct 02 08:00 EST'), '2002-10-02T08:00:00-05:00');
  assert.equal(parseFeedDate('2025-06-10T23:30:00.123-0400'), '2025-06-10T23:30:00-04:00');
  assert.equal(parseFeedDate('yesterday'), null);
  assert.equal(parseFeedDate('2025-13-45'), null);
  assert.equal(feedDay('2025-06-10T23:30:00-04:00'), '2025-06-10');
  assert.equal(feedDay(null), null);
});
