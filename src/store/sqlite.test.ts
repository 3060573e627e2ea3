import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { NewsgraphError } from '../errors.js';
import { fullDoc, storeContract, storeQueryContract, storyCorpus, testDoc } from './contract.js';
import { openStore } from './open.js';
import { ftsQuery, MIGRATIONS, SCHEMA_VERSION, SqliteStore } from './sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-sqlite-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const tempDb = () => join(dir, `store-${++n}.db`);

storeContract('sqlite file', async () => new SqliteStore(tempDb()));
storeContract('sqlite :memory:', async () => openStore(':memory:'));
storeQueryContract('sqlite file', async () => new SqliteStore(tempDb()));
storeQueryContract('sqlite :memory:', async () => openStore(':memory:'));

test('sqlite: a file store runs in WAL mode with synchronous=NORMAL and a busy timeout', async () => {
  const store = new SqliteStore(tempDb());
  try {
    assert.equal(store.journalMode(), 'wal');
    const db = (store as unknown as { db: Database.Database }).db;
    assert.equal(db.pragma('synchronous', { simple: true }), 1); // NORMAL
    assert.ok((db.pragma('busy_timeout', { simple: true }) as number) >= 1000);
  } finally {
    await store.close();
  }
});

test('sqlite: migrations are recorded once, and reopening does not re-apply them', async () => {
  const path = tempDb();
  const s1 = new SqliteStore(path);
  const m1 = s1.migrations();
  assert.deepEqual(m1.map((m) => m.version), [...Array(SCHEMA_VERSION).keys()].map((i) => i + 1));
  assert.ok(m1.every((m) => m.name.length > 0 && !Number.isNaN(Date.parse(m.appliedAt))));
  await s1.close();
  const s2 = new SqliteStore(path);
  assert.deepEqual(s2.migrations(), m1);
  await s2.close();
});

test('sqlite: reopening a file keeps articles, the search index and seen keys', async () => {
  const path = tempDb();
  const doc = fullDoc();
  const s1 = await openStore(path);
  await s1.put(doc);
  await s1.markSeen('k|1|2', doc.id);
  await s1.close();
  const s2 = await openStore(path);
  try {
    assert.equal(await s2.count(), 1);
    assert.deepEqual(await s2.get(doc.id), doc);
    assert.equal((await s2.search('kremlin ceasefire'))[0]?.id, doc.id);
    assert.equal(await s2.seen('k|1|2'), doc.id);
    assert.equal((await s2.put(doc)).inserted, false);
  } finally {
    await s2.close();
  }
});

test('sqlite: a file that is not a database is refused by name and left unchanged', async () => {
  const path = join(dir, 'notes.db');
  const content = 'These are my notes, not a database.\n'.repeat(200);
  writeFileSync(path, content);
  await assert.rejects(openStore(path), (e: Error) => {
    assert.ok(e instanceof NewsgraphError);
    assert.equal(e.message, `newsgraph: ${path}: not a newsgraph database (file is not a database)`);
    return true;
  });
  assert.equal(readFileSync(path, 'utf8'), content);
  assert.equal(existsSync(`${path}-wal`), false);
});

test('sqlite: a SQLite database of another program is refused and left unchanged', async () => {
  const path = join(dir, 'other.sqlite');
  const other = new Database(path);
  other.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hello')");
  other.close();
  const before = readFileSync(path);
  await assert.rejects(openStore(path), /not a newsgraph database/);
  assert.deepEqual(readFileSync(path), before);
});

test('sqlite: a database from a newer schema version is refused', async () => {
  const path = tempDb();
  const s = new SqliteStore(path);
  await s.close();
  const raw = new Database(path);
  raw.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(SCHEMA_VERSION + 1, 'future', new Date().toISOString());
  raw.close();
  assert.throws(() => new SqliteStore(path), /newer than this newsgraph supports/);
});

test('sqlite: a crash inside putMany rolls back that batch and loses nothing already stored', async () => {
  const path = tempDb();
  const store = new SqliteStore(path);
  const [a, b, c] = [
    testDoc({ title: 'First', paragraphs: ['Alpha stored before the crash.'] }),
    testDoc({ title: 'Second', paragraphs: ['Bravo in the batch that crashes.'] }),
    testDoc({ title: 'Third', paragraphs: ['Charlie stored after the crash.'] }),
  ];
  await store.put(a);
  function* crashing() {
    yield b;
    throw new Error('simulated crash');
  }
  await assert.rejects(store.putMany(crashing()), /simulated crash/);
  assert.equal(await store.count(), 1);
  assert.equal(await store.has(b.id), false);
  assert.deepEqual(await store.search('bravo'), [], 'no orphan index row for the rolled-back article');
  // The store is still usable, and a later batch stores everything.
  const results = await store.putMany([b, c, a]);
  assert.deepEqual(results.map((r) => r.inserted), [true, true, false]);
  await store.close();
  const reopened = new SqliteStore(path);
  assert.equal(await reopened.count(), 3);
  assert.equal((await reopened.search('alpha'))[0]?.id, a.id);
  await reopened.close();
});

test('sqlite: put rejects a document without a content-hash id and stores nothing', async () => {
  const store = new SqliteStore(':memory:');
  const doc = { ...testDoc({ title: 'Bad', paragraphs: ['x'] }), id: 'not-a-hash' };
  await assert.rejects(store.put(doc), NewsgraphError);
  assert.equal(await store.count(), 0);
  await store.close();
});

test('sqlite: the FTS index stays consistent with the articles table', async () => {
  const store = new SqliteStore(':memory:');
  await store.putMany([fullDoc(), fullDoc(), testDoc({ title: 'Other', paragraphs: ['Different words here.'] })]);
  const db = (store as unknown as { db: Database.Database }).db;
  // Throws SQLITE_CORRUPT_VTAB when the external-content index disagrees with its content.
  db.prepare("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)").run();
  assert.equal(db.prepare('SELECT count(*) FROM articles_fts').pluck().get(), 2);
  await store.close();
});

test('ftsQuery: every term quoted, phrases kept, syntax never passed through', () => {
  assert.equal(ftsQuery('ceasefire Geneva'), '"ceasefire" "Geneva"');
  assert.equal(ftsQuery('"european union" summit'), '"european union" "summit"');
  assert.equal(ftsQuery('NEAR( a AND b )'), '"NEAR(" "a" "AND" "b"');
  assert.equal(ftsQuery('col:x* -y'), '"col:x*" "-y"');
  assert.equal(ftsQuery('say "hello'), '"say" "hello"');
  assert.equal(ftsQuery('   '), null);
  assert.equal(ftsQuery(')( * "'), null);
});

test('openStore: an unreachable postgres:// is a one-line error without the password; other URLs are refused', async () => {
  await assert.rejects(openStore('postgres://u:secret@127.0.0.1:1/news'), (e: Error) => e instanceof NewsgraphError && !e.message.includes('secret') && !e.message.includes('\n'));
  await assert.rejects(openStore('mysql://localhost/news'), NewsgraphError);
});

test('sqlite: a store made before migration 2 is migrated: annotations and stories back-filled from the stored documents', async () => {
  const path = tempDb();
  const raw = new Database(path);
  raw.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  raw.exec(MIGRATIONS[0]!.sql);
  raw.prepare('INSERT INTO schema_migrations VALUES (1, ?, ?)').run(MIGRATIONS[0]!.name, '2024-01-01T00:00:00.000Z');
  const c = storyCorpus();
  const insert = raw.prepare('INSERT INTO articles (id, source, url, title, published, ingested_at, doc) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const fts = raw.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)');
  for (const d of [c.wire, c.copy, c.followUp, c.markets]) {
    const r = insert.run(d.id, d.article.source, d.article.url, d.article.title, d.article.published, '2024-03-06T00:00:00.000Z', JSON.stringify(d));
    fts.run(r.lastInsertRowid, d.article.title, d.article.text);
  }
  raw.close();

  const store = new SqliteStore(path);
  try {
    assert.deepEqual(store.migrations().map((m) => m.version), MIGRATIONS.map((m) => m.version), 'every migration, the merge table (4) included');
    assert.equal(await store.count(), 4);
    assert.equal((await store.entity('person:katya orlen'))?.entity.articles, 3);
    assert.equal((await store.quotes({ speaker: 'person:katya orlen' })).total, 3);
    assert.deepEqual((await store.events({ code: '19' })).items.map((e) => e.articleId), [c.wire.id]);
    const story = await store.storyOf(c.wire.id);
    assert.equal(story?.size, 3);
    assert.equal((await store.storyOf(c.copy.id))?.id, story?.id);
    assert.equal((await store.nextStory(c.wire.id)).article?.id, c.followUp.id);
    // New articles link to the back-filled ones.
    await store.put(c.protest);
    assert.equal((await store.nextStory(c.wire.id, [c.followUp.id, c.copy.id])).article?.id, c.protest.id);
  } finally {
    await store.close();
  }
});

test('sqlite: annotation rows are written in the put transaction (a failed batch leaves none)', async () => {
  const store = new SqliteStore(':memory:');
  const c = storyCorpus();
  function* crashing() {
    yield c.wire;
    throw new Error('simulated crash');
  }
  await assert.rejects(store.putMany(crashing()), /simulated crash/);
  const db = (store as unknown as { db: Database.Database }).db;
  for (const t of ['entities', 'article_entities', 'quotes', 'events', 'stories', 'link_features', 'lsh', 'article_links']) {
    assert.equal(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get(), 0, t);
  }
  await store.putMany([c.wire, c.copy]);
  assert.equal(db.prepare('SELECT count(*) FROM lsh').pluck().get(), 32, '16 LSH bands per article');
  assert.equal((await store.storyOf(c.copy.id))?.id, (await store.storyOf(c.wire.id))?.id);
  db.prepare("INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)").run();
  await store.close();
});
