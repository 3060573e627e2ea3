import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dyadSeries, periodOf, type DyadEvent } from './dyad.js';

function e(date: string | null, src: string, tgt: string, quadClass: number, goldstein: number): DyadEvent {
  return { date, quadClass, goldstein, source: { entity: null, name: null, code: src }, target: { entity: null, name: null, code: tgt } };
}

// 2025-04-21 is a Monday (ISO week 17); 2025-04-27 a Sunday (still W17); 2025-04-28 starts W18.
const EVENTS: DyadEvent[] = [
  e('2025-04-21', 'USAGOV', 'RUSGOV', 1, 3.0),
  e('2025-04-23', 'RUS', 'USAMIL', 4, -10.0),
  e('2025-04-27', 'USA', 'RUS', 3, -4.0),
  e('2025-04-28', 'USAGOV', 'RUSMIL', 2, 7.0),
  e('2025-04-29', 'RUSGOV', 'USA', 1, 1.0),
  e('2025-04-29', 'USA', 'CHN', 4, -9.0), // another dyad
  e('2025-04-30', 'UKR', 'RUS', 4, -10.0), // another dyad
  e(null, 'USA', 'RUS', 1, 1.0), // undated: skipped
  e('2025-04', 'USA', 'RUS', 1, 5.0), // month only: counts for months, not weeks
];

test('weekly aggregation, symmetric by default, with direction counts', () => {
  const s = dyadSeries(EVENTS, 'USA', 'RUS', 'week');
  assert.equal(s.length, 2);
  assert.deepEqual(s[0], {
    period: '2025-W17', verbalCoop: 1, materialCoop: 0, verbalConflict: 1, materialConflict: 1,
    total: 3, meanGoldstein: (3 - 10 - 4) / 3, aToB: 2, bToA: 1,
  });
  assert.deepEqual(s[1], {
    period: '2025-W18', verbalCoop: 1, materialCoop: 1, verbalConflict: 0, materialConflict: 0,
    total: 2, meanGoldstein: 4, aToB: 1, bToA: 1,
  });
});

test('one-way series counts only a → b', () => {
  const s = dyadSeries(EVENTS, 'usa', 'rus', 'week', { symmetric: false });
  assert.deepEqual(s.map((p) => [p.period, p.total, p.aToB, p.bToA]), [['2025-W17', 2, 2, 0], ['2025-W18', 1, 1, 0]]);
  const rev = dyadSeries(EVENTS, 'RUS', 'USA', 'week', { symmetric: false });
  assert.deepEqual(rev.map((p) => [p.period, p.total]), [['2025-W17', 1], ['2025-W18', 1]]);
});

test('by day and by month; prefixes match longer codes only at the start', () => {
  const days = dyadSeries(EVENTS, 'USA', 'RUS', 'day');
  assert.deepEqual(days.map((p) => p.period), ['2025-04-21', '2025-04-23', '2025-04-27', '2025-04-28', '2025-04-29']);
  const months = dyadSeries(EVENTS, 'USA', 'RUS', 'month');
  assert.equal(months.length, 1);
  assert.equal(months[0]!.total, 6);
  assert.equal(months[0]!.meanGoldstein, (3 - 10 - 4 + 7 + 1 + 5) / 6);
  assert.deepEqual(dyadSeries(EVENTS, 'USAGOV', 'RUS', 'week', { symmetric: false }).map((p) => p.total), [1, 1]);
  assert.deepEqual(dyadSeries(EVENTS, 'SA', 'RUS', 'week'), []);
});

test('ISO week periods across a year boundary', () => {
  assert.equal(periodOf('2024-12-30', 'week'), '2025-W01');
  assert.equal(periodOf('2021-01-03', 'week'), '2020-W53');
  assert.equal(periodOf('2025-04-25T10:30Z', 'week'), '2025-W17');
  assert.equal(periodOf('2025-04', 'week'), null);
  assert.equal(periodOf('2025-04', 'month'), '2025-04');
  assert.equal(periodOf(null, 'day'), null);
});
