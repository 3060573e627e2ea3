import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NewsEvent } from '../model.js';
import { testDoc } from '../store/contract.js';
import { SqliteStore } from '../store/sqlite.js';
import { dyadFromStore } from './export-commands.js';

function event(code: string, source: string, target: string, date: string, quadClass: number, goldstein: number): NewsEvent {
  return {
    start: 0, end: 10, code, rootCode: code.slice(0, 2), quadClass, goldstein, label: 'test event',
    source: { entity: null, name: source, code: source }, target: { entity: null, name: target, code: target },
    location: null, date, sentence: 'A sentence.',
  } as NewsEvent;
}

test('dyadFromStore: both directions from the event index; an event is counted once when one code is a prefix of the other', async () => {
  const store = new SqliteStore(':memory:');
  try {
    const d1 = testDoc({ title: 'One', published: '2024-03-02', paragraphs: ['First.'] });
    d1.events = [event('190', 'USAGOV', 'RUSMIL', '2024-03-01', 4, -10), event('036', 'RUSGOV', 'USA', '2024-03-03', 1, 4)];
    const d2 = testDoc({ title: 'Two', published: '2024-04-10', paragraphs: ['Second.'] });
    d2.events = [event('042', 'CHNGOV', 'USAGOV', '2024-04-09', 1, 1.9), event('010', 'USAGOV', 'USA', '2024-04-10', 1, 0)];
    await store.putMany([d1, d2]);

    const usaRus = await dyadFromStore(store, 'usa', 'rus', 'month');
    assert.deepEqual(usaRus.map((p) => [p.period, p.total, p.aToB, p.bToA]), [['2024-03', 2, 1, 1]]);
    assert.equal(usaRus[0]!.meanGoldstein, -3);

    // USAGOV is within USA: an event counts when one side is A and the other B; USAGOV→USA is (B to A), once;
    // USAGOV→RUSMIL and CHNGOV→USAGOV are not.
    const overlap = await dyadFromStore(store, 'USA', 'USAGOV', 'month');
    assert.deepEqual(overlap.map((p) => [p.period, p.total, p.bToA]), [['2024-04', 1, 1]]);
    assert.deepEqual(await dyadFromStore(store, 'USA', 'IRN', 'month'), []);
  } finally {
    await store.close();
  }
});
