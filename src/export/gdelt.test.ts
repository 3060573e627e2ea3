import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyArticle, type Doc, type NewsEvent } from '../model.js';
import { newDoc } from '../pipeline.js';
import type { Tone } from '../analyze/tone.js';
import { GDELT_EVENT_COLUMNS, actorParts, fipsOf, gdeltEventId, gdeltHeader, toGdeltRows, tsvLines } from './gdelt.js';

const P1 = 'Ukraine and Russia held talks in Geneva on Tuesday.';
const P2 = 'The United States sanctioned Russian banks. The United Nations appealed for calm.';
const TEXT = `${P1}\n\n${P2}`;

function ev(over: Partial<NewsEvent> & Pick<NewsEvent, 'code' | 'start' | 'end'>): NewsEvent {
  return {
    rootCode: over.code.slice(0, 2),
    quadClass: 1,
    goldstein: 0,
    label: 'event',
    source: null,
    target: null,
    location: null,
    date: null,
    sentence: TEXT.slice(over.start, over.end),
    ...over,
  };
}

function sampleDoc(): Doc {
  const doc = newDoc({ source: 'talks.html', url: 'https://www.example.com/news/talks', format: 'html', body: TEXT });
  doc.article = {
    ...emptyArticle('talks.html', 'https://www.example.com/news/talks'),
    title: 'Talks in Geneva',
    published: '2025-04-25T09:00:00Z',
    text: TEXT,
    paragraphs: [
      { start: 0, end: P1.length, kind: 'p' },
      { start: P1.length + 2, end: TEXT.length, kind: 'p' },
    ],
  };
  const s2 = TEXT.indexOf('The United States');
  const s3 = TEXT.indexOf('The United Nations');
  doc.events = [
    ev({
      code: '036', quadClass: 1, goldstein: 4, start: 0, end: P1.length, date: '2025-04-22',
      source: { entity: 'e1', name: 'Ukraine', code: 'UKR' },
      target: { entity: 'e2', name: 'Russia', code: 'RUSGOV' },
      location: { name: 'Geneva', country: 'CHE', lat: 46.2044, lon: 6.1432 },
    }),
    ev({
      code: '163', quadClass: 4, goldstein: -8, start: s2, end: s3 - 1,
      source: { entity: 'e3', name: 'United\tStates\ngovernment', code: 'USAGOV' },
      target: { entity: null, name: 'Russian banks', code: 'RUSBUS' },
    }),
    ev({
      code: '0431', quadClass: 1, goldstein: 2.8, start: s3, end: TEXT.length, date: '2022-02',
      source: { entity: 'e4', name: 'United Nations', code: 'IGOUNO' },
      target: null,
      location: { name: 'Ukraine', country: 'UKR', lat: null, lon: null },
    }),
  ];
  const tone: Tone = { tone: -1.25, positive: 2.5, negative: 3.75, polarity: 6.25, activity: 5, selfGroup: 0, wordCount: 22 };
  (doc as Doc & { tone?: Tone }).tone = tone;
  return doc;
}

const col = (row: string[], name: (typeof GDELT_EVENT_COLUMNS)[number]): string => row[GDELT_EVENT_COLUMNS.indexOf(name)]!;
const AT = '2025-04-25T10:11:12.000Z';

test('the GDELT 2.0 event table has 61 distinct columns in codebook order', () => {
  assert.equal(GDELT_EVENT_COLUMNS.length, 61);
  assert.equal(new Set(GDELT_EVENT_COLUMNS).size, 61);
  assert.equal(GDELT_EVENT_COLUMNS[0], 'GlobalEventID');
  assert.equal(GDELT_EVENT_COLUMNS.indexOf('Actor2Code'), 15);
  assert.equal(GDELT_EVENT_COLUMNS.indexOf('IsRootEvent'), 25);
  assert.equal(GDELT_EVENT_COLUMNS.indexOf('AvgTone'), 34);
  assert.equal(GDELT_EVENT_COLUMNS.indexOf('ActionGeo_Type'), 51);
  assert.deepEqual(GDELT_EVENT_COLUMNS.slice(-2), ['DATEADDED', 'SOURCEURL']);
  assert.equal(gdeltHeader().split('\t').length, 61);
});

test('key columns of a sample event', () => {
  const rows = toGdeltRows(sampleDoc(), { ingestedAt: AT });
  assert.equal(rows.length, 3);
  for (const r of rows) assert.equal(r.length, 61);
  const r = rows[0]!;
  assert.match(col(r, 'GlobalEventID'), /^\d+$/);
  assert.equal(col(r, 'Day'), '20250422');
  assert.equal(col(r, 'MonthYear'), '202504');
  assert.equal(col(r, 'Year'), '2025');
  assert.equal(col(r, 'FractionDate'), '2025.3068'); // 22 April is day 112
  assert.equal(col(r, 'Actor1Code'), 'UKR');
  assert.equal(col(r, 'Actor1Name'), 'UKRAINE');
  assert.equal(col(r, 'Actor1CountryCode'), 'UKR');
  assert.equal(col(r, 'Actor2Code'), 'RUSGOV');
  assert.equal(col(r, 'Actor2CountryCode'), 'RUS');
  assert.equal(col(r, 'Actor2Type1Code'), 'GOV');
  assert.equal(col(r, 'IsRootEvent'), '1');
  assert.equal(col(r, 'EventCode'), '036');
  assert.equal(col(r, 'EventBaseCode'), '036');
  assert.equal(col(r, 'EventRootCode'), '03');
  assert.equal(col(r, 'QuadClass'), '1');
  assert.equal(col(r, 'GoldsteinScale'), '4');
  assert.equal(col(r, 'NumArticles'), '1');
  assert.equal(col(r, 'AvgTone'), '-1.25');
  // Actor geo: the actor's country, FIPS-coded (Ukraine UP, Russia RS).
  assert.equal(col(r, 'Actor1Geo_Type'), '1');
  assert.equal(col(r, 'Actor1Geo_CountryCode'), 'UP');
  assert.equal(col(r, 'Actor2Geo_CountryCode'), 'RS');
  // Action geo: a city with coordinates.
  assert.equal(col(r, 'ActionGeo_Type'), '4');
  assert.equal(col(r, 'ActionGeo_FullName'), 'Geneva, Switzerland');
  assert.equal(col(r, 'ActionGeo_CountryCode'), 'SZ');
  assert.equal(col(r, 'ActionGeo_Lat'), '46.2044');
  assert.equal(col(r, 'ActionGeo_Long'), '6.1432');
  assert.equal(col(r, 'DATEADDED'), '20250425101112');
  assert.equal(col(r, 'SOURCEURL'), 'https://www.example.com/news/talks');
});

test('undated events fall back to the published day; sectors, groups and base codes', () => {
  const rows = toGdeltRows(sampleDoc(), { ingestedAt: AT });
  const us = rows[1]!;
  assert.equal(col(us, 'Day'), '20250425');
  assert.equal(col(us, 'IsRootEvent'), '0');
  assert.equal(col(us, 'Actor1CountryCode'), 'USA');
  assert.equal(col(us, 'Actor1Type1Code'), 'GOV');
  assert.equal(col(us, 'Actor2Type1Code'), 'BUS');
  assert.equal(col(us, 'QuadClass'), '4');
  assert.equal(col(us, 'GoldsteinScale'), '-8');
  assert.equal(col(us, 'ActionGeo_Type'), '0');
  // Tabs and newlines in a field become spaces.
  assert.equal(col(us, 'Actor1Name'), 'UNITED STATES GOVERNMENT');
  const un = rows[2]!;
  assert.equal(col(un, 'Day'), '20250425'); // "2022-02" is not a full day
  assert.equal(col(un, 'Actor1CountryCode'), '');
  assert.equal(col(un, 'Actor1Type1Code'), 'IGO');
  assert.equal(col(un, 'Actor1KnownGroupCode'), 'UNO');
  assert.equal(col(un, 'Actor2Code'), '');
  assert.equal(col(un, 'EventBaseCode'), '043');
  // A location with a country but no coordinates is geocoded to the country.
  assert.equal(col(un, 'ActionGeo_Type'), '1');
  assert.equal(col(un, 'ActionGeo_FullName'), 'Ukraine');
  assert.equal(col(un, 'ActionGeo_FeatureID'), 'UP');
});

test('TSV lines have 61 cells and no stray tabs or newlines; no tone → empty AvgTone', () => {
  const doc = sampleDoc();
  delete (doc as Doc & { tone?: Tone }).tone;
  const out = tsvLines(toGdeltRows(doc, { ingestedAt: AT }));
  const lines = out.split('\n');
  assert.equal(lines.pop(), '');
  assert.equal(lines.length, 3);
  for (const l of lines) assert.equal(l.split('\t').length, 61);
  assert.equal(lines[0]!.split('\t')[34], '');
});

test('event ids are stable, distinct and safe integers', () => {
  const a = toGdeltRows(sampleDoc()).map((r) => r[0]);
  const b = toGdeltRows(sampleDoc()).map((r) => r[0]);
  assert.deepEqual(a, b);
  assert.equal(new Set(a).size, 3);
  for (const id of a) assert.ok(Number.isSafeInteger(Number(id)) && Number(id) > 0);
  assert.notEqual(gdeltEventId('ab'.repeat(32), 0), gdeltEventId('ab'.repeat(32), 1));
});

test('FIPS country codes and CAMEO code splitting', () => {
  assert.equal(fipsOf('DEU'), 'GM');
  assert.equal(fipsOf('GBR'), 'UK');
  assert.equal(fipsOf('USA'), 'US');
  assert.equal(fipsOf('FRA'), 'FR');
  assert.equal(fipsOf('XYZ'), null);
  assert.equal(fipsOf(null), null);
  assert.deepEqual(actorParts('USAMILREB'), { countryCode: 'USA', knownGroup: '', types: ['MIL', 'REB', ''] });
  assert.deepEqual(actorParts('REB'), { countryCode: '', knownGroup: '', types: ['REB', '', ''] });
  assert.deepEqual(actorParts(null), { countryCode: '', knownGroup: '', types: ['', '', ''] });
});
