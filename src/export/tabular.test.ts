import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyArticle, type Doc, type NewsEvent } from '../model.js';
import { newDoc } from '../pipeline.js';
import { EVENT_COLUMNS, csvField, csvHeader, csvLine, csvRow, flattenEvent, jsonlLine } from './tabular.js';

const SENTENCE = 'He said "no deal", then left,\nangrily.';

function sample(): { doc: Doc; event: NewsEvent } {
  const doc = newDoc({ source: 'a.txt', url: null, format: 'text', body: SENTENCE });
  doc.article = { ...emptyArticle('a.txt'), text: SENTENCE, published: '2025-04-25', title: 'Deal, or no deal' };
  const event: NewsEvent = {
    code: '125', rootCode: '12', quadClass: 3, goldstein: -5, label: 'reject proposal', start: 0, end: SENTENCE.length,
    sentence: SENTENCE, date: null,
    source: { entity: 'e1', name: 'Smith, John', code: 'USAGOV' },
    target: null,
    location: { name: 'Kyiv', country: 'UKR', lat: 50.45, lon: 30.52 },
  };
  doc.events = [event];
  return { doc, event };
}

/** A small RFC 4180 parser, to check that what we write reads back. */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else cell += c;
  }
  return rows;
}

test('CSV fields are quoted for commas, quotes, newlines and edge spaces, and only then', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField('cr\r'), '"cr\r"');
  assert.equal(csvField(' padded'), '" padded"');
  assert.equal(csvField(null), '');
  assert.equal(csvField(-5.5), '-5.5');
  assert.equal(csvLine(['a', null, 'b,c']), 'a,,"b,c"\n');
});

test('a CSV export reads back to the same values, header first', () => {
  const { doc, event } = sample();
  const rec = flattenEvent(doc, event, 0);
  const text = csvHeader() + csvRow(rec);
  const rows = parseCsv(text);
  assert.equal(rows.length, 2);
  assert.deepEqual(rows[0], [...EVENT_COLUMNS]);
  assert.equal(rows[1]!.length, EVENT_COLUMNS.length);
  const get = (c: (typeof EVENT_COLUMNS)[number]) => rows[1]![EVENT_COLUMNS.indexOf(c)];
  assert.equal(get('sentence'), SENTENCE);
  assert.equal(get('sourceName'), 'Smith, John');
  assert.equal(get('title'), 'Deal, or no deal');
  assert.equal(get('day'), '2025-04-25');
  assert.equal(get('date'), '');
  assert.equal(get('targetCode'), '');
  assert.equal(get('locationLat'), '50.45');
  assert.equal(get('goldstein'), '-5');
});

test('JSON lines: one flat object per event on one line', () => {
  const { doc, event } = sample();
  const line = jsonlLine(flattenEvent(doc, event, 0));
  assert.equal(line.indexOf('\n'), line.length - 1);
  const o = JSON.parse(line);
  assert.deepEqual(Object.keys(o), [...EVENT_COLUMNS]);
  assert.equal(o.code, '125');
  assert.equal(o.quadClass, 3);
  assert.equal(o.sourceCode, 'USAGOV');
  assert.equal(o.targetCode, null);
  assert.equal(o.sentence, SENTENCE);
  assert.equal(o.docId, doc.id);
  assert.match(o.eventId, /^\d+$/);
});
