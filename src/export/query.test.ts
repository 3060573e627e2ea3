import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyArticle, type Doc, type NewsEvent } from '../model.js';
import { NewsgraphError } from '../errors.js';
import { newDoc } from '../pipeline.js';
import { SqliteStore } from '../store/sqlite.js';
import { checkBy, checkFormat, cmdDyad, cmdExport, dyadFromStore, dyadTable, exportLines } from '../cli/export-commands.js';
import { GDELT_EVENT_COLUMNS } from './gdelt.js';
import { candidateIds, eventDay, matchDoc, matchEvent, parseFilter, queryEvents, storedDocs } from './query.js';

function ev(code: string, src: string | null, tgt: string | null, date: string | null, quadClass = 1, goldstein = 1): NewsEvent {
  return {
    code, rootCode: code.slice(0, 2), quadClass, goldstein, label: code, start: 0, end: 5, sentence: 'x',
    source: src ? { entity: null, name: src, code: src } : null,
    target: tgt ? { entity: null, name: tgt, code: tgt } : null,
    location: null, date,
  };
}

function doc(body: string, published: string | null, events: NewsEvent[]): Doc {
  const d = newDoc({ source: `${body}.txt`, url: null, format: 'text', body });
  d.article = { ...emptyArticle(`${body}.txt`), title: body, text: body, published, paragraphs: [{ start: 0, end: body.length, kind: 'p' }] };
  d.events = events;
  return d;
}

const DOCS = [
  doc('alpha', '2025-04-25', [ev('190', 'USAMIL', 'RUSMIL', '2025-04-20', 4, -10), ev('036', 'RUSGOV', 'USAGOV', null, 1, 4)]),
  doc('beta', '2025-05-02T08:00:00Z', [ev('042', 'CHNGOV', 'USAGOV', null, 1, 1.9), ev('193', 'UKR', 'RUS', '2025-03-01', 4, -10)]),
  doc('gamma', null, [ev('111', 'RUS', 'USA', null, 3, -2)]), // no date anywhere
  doc('delta', '2025-04-01', []),
];

async function store(): Promise<SqliteStore> {
  const s = new SqliteStore(':memory:');
  for (const d of DOCS) await s.put(d);
  return s;
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

test('bad filter values are NewsgraphErrors with one-line messages', () => {
  const bad: [Record<string, string>, RegExp][] = [
    [{ from: 'x' }, /^newsgraph: --from must be YYYY-MM-DD, found 'x'$/],
    [{ to: '2025-02-30' }, /^newsgraph: --to must be YYYY-MM-DD, found '2025-02-30'$/],
    [{ from: '2025/04/01' }, /--from must be YYYY-MM-DD/],
    [{ from: '2025-05-01', to: '2025-04-01' }, /^newsgraph: --from 2025-05-01 is after --to 2025-04-01$/],
    [{ actor: 'US1' }, /^newsgraph: --actor must be a CAMEO actor code or prefix .*found 'US1'$/],
    [{ actor: '' }, /--actor must be/],
    [{ code: '19x' }, /^newsgraph: --code must be a CAMEO event code or prefix .*found '19x'$/],
    [{ code: '12345' }, /--code must be/],
  ];
  for (const [raw, re] of bad) {
    assert.throws(() => parseFilter(raw), (e: unknown) => e instanceof NewsgraphError && re.test(e.message) && !e.message.includes('\n'), JSON.stringify(raw));
  }
  assert.deepEqual(parseFilter({ actor: ' usa ', code: '19', from: '2025-04-01', to: '2025-04-30' }), { actor: 'USA', code: '19', from: '2025-04-01', to: '2025-04-30' });
  assert.throws(() => checkFormat('xml'), /newsgraph: --format must be gdelt, gkg, jsonl or csv, found 'xml'$/);
  assert.throws(() => checkBy('year'), /newsgraph: --by must be day, week or month, found 'year'$/);
  assert.equal(checkBy(undefined), 'week');
});

test('actor, code and date filters on events', () => {
  const [alpha, beta, gamma] = DOCS as [Doc, Doc, Doc];
  const m = (d: Doc, i: number, raw: Record<string, string>) => matchEvent(d.events[i]!, d, parseFilter(raw));
  // Actor prefix on source or target.
  assert.equal(m(alpha, 0, { actor: 'USA' }), true);
  assert.equal(m(alpha, 0, { actor: 'RUSMIL' }), true);
  assert.equal(m(alpha, 0, { actor: 'RUSGOV' }), false);
  assert.equal(m(beta, 0, { actor: 'SA' }), false); // prefix, not substring
  // CAMEO code prefix.
  assert.equal(m(alpha, 0, { code: '19' }), true);
  assert.equal(m(alpha, 1, { code: '19' }), false);
  assert.equal(m(beta, 1, { code: '193' }), true);
  // Dates: the event's own date, else the published day; inclusive bounds.
  assert.equal(eventDay(alpha.events[0]!, alpha), '2025-04-20');
  assert.equal(eventDay(alpha.events[1]!, alpha), '2025-04-25');
  assert.equal(eventDay(beta.events[0]!, beta), '2025-05-02');
  assert.equal(m(alpha, 0, { from: '2025-04-20', to: '2025-04-20' }), true);
  assert.equal(m(alpha, 0, { from: '2025-04-21' }), false);
  assert.equal(m(alpha, 1, { from: '2025-04-21', to: '2025-04-30' }), true);
  assert.equal(m(beta, 1, { to: '2025-03-31' }), true);
  // No date at all: excluded by a date filter, kept otherwise.
  assert.equal(m(gamma, 0, { from: '2000-01-01' }), false);
  assert.equal(m(gamma, 0, {}), true);
  // Whole articles: a matching event, or the published day when only dates are given.
  assert.equal(matchDoc(DOCS[3]!, parseFilter({ from: '2025-04-01', to: '2025-04-01' })), true);
  assert.equal(matchDoc(DOCS[3]!, parseFilter({ actor: 'USA' })), false);
});

test('paging through the store visits every document once', async () => {
  const s = await store();
  const seen = (await collect(storedDocs(s, 1))).map((x) => x.doc.article.title).sort();
  assert.deepEqual(seen, ['alpha', 'beta', 'delta', 'gamma']);
  const usa = await collect(queryEvents(s, parseFilter({ actor: 'USA' }), 3));
  assert.deepEqual(usa.map((x) => x.event.code).sort(), ['036', '042', '111', '190']);
  const conflict = await collect(queryEvents(s, parseFilter({ code: '19', from: '2025-04-01' })));
  assert.deepEqual(conflict.map((x) => [x.event.code, x.index]), [['190', 0]]);
  await s.close();
});

test('exportLines in each format', async () => {
  const s = await store();
  const text = async (format: 'gdelt' | 'gkg' | 'jsonl' | 'csv', raw = {}, o = {}) => (await collect(exportLines(s, format, raw, o))).join('');
  const gdelt = (await text('gdelt', { actor: 'USA', from: '2025-04-01', to: '2025-04-30' })).trimEnd().split('\n');
  assert.equal(gdelt.length, 2);
  for (const l of gdelt) assert.equal(l.split('\t').length, 61);
  assert.deepEqual(gdelt.map((l) => l.split('\t')[GDELT_EVENT_COLUMNS.indexOf('EventCode')]).sort(), ['036', '190']);
  const withHeader = (await text('gdelt', { code: '042' }, { header: true })).trimEnd().split('\n');
  assert.equal(withHeader.length, 2);
  assert.ok(withHeader[0]!.startsWith('GlobalEventID\tDay\t'));
  const csv = (await text('csv', { code: '1' })).trimEnd().split('\n');
  assert.ok(csv[0]!.startsWith('eventId,docId,'));
  assert.equal(csv.length, 4); // header + 190, 193, 111
  const jsonl = (await text('jsonl', { actor: 'CHN' })).trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(jsonl.map((o) => o.code), ['042']);
  const gkg = (await text('gkg', { from: '2025-04-01', to: '2025-04-30' })).trimEnd().split('\n');
  // alpha (events in April), delta (published in April, no events); beta's events are in March and May.
  assert.equal(gkg.length, 2);
  for (const l of gkg) assert.equal(l.split('\t').length, 27);
  await assert.rejects(collect(exportLines(s, 'csv', { from: 'nope' })), /--from must be YYYY-MM-DD, found 'nope'/);
  await s.close();
});

test('dyad over the store and its table', async () => {
  const s = await store();
  const rows = await dyadFromStore(s, 'usa', 'RUS', 'week');
  // alpha 190 on 2025-04-20 (W16), alpha 036 on the published 2025-04-25 (W17); gamma has no date.
  assert.deepEqual(rows.map((r) => [r.period, r.total, r.aToB, r.bToA, r.materialConflict, r.verbalCoop]), [
    ['2025-W16', 1, 1, 0, 1, 0],
    ['2025-W17', 1, 0, 1, 0, 1],
  ]);
  const table = dyadTable(rows, 'USA', 'RUS').split('\n');
  assert.match(table[0]!, /^period\s+verbal coop\s+material coop\s+verbal conflict\s+material conflict\s+total\s+mean Goldstein\s+USA→RUS\s+RUS→USA$/);
  assert.match(table[1]!, /^2025-W16\s+0\s+0\s+0\s+1\s+1\s+-10\.00\s+1\s+0$/);
  await assert.rejects(dyadFromStore(s, 'U5A', 'RUS', 'week'), /actor A must be a CAMEO actor code/);
  await s.close();
});

test('commands reject bad input before touching the store', async () => {
  await assert.rejects(cmdExport({ db: '/nonexistent/x.db', format: 'gdelt', from: '2025-13-01' }), /--from must be YYYY-MM-DD, found '2025-13-01'/);
  await assert.rejects(cmdExport({ db: '/nonexistent/x.db', format: 'tsv' }), /--format must be/);
  await assert.rejects(cmdExport({ db: '/nonexistent/x.db', format: 'csv' }), /\/nonexistent\/x\.db: no such store/);
  await assert.rejects(cmdDyad('USA', 'RUS', { db: '/nonexistent/x.db', by: 'fortnight' }), /--by must be day, week or month/);
});

test('an actor or code filter reads only the articles the event index names', async () => {
  const s = await store();
  assert.equal(await candidateIds(s, parseFilter({ from: '2025-01-01' })), null, 'dates alone: every article is read');
  const ids = await candidateIds(s, parseFilter({ actor: 'chn' }));
  assert.deepEqual([...ids!], [DOCS[1]!.id]);
  let reads = 0;
  const counting = new Proxy(s, {
    get(target, prop, receiver) {
      if (prop === 'get') return async (id: string) => (reads++, target.get(id));
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  const usa = await collect(queryEvents(counting, parseFilter({ actor: 'CHN' })));
  assert.deepEqual(usa.map((x) => x.event.code), ['042']);
  assert.equal(reads, 1, 'one document read, not four');
  await s.close();
});
