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

    it('concurrent puts: near-duplicates stored at once share a story; the same article at once is stored once', async (store) => {
      const pairs = nearDuplicatePairs(6);
      const results = await Promise.all(pairs.flatMap(({ a, b }) => [store.put(a), store.put(b), store.put(a)]));
      assert.equal(results.filter((r) => r.inserted).length, 12);
      assert.equal(await store.count(), 12);
      const stories = new Set<string>();
      for (const { a, b } of pairs) {
        const sa = await store.storyOf(a.id);
        assert.ok(sa);
        assert.equal((await store.storyOf(b.id))?.id, sa.id, `pair ${a.article.title}`);
        assert.equal(sa.size, 2);
        stories.add(sa.id);
      }
      assert.equal(stories.size, 6, 'unrelated reports, stories of their own');
    });

    it('stories merge when an article bridges them: the larger survives, the merged id resolves to it', async (store) => {
      const { dam, flood, shelters, bridge } = bridgeCorpus();
      for (const d of [dam, flood, shelters]) await store.put(d);
      const damStory = (await store.storyOf(dam.id))!.id;
      const floodStory = (await store.storyOf(flood.id))!.id;
      assert.notEqual(damStory, floodStory, 'two first reports, nothing connects them yet');
      assert.equal((await store.storyOf(shelters.id))?.id, floodStory);
      assert.equal((await store.stories()).total, 2);
      await store.put(bridge);
      // The flood story (2 articles) survives; the dam story (1, though older) is merged into it.
      for (const d of [dam, flood, shelters, bridge]) assert.deepEqual(await store.storyOf(d.id), { id: floodStory, size: 4 }, d.article.title!);
      const list = await store.stories();
      assert.equal(list.total, 1);
      assert.deepEqual(list.items.map((s) => s.id), [floodStory]);
      const merged = await store.story(damStory);
      assert.ok(merged, 'the merged id still resolves');
      assert.equal(merged.id, floodStory);
      assert.deepEqual(merged.articles.map((a) => a.id).sort(), [dam.id, flood.id, shelters.id, bridge.id].sort());
      assert.deepEqual([merged.size, merged.first, merged.last], [4, '2024-06-11', '2024-06-12']);
      assert.equal(merged.title, dam.article.title, "the oldest story's title");
      assert.deepEqual(await store.story(floodStory.toUpperCase()), merged);
      assert.equal((await store.nextStory(dam.id)).reason, 'same-story');
      assert.ok([flood.id, shelters.id, bridge.id].includes((await store.nextStory(dam.id)).article!.id));
    });

    it('stories merge: of two stories of the same size the older survives', async (store) => {
      const { dam, flood, bridge } = bridgeCorpus();
      for (const d of [dam, flood, bridge]) await store.put(d);
      const damStory = (await store.storyOf(dam.id))!.id;
      assert.equal(damStory, dam.id, 'the older story keeps its id');
      for (const d of [flood, bridge]) assert.equal((await store.storyOf(d.id))?.id, damStory);
      assert.equal((await store.story(flood.id))?.id, damStory);
      assert.equal((await store.story(flood.id))?.size, 3);
      assert.equal((await store.stories()).total, 1);
    });

    it('stories merge under concurrent puts: one story whatever the order, sizes and resolution consistent', async (store) => {
      const { dam, flood, shelters, bridge, bridgeCopy } = bridgeCorpus();
      for (const d of [dam, flood]) await store.put(d);
      await Promise.all([shelters, bridge, bridgeCopy, shelters].map((d) => store.put(d)));
      const all = [dam, flood, shelters, bridge, bridgeCopy];
      const s = await store.storyOf(dam.id);
      for (const d of all) assert.deepEqual(await store.storyOf(d.id), s, d.article.title!);
      assert.equal(s?.size, 5);
      const list = await store.stories();
      assert.deepEqual([list.total, list.items[0]?.articles.length], [1, 5], 'one story, all in the list');
      for (const id of [dam.id, flood.id]) assert.equal((await store.story(id))?.id, s!.id);
      assert.deepEqual((await store.story(s!.id))?.articles.map((a) => a.id).sort(), all.map((d) => d.id).sort());
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

// --- the analyst's queries: annotations, stories, what to read next ----------------------------------------------

/** An article with entities, a quote and an event, built by hand (ids are content hashes of the text). */
export function annotatedDoc(o: {
  title: string;
  text: string;
  published?: string | null;
  url?: string | null;
  siteName?: string | null;
  entities?: { name: string; type: Doc['entities'][number]['type']; actorCode?: string | null; country?: string | null; roles?: string[] }[];
  quote?: { text: string; speaker: string };
  event?: { code: string; source: string; target: string; date?: string | null };
}): Doc {
  const doc = testDoc({ title: o.title, paragraphs: o.text.split('\n\n'), published: o.published ?? null, url: o.url ?? null });
  doc.article.siteName = o.siteName ?? null;
  const t = doc.article.text;
  doc.entities = (o.entities ?? []).map((e, i) => {
    const mentions: { start: number; end: number; text: string }[] = [];
    for (let at = t.indexOf(e.name); at >= 0; at = t.indexOf(e.name, at + 1)) mentions.push({ start: at, end: at + e.name.length, text: e.name });
    return { id: `E${i}`, name: e.name, type: e.type, country: e.country ?? null, actorCode: e.actorCode ?? null, roles: e.roles ?? [], mentions };
  });
  const idOf = (name: string) => doc.entities.find((e) => e.name === name)?.id ?? null;
  const codeOf = (name: string) => doc.entities.find((e) => e.name === name)?.actorCode ?? null;
  if (o.quote) {
    const at = Math.max(0, t.indexOf(o.quote.text));
    doc.quotes = [{
      start: at, end: at + o.quote.text.length, kind: 'direct', text: o.quote.text, cue: 'said',
      speaker: { id: idOf(o.quote.speaker) ?? 'X', name: o.quote.speaker }, speakerMention: null,
    }];
  }
  if (o.event) {
    const ev = o.event;
    doc.events = [{
      start: 0, end: 10, code: ev.code, rootCode: ev.code.slice(0, 2), quadClass: 4, goldstein: -9, label: `label ${ev.code}`,
      source: { entity: idOf(ev.source), name: ev.source, code: codeOf(ev.source) },
      target: { entity: idOf(ev.target), name: ev.target, code: codeOf(ev.target) },
      location: null, date: ev.date ?? null, sentence: t.split('\n\n')[0]!,
    }];
  }
  return doc;
}

const WIRE = [
  'HARBOURTON — A drone struck the Lenholt fuel depot before dawn on Saturday, killing two workers and setting storage tanks ablaze, officials in Kestria said.',
  'President Katya Orlen accused Veloria of launching the drone and summoned the Velorian ambassador, calling the strike on the depot an act of aggression that would not go unanswered.',
  'Firefighters needed eleven hours to put out the blaze at the depot, which supplies fuel to the border towns, and engineers said repairs would take weeks.',
  '"This was an attack on our people," Katya Orlen told reporters at the depot gate, where she laid flowers for the dead workers.',
].join('\n\n');

/** A small annotated corpus: a wire story, its republished copy, a follow-up, and two unrelated articles. */
export function storyCorpus() {
  const orlen = { name: 'Katya Orlen', type: 'person' as const, actorCode: 'KESGOV', country: 'KES', roles: ['president'] };
  const veloria = { name: 'Veloria', type: 'location' as const, actorCode: 'VEL', country: 'VEL' };
  const lenholt = { name: 'Lenholt', type: 'location' as const, country: 'KES' };
  const wire = annotatedDoc({
    title: 'Kestria accuses Veloria over deadly drone attack on Lenholt depot', text: WIRE, published: '2024-03-03',
    entities: [orlen, veloria, lenholt], quote: { text: 'This was an attack on our people,', speaker: 'Katya Orlen' },
    event: { code: '190', source: 'Veloria', target: 'Lenholt', date: '2024-03-02' },
  });
  const copy = annotatedDoc({
    title: 'Kestria blames Veloria for drone strike on Lenholt fuel depot', text: WIRE + '\n\nRead more on our site.',
    published: '2024-03-03T18:40:00Z', url: 'https://harbourline.example/world/lenholt', siteName: 'Harbourline',
    entities: [orlen, veloria, lenholt], quote: { text: 'This was an attack on our people,', speaker: 'Katya Orlen' },
  });
  const followUp = annotatedDoc({
    title: 'Veloria denies Lenholt depot drone strike as Orlen demands inquiry',
    text: [
      'CASTELMAR — Veloria denied on Monday that it launched the drone that struck the Lenholt fuel depot, and blamed rebels.',
      'Katya Orlen demanded an independent inquiry into the depot strike and said the drone came from Velorian soil.',
      'The Lenholt depot fire killed two workers; Kestria has closed the border crossing near the depot to freight.',
    ].join('\n\n'),
    published: '2024-03-05', url: 'https://ledger.example/lenholt-denial', siteName: 'The Castelmar Ledger',
    entities: [orlen, veloria, lenholt], quote: { text: 'an independent inquiry', speaker: 'Katya Orlen' },
    event: { code: '112', source: 'Katya Orlen', target: 'Veloria' },
  });
  const markets = annotatedDoc({
    title: 'Harbourton stock exchange closes higher on bank earnings',
    text: 'Shares in Harbourton rose for a third session as banks reported strong quarterly earnings and bond yields eased.\n\nTraders said the rally could continue into next month.',
    published: '2024-03-04', siteName: 'Markets Daily',
    entities: [{ name: 'Harbourton Exchange', type: 'organization' }],
  });
  const old = annotatedDoc({
    title: 'Drone attack on Lenholt depot remembered a year on',
    text: 'Families of the two workers killed when a drone struck the Lenholt fuel depot gathered at the gate a year later.\n\nKatya Orlen laid flowers at the depot.',
    published: '2025-03-03', entities: [orlen, lenholt],
  });
  const protest = annotatedDoc({
    title: 'Thousands protest in Castelmar as fuel prices soar',
    text: [
      'CASTELMAR — Thousands marched through central Castelmar on Saturday against soaring fuel prices.',
      'Petrol prices in Veloria have risen by almost a third since Kestria closed the border crossing to freight after the Lenholt depot attack.',
      'Organisers of the Civic Alliance said the march was the largest in a decade.',
    ].join('\n\n'),
    published: '2024-03-09', siteName: 'The Castelmar Ledger',
    entities: [veloria, { name: 'Castelmar', type: 'location' }, { name: 'Civic Alliance', type: 'organization' }],
  });
  return { wire, copy, followUp, markets, old, protest };
}

/**
 * Two outlets' first reports of one event that share no entity and few words (a dam breaks above Orvik; Brennmark is
 * evacuated as the flood arrives), a follow-up of the second, and a later article strongly related to both.
 */
export function bridgeCorpus() {
  const dam = { name: 'Halden Dam', type: 'facility' as const };
  const orvik = { name: 'Orvik', type: 'location' as const };
  const brennmark = { name: 'Brennmark', type: 'location' as const };
  const agency = { name: 'Civil Protection Agency', type: 'organization' as const };
  const solberg = { name: 'Mira Solberg', type: 'person' as const };
  const bridge = (more: string) => annotatedDoc({
    title: 'Halden Dam collapse above Orvik forced Brennmark evacuation, agency says',
    text: 'The collapse of the Halden Dam above Orvik sent the floodwater that forced thousands from Brennmark, the Civil Protection Agency said on Wednesday.\n\n' +
      'Mira Solberg said the dam gave way after days of heavy rain and the water reached Brennmark within hours, as residents were evacuated to shelters.' + more,
    published: '2024-06-12', entities: [dam, orvik, brennmark, agency, solberg],
  });
  return {
    dam: annotatedDoc({
      title: 'Halden Dam gives way above Orvik after days of rain',
      text: 'ORVIK — The Halden Dam gave way before dawn on Tuesday after days of heavy rain, engineers in Orvik said.\n\n' +
        'A wall of water swept through the upper valley below the dam, and engineers said the spillway had been damaged in March.',
      published: '2024-06-11', entities: [dam, orvik],
    }),
    flood: annotatedDoc({
      title: 'Thousands evacuated from Brennmark as floodwater rises',
      text: 'BRENNMARK — Thousands of residents were evacuated from Brennmark on Tuesday as floodwater rose through the town, the Civil Protection Agency said.\n\n' +
        'Mira Solberg, who heads the agency, said shelters had been opened in schools and sports halls.',
      published: '2024-06-11', entities: [brennmark, agency, solberg],
    }),
    shelters: annotatedDoc({
      title: 'Brennmark shelters full as evacuation widens',
      text: 'Shelters in Brennmark were full on Wednesday as the Civil Protection Agency widened the evacuation to two more districts.\n\n' +
        'Mira Solberg said buses would take residents to shelters in neighbouring towns.',
      published: '2024-06-12', entities: [brennmark, agency, solberg],
    }),
    bridge: bridge(''),
    /** The bridging article republished (a near-duplicate). */
    bridgeCopy: bridge('\n\nRead more on our site.'),
  };
}

/**
 * `n` unrelated reports (made-up words, seeded: the same every run), each with a republished near-duplicate copy:
 * each pair must end in a story of its own, however the puts interleave.
 */
export function nearDuplicatePairs(n: number, published = '2024-05-01'): { a: Doc; b: Doc }[] {
  let x = 0x9e3779b9;
  const rnd = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
  const syll = ['ka', 'lo', 'mir', 'ven', 'sta', 'dru', 'pel', 'tor', 'qui', 'bra', 'nes', 'hol', 'zar', 'fin', 'gud', 'wex'];
  const word = () => Array.from({ length: 3 }, () => syll[Math.floor(rnd() * syll.length)]).join('');
  const sentence = (k: number) => Array.from({ length: k }, word).join(' ') + '.';
  return Array.from({ length: n }, (_, i) => {
    const title = `Report ${i}: ${sentence(6).slice(0, -1)}`;
    const paragraphs = [sentence(30), sentence(30), sentence(30)];
    const a = testDoc({ title, paragraphs, published, source: `pairs/${i}-a.txt` });
    const b = testDoc({ title, paragraphs: [...paragraphs, 'Read more on our site.'], published, source: `pairs/${i}-b.txt` });
    return { a, b };
  });
}

/** Registers the contract tests of the query methods (annotations, stories, next); run by storeContract too. */
export function storeQueryContract(name: string, make: () => Promise<Store>): void {
  const it = (title: string, body: (store: Store, c: ReturnType<typeof storyCorpus>) => Promise<void>) =>
    test(title, async () => {
      const store = await make();
      try {
        const c = storyCorpus();
        for (const d of [c.wire, c.copy, c.followUp, c.markets, c.protest, c.old]) await store.put(d);
        await body(store, c);
      } finally {
        await store.close();
      }
    });
  const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

  describe(`store query contract: ${name}`, () => {
    it('listArticles: newest first (published day), with story ids, totals and pages', async (store, c) => {
      const all = await store.listArticles();
      assert.equal(all.total, 6);
      assert.deepEqual(ids(all.items).slice(0, 4), [c.old.id, c.protest.id, c.followUp.id, c.markets.id]);
      assert.deepEqual(ids(all.items).slice(4).sort(), [c.wire.id, c.copy.id].sort());
      for (const s of all.items) assert.equal(typeof s.storyId, 'string');
      const copy = all.items.find((s) => s.id === c.copy.id)!;
      assert.equal(copy.siteName, 'Harbourline');
      const p1 = await store.listArticles({ limit: 2 });
      const p2 = await store.listArticles({ limit: 2, offset: 2 });
      assert.deepEqual([...ids(p1.items), ...ids(p2.items)], ids(all.items).slice(0, 4));
      assert.equal(p2.total, 6);
    });

    it('listArticles filters: actor (entity key or code prefix), code prefix, dates, source, q', async (store, c) => {
      const f = async (q: Parameters<Store['listArticles']>[0]) => ids((await store.listArticles(q)).items).sort();
      assert.deepEqual(await f({ actor: 'person:katya orlen' }), [c.wire.id, c.copy.id, c.followUp.id, c.old.id].sort());
      assert.deepEqual(await f({ actor: 'PERSON:Katya  Orlen' }), [c.wire.id, c.copy.id, c.followUp.id, c.old.id].sort(), 'keys are normalized');
      assert.deepEqual(await f({ actor: 'KES' }), [c.wire.id, c.copy.id, c.followUp.id, c.old.id].sort(), 'code prefix of KESGOV');
      assert.deepEqual(await f({ actor: 'vel' }), [c.wire.id, c.copy.id, c.followUp.id, c.protest.id].sort());
      assert.deepEqual(await f({ actor: 'USA' }), []);
      assert.deepEqual(await f({ code: '19' }), [c.wire.id]);
      assert.deepEqual(await f({ code: '1' }), [c.wire.id, c.followUp.id].sort());
      assert.deepEqual(await f({ from: '2024-03-04', to: '2024-03-05' }), [c.markets.id, c.followUp.id].sort());
      assert.deepEqual(await f({ type: 'organization' }), [c.markets.id, c.protest.id].sort());
      assert.deepEqual(await f({ from: '2025-01-01' }), [c.old.id]);
      assert.deepEqual(await f({ source: 'harbourline' }), [c.copy.id], 'site name or host');
      assert.deepEqual(await f({ source: 'LEDGER.EXAMPLE' }), [c.followUp.id]);
      assert.deepEqual(await f({ source: 'castelmar ledger' }), [c.followUp.id, c.protest.id].sort());
      assert.deepEqual(await f({ q: 'inquiry' }), [c.followUp.id]);
      assert.deepEqual(await f({ q: 'depot', actor: 'VEL', from: '2024-03-04' }), [c.followUp.id, c.protest.id].sort());
      assert.equal((await store.listArticles({ q: 'depot', actor: 'VEL' })).total, 4);
    });

    it('searchArticles: ranked hits with snippets and totals, narrowed by filters; facets over the hits', async (store, c) => {
      const r = await store.searchArticles({ q: 'depot' });
      assert.equal(r.total, 5);
      assert.ok(!ids(r.items).includes(c.markets.id));
      for (const h of r.items) assert.match(h.snippet, /depot/i);
      assert.ok(r.items[0]!.score >= r.items[r.items.length - 1]!.score);
      assert.deepEqual(ids((await store.searchArticles({ q: 'depot', to: '2024-03-04' })).items).sort(), [c.wire.id, c.copy.id].sort());
      assert.deepEqual(ids((await store.searchArticles({ q: 'depot', type: 'organization' })).items), [c.protest.id]);
      assert.deepEqual(ids((await store.searchArticles({ q: 'depot', type: 'facility' })).items), []);
      assert.equal((await store.searchArticles({ q: 'depot', limit: 1, offset: 1 })).items.length, 1);
      const newest = await store.searchArticles({});
      assert.equal(newest.total, 6);
      assert.equal(newest.items[0]!.id, c.old.id);
      const facets = await store.facets({ q: 'depot' });
      assert.deepEqual(facets.types.find((t) => t.name === 'person'), { name: 'person', count: 4 });
      assert.deepEqual(facets.actors.find((a) => a.key === 'person:katya orlen'), { key: 'person:katya orlen', name: 'Katya Orlen', count: 4 });
      assert.ok(facets.actors.every((a, i) => i === 0 || facets.actors[i - 1]!.count >= a.count), 'most articles first');
      assert.deepEqual(facets.codes.map((x) => x.code).sort(), ['112', '190']);
      assert.equal(facets.codes.find((x) => x.code === '190')?.label, 'label 190');
      assert.deepEqual(facets.sources.find((s) => s.name === 'Harbourline'), { name: 'Harbourline', count: 1 });
      assert.deepEqual(await store.facets({ q: 'nothingmatches' }), { types: [], actors: [], codes: [], sources: [] });
    });

    it('entities: by article count, with type, country and name filters', async (store) => {
      const r = await store.entities();
      assert.deepEqual(r.items.slice(0, 2).map((e) => e.key).sort(), ['location:veloria', 'person:katya orlen']);
      assert.ok(r.items.every((e, i) => i === 0 || r.items[i - 1]!.articles >= e.articles), 'most articles first');
      assert.deepEqual(r.items.find((e) => e.key === 'person:katya orlen'), {
        key: 'person:katya orlen', name: 'Katya Orlen', type: 'person', country: 'KES', actorCode: 'KESGOV',
        roles: ['president'], articles: 4, mentions: 6,
      });
      assert.equal(r.total, 6);
      assert.deepEqual((await store.entities({ type: 'location' })).items.map((e) => e.key).sort(), ['location:castelmar', 'location:lenholt', 'location:veloria']);
      assert.deepEqual((await store.entities({ country: 'vel' })).items.map((e) => e.key), ['location:veloria']);
      assert.deepEqual((await store.entities({ q: 'EXCHANGE' })).items.map((e) => e.key), ['organization:harbourton exchange']);
      assert.equal((await store.entities({ limit: 1, offset: 1 })).items.length, 1);
    });

    it('entity: articles, quotes, events as source and target, mentions by ISO week; unknown is null', async (store, c) => {
      const e = await store.entity('person:katya orlen');
      assert.ok(e);
      assert.equal(e.entity.name, 'Katya Orlen');
      assert.deepEqual(ids(e.articles), [c.old.id, c.followUp.id, ...ids(e.articles).slice(2)]);
      assert.equal(e.articles.length, 4);
      assert.equal(e.quotes.length, 3);
      assert.equal(e.quotes[0]!.articleId, c.followUp.id);
      assert.equal(e.quotes[0]!.quote.text, 'an independent inquiry');
      assert.deepEqual(e.eventsAsSource.map((x) => x.event.code), ['112']);
      assert.deepEqual(e.eventsAsTarget, []);
      assert.deepEqual(e.mentionsOverTime.map((m) => m.period), ['2024-W09', '2024-W10', '2025-W10']);
      assert.ok(e.mentionsOverTime.every((m) => m.count > 0));
      const v = await store.entity('location:veloria');
      assert.deepEqual(v?.eventsAsTarget.map((x) => x.articleId), [c.followUp.id]);
      assert.deepEqual(v?.eventsAsSource.map((x) => x.articleId), [c.wire.id]);
      assert.equal(await store.entity('person:nobody'), null);
    });

    it('quotes: by speaker key or name, by words; events: by actor, side, code and day', async (store, c) => {
      assert.equal((await store.quotes()).total, 3);
      assert.equal((await store.quotes({ speaker: 'person:katya orlen' })).total, 3);
      assert.equal((await store.quotes({ speaker: 'orlen' })).total, 3);
      assert.equal((await store.quotes({ speaker: 'somebody else' })).total, 0);
      const q = await store.quotes({ q: 'inquiry' });
      assert.deepEqual(q.items.map((x) => x.articleId), [c.followUp.id]);
      assert.equal(q.items[0]!.title, c.followUp.article.title);
      const ev = async (query: Parameters<Store['events']>[0]) => (await store.events(query)).items.map((x) => x.event.code).sort();
      assert.deepEqual(await ev({}), ['112', '190']);
      assert.deepEqual(await ev({ actor: 'VEL' }), ['112', '190']);
      assert.deepEqual(await ev({ source: 'VEL' }), ['190']);
      assert.deepEqual(await ev({ target: 'location:veloria' }), ['112']);
      assert.deepEqual(await ev({ actor: 'location:lenholt' }), ['190']);
      assert.deepEqual(await ev({ code: '19' }), ['190']);
      assert.deepEqual(await ev({ from: '2024-03-03' }), ['112'], 'the event date (2024-03-02) wins over the published day');
      assert.deepEqual(await ev({ to: '2024-03-02' }), ['190']);
      assert.equal((await store.events({ limit: 1 })).total, 2);
    });

    it('stories: the republished copy and the follow-up join the wire story; unrelated and distant articles do not', async (store, c) => {
      const s = await store.storyOf(c.wire.id);
      assert.ok(s);
      assert.equal((await store.storyOf(c.copy.id))?.id, s.id, 'near-duplicate, same story');
      assert.equal((await store.storyOf(c.followUp.id))?.id, s.id, 'same event two days later');
      assert.notEqual((await store.storyOf(c.markets.id))?.id, s.id);
      assert.notEqual((await store.storyOf(c.old.id))?.id, s.id, 'a year later is outside the window');
      assert.equal(s.size, 3);
      const story = await store.story(s.id);
      assert.ok(story);
      assert.deepEqual(ids(story.articles).sort(), [c.wire.id, c.copy.id, c.followUp.id].sort());
      assert.equal(story.articles[story.articles.length - 1]!.id, c.followUp.id, 'oldest first');
      assert.equal(story.first, '2024-03-03');
      assert.equal(story.last, '2024-03-05');
      assert.equal(story.title, c.wire.article.title);
      const list = await store.stories();
      assert.equal(list.total, 4);
      assert.notEqual((await store.storyOf(c.protest.id))?.id, s.id, 'a related event, another story');
      assert.equal(list.items[0]!.id, (await store.storyOf(c.old.id))!.id, 'most recently updated first');
      assert.deepEqual((await store.stories({ limit: 1, offset: 2 })).items.length, 1);
      assert.equal(await store.story('f'.repeat(64)), null);
      assert.equal(await store.storyOf('f'.repeat(64)), null);
    });

    it('nextStory: same story next by date, then the near-duplicate, then related; seen ones skipped', async (store, c) => {
      assert.deepEqual(await store.nextStory(c.wire.id), { article: (await store.nextStory(c.wire.id)).article, reason: 'same-story' });
      assert.equal((await store.nextStory(c.wire.id)).article?.id, c.followUp.id, 'not the copy of what was just read');
      const afterFollow = await store.nextStory(c.wire.id, [c.followUp.id]);
      assert.equal(afterFollow.reason, 'near-duplicate');
      assert.equal(afterFollow.article?.id, c.copy.id);
      const related = await store.nextStory(c.wire.id, [c.followUp.id, c.copy.id]);
      assert.equal(related.reason, 'related');
      assert.equal(related.article?.id, c.protest.id, 'the protests over the closure are related, the markets report is not');
      assert.deepEqual(await store.nextStory(c.wire.id, [c.followUp.id, c.copy.id, c.protest.id]), { article: null, reason: null });
      assert.equal((await store.nextStory(c.followUp.id)).article?.id, c.wire.id, 'earlier members when none is later');
      assert.deepEqual(await store.nextStory(c.markets.id), { article: null, reason: null });
      assert.deepEqual(await store.nextStory('f'.repeat(64)), { article: null, reason: null });
    });
  });
}
