// The store contract against PostgreSQL, in a fresh schema per run (dropped at the end). Connection from
// NEWSGRAPH_TEST_PG; when PostgreSQL is unreachable the tests are skipped with the reason, unless
// NEWSGRAPH_REQUIRE_PG=1 (CI), which makes that a failure.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { NewsgraphError } from '../errors.js';
import { leadTerms } from '../link/features.js';
import { fullDoc, nearDuplicatePairs, storeContract, storeQueryContract, storyCorpus, testDoc } from './contract.js';
import { openStore } from './open.js';
import { PG_MIGRATIONS, PG_SCHEMA_VERSION, quoteIdent } from './postgres-schema.js';
import { PostgresStore } from './postgres.js';
import { PG_URL as URL_, probePg, REQUIRE_PG as REQUIRE } from './pg-test-env.js';

const RUN = `ng_test_${process.pid}_${Date.now()}`;

// Probed once, with top-level await: node:test needs to know before registering the tests.
const unreachable = await probePg();
const target = URL_.replace(/\/\/[^@/]*@/, '//…@');

if (unreachable !== null && REQUIRE) {
  test('postgres: reachable (NEWSGRAPH_REQUIRE_PG=1)', () => {
    assert.fail(`PostgreSQL at ${target} is unreachable: ${unreachable}`);
  });
} else if (unreachable !== null) {
  console.log(`# postgres store tests skipped: PostgreSQL at ${target} is unreachable (${unreachable}); set NEWSGRAPH_TEST_PG, or NEWSGRAPH_REQUIRE_PG=1 to fail instead`);
  test('postgres store tests', { skip: `PostgreSQL at ${target} unreachable: ${unreachable}` }, () => undefined);
} else {
  // Every store of a run gets its own schema (the contract wants a new, empty store each time); all are dropped after.
  let n = 0;
  const schemas: string[] = [];
  const fresh = async (): Promise<PostgresStore> => {
    const schema = `${RUN}_${++n}`;
    schemas.push(schema);
    return PostgresStore.open(URL_, { schema, max: 2 });
  };
  after(async () => {
    const client = new pg.Client({ connectionString: URL_ });
    await client.connect();
    try {
      for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(s)} CASCADE`);
    } finally {
      await client.end();
    }
  });

  storeContract('postgres', fresh);
  storeQueryContract('postgres', fresh);

  describe('postgres store', () => {
    test('migrations are recorded once, and reopening does not re-apply them', async () => {
      const s1 = await fresh();
      const m1 = await s1.migrations();
      await s1.close();
      assert.deepEqual(m1.map((m) => m.version), PG_MIGRATIONS.map((m) => m.version));
      assert.equal(m1.at(-1)?.version, PG_SCHEMA_VERSION);
      assert.ok(m1.every((m) => m.name.length > 0 && !Number.isNaN(Date.parse(m.appliedAt))));
      const s2 = await PostgresStore.open(URL_, { schema: s1.schemaName!, max: 1 });
      try {
        assert.deepEqual(await s2.migrations(), m1);
      } finally {
        await s2.close();
      }
    });

    test('several stores opened at once on a new schema migrate it exactly once', async () => {
      const schema = `${RUN}_concurrent`;
      schemas.push(schema);
      const stores = await Promise.all([1, 2, 3, 4].map(() => PostgresStore.open(URL_, { schema, max: 1 })));
      try {
        const m = await stores[0]!.migrations();
        assert.deepEqual(m.map((x) => x.version), PG_MIGRATIONS.map((x) => x.version));
        // And they all work on the same tables.
        const c = storyCorpus();
        await Promise.all([stores[0]!.put(c.wire), stores[1]!.put(c.copy), stores[2]!.put(c.wire)]);
        assert.equal(await stores[3]!.count(), 2);
        assert.equal((await stores[3]!.storyOf(c.copy.id))?.id, (await stores[3]!.storyOf(c.wire.id))?.id);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });

    test('two stores (two workers) storing near-duplicates crosswise at once: each pair in one story, counts exact', async () => {
      const schema = `${RUN}_crosswise`;
      schemas.push(schema);
      const [s1, s2] = await Promise.all([1, 2].map(() => PostgresStore.open(URL_, { schema, max: 3 })));
      try {
        const pairs = nearDuplicatePairs(12);
        // Each pair: one copy through each store at the same moment, and the first copy once more through the other.
        await Promise.all(pairs.flatMap(({ a, b }, i) => (i % 2 ? [s1.put(a), s2.put(b), s2.put(a)] : [s2.put(a), s1.put(b), s1.put(a)])));
        assert.equal(await s1.count(), 24);
        const stories = new Set<string>();
        for (const { a, b } of pairs) {
          const sa = await s1.storyOf(a.id);
          assert.ok(sa);
          assert.equal((await s2.storyOf(b.id))?.id, sa.id);
          stories.add(sa.id);
        }
        assert.equal(stories.size, 12);
        const pool = (s1 as unknown as { pool: pg.Pool }).pool;
        const one = async (sql: string) => (await pool.query(sql)).rows[0] as Record<string, number>;
        assert.deepEqual(await one('SELECT count(*)::int AS n, sum(size)::int AS size FROM stories'), { n: 12, size: 24 });
        assert.deepEqual(await one('SELECT count(*)::int AS n FROM article_meta WHERE story_id IS NULL'), { n: 0 });
        assert.deepEqual(await one('SELECT count(*)::int AS n FROM link_features'), { n: 24 });
        assert.deepEqual(await one("SELECT count(*)::int AS n FROM article_links WHERE kind = 'near-duplicate'"), { n: 24 });
        // Document frequencies count each article once (no update lost between the two writers).
        const terms = pairs.flatMap(({ a, b }) => [a, b]).reduce((n, d) => n + Object.keys(leadTerms(d)).length, 0);
        assert.deepEqual(await one('SELECT sum(df)::int AS n FROM term_df'), { n: terms });
      } finally {
        await Promise.all([s1.close(), s2.close()]);
      }
    });

    test('the write lock covers linking only: while it is held, storing a known article returns, a new one waits', async () => {
      const store = await fresh();
      const other = new pg.Client({ connectionString: URL_ });
      await other.connect();
      try {
        const c = storyCorpus();
        await store.put(c.wire);
        await other.query('BEGIN');
        await other.query("SELECT pg_advisory_xact_lock(hashtext('newsgraph:put:' || $1))", [store.schemaName]);
        assert.deepEqual(await store.put(c.wire), { id: c.wire.id, inserted: false }, 'no lock needed to find it stored');
        let done = false;
        const pending = store.put(c.copy).then((r) => ((done = true), r));
        const t0 = Date.now();
        for (;;) {
          const w = await other.query("SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory'");
          if (w.rows.length) break;
          assert.ok(Date.now() - t0 < 5000, 'the put never waited for the lock');
          await new Promise((r) => setTimeout(r, 20));
        }
        assert.equal(done, false);
        await other.query('COMMIT');
        assert.deepEqual(await pending, { id: c.copy.id, inserted: true });
        assert.equal((await store.storyOf(c.copy.id))?.id, (await store.storyOf(c.wire.id))?.id);
      } finally {
        await other.end();
        await store.close();
      }
    });

    test('putMany and put of the same article at once: a deadlock between them is retried, the article stored once', async () => {
      const schema = `${RUN}_deadlock`;
      schemas.push(schema);
      const [a, b] = await Promise.all([1, 2].map(() => PostgresStore.open(URL_, { schema, max: 2 })));
      const other = new pg.Client({ connectionString: URL_ });
      await other.connect();
      const advisoryWaiters = async () =>
        (await other.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory'")).rows[0].n as number;
      const until = async (n: number) => {
        for (const t0 = Date.now(); (await advisoryWaiters()) < n; await new Promise((r) => setTimeout(r, 20))) {
          assert.ok(Date.now() - t0 < 5000, `${n} waiting for the lock`);
        }
      };
      try {
        const c = storyCorpus();
        await other.query('BEGIN');
        await other.query("SELECT pg_advisory_xact_lock(hashtext('newsgraph:put:' || $1))", [schema]);
        // a inserts the wire story and waits for the lock; then b inserts the copy and waits. Once the lock is free, a
        // links the wire story and goes on to insert the copy, which b holds uncommitted while it waits for a's lock.
        const many = a.putMany([c.wire, c.copy]);
        await until(1);
        const one = b.put(c.copy);
        await until(2);
        await other.query('COMMIT');
        const [m, o] = await Promise.all([many, one]);
        assert.equal(m[0]!.inserted, true);
        assert.equal(m[1]!.inserted !== o.inserted, true, 'the copy is inserted by exactly one of them');
        assert.equal(await a.count(), 2);
        assert.equal((await a.storyOf(c.copy.id))?.id, (await a.storyOf(c.wire.id))?.id);
      } finally {
        await other.end();
        await Promise.all([a.close(), b.close()]);
      }
    });

    test('asyncCommit: the store commits without waiting for the WAL flush; by default only puts do', async () => {
      const schema = `${RUN}_async`;
      schemas.push(schema);
      const plain = await PostgresStore.open(URL_, { schema, max: 1 });
      const fast = await PostgresStore.open(URL_, { schema, max: 1, asyncCommit: true });
      try {
        const setting = async (s: PostgresStore) =>
          ((await (s as unknown as { pool: pg.Pool }).pool.query('SHOW synchronous_commit')).rows[0] as { synchronous_commit: string }).synchronous_commit;
        assert.equal(await setting(plain), 'on');
        assert.equal(await setting(fast), 'off');
        await plain.put(storyCorpus().wire);
        assert.equal(await setting(plain), 'on', 'the put set it for its own transaction only');
      } finally {
        await Promise.all([plain.close(), fast.close()]);
      }
    });

    test('search and searchArticles with hostile input are safe: no error, no syntax, no injection', async () => {
      const store = await fresh();
      try {
        const doc = fullDoc();
        await store.put(doc);
        await store.put(testDoc({ title: "O'Brien's note", paragraphs: ['A plain note about tsquery & syntax | and !bang.'] }));
        const hostile = [
          '"', "'", "''", '&|!', '& | !', '!ceasefire', 'ceasefire:*', ':*', 'cease:*', 'kremlin & !ceasefire', 'a <-> b', '<2>',
          "'; DROP TABLE articles; --", "') OR 1=1 --", '$1', '\\', 'kremlin | anything', '(', ')', 'ceasefire:A', "O'Brien's",
          '"ceasefire', 'ceasefire"', '\u0000', 'or', 'OR', '-', 'kremlin -ceasefire',
        ];
        for (const q of hostile) {
          assert.ok(Array.isArray(await store.search(q)), JSON.stringify(q));
          const r = await store.searchArticles({ q, actor: q, source: q, code: q, type: q });
          assert.ok(Array.isArray(r.items), JSON.stringify(q));
          assert.ok(Array.isArray((await store.quotes({ q, speaker: q })).items));
          assert.ok(Array.isArray((await store.facets({ q })).types));
        }
        assert.equal(await store.count(), 2);
        // Operator characters are not operators: '!' does not negate, '|' does not OR, ':*' does not prefix-match.
        assert.deepEqual((await store.search('kremlin !ceasefire')).map((h) => h.id), [doc.id]);
        assert.deepEqual(await store.search('kremlin | note'), []);
        assert.deepEqual(await store.search('krem:*'), []);
        assert.deepEqual((await store.search("O'Brien's")).length, 1);
        // LIKE wildcards in filters are literal.
        assert.equal((await store.listArticles({ actor: '%' })).total, 0);
        assert.equal((await store.listArticles({ code: '_' })).total, 0);
      } finally {
        await store.close();
      }
    });

    test('a document with U+0000 in its text is stored (as U+FFFD), found, and its annotations indexed', async () => {
      const store = await fresh();
      try {
        const doc = fullDoc();
        doc.article.title = 'Kremlin\u0000 rejects';
        doc.entities[0]!.name = 'Krem\u0000lin';
        assert.equal((await store.put(doc)).inserted, true);
        assert.equal((await store.get(doc.id))?.article.title, 'Kremlin\ufffd rejects');
        assert.equal((await store.search('kremlin'))[0]?.id, doc.id);
        assert.equal((await store.entities({ q: 'krem' })).total, 1);
      } finally {
        await store.close();
      }
    });

    test('snippets are plain text from ts_headline, around the match', async () => {
      const store = await fresh();
      try {
        await store.put(fullDoc());
        const [hit] = await store.search('peskov');
        assert.ok(hit);
        assert.match(hit.snippet, /Peskov/);
        assert.doesNotMatch(hit.snippet, /<\/?b>|\n/);
      } finally {
        await store.close();
      }
    });

    test('searchArticles: a write by another store (another process) is seen by the next search and its facets', async () => {
      const a = await fresh();
      const schema = schemas[schemas.length - 1]!;
      const b = await PostgresStore.open(URL_, { schema, max: 2 });
      try {
        const doc = (i: number) => testDoc({ title: `Report ${i}`, published: '2026-03-02', paragraphs: [`Officials discussed the ceasefire on day ${i}.`] });
        await a.put(doc(1));
        assert.equal((await a.searchArticles({ q: 'ceasefire' })).total, 1);
        assert.equal((await a.facets({ q: 'ceasefire' })).sources.reduce((n, x) => n + x.count, 0), 1);
        await b.put(doc(2));
        const again = await a.searchArticles({ q: 'ceasefire' });
        assert.equal(again.total, 2);
        assert.match(again.items[0]!.snippet, /ceasefire/);
        assert.equal((await a.facets({ q: 'ceasefire' })).sources.reduce((n, x) => n + x.count, 0), 2);
      } finally {
        await b.close();
        await a.close();
      }
    });

    test('a failed batch in putMany rolls back the article and all its annotation rows', async () => {
      const store = await fresh();
      try {
        const c = storyCorpus();
        function* crashing() {
          yield c.wire;
          throw new Error('simulated crash');
        }
        await assert.rejects(store.putMany(crashing()), /simulated crash/);
        const pool = (store as unknown as { pool: pg.Pool }).pool;
        for (const t of ['articles', 'article_meta', 'entities', 'article_entities', 'quotes', 'events', 'stories', 'link_features', 'lsh', 'article_links']) {
          assert.equal((await pool.query(`SELECT count(*)::int AS n FROM ${t}`)).rows[0].n, 0, t);
        }
        assert.deepEqual((await store.putMany([c.wire, c.copy])).map((r) => r.inserted), [true, true]);
        assert.equal((await pool.query('SELECT count(*)::int AS n FROM lsh')).rows[0].n, 32, '16 LSH bands per article');
        assert.equal((await store.storyOf(c.copy.id))?.id, (await store.storyOf(c.wire.id))?.id);
      } finally {
        await store.close();
      }
    });

    test('openStore(postgres://…) returns a connected, migrated store', async () => {
      const schema = `${RUN}_open`;
      schemas.push(schema);
      const u = new URL(URL_);
      u.searchParams.set('schema', schema);
      const store = await openStore(u.toString());
      try {
        assert.ok(store instanceof PostgresStore);
        assert.equal(await store.count(), 0);
        assert.deepEqual((await store.migrations()).map((m) => m.version), PG_MIGRATIONS.map((m) => m.version));
      } finally {
        await store.close();
      }
    });
  });
}

// No server needed: an unreachable host is a one-line error naming the host, never the password.
test('openStore(postgres://…): a connection failure is one line, names the host, hides the password', async () => {
  await assert.rejects(openStore('postgres://alice:s3cr3t-pw@127.0.0.1:1/news'), (e: Error) => {
    assert.ok(e instanceof NewsgraphError);
    assert.match(e.message, /^newsgraph: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/news: /);
    assert.ok(!e.message.includes('s3cr3t-pw'), e.message);
    assert.ok(!e.message.includes('\n'));
    return true;
  });
});

