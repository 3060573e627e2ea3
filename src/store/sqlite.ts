// The embedded store: one SQLite file (better-sqlite3), WAL, FTS5 full-text search over title + text.
import Database from 'better-sqlite3';
import { NewsgraphError } from '../errors.js';
import type { Doc } from '../model.js';
import type { ArticleSummary, Page, PutResult, SearchHit, Store } from './store.js';

interface Migration {
  version: number;
  name: string;
  sql: string;
}

// Numbered, append-only: never edit a released migration, add a new one.
const MIGRATIONS: Migration[] = [
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
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

const DEFAULT_LIST_LIMIT = 50;
const DEFAULT_SEARCH_LIMIT = 20;
const MAX_LIMIT = 1000;
const MIN_PREFIX = 6;
const MAX_QUERY_TERMS = 64;

/** Words and "quoted phrases" of a user query; stray quotes and pure punctuation are dropped. */
export function parseQuery(query: string): string[] {
  const terms: string[] = [];
  for (const m of query.normalize('NFC').matchAll(/"([^"]*)"|([^\s"]+)/g)) {
    const term = (m[1] ?? m[2] ?? '').trim().replace(/\s+/g, ' ');
    // A term with no letter or digit tokenizes to nothing; FTS5 would turn it into an empty phrase.
    if (/[\p{L}\p{N}]/u.test(term)) terms.push(term);
    if (terms.length >= MAX_QUERY_TERMS) break;
  }
  return terms;
}

/** An FTS5 MATCH expression: every term a quoted string, implicitly ANDed. Raw FTS5 syntax never passes through. */
export function ftsQuery(query: string): string | null {
  const terms = parseQuery(query);
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ');
}

function pageOf(page: Page | undefined, defaultLimit: number): { limit: number; offset: number } {
  const int = (v: number | undefined, dflt: number): number =>
    v === undefined || !Number.isFinite(v) ? dflt : Math.max(0, Math.floor(v));
  return { limit: Math.min(int(page?.limit, defaultLimit), MAX_LIMIT), offset: int(page?.offset, 0) };
}

interface SummaryRow {
  id: string;
  source: string;
  url: string | null;
  title: string | null;
  published: string | null;
  ingested_at: string;
}

function summary(r: SummaryRow): ArticleSummary {
  return { id: r.id, source: r.source, url: r.url, title: r.title, published: r.published, ingestedAt: r.ingested_at };
}

function isSqliteError(e: unknown): e is Error & { code: string } {
  return e instanceof Error && typeof (e as { code?: unknown }).code === 'string';
}

const SUMMARY_COLUMNS = 'a.id, a.source, a.url, a.title, a.published, a.ingested_at';

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
    this.stmt.insertFts.run(r.lastInsertRowid, a.title, a.text);
    return { id: doc.id, inserted: true };
  }

  async put(doc: Doc): Promise<PutResult> {
    const db = this.open();
    // IMMEDIATE: take the write lock up front, so a concurrent writer waits on busy_timeout instead of failing.
    return db.transaction(() => this.putOne(doc, new Date().toISOString())).immediate();
  }

  /** Many documents in one transaction: all are stored or, if anything throws, none of this batch is. */
  async putMany(docs: Iterable<Doc>): Promise<PutResult[]> {
    const db = this.open();
    const at = new Date().toISOString();
    return db.transaction(() => {
      const out: PutResult[] = [];
      for (const doc of docs) out.push(this.putOne(doc, at));
      return out;
    }).immediate();
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
      record.run(m.version, m.name, new Date().toISOString());
    }).immediate();
  }
}
