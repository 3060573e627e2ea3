// The store contract against PostgreSQL, in a fresh schema per run (dropped at the end). Connection from
// NEWSGRAPH_TEST_PG; when PostgreSQL is unreachable the tests are skipped with the reason, unless
// NEWSGRAPH_REQUIRE_PG=1 (CI), which makes that a failure.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { NewsgraphError } from '../errors.js';
import { fullDoc, storeContract, storeQueryContract, storyCorpus, testDoc } from './contract.js';
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

