import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyArticle, type Doc } from '../model.js';
import { buildPipeline, knownStages, newDoc } from '../pipeline.js';
import { findDates, isoWeek, publishedDay, runDates, sentenceSpans } from './dates.js';

/** The value of the mention whose text is `phrase`. */
function valueOf(text: string, published: string | null, phrase: string): string | null | undefined {
  const found = findDates(text, published).dates.find((d) => d.text === phrase);
  return found ? found.value : undefined;
}

function texts(text: string, published: string | null = '2025-04-25'): string[] {
  return findDates(text, published).dates.map((d) => d.text);
}

function docOf(text: string, published: string | null): Doc {
  const doc = newDoc({ source: 'test', url: null, format: 'text', body: text });
  doc.article = { ...emptyArticle('test'), text, published, paragraphs: [{ start: 0, end: text.length, kind: 'p' }] };
  return doc;
}

// Friday 2025-04-25.
const FRI = '2025-04-25';

test('a weekday resolves to the latest such day on or before the published day', () => {
  assert.equal(valueOf('The minister resigned on Friday.', FRI, 'Friday'), '2025-04-25');
  assert.equal(valueOf('The minister resigned on Thursday.', FRI, 'Thursday'), '2025-04-24');
  assert.equal(valueOf('The minister resigned on Saturday.', FRI, 'Saturday'), '2025-04-19');
  // Published on Sunday 2025-04-27: "Friday" is the Friday before.
  assert.equal(valueOf('The minister resigned on Friday.', '2025-04-27', 'Friday'), '2025-04-25');
  // An ISO date-time published value is read by its own calendar date.
  assert.equal(valueOf('The minister resigned on Friday.', '2025-04-27T23:30:00-04:00', 'Friday'), '2025-04-25');
});

test('a weekday in a future clause looks forward', () => {
  assert.equal(valueOf('The two leaders will meet on Monday in Geneva.', FRI, 'Monday'), '2025-04-28');
  assert.equal(valueOf('On Monday, the two leaders will meet in Geneva.', FRI, 'Monday'), '2025-04-28');
  assert.equal(valueOf('The vote, due to take place on Thursday, was postponed.', FRI, 'Thursday'), '2025-05-01');
  // Past tense, or a reporting verb between the future word and the day, keeps the default.
  assert.equal(valueOf('The two leaders met on Monday in Geneva.', FRI, 'Monday'), '2025-04-21');
  assert.equal(valueOf('The envoy, who will travel to Rome, said on Monday that talks stalled.', FRI, 'Monday'), '2025-04-21');
  // Laws and ceasefires that take effect are in the future (published on Thursday 2024-03-21).
  assert.equal(valueOf('They agreed a truce, taking effect on Friday.', '2024-03-21', 'Friday'), '2024-03-22');
  const said = findDates('Officials said on Monday that the talks will resume on Thursday.', FRI).dates.map((d) => d.value);
  assert.deepEqual(said, ['2025-04-21', '2025-05-01']);
});

test('values follow the granularity written', () => {
  const cases: [string, string, string][] = [
    ['Russia invaded Ukraine in February 2022.', 'February 2022', '2022-02'],
    ['The war began on Feb. 24, 2022, before dawn.', 'Feb. 24, 2022', '2022-02-24'],
    ['Elections were held in 2022.', '2022', '2022'],
    ['The 2022 election was close.', '2022', '2022'],
    ['The talks on April 25 ended early.', 'April 25', '2025-04-25'],
    ['They spoke at 10:30 GMT on Friday.', '10:30 GMT on Friday', '2025-04-25T10:30Z'],
    ['The blast came at 0600 GMT.', '0600 GMT', '2025-04-25T06:00Z'],
    ['Markets closed at 3pm ET.', '3pm ET', '2025-04-25T15:00-04:00'],
    ['The report came out yesterday.', 'yesterday', '2025-04-24'],
    ['Prices rose this week.', 'this week', '2025-W17'],
    ['Prices rose last week.', 'last week', '2025-W16'],
    ['Prices rose last month.', 'last month', '2025-03'],
    ['Prices rose last year.', 'last year', '2024'],
    ['It happened three days ago.', 'three days ago', '2025-04-22'],
    ['Fighting resumed last weekend.', 'last weekend', '2025-04-19/2025-04-20'],
    ['Talks ran from April 21 to 23.', 'April 21 to 23', '2025-04-21/2025-04-23'],
    ['The ceasefire held between 2014-2022 in places.', '2014-2022', '2014/2022'],
    ['The plan was approved in March.', 'March', '2025-03'],
    ['Prices have risen since May.', 'May', '2024-05'],
    ['Voters will go to the polls in May.', 'May', '2025-05'],
    ['A day later, the ceasefire collapsed.', 'A day later', ''],
  ];
  for (const [text, phrase, want] of cases) assert.equal(valueOf(text, FRI, phrase), want === '' ? null : want, text);
  // The year of a year-less date is the one closest to the published day.
  assert.equal(valueOf('The vote was held on Dec. 28.', '2025-01-03', 'Dec. 28'), '2024-12-28');
});

test('with no published date, relative and year-less dates stay null but written years resolve', () => {
  const text = 'The talks ended on Friday. Russia invaded in February 2022. The vote is on April 25. It rained yesterday. Turnout fell in 2019.';
  assert.equal(valueOf(text, null, 'Friday'), null);
  assert.equal(valueOf(text, null, 'April 25'), null);
  assert.equal(valueOf(text, null, 'yesterday'), null);
  assert.equal(valueOf(text, null, 'February 2022'), '2022-02');
  assert.equal(valueOf(text, null, '2019'), '2019');
  assert.equal(findDates(text, null).unresolved, 3);

  const doc = runDates(docOf(text, null));
  const info = doc.messages.filter((m) => m.source === 'dates');
  assert.equal(info.length, 1);
  assert.equal(info[0]!.severity, 'info');
  assert.match(info[0]!.message, /3 relative or year-less date expressions left unresolved: no published date/);
  assert.equal(runDates(docOf(text, FRI)).messages.length, 0);
});

test('common false positives in news are not dates', () => {
  const none = [
    'The army may be ready, and talks may resume.',
    'May I ask a question? Theresa May said no.',
    'Protesters staged a march on the capital.',
    'The Sunday Times reported the story first.',
    'The Mail on Sunday ran the interview.',
    'Good Friday services and Black Friday sales went ahead.',
    'World War Two veterans attended, one by one, for a second time.',
    'About 2000 people marched, police said; a total of 1500 troops were deployed.',
    'He was 12 at the time and finished at 12.',
    'Prices rose 2022% and cost $2024.',
    'The 9/11 attacks changed everything.',
    'They fought for three days.',
    'April Ryan asked the question.',
    'The two ministers sat down together; the Sun printed the photo.',
    'A second march is planned, and a third march after that.',
    'The ceasefire came after three days of talks.',
    'Shots were heard that night and late in the afternoon.',
  ];
  for (const t of none) assert.deepEqual(texts(t), [], t);
});

test('offsets slice back to the text, in order, across a realistic story', () => {
  const story = [
    "KYIV, April 25 (Reuters) - Ukraine's foreign minister said on Friday that talks with Russian officials could resume next week, after a Kremlin aide told reporters on Thursday that Moscow may be ready to send a delegation.",
    'The talks collapsed in March 2022 weeks after the invasion began on Feb. 24, 2022. A senior officer said troops had pulled back overnight.',
    '"We will meet on Monday if the conditions are right," the minister told the Sunday Times. Protesters staged a march on Wednesday evening.',
    'Britain\'s prime minister spoke with the French president at 10:30 GMT on Friday. Both may travel to Brussels in May, an EU official said.',
  ].join('\n\n');
  const { dates } = findDates(story, FRI);
  assert.ok(dates.length >= 10, `${dates.length} mentions`);
  let last = -1;
  for (const d of dates) {
    assert.equal(story.slice(d.start, d.end), d.text);
    assert.ok(d.start >= last, 'sorted by start');
    last = d.start;
  }
  const byText = new Map(dates.map((d) => [d.text, d.value]));
  assert.equal(byText.get('April 25'), '2025-04-25');
  assert.equal(byText.get('next week'), '2025-W18');
  assert.equal(byText.get('Thursday'), '2025-04-24');
  assert.equal(byText.get('March 2022'), '2022-03', 'not read as "2022 weeks after"');
  assert.equal(byText.get('Monday'), '2025-04-28');
  assert.equal(byText.get('Wednesday evening'), '2025-04-23');
  assert.equal(byText.get('May'), '2025-05');
  assert.ok(!byText.has('Sunday'));
});

test('sentences are split at full stops but not after abbreviations', () => {
  const t = 'He left on Dec. 28 with U.S. officials. They met at 9 a.m. Friday. Then nothing.';
  assert.deepEqual(sentenceSpans(t).map(([s, e]) => t.slice(s, e)), ['He left on Dec. 28 with U.S. officials.', 'They met at 9 a.m. Friday.', 'Then nothing.']);
  // chrono alone would join "Friday. 10:30 GMT" across the full stop.
  assert.deepEqual(texts('They left on Friday. 10:30 GMT was the deadline.'), ['Friday', '10:30 GMT']);
});

test('ISO weeks and published dates', () => {
  assert.equal(isoWeek({ y: 2025, m: 4, d: 25 }), '2025-W17');
  assert.equal(isoWeek({ y: 2021, m: 1, d: 3 }), '2020-W53');
  assert.equal(isoWeek({ y: 2024, m: 12, d: 30 }), '2025-W01');
  assert.deepEqual(publishedDay('2025-04-25T10:00:00Z'), { y: 2025, m: 4, d: 25 });
  assert.equal(publishedDay('2025-02-30'), null);
  assert.equal(publishedDay('April 25'), null);
});

test('the stage is registered after extract and fills doc.dates', () => {
  assert.ok(knownStages().includes('dates'));
  assert.throws(() => buildPipeline(['dates']), /needs 'extract'/);
  const doc = runDates(docOf('The minister resigned on Friday.', FRI));
  assert.deepEqual(doc.dates, [{ text: 'Friday', start: 25, end: 31, value: '2025-04-25' }]);
  // The language stage's sentences, when present, are the ones searched.
  const two = docOf('He resigned on Friday. She left on Monday.', FRI);
  two.sentences = [{ start: 23, end: 42 }];
  assert.deepEqual(runDates(two).dates.map((d) => d.text), ['Monday']);
});

test('speed on a few KB of news text (logged, not asserted)', () => {
  const para =
    'Officials said on Tuesday that the talks, first held in March 2022, would resume next week in Istanbul. ' +
    'The army said 12 soldiers were killed overnight, and the ministry gave no figures for last month. ' +
    'Markets rose 2% on Wednesday; analysts expect the central bank to cut rates in June. ';
  const text = Array.from({ length: 40 }, () => para).join('\n\n');
  const words = text.split(/\s+/).length;
  const t0 = performance.now();
  const { dates } = findDates(text, FRI);
  const ms = performance.now() - t0;
  console.log(`dates: ${words} words (${text.length} chars) in ${ms.toFixed(1)} ms = ${Math.round((words / ms) * 1000)} words/s`);
  assert.equal(dates.length, 40 * 6);
});
