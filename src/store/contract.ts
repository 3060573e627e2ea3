// The store contract: node:test tests every Store implementation must pass (SQLite now, PostgreSQL later).
// Usage in a *.test.ts file:  storeContract('sqlite :memory:', async () => new SqliteStore(':memory:'));
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NewsgraphError } from '../errors.js';
import type { Doc, Paragraph } from '../model.js';
import { newDoc } from '../pipeline.js';
import type { Store } from './store.js';

export interface TestArticle {
  title?: string | null;
  paragraphs: string[];
  source?: string;
  url?: string | null;
  published?: string | null;
}

/** A Doc as the pipeline would produce it, with the article filled in by hand. */
export function testDoc(a: TestArticle): Doc {
  const text = a.paragraphs.join('\n\n');
  const source = a.source ?? `test/${(a.title ?? 'untitled').toLowerCase().replace(/\W+/g, '-')}.txt`;
  const doc = newDoc({ source, url: a.url ?? null, format: 'text', body: `${a.title ?? ''}\n\n${text}` });
  const paragraphs: Paragraph[] = [];
  let at = 0;
  for (const p of a.paragraphs) {
    paragraphs.push({ start: at, end: at + p.length, kind: 'p' });
    at += p.length + 2;
  }
  doc.article = { ...doc.article, title: a.title ?? null, published: a.published ?? null, text, paragraphs };
  return doc;
}

/** A Doc with every part of the model filled, to check that the store keeps all of it. */
export function fullDoc(): Doc {
  const doc = testDoc({
    title: 'Kremlin rejects ceasefire proposal',
    source: 'test/full.html',
    url: 'https://news.example/world/kremlin-ceasefire',
    published: '2025-04-25T09:30:00Z',
    paragraphs: [
      'MOSCOW — The Kremlin on Friday rejected a ceasefire proposal, Dmitry Peskov said.',
      '"We will not accept it," Peskov told reporters in Moscow.',
    ],
  });
  const t = doc.article.text;
  const at = (s: string) => ({ start: t.indexOf(s), end: t.indexOf(s) + s.length });
  doc.input.charset = 'utf-8';
  doc.input.published = '2025-04-25';
  Object.assign(doc.article, {
    dek: 'Moscow says the plan favours Kyiv',
    bylines: ['Anna Example', 'Ivan Sample'],
    datelines: ['MOSCOW'],
    media: [{ caption: 'Dmitry Peskov in Moscow', credit: 'Photo: Example/Agency', image: 'https://news.example/p.jpg' }],
    siteName: 'News Example',
    language: 'en',
    removed: ['Advertisement', 'Read more: related story'],
  });
  doc.entities = [
    {
      id: 'Q1', name: 'Kremlin', type: 'organization', country: 'RUS', actorCode: 'RUSGOV', roles: ['government'],
      mentions: [{ ...at('Kremlin'), text: 'Kremlin' }],
    },
    {
      id: 'Q2', name: 'Dmitry Peskov', type: 'person', country: 'RUS', actorCode: 'RUSGOV', roles: ['spokesperson'],
      mentions: [{ ...at('Dmitry Peskov'), text: 'Dmitry Peskov' }],
    },
  ];
  doc.quotes = [
    {
      ...at('"We will not accept it,"'), kind: 'direct', text: 'We will not accept it,', cue: 'told',
      speaker: { id: 'Q2', name: 'Dmitry Peskov' }, speakerMention: { ...at('Peskov told'), text: 'Peskov' },
    },
  ];
  doc.dates = [{ ...at('Friday'), text: 'Friday', value: '2025-04-25' }];
  doc.events = [
    {
      ...at('rejected a ceasefire proposal'), code: '125', rootCode: '12', quadClass: 3, goldstein: -5,
      label: 'Reject proposal to negotiate', source: { entity: 'Q1', name: 'Kremlin', code: 'RUSGOV' }, target: null,
      location: { name: 'Moscow', country: 'RUS', lat: 55.75, lon: 37.62 }, date: '2025-04-25',
      sentence: 'MOSCOW — The Kremlin on Friday rejected a ceasefire proposal, Dmitry Peskov said.',
    },
  ];
  doc.messages = [{ source: 'extract/html', severity: 'warning', message: 'two titles; kept <h1>', position: { start: 0, end: 6 } }];
  return doc;
}

/** The search corpus: two ceasefire articles (one about it, one mentioning it once) and unrelated ones. */
function corpus(): Record<string, Doc> {
  const filler = 'Analysts expect volatility to continue through the quarter as investors weigh the data.';
  return {
    talks: testDoc({
      title: 'Ceasefire talks resume in Geneva',
      paragraphs: [
        'GENEVA — Negotiators met in Geneva on Tuesday to discuss a ceasefire between the two sides.',
        'The ceasefire would begin on Monday if both delegations sign, officials said.',
      ],
    }),
    markets: testDoc({
      title: 'Markets rally on strong earnings',
      paragraphs: [filler, 'Stocks rose on hopes of a ceasefire, traders said.', filler, filler, filler, filler],
    }),
    eu: testDoc({
      title: 'Leaders meet in Brussels',
      paragraphs: ["The European Union summit opened with a statement by Mary O'Brien on energy prices."],
    }),
    union: testDoc({
      title: 'Union strike ends',
      paragraphs: ['The union representing European rail workers ended its strike after a pay deal in Zürich and 北京 talks.'],
    }),
    weather: testDoc({ title: 'Storm brings heavy rain', paragraphs: ['Heavy rain fell across the north of the country overnight.'] }),
    science: testDoc({ title: 'Telescope finds distant galaxy', paragraphs: ['Astronomers reported light from a galaxy formed early in the universe.'] }),
  };
}

/** A Doc with a hand-set id (ids are content hashes; tests need two that share a prefix). */
function withId(doc: Doc, id: string): Doc {
  return { ...doc, id };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function putAll(store: Store, docs: Iterable<Doc>): Promise<void> {
  for (const d of docs) await store.put(d);
}

/** Registers the contract tests for one Store implementation; `make` returns a new, empty store each call. */
export function storeContract(name: string, make: () => Promise<Store>): void {
  // Each test gets a fresh store and closes it, pass or fail.
  const it = (title: string, body: (store: Store) => Promise<void>) =>
    test(title, async () => {
      const store = await make();
      try {
        await body(store);
      } finally {
        await store.close();
      }
    });

  describe(`store contract: ${name}`, () => {
    it('a new store is empty', async (store) => {
      assert.equal(await store.count(), 0);
      assert.deepEqual(await store.list(), []);
      assert.deepEqual(await store.search('ceasefire'), []);
    });

    it('put then get returns the whole document, entities, quotes, events and all', async (store) => {
      const doc = fullDoc();
      assert.deepEqual(await store.put(doc), { id: doc.id, inserted: true });
      assert.equal(await store.has(doc.id), true);
      assert.deepEqual(await store.get(doc.id), doc);
      assert.equal(await store.count(), 1);
    });

    it('get and has of an unknown id: null and false', async (store) => {
      await store.put(fullDoc());
      const other = testDoc({ title: 'Not stored', paragraphs: ['Nothing.'] });
      assert.equal(await store.has(other.id), false);
      assert.equal(await store.get(other.id), null);
      assert.equal(await store.get('not-an-id'), null);
    });

    it('put is idempotent by id: inserted=false, one copy, the first copy kept', async (store) => {
      const doc = fullDoc();
      await store.put(doc);
      const again = await store.put(doc);
      assert.deepEqual(again, { id: doc.id, inserted: false });
      const changed = { ...doc, article: { ...doc.article, title: 'A different title' } };
      assert.equal((await store.put(changed)).inserted, false);
      assert.equal(await store.count(), 1);
      assert.equal((await store.list()).length, 1);
      assert.equal((await store.get(doc.id))?.article.title, 'Kremlin rejects ceasefire proposal');
      // The search index holds the article once, under its first title.
      assert.equal((await store.search('ceasefire')).length, 1);
      assert.deepEqual(await store.search('different'), []);
    });

    it('list: summaries, most recently ingested first, then by id', async (store) => {
      const docs = Object.values(corpus());
      await putAll(store, docs.slice(0, 3));
      await sleep(20);
      const last = docs[3]!;
      await store.put(last);
      const list = await store.list();
      assert.equal(list.length, 4);
      assert.equal(list[0]!.id, last.id);
      assert.deepEqual(list[0], {
        id: last.id,
        source: last.article.source,
        url: null,
        title: last.article.title,
        published: null,
        ingestedAt: list[0]!.ingestedAt,
      });
      for (const s of list) assert.ok(!Number.isNaN(Date.parse(s.ingestedAt)), `ingestedAt '${s.ingestedAt}' is a date`);
      const sorted = [...list].sort(
        (a, b) => Date.parse(b.ingestedAt) - Date.parse(a.ingestedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
      assert.deepEqual(list, sorted);
    });

    it('list pagination: limit and offset walk the same order', async (store) => {
      await putAll(store, Object.values(corpus()));
      const all = await store.list();
      assert.equal(all.length, 6);
      const pages = [
        ...(await store.list({ limit: 4, offset: 0 })),
        ...(await store.list({ limit: 4, offset: 4 })),
      ];
      assert.deepEqual(pages.map((s) => s.id), all.map((s) => s.id));
      assert.equal((await store.list({ limit: 2 })).length, 2);
      assert.deepEqual(await store.list({ offset: 6 }), []);
      assert.deepEqual(await store.list({ limit: 0 }), []);
    });

    it('count follows puts, not repeated puts', async (store) => {
      const docs = Object.values(corpus());
      assert.equal(await store.count(), 0);
      await store.put(docs[0]!);
      await store.put(docs[1]!);
      await store.put(docs[0]!);
      assert.equal(await store.count(), 2);
    });

    it('search ranks the article about the subject above one that mentions it, with text snippets', async (store) => {
      const c = corpus();
      await putAll(store, Object.values(c));
      const hits = await store.search('ceasefire');
      assert.deepEqual(hits.map((h) => h.id), [c.talks!.id, c.markets!.id]);
      assert.ok(hits[0]!.score > hits[1]!.score, `scores ${hits[0]!.score} > ${hits[1]!.score}`);
      assert.equal(hits[0]!.title, 'Ceasefire talks resume in Geneva');
      assert.equal(hits[0]!.source, c.talks!.article.source);
      assert.ok(!Number.isNaN(Date.parse(hits[0]!.ingestedAt)));
      for (const h of hits) {
        assert.match(h.snippet, /ceasefire/i);
        assert.doesNotMatch(h.snippet, /<\/?b>|\n/, 'snippets are plain one-line text');
      }
      // An excerpt around the match, not the whole body.
      assert.ok(hits[1]!.snippet.length < c.markets!.article.text.length / 2, hits[1]!.snippet);
    });

    it('search: words are ANDed, case-insensitive, and pages by limit/offset', async (store) => {
      const c = corpus();
      await putAll(store, Object.values(c));
      assert.deepEqual((await store.search('CEASEFIRE geneva')).map((h) => h.id), [c.talks!.id]);
      assert.deepEqual(await store.search('ceasefire telescope'), []);
      assert.deepEqual(await store.search('nonexistentword'), []);
      assert.deepEqual((await store.search('ceasefire', { limit: 1 })).map((h) => h.id), [c.talks!.id]);
      assert.deepEqual((await store.search('ceasefire', { limit: 1, offset: 1 })).map((h) => h.id), [c.markets!.id]);
      assert.deepEqual(await store.search('ceasefire', { offset: 2 }), []);
    });

    it('search: "quoted phrases" match words together, in order', async (store) => {
      const c = corpus();
      await putAll(store, Object.values(c));
      const loose = (await store.search('european union')).map((h) => h.id).sort();
      assert.deepEqual(loose, [c.eu!.id, c.union!.id].sort());
      assert.deepEqual((await store.search('"european union"')).map((h) => h.id), [c.eu!.id]);
      assert.deepEqual((await store.search('"union european"')).map((h) => h.id), []);
      assert.deepEqual((await store.search('"European Union" summit')).map((h) => h.id), [c.eu!.id]);
    });

    it('search: hostile or odd input never throws and never changes the store', async (store) => {
      const c = corpus();
      await putAll(store, Object.values(c));
      const hostile = [
        '"', '""', '"""', 'AND OR NOT', 'AND', 'NOT ceasefire', '*', 'cease*', ')(', '(', 'NEAR(', 'NEAR(ceasefire geneva, 2)',
        "'; DROP TABLE articles; --", "' OR '1'='1", 'title:ceasefire', '{title text}: ceasefire', '-ceasefire', '^ceasefire',
        'ceasefire + geneva', '\\', '%', '_', '\0', '🙂', 'a'.repeat(5000), 'ceasefire '.repeat(200),
      ];
      for (const q of hostile) {
        const hits = await store.search(q);
        assert.ok(Array.isArray(hits), `search(${JSON.stringify(q.slice(0, 40))}) returns an array`);
      }
      assert.equal(await store.count(), 6);
      // Operators and punctuation are plain words or dropped, never syntax:
      assert.deepEqual((await store.search('ceasefire"')).map((h) => h.id), [c.talks!.id, c.markets!.id]);
      assert.deepEqual((await store.search('(ceasefire)')).map((h) => h.id), [c.talks!.id, c.markets!.id]);
      assert.deepEqual(await store.search('ceasefire OR telescope'), [], 'OR is a word to match, not an operator');
    });

    it('search: empty and punctuation-only queries return []', async (store) => {
      await putAll(store, Object.values(corpus()));
      for (const q of ['', '   ', '""', '" "', '*', ')(', '-', '...']) {
        assert.deepEqual(await store.search(q), [], `search(${JSON.stringify(q)})`);
      }
    });

    it('search: unicode words and apostrophes', async (store) => {
      const c = corpus();
      await putAll(store, Object.values(c));
      assert.deepEqual((await store.search('Zürich')).map((h) => h.id), [c.union!.id]);
      assert.deepEqual((await store.search('北京')).map((h) => h.id), [c.union!.id]);
      assert.deepEqual((await store.search("O'Brien")).map((h) => h.id), [c.eu!.id]);
    });

    it('search matches the title too', async (store) => {
      const c = corpus();
      await putAll(store, Object.values(c));
      // "Telescope" is only in the science article's title, not its body.
      assert.deepEqual((await store.search('telescope')).map((h) => h.id), [c.science!.id]);
    });

    it('get by a unique id prefix of at least 6 hex characters, any case', async (store) => {
      const docs = Object.values(corpus());
      await putAll(store, docs);
      const d = docs[2]!;
      assert.equal((await store.get(d.id.slice(0, 6)))?.id, d.id);
      assert.equal((await store.get(d.id.slice(0, 12)))?.id, d.id);
      assert.equal((await store.get(d.id.slice(0, 12).toUpperCase()))?.id, d.id);
      assert.equal((await store.get(` ${d.id} `))?.id, d.id);
      const unknown = d.id.startsWith('000000') ? 'ffffff' : '000000';
      if (!docs.some((x) => x.id.startsWith(unknown))) assert.equal(await store.get(unknown), null);
      await assert.rejects(store.get(d.id.slice(0, 5)), (e: Error) => e instanceof NewsgraphError && /at least 6/.test(e.message));
    });

    it('get with an ambiguous prefix rejects with a NewsgraphError saying so', async (store) => {
      const base = corpus();
      const a = withId(base.talks!, 'abcdef01' + '0'.repeat(56));
      const b = withId(base.markets!, 'abcdef02' + '0'.repeat(56));
      await putAll(store, [a, b]);
      await assert.rejects(store.get('abcdef'), (e: Error) => e instanceof NewsgraphError && /ambiguous/.test(e.message) && e.message.includes('abcdef'));
      await assert.rejects(store.get('abcdef0'), (e: Error) => e instanceof NewsgraphError && /ambiguous/.test(e.message));
      assert.equal((await store.get('abcdef01'))?.id, a.id);
      assert.equal((await store.get('abcdef02'))?.article.title, 'Markets rally on strong earnings');
    });

    it('markSeen and seen: remember, update and look up input keys', async (store) => {
      const [a, b] = Object.values(corpus());
      const key = '/data/news/a.html|5123|1714000000000.5';
      assert.equal(await store.seen(key), null);
      await store.markSeen(key, a!.id);
      assert.equal(await store.seen(key), a!.id);
      await store.markSeen(key, b!.id);
      assert.equal(await store.seen(key), b!.id);
      await store.markSeen('https://news.example/ü?x=1|0|0', a!.id);
      assert.equal(await store.seen('https://news.example/ü?x=1|0|0'), a!.id);
      assert.equal(await store.seen('/data/news/a.html|5123|1714000000001'), null);
      assert.equal(await store.count(), 0, 'seen keys are not articles');
    });

    it('close: resolves, is idempotent, and later calls reject', async (store) => {
      await store.put(fullDoc());
      await store.close();
      await store.close();
      await assert.rejects(store.count());
      await assert.rejects(store.put(fullDoc()));
    });
  });
}
