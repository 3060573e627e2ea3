import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBylineLine, parseCaption, parseDateLine, parseDatelineLine, parseInlineDateline, isPunctuationOnly } from './header-lines.js';

test('captions with credits in several styles', () => {
  assert.deepEqual(parseCaption('A man waves. Photo: REUTERS'), { caption: 'A man waves.', credit: 'REUTERS' });
  assert.deepEqual(parseCaption('Crowds gather (Photo: AP/Jan Roe)'), { caption: 'Crowds gather', credit: 'AP/Jan Roe' });
  assert.deepEqual(parseCaption('The minister speaks. REUTERS/Evgenia Novak'), { caption: 'The minister speaks.', credit: 'REUTERS/Evgenia Novak' });
  assert.deepEqual(parseCaption('Smoke rises. Photograph: Ada Lind/Nordpress'), { caption: 'Smoke rises.', credit: 'Ada Lind/Nordpress' });
  assert.equal(parseCaption('He said the photo was taken in May.'), null);
  assert.equal(parseCaption('Photo: REUTERS'), null, 'a credit alone is not a caption');
});

test('dateline lines', () => {
  assert.deepEqual(parseDatelineLine('MOSCOW/LONDON/ABOARD AIR FORCE ONE:'), ['MOSCOW', 'LONDON', 'ABOARD AIR FORCE ONE']);
  assert.deepEqual(parseDatelineLine('WASHINGTON -'), ['WASHINGTON']);
  assert.equal(parseDatelineLine('Moscow:'), null);
  assert.equal(parseDatelineLine('The meeting ended:'), null);
});

test('inline wire datelines', () => {
  const d = parseInlineDateline('KYIV, April 25 (Reuters) - Russia said');
  assert.deepEqual(d && { places: d.places, date: d.date, agency: d.agency }, { places: ['KYIV'], date: 'April 25', agency: 'Reuters' });
  assert.deepEqual(parseInlineDateline('BEIRUT/JERUSALEM, Jan 5 (Reuters) — Talks')?.places, ['BEIRUT', 'JERUSALEM']);
  assert.deepEqual(parseInlineDateline('WASHINGTON (AP) — The Senate')?.places, ['WASHINGTON']);
  const r = parseInlineDateline('LENHOLT, Kestria, March 3 (TPA) - The council');
  assert.deepEqual(r && [r.places, r.region, r.date, r.agency], [['LENHOLT'], 'Kestria', 'March 3', 'TPA']);
  assert.equal(parseInlineDateline('The President said - nothing'), null);
  assert.equal(parseInlineDateline('US - talks'), null);
});

test('bylines', () => {
  assert.deepEqual(parseBylineLine('By Jane Roe'), ['Jane Roe']);
  assert.deepEqual(parseBylineLine('By Jane Roe and John Doe, Reuters'), ['Jane Roe', 'John Doe']);
  assert.equal(parseBylineLine('by the way, this is a sentence.'), null);
});

test('date lines need a full absolute date that fills the line', () => {
  assert.equal(parseDateLine('April 25, 2025'), '2025-04-25');
  assert.equal(parseDateLine('Updated: 2025-04-25 10:00 GMT'), '2025-04-25');
  assert.equal(parseDateLine('Friday'), null);
  assert.equal(parseDateLine('The war started in February 2022 and has not ended since then.'), null);
});

test('punctuation-only lines', () => {
  assert.equal(isPunctuationOnly('.'), true);
  assert.equal(isPunctuationOnly('* * *'), true);
  assert.equal(isPunctuationOnly('A.'), false);
  assert.equal(isPunctuationOnly(''), false);
});
