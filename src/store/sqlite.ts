// The embedded store: one SQLite file (better-sqlite3), WAL, FTS5 full-text search over title + text.
import Database from 'better-sqlite3';
import { NewsgraphError } from '../errors.js';
import { SqliteLinker, LINK_SQL, MERGE_SQL } from '../link/sqlite.js';
import { linkDay } from '../link/features.js';
import type { Doc } from '../model.js';
import { AnnotationIndex, ANNOTATION_SQL } from './annotations.js';
import { normalizeKey } from './query-terms.js';
import { SqliteAnnotationQueries } from './sqlite-annotation-queries.js';
import { articleFilters, ftsQuery, SqliteSearch } from './sqlite-search.js';
import { Statements } from './sqlite-statements.js';
import type {
  ArticleQuery, ArticleSummary, EntityDetail, EntityQuery, EntitySummary, EventHit, EventQuery, Facets, NextArticle,
  Page, Paged, PutResult, QuoteHit, QuoteQuery, SearchHit, Store, Story,
} from './store.js';
import {
  ARTICLE_COLUMNS, articleSummary, DEFAULT_LIST_LIMIT, DEFAULT_SEARCH_LIMIT, MIN_PREFIX, NEWEST, pageOf,
  STORY_MAX_ARTICLES, STORY_PREVIEW, summary, SUMMARY_COLUMNS, type ArticleRow,
  type StoryRow, type SummaryRow,
} from './rows.js';

interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Runs after `sql`, in the same transaction: back-fills from the stored documents. */
  up?: (db: Database.Database) => void;
}

// Numbered, append-only: never edit a released migration, add a new one.
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, fts, seen',
    sql: `
      -- seq is an explicit INTEGER PRIMARY KEY (a rowid alias) so the FTS rowids stay valid across VACUUM;
      -- id, the content hash, is the article's identity (UNIQUE, NOT NULL).
      CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        url TEXT,
        title TEXT,
        published TEXT,
        ingested_at TEXT NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX articles_by_ingest ON articles (ingested_at DESC, id);
      -- External content read from the stored JSON, so the body text is not stored twice.
      CREATE VIEW articles_fts_source AS
        SELECT seq, title, json_extract(doc, '$.article.text') AS text FROM articles;
      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text,
        content = 'articles_fts_source', content_rowid = 'seq',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      CREATE TABLE seen (
        key TEXT PRIMARY KEY,
        id TEXT NOT NULL,
        seen_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'annotation index (entities, quotes, events), stories and story links',
    sql: ANNOTATION_SQL + LINK_SQL,
    // Articles stored before this migration: index and link them in the order they were stored.
    up: (db) => {
      const index = new AnnotationIndex(db);
      const linker = new SqliteLinker(db);
      const seqs = db.prepare('SELECT seq FROM articles ORDER BY seq').pluck().all() as number[];
      const row = db.prepare('SELECT id, ingested_at AS ingestedAt, doc FROM articles WHERE seq = ?');
      for (const seq of seqs) {
        const r = row.get(seq) as { id: string; ingestedAt: string; doc: string };
        const doc = JSON.parse(r.doc) as Doc;
        index.index(seq, doc, linkDay(doc.article.published, r.ingestedAt), r.ingestedAt);
        linker.link(seq, r.id, doc, r.ingestedAt);
      }
    },
  },
  {
    version: 3,
    name: "events indexed by (article, code), so a search's code facet reads the index only",
    sql: `
      CREATE INDEX events_by_article_code ON events (article_seq, code);
      DROP INDEX events_by_article;
    `,
  },
  {
    version: 4,
    name: 'story merges: stories an article bridges become one; merged ids resolve to the survivor',
    // Nothing to back-fill: stories linked before never merged, and later articles merge them as they bridge them.
    sql: MERGE_SQL,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export { ftsQuery, normalizeKey };
export { parseQuery } from './query-terms.js';

/** A story by id, or by the id of a story merged into it (following story_merges; chains are one step, see MERGE_SQL). */
export const STORY_BY_ID = `
  WITH RECURSIVE chain (id, n) AS (
    SELECT ?, 0 UNION ALL SELECT m.into_id, c.n + 1 FROM story_merges m JOIN chain c ON m.from_id = c.id WHERE c.n < 32
  )
  SELECT s.* FROM chain JOIN stories s ON s.id = chain.id ORDER BY chain.n LIMIT 1`;

function isSqliteError(e: unknown): e is Error & { code: string } {
  return e instanceof Error && typeof (e as { code?: unknown }).code === 'string';
}

function prepareStatements(db: Database.Database) {
  return {
    insert: db.prepare(
      `INSERT OR IGNORE INTO articles (id, source, url, title, published, ingested_at, doc)
       VALUES (@id, @source, @url, @title, @published, @ingestedAt, @doc)`,
    ),
    insertFts: db.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)'),
    has: db.prepare('SELECT 1 FROM articles WHERE id = ?').pluck(),
    getExact: db.prepare('SELECT doc FROM articles WHERE id = ?').pluck(),
    // Hex ids sort below 'g', so [prefix, prefix + 'g') is exactly the ids starting with prefix, using the index.
    getPrefix: db.prepare("SELECT doc FROM articles WHERE id >= ? AND id < ? || 'g' ORDER BY id LIMIT 2").pluck(),
    list: db.prepare<[number, number], SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM articles a ORDER BY a.ingested_at DESC, a.id LIMIT ? OFFSET ?`,
    ),
    count: db.prepare('SELECT count(*) FROM articles').pluck(),
    search: db.prepare<[string, number, number], SummaryRow & { snippet: string | null; rank: number }>(
      // Title matches weigh 3x body matches; bm25() is lower-is-better, the API's score higher-is-better.
      `SELECT ${SUMMARY_COLUMNS},
              snippet(articles_fts, 1, '', '', '…', 16) AS snippet,
              bm25(articles_fts, 3.0, 1.0) AS rank
         FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
        WHERE articles_fts MATCH ?
        ORDER BY rank, a.id
        LIMIT ? OFFSET ?`,
    ),
    markSeen: db.prepare(
      `INSERT INTO seen (key, id, seen_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET id = excluded.id, seen_at = excluded.seen_at`,
    ),
    seen: db.prepare('SELECT id FROM seen WHERE key = ?').pluck(),
  };
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly stmt: ReturnType<typeof prepareStatements>;
  private readonly annotations: AnnotationIndex;
  private readonly linker: SqliteLinker;
  private readonly searcher: SqliteSearch;
  private readonly annotationQueries: SqliteAnnotationQueries;
  private readonly statements: Statements;

  /** Opens (creating if missing) and migrates a database file, or ":memory:". Throws NewsgraphError for a foreign file. */
  constructor(readonly path: string) {
    let db: Database.Database;
    try {
      db = new Database(path);
    } catch (e) {
      throw new NewsgraphError(`${path}: cannot open database (${e instanceof Error ? e.message : String(e)})`);
    }
    try {
      db.pragma('busy_timeout = 5000');
      // Check what the file is before anything writes to it (switching to WAL rewrites the header):
      // a non-database fails on this first read with SQLITE_NOTADB.
      refuseForeign(db, path);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      // 64 MB of page cache (the default is 2 MB): the annotation and link indexes are read at every put and query.
      db.pragma('cache_size = -65536');
      migrate(db, path);
    } catch (e) {
      db.close();
      if (e instanceof NewsgraphError) throw e;
      if (isSqliteError(e) && e.code === 'SQLITE_NOTADB') {
        throw new NewsgraphError(`${path}: not a newsgraph database (file is not a database)`);
      }
      throw new NewsgraphError(`${path}: cannot open database (${e instanceof Error ? e.message : String(e)})`);
    }
    this.db = db;
    this.stmt = prepareStatements(db);
    this.annotations = new AnnotationIndex(db);
    this.linker = new SqliteLinker(db);
    this.statements = new Statements(db);
    this.searcher = new SqliteSearch(db, this.statements);
    this.annotationQueries = new SqliteAnnotationQueries(this.statements);
  }

  /** A prepared statement for a generated query, cached by its text. */
  private sql(text: string): Database.Statement {
    this.open();
    return this.statements.get(text);
  }


  private open(): Database.Database {
    if (!this.db.open) throw new NewsgraphError(`${this.path}: store is closed`);
    return this.db;
  }

  private putOne(doc: Doc, ingestedAt: string): PutResult {
    if (typeof doc?.id !== 'string' || !/^[0-9a-f]{64}$/.test(doc.id)) {
      throw new NewsgraphError(`cannot store a document without a sha256 content-hash id (got '${String(doc?.id)}')`);
    }
    const a = doc.article;
    const r = this.stmt.insert.run({
      id: doc.id,
      source: a.source ?? doc.input.source,
      url: a.url ?? doc.input.url ?? null,
      title: a.title,
      published: a.published,
      ingestedAt,
      doc: JSON.stringify(doc),
    });
    if (r.changes === 0) return { id: doc.id, inserted: false };
    const seq = Number(r.lastInsertRowid);
    this.stmt.insertFts.run(seq, a.title, a.text);
    this.annotations.index(seq, doc, linkDay(a.published, ingestedAt), ingestedAt);
    this.linker.link(seq, doc.id, doc, ingestedAt);
    return { id: doc.id, inserted: true };
  }

  async put(doc: Doc): Promise<PutResult> {
    const db = this.open();
    // IMMEDIATE: take the write lock up front, so a concurrent writer waits on busy_timeout instead of failing.
    try {
      return db.transaction(() => this.putOne(doc, new Date().toISOString())).immediate();
    } catch (e) {
      this.linker.reset();
      throw e;
    }
  }

  /** Many documents in one transaction: all are stored or, if anything throws, none of this batch is. */
  async putMany(docs: Iterable<Doc>): Promise<PutResult[]> {
    const db = this.open();
    const at = new Date().toISOString();
    try {
      return db.transaction(() => {
        const out: PutResult[] = [];
        for (const doc of docs) out.push(this.putOne(doc, at));
        return out;
      }).immediate();
    } catch (e) {
      this.linker.reset();
      throw e;
    }
  }

  async has(id: string): Promise<boolean> {
    this.open();
    return this.stmt.has.get(id) !== undefined;
  }

  async get(idOrPrefix: string): Promise<Doc | null> {
    this.open();
    const key = idOrPrefix.trim().toLowerCase();
    if (!/^[0-9a-f]+$/.test(key)) return null;
    if (key.length === 64) {
      const doc = this.stmt.getExact.get(key) as string | undefined;
      return doc === undefined ? null : (JSON.parse(doc) as Doc);
    }
    if (key.length < MIN_PREFIX) {
      throw new NewsgraphError(`id prefix '${idOrPrefix}' is too short: give at least ${MIN_PREFIX} hex characters`);
    }
    const docs = this.stmt.getPrefix.all(key, key) as string[];
    if (docs.length > 1) {
      throw new NewsgraphError(`id prefix '${idOrPrefix}' is ambiguous: it matches more than one article; give more characters`);
    }
    return docs.length === 1 ? (JSON.parse(docs[0]!) as Doc) : null;
  }

  async list(page?: Page): Promise<ArticleSummary[]> {
    this.open();
    const { limit, offset } = pageOf(page, DEFAULT_LIST_LIMIT);
    return this.stmt.list.all(limit, offset).map(summary);
  }

  async count(): Promise<number> {
    this.open();
    return this.stmt.count.get() as number;
  }

  async search(query: string, page?: Page): Promise<SearchHit[]> {
    this.open();
    const match = ftsQuery(query);
    if (match === null) return [];
    const { limit, offset } = pageOf(page, DEFAULT_SEARCH_LIMIT);
    return this.stmt.search.all(match, limit, offset).map((r) => ({
      ...summary(r),
      snippet: (r.snippet ?? '').replace(/\s+/g, ' ').trim(),
      score: -r.rank,
    }));
  }

  async markSeen(key: string, id: string): Promise<void> {
    this.open();
    this.stmt.markSeen.run(key, id, new Date().toISOString());
  }

  async seen(key: string): Promise<string | null> {
    this.open();
    return (this.stmt.seen.get(key) as string | undefined) ?? null;
  }

  // --- the analyst's queries -------------------------------------------------------------------------------------

  async listArticles(query: ArticleQuery = {}): Promise<Paged<ArticleSummary>> {
    this.open();
    const { limit, offset } = pageOf(query, DEFAULT_SEARCH_LIMIT);
    const params: unknown[] = [];
    const where = articleFilters(query, params, true);
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const items = (this.sql(`SELECT ${ARTICLE_COLUMNS} FROM articles a JOIN article_meta m ON m.seq = a.seq ${w} ORDER BY ${NEWEST} LIMIT ? OFFSET ?`)
      .all(...params, limit, offset) as ArticleRow[]).map(articleSummary);
    const total = this.sql(`SELECT count(*) FROM article_meta m ${w}`).pluck().get(...params) as number;
    return { items, total };
  }

  async searchArticles(query: ArticleQuery): Promise<Paged<SearchHit>> {
    this.open();
    return this.searcher.searchArticles(query);
  }

  async facets(query: ArticleQuery): Promise<Facets> {
    this.open();
    return this.searcher.facets(query);
  }

  async entities(query: EntityQuery = {}): Promise<Paged<EntitySummary>> {
    this.open();
    return this.annotationQueries.entities(query);
  }

  async entity(key: string): Promise<EntityDetail | null> {
    this.open();
    return this.annotationQueries.entity(key);
  }

  async quotes(query: QuoteQuery = {}): Promise<Paged<QuoteHit>> {
    this.open();
    return this.annotationQueries.quotes(query);
  }

  async events(query: EventQuery = {}): Promise<Paged<EventHit>> {
    this.open();
    return this.annotationQueries.events(query);
  }

  async stories(page: Page = {}): Promise<Paged<Story>> {
    this.open();
    const { limit, offset } = pageOf(page, DEFAULT_SEARCH_LIMIT);
    const rows = this.sql('SELECT * FROM stories ORDER BY last_seq DESC LIMIT ? OFFSET ?').all(limit, offset) as StoryRow[];
    const total = this.sql('SELECT count(*) FROM stories').pluck().get() as number;
    return { items: rows.map((r) => this.storyWith(r, STORY_PREVIEW)), total };
  }

  async story(id: string): Promise<Story | null> {
    this.open();
    const r = this.sql(STORY_BY_ID).get(id.trim().toLowerCase()) as StoryRow | undefined;
    return r ? this.storyWith(r, STORY_MAX_ARTICLES) : null;
  }

  private storyWith(r: StoryRow, max: number): Story {
    const articles = (this.sql(
      `SELECT ${ARTICLE_COLUMNS} FROM articles a JOIN article_meta m ON m.seq = a.seq WHERE m.story_id = ? ORDER BY m.day, m.ingested_at, m.id LIMIT ?`,
    ).all(r.id, max) as ArticleRow[]).map(articleSummary);
    return { id: r.id, title: r.title, size: r.size, first: r.first, last: r.last, articles };
  }

  async storyOf(articleId: string): Promise<{ id: string; size: number } | null> {
    this.open();
    const r = this.sql('SELECT s.id, s.size FROM articles a JOIN article_meta m ON m.seq = a.seq JOIN stories s ON s.id = m.story_id WHERE a.id = ?')
      .get(articleId.trim().toLowerCase()) as { id: string; size: number } | undefined;
    return r ?? null;
  }

  async nextStory(articleId: string, seen: string[] = []): Promise<NextArticle> {
    this.open();
    const me = this.sql('SELECT m.seq, m.id, m.day, m.ingested_at AS ingestedAt, m.story_id AS storyId FROM article_meta m WHERE m.id = ?')
      .get(articleId.trim().toLowerCase()) as { seq: number; id: string; day: string; ingestedAt: string; storyId: string | null } | undefined;
    if (!me) return { article: null, reason: null };
    const skip = new Set(seen.map((s) => s.trim().toLowerCase()));
    skip.add(me.id);
    const dups = new Set(this.sql("SELECT b FROM article_links WHERE a = ? AND kind = 'near-duplicate'").pluck().all(me.seq) as number[]);
    if (me.storyId) {
      const members = this.sql(
        `SELECT a.seq, ${ARTICLE_COLUMNS} FROM articles a JOIN article_meta m ON m.seq = a.seq WHERE m.story_id = ? ORDER BY m.day, m.ingested_at, m.id LIMIT ${STORY_MAX_ARTICLES}`,
      ).all(me.storyId) as (ArticleRow & { seq: number })[];
      const unseen = members.filter((m) => !skip.has(m.id));
      const after = (m: ArticleRow) => m.day! > me.day || (m.day === me.day && (m.ingested_at > me.ingestedAt || (m.ingested_at === me.ingestedAt && m.id > me.id)));
      const fresh = unseen.filter((m) => !dups.has(m.seq));
      const pick = fresh.find(after) ?? fresh[0];
      if (pick) return { article: articleSummary(pick), reason: 'same-story' };
      const dup = unseen.find((m) => dups.has(m.seq));
      if (dup) return { article: articleSummary(dup), reason: 'near-duplicate' };
    }
    const related = this.sql(
      `SELECT l.kind, ${ARTICLE_COLUMNS} FROM article_links l JOIN articles a ON a.seq = l.b JOIN article_meta m ON m.seq = a.seq
        WHERE l.a = ? ORDER BY l.score DESC, a.id LIMIT 200`,
    ).all(me.seq) as (ArticleRow & { kind: string })[];
    const next = related.find((r) => !skip.has(r.id));
    if (next) return { article: articleSummary(next), reason: next.kind === 'near-duplicate' ? 'near-duplicate' : 'related' };
    return { article: null, reason: null };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** Applied migrations, oldest first (for tests and `doctor`-style diagnostics). */
  migrations(): { version: number; name: string; appliedAt: string }[] {
    return this.open()
      .prepare('SELECT version, name, applied_at AS appliedAt FROM schema_migrations ORDER BY version')
      .all() as { version: number; name: string; appliedAt: string }[];
  }

  /** The current journal mode ("wal" for a file, "memory" for :memory:). */
  journalMode(): string {
    return String(this.open().pragma('journal_mode', { simple: true }));
  }
}

/** A SQLite file from some other program: refuse rather than add our tables to it. */
function refuseForeign(db: Database.Database, path: string): void {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
  if (tables.length > 0 && !tables.includes('schema_migrations')) {
    throw new NewsgraphError(`${path}: not a newsgraph database (a SQLite database with other tables)`);
  }
}

function migrate(db: Database.Database, path: string): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const version = db.prepare('SELECT coalesce(max(version), 0) FROM schema_migrations').pluck();
  const current = version.get() as number;
  if (current > SCHEMA_VERSION) {
    throw new NewsgraphError(`${path}: database schema version ${current} is newer than this newsgraph supports (${SCHEMA_VERSION}); upgrade newsgraph`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    // IMMEDIATE takes the write lock first; re-reading the version inside it means two processes
    // opening a new file at once do not both apply the same migration.
    db.transaction(() => {
      if ((version.get() as number) >= m.version) return;
      db.exec(m.sql);
      m.up?.(db);
      record.run(m.version, m.name, new Date().toISOString());
    }).immediate();
  }
}
