import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stripSiteName } from './title.js';
import { cleanByline, looksLikeByline } from './byline.js';
import { toIsoDate } from './dates.js';
import { splitCredit } from './media.js';
import { readJsonLd } from './jsonld.js';
import { resolveUrl, baseUrl } from './url.js';

test('stripSiteName removes the site part only when it is the site', () => {
  assert.equal(stripSiteName('Floods hit town | BBC News', 'BBC News', null), 'Floods hit town');
  assert.equal(stripSiteName('The Guardian - Floods hit town', 'The Guardian', null), 'Floods hit town');
  assert.equal(stripSiteName('Floods hit town - example', null, 'www.example.com'), 'Floods hit town');
  // an unknown suffix stays
  assert.equal(stripSiteName('Floods hit town | Jane Doe', 'BBC News', null), 'Floods hit town | Jane Doe');
});

test('bylines are cleaned and split', () => {
  assert.deepEqual(cleanByline('By Jane Doe'), ['Jane Doe']);
  assert.deepEqual(cleanByline('By Stella Kim, Jennifer Jett'), ['Stella Kim', 'Jennifer Jett']);
  assert.deepEqual(cleanByline('Par Sébastien Farcis'), ['Sébastien Farcis']);
  assert.deepEqual(cleanByline('By Nathan Willis | March 25, 2015'), ['Nathan Willis']);
  assert.deepEqual(cleanByline('https://example.com/author/x'), []);
  assert.ok(looksLikeByline('By JANE DOE, Associated Press'));
  assert.ok(!looksLikeByline('By the end of the day the river had risen two metres above its banks.'));
});

test('dates normalize to ISO 8601', () => {
  assert.equal(toIsoDate('2021-11-01T10:52:50+0100'), '2021-11-01T10:52:50+01:00');
  assert.equal(toIsoDate('2017-11-03 03:01:00.000000'), '2017-11-03T03:01:00.000');
  assert.equal(toIsoDate('2024-06-25'), '2024-06-25');
  assert.equal(toIsoDate('Thu, 03 Jan 2019 07:00:02 GMT'), '2019-01-03T07:00:02.000Z');
  assert.equal(toIsoDate('March 11, 2015'), '2015-03-11');
  assert.equal(toIsoDate('yesterday'), null);
  assert.equal(toIsoDate('2024-13-40'), null);
});

test('splitCredit recognises common credit tails', () => {
  assert.deepEqual(splitCredit('A man walks his dog. Photo: Jo Bloggs'), { caption: 'A man walks his dog.', credit: 'Jo Bloggs' });
  assert.deepEqual(splitCredit('Protesters in the city (Reuters)'), { caption: 'Protesters in the city', credit: 'Reuters' });
  assert.deepEqual(splitCredit('The old mill. Credit: City Archive'), { caption: 'The old mill.', credit: 'City Archive' });
  assert.deepEqual(splitCredit('Just a caption'), { caption: 'Just a caption', credit: null });
});

test('JSON-LD parsing tolerates junk and finds the article in arrays', () => {
  const info = readJsonLd(['{not json', JSON.stringify([{ '@type': 'BreadcrumbList' }, { '@type': ['NewsArticle'], headline: 'H', author: { name: 'A B' }, datePublished: '2020-01-02' }])]);
  assert.equal(info.headline, 'H');
  assert.deepEqual(info.authors, ['A B']);
  assert.equal(info.datePublished, '2020-01-02');
});

test('URL resolution', () => {
  assert.equal(resolveUrl('../x.jpg', 'https://a.com/b/c/d.html'), 'https://a.com/b/x.jpg');
  assert.equal(resolveUrl('javascript:void(0)', 'https://a.com/'), null);
  assert.equal(baseUrl('https://a.com/p/q.html', '/static/'), 'https://a.com/static/');
  assert.equal(resolveUrl('img.png', null), 'img.png');
});
