import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyArticle, type Doc, type Entity } from '../model.js';
import { newDoc } from '../pipeline.js';
import type { Tone } from '../analyze/tone.js';
import { GKG_COLUMNS, gkgHeader, toGkgRow } from './gkg.js';

const TEXT =
  'Ukraine and Russia held talks in Geneva on April 22, 2025.\n\n' +
  '"We want peace; not war," Ana Kovec said. Kovec spoke for the United Nations, which met in February 2022.';

const at = (s: string, from = 0): number => {
  const i = TEXT.indexOf(s, from);
  assert.ok(i >= 0, s);
  return i;
};

function entity(id: string, name: string, type: Entity['type'], country: string | null, texts: string[]): Entity {
  let from = 0;
  const mentions = texts.map((t) => {
    const start = at(t, from);
    from = start + t.length;
    return { start, end: start + t.length, text: t };
  });
  return { id, name, type, country, actorCode: null, roles: [], mentions };
}

function sampleDoc(): Doc {
  const doc = newDoc({ source: 'talks.html', url: 'https://www.example.com/news/talks', format: 'html', body: TEXT });
  doc.article = {
    ...emptyArticle('talks.html', 'https://www.example.com/news/talks'),
    title: 'Talks <in> Geneva & more',
    bylines: ['Jo Reporter'],
    published: '2025-04-25',
    text: TEXT,
    media: [
      { caption: null, credit: null, image: 'https://img.example.com/a.jpg' },
      { caption: null, credit: null, image: 'https://img.example.com/b.jpg' },
    ],
  };
  doc.entities = [
    entity('p1', 'Ana Kovec', 'person', null, ['Ana Kovec', 'Kovec']),
    entity('o1', 'United Nations', 'organization', null, ['United Nations']),
    entity('l1', 'Ukraine', 'location', 'UKR', ['Ukraine']),
    entity('l2', 'Geneva', 'location', 'CHE', ['Geneva']),
  ];
  const q = at('"We want');
  const qEnd = at(' Ana Kovec said');
  doc.quotes = [
    { kind: 'direct', start: q, end: qEnd, text: 'We want peace; not war,', cue: 'said', speaker: { id: 'p1', name: 'Ana Kovec' }, speakerMention: null },
    { kind: 'indirect', start: 0, end: 10, text: 'ignored', cue: 'said', speaker: null, speakerMention: null },
  ];
  doc.dates = [
    { start: at('April 22, 2025'), end: at('April 22, 2025') + 14, text: 'April 22, 2025', value: '2025-04-22' },
    { start: at('February 2022'), end: at('February 2022') + 13, text: 'February 2022', value: '2022-02' },
    { start: 0, end: 1, text: 'x', value: null },
  ];
  doc.events = [
    {
      code: '036', rootCode: '03', quadClass: 1, goldstein: 4, label: 'meet', start: 0, end: 10, sentence: '',
      source: null, target: null, date: null,
      location: { name: 'Geneva', country: 'CHE', lat: 46.2044, lon: 6.1432 },
    },
  ];
  (doc as Doc & { tone?: Tone }).tone = { tone: -1.25, positive: 2.5, negative: 3.75, polarity: 6.25, activity: 5, selfGroup: 4.5, wordCount: 30 };
  return doc;
}

const col = (row: string[], name: (typeof GKG_COLUMNS)[number]): string => row[GKG_COLUMNS.indexOf(name)]!;

test('GKG 2.1 has 27 columns; a row has 27 TSV-safe cells', () => {
  assert.equal(GKG_COLUMNS.length, 27);
  assert.equal(new Set(GKG_COLUMNS).size, 27);
  assert.equal(gkgHeader().trimEnd().split('\t').length, 27);
  const row = toGkgRow(sampleDoc(), { ingestedAt: '2025-04-26T00:00:00Z' });
  assert.equal(row.length, 27);
  for (const c of row) assert.doesNotMatch(c, /[\t\n\r]/);
});

test('record id, date, source fields', () => {
  const row = toGkgRow(sampleDoc(), { ingestedAt: '2025-04-26T00:00:00Z' });
  assert.equal(col(row, 'DATE'), '20250425000000');
  assert.match(col(row, 'GKGRECORDID'), /^20250425000000-\d+$/);
  assert.equal(col(row, 'SourceCollectionIdentifier'), '1');
  assert.equal(col(row, 'SourceCommonName'), 'example.com');
  assert.equal(col(row, 'DocumentIdentifier'), 'https://www.example.com/news/talks');
  // No published date: the ingest time.
  const d = sampleDoc();
  d.article.published = null;
  d.article.url = null;
  d.input.url = null;
  const r2 = toGkgRow(d, { ingestedAt: '2025-04-26T01:02:03Z' });
  assert.equal(col(r2, 'DATE'), '20250426010203');
  assert.equal(col(r2, 'SourceCollectionIdentifier'), '2');
  assert.equal(col(r2, 'DocumentIdentifier'), 'talks.html');
});

test('persons and organizations, V1 and V2 with offsets', () => {
  const row = toGkgRow(sampleDoc());
  assert.equal(col(row, 'Persons'), 'Ana Kovec');
  assert.equal(col(row, 'V2Persons'), `Ana Kovec,${at('Ana Kovec')};Ana Kovec,${at('Kovec spoke')}`);
  assert.equal(col(row, 'Organizations'), 'United Nations');
  assert.equal(col(row, 'V2Organizations'), `United Nations,${at('United Nations')}`);
  const all = col(row, 'AllNames').split(';');
  assert.equal(all.length, 5);
  assert.equal(all[0], `Ukraine,0`);
});

test('locations: a country is type 1 with its FIPS code; a city takes coordinates from an event', () => {
  const row = toGkgRow(sampleDoc());
  assert.equal(col(row, 'Locations'), '1#Ukraine#UP#UP###UP;4#Geneva, Switzerland#SZ#SZ#46.2044#6.1432#');
  assert.equal(col(row, 'V2Locations'), `1#Ukraine#UP#UP####UP#0;4#Geneva, Switzerland#SZ#SZ##46.2044#6.1432##${at('Geneva')}`);
});

test('tone, dates, quotations, images, extras', () => {
  const row = toGkgRow(sampleDoc());
  assert.equal(col(row, 'V2Tone'), '-1.25,2.5,3.75,6.25,5,4.5,30');
  assert.equal(col(row, 'Dates'), `4#4#22#2025#${at('April 22')};2#2#0#2022#${at('February 2022')}`);
  // Only direct and partial quotes; "|" and "#" would break the format, so they become spaces.
  const quote = col(row, 'Quotations');
  const q = at('"We want');
  assert.equal(quote, `${q}|${at(' Ana Kovec said') - q}|said|We want peace; not war,`);
  assert.equal(quote.split('#').length, 1);
  assert.equal(col(row, 'SharingImage'), 'https://img.example.com/a.jpg');
  assert.equal(col(row, 'RelatedImages'), 'https://img.example.com/b.jpg');
  assert.equal(col(row, 'Extras'), '<PAGE_TITLE>Talks &lt;in&gt; Geneva &amp; more</PAGE_TITLE><PAGE_AUTHORS>Jo Reporter</PAGE_AUTHORS>');
  for (const empty of ['Counts', 'V2Counts', 'Themes', 'V2Themes', 'GCAM', 'Amounts', 'TranslationInfo'] as const) assert.equal(col(row, empty), '');
});

test('delimiters inside names and quotes are neutralised', () => {
  const d = sampleDoc();
  d.entities[0]!.name = 'Kovec, Ana; Jr.';
  d.quotes[0]!.text = 'a|b#c';
  const row = toGkgRow(d);
  assert.equal(col(row, 'Persons'), 'Kovec Ana Jr.');
  assert.match(col(row, 'Quotations'), /\|said\|a b c$/);
  delete (d as Doc & { tone?: Tone }).tone;
  assert.equal(col(toGkgRow(d), 'V2Tone'), '');
});
