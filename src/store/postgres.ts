// The PostgreSQL store (pg Pool): the same tables and semantics as the SQLite store; full-text search with a
// generated tsvector column (title weight A, body B, GIN index), ranked with ts_rank_cd (postgres-search.ts).
import pg from 'pg';
import type { PoolClient, QueryResultRow } from 'pg';
import { isoWeek } from '../analyze/dates.js';
import { errorMessage, NewsgraphError } from '../errors.js';
import { linkDay } from '../link/features.js';
import type { Doc } from '../model.js';
import { insertArticle } from './postgres-annotations.js';
import { PgLinker, STORY_BY_ID } from './postgres-link.js';
import { migratePg, TS_CONFIG, type PgQuery } from './postgres-schema.js';
import { normalizeKey } from './query-terms.js';
import { articleFilters, likePrefix, noNul, Params, tsQuery, whereOf } from './postgres-query.js';
import { PgSearch } from './postgres-search.js';
import {
  ARTICLE_COLUMNS, articleSummary, DEFAULT_LIST_LIMIT, DEFAULT_SEARCH_LIMIT, DETAIL_LIMIT, EVENT_COLUMNS, MIN_PREFIX,
  NEWEST, oneLine, pageOf, QUOTE_COLUMNS, STORY_MAX_ARTICLES, STORY_PREVIEW, summary,
  SUMMARY_COLUMNS, type ArticleRow, type StoryRow, type SummaryRow,
} from './rows.js';
import type {
  ArticleQuery, ArticleSummary, EntityDetail, EntityQuery, EntitySummary, EventHit, EventQuery, Facets, NextArticle,
  Page, Paged, PutResult, QuoteHit, QuoteQuery, SearchHit, Store, Story,
} from './store.js';

const HEADLINE_TEXT = 100_000;
/** ts_headline options: plain text (no markup), a short excerpt of up to two fragments. */
const HEADLINE_OPTS = 'StartSel="", StopSel="", MaxWords=30, MinWords=12, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "';

function storedText<T extends string | null | undefined>(v: T): T {
  return (typeof v === 'string' && v.includes('\u0000') ? v.replace(/\u0000/g, '\ufffd') : v) as T;
}

interface EntityRow {
  key: string;
  name: string;
  type: string;
  country: string | null;
  actor_code: string | null;
  roles: string[];
  articles: number;
  mentions: number;
}

function entitySummary(r: EntityRow): EntitySummary {
  return {
    key: r.key, name: r.name, type: r.type, country: r.country, actorCode: r.actor_code,
    roles: r.roles, articles: r.articles, mentions: r.mentions,
  };
}

interface QuoteRow { article_id: string; title: string | null; published: string | null; quote: QuoteHit['quote'] }
const quoteHit = (r: QuoteRow): QuoteHit => ({ articleId: r.article_id, title: r.title, published: r.published, quote: r.quote });
interface EventRow { article_id: string; title: string | null; published: string | null; event: EventHit['event'] }
const eventHit = (r: EventRow): EventHit => ({ articleId: r.article_id, title: r.title, published: r.published, event: r.event });


export interface PostgresOptions {
  /** The schema to use (created if missing); default: the connection's search_path. */
  schema?: string;
  /** Pool size (default 4). */
  max?: number;
  /**
   * Commit every transaction of this store asynchronously (synchronous_commit off), markSeen included; puts always
   * are (see write). For a caller whose own bookkeeping makes a lost tail harmless: the queue worker, whose jobs are
   * re-delivered and whose puts are idempotent. A server crash then forgets at most the last fraction of a second,
   * in commit order, never a put while keeping what came after it.
   */
  asyncCommit?: boolean;
}

/** Where a connection string points, without credentials: `host:port/database`. */
export function describeTarget(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname && u.pathname !== '/' ? u.pathname : ''}`;
  } catch {
    return 'PostgreSQL';
  }
}

export class PostgresStore implements Store {
  private closed = false;
  private readonly linker = new PgLinker();
  private readonly searcher = new PgSearch((text, values) => this.q(text, values), (text, values) => this.qBitmap(text, values));

  private constructor(
    private readonly pool: pg.Pool,
    readonly target: string,
    private readonly schema: string | undefined,
  ) {}

  /** Connects and migrates. Throws a one-line NewsgraphError naming the host (never the password) on failure. */
  static async open(url: string, options: PostgresOptions = {}): Promise<PostgresStore> {
    const target = describeTarget(url);
    const schema = options.schema;
    if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
      throw new NewsgraphError(`invalid PostgreSQL schema name '${schema}'`);
    }
    const settings = [...(schema ? [`-c search_path=${schema}`] : []), ...(options.asyncCommit ? ['-c synchronous_commit=off'] : [])];
    const pool = new pg.Pool({
      connectionString: url,
      max: options.max ?? 4,
      connectionTimeoutMillis: 10_000,
      ...(settings.length ? { options: settings.join(' ') } : {}),
    });
    // An idle client losing its connection must not crash the process; the next query reports it.
    pool.on('error', () => undefined);
    let client: PoolClient;
    try {
      client = await pool.connect();
    } catch (e) {
      await pool.end().catch(() => undefined);
      throw new NewsgraphError(`cannot connect to PostgreSQL at ${target}: ${oneLine(errorMessage(e))}`);
    }
    try {
      await migratePg(client, `PostgreSQL at ${target}`, schema);
    } catch (e) {
      client.release();
      await pool.end().catch(() => undefined);
      if (e instanceof NewsgraphError) throw e;
      throw new NewsgraphError(`PostgreSQL at ${target}: cannot migrate the schema: ${oneLine(errorMessage(e))}`);
    }
    client.release();
    return new PostgresStore(pool, target, schema);
  }

  private check(): void {
    if (this.closed) throw new NewsgraphError(`PostgreSQL at ${this.target}: store is closed`);
  }

  private async q<T extends QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
    this.check();
    return (await this.pool.query<T>(text, values.map(noNul))).rows;
  }

  /**
   * A query planned without plain index scans (SET LOCAL enable_indexscan = off, in its own transaction): for the
   * search's newest-matches windows, where the planner would walk the primary key testing every row's tsvector
   * instead of intersecting the GIN and primary-key bitmaps (see postgres-search.ts).
   */
  private async qBitmap<T extends QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
    this.check();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL enable_indexscan = off');
      const r = await client.query<T>(text, values.map(noNul));
      await client.query('COMMIT');
      return r.rows;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  private async one<T extends QueryResultRow>(text: string, values: unknown[] = []): Promise<T | undefined> {
    return (await this.q<T>(text, values))[0];
  }

  private async countOf(text: string, values: unknown[] = []): Promise<number> {
    return (await this.one<{ n: number }>(text, values))!.n;
  }

  /**
   * Runs `body` in a transaction. Writers do not wait for each other while they store an article's own rows; the
   * article insert then takes the store's write lock (transaction-scoped, so held until commit) for the part that
   * must see every earlier write: entity counts and story linking (postgres-link.ts).
   *
   * Such a transaction commits asynchronously (synchronous_commit off, set by the insert): the lock is released
   * without waiting for the WAL flush, which would otherwise be most of the time it is held. Visibility is
   * unchanged; durability comes with the next synchronous commit of any session, which flushes the WAL up to its
   * own record and so ours: every writer here follows put with one (the worker's job completion, ingest's
   * markSeen), so a crash of the server cannot lose an article whose job or input is recorded as done.
   *
   * A deadlock (putMany holding the lock while inserting an article another put has inserted but not yet linked)
   * or a serialization failure rolls back and runs `body` again: puts are idempotent, so a retry is safe.
   */
  private async write<T>(body: (db: PgQuery) => Promise<T>): Promise<T> {
    this.check();
    for (let attempt = 1; ; attempt++) {
      const db = await this.pool.connect();
      // Document strings go in as stored text (U+0000 replaced).
      const q: PgQuery = {
        query: (text, values, name) => db.query({
          text,
          values: values?.map((v) =>
            typeof v === 'string' ? storedText(v) : Array.isArray(v) ? v.map((x: unknown) => (typeof x === 'string' ? storedText(x) : x)) : v),
          ...(name ? { name } : {}),
        }),
      };
      try {
        await db.query('BEGIN');
        const out = await body(q);
        await db.query('COMMIT');
        return out;
      } catch (e) {
        await db.query('ROLLBACK').catch(() => undefined);
        const code = (e as { code?: string }).code;
        if ((code === '40P01' || code === '40001') && attempt < 5) continue;
        throw e;
      } finally {
        db.release();
      }
    }
  }

  private async putOne(db: PgQuery, doc: Doc, ingestedAt: string): Promise<PutResult> {
    if (typeof doc?.id !== 'string' || !/^[0-9a-f]{64}$/.test(doc.id)) {
      throw new NewsgraphError(`cannot store a document without a sha256 content-hash id (got '${String(doc?.id)}')`);
    }
    // The article and its own rows; an id stored concurrently waits on the unique index, then is found stored (null).
    const seq = await insertArticle(db, doc, linkDay(doc.article.published, ingestedAt), ingestedAt);
    if (seq === null) return { id: doc.id, inserted: false };
    // Now holding the write lock: entity counts and story linking.
    await this.linker.link(db, seq, doc.id, doc, ingestedAt);
    return { id: doc.id, inserted: true };
  }

  async put(doc: Doc): Promise<PutResult> {
    return this.write((db) => this.putOne(db, doc, new Date().toISOString()));
  }

  /** Many documents in one transaction: all are stored or, if anything throws, none of this batch is. */
  async putMany(docs: Iterable<Doc>): Promise<PutResult[]> {
    const at = new Date().toISOString();
    const list = [...docs]; // a retry (see write) needs them again
    return this.write(async (db) => {
      const out: PutResult[] = [];
      for (const doc of list) out.push(await this.putOne(db, doc, at));
      return out;
    });
  }

  async has(id: string): Promise<boolean> {
    return (await this.one('SELECT 1 FROM articles WHERE id = $1', [id])) !== undefined;
  }

  async get(idOrPrefix: string): Promise<Doc | null> {
    this.check();
    const key = idOrPrefix.trim().toLowerCase();
    if (!/^[0-9a-f]+$/.test(key)) return null;
    if (key.length === 64) return (await this.one<{ doc: Doc }>('SELECT doc FROM articles WHERE id = $1', [key]))?.doc ?? null;
    if (key.length < MIN_PREFIX) {
      throw new NewsgraphError(`id prefix '${idOrPrefix}' is too short: give at least ${MIN_PREFIX} hex characters`);
    }
    // Hex ids sort below 'g' (C collation), so [prefix, prefix || 'g') is exactly the ids starting with it, on the index.
    const docs = await this.q<{ doc: Doc }>("SELECT doc FROM articles WHERE id >= $1 AND id < $1 || 'g' ORDER BY id LIMIT 2", [key]);
    if (docs.length > 1) {
      throw new NewsgraphError(`id prefix '${idOrPrefix}' is ambiguous: it matches more than one article; give more characters`);
    }
    return docs[0]?.doc ?? null;
  }

  async list(page?: Page): Promise<ArticleSummary[]> {
    const { limit, offset } = pageOf(page, DEFAULT_LIST_LIMIT);
    return (await this.q<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM articles a ORDER BY a.ingested_at DESC, a.id LIMIT $1 OFFSET $2`, [limit, offset])).map(summary);
  }

  async count(): Promise<number> {
    return this.countOf('SELECT count(*)::int AS n FROM articles');
  }

  async search(query: string, page?: Page): Promise<SearchHit[]> {
    this.check();
    const params = new Params();
    const tsq = tsQuery(query, params);
    if (tsq === null) return [];
    const { limit, offset } = pageOf(page, DEFAULT_SEARCH_LIMIT);
    const rows = await this.q<SummaryRow & { snippet: string | null; rank: number }>(
      `SELECT ${SUMMARY_COLUMNS}, ts_rank_cd(a.tsv, qq.q, 1) AS rank,
              ts_headline('${TS_CONFIG}', left(a.doc->'article'->>'text', ${HEADLINE_TEXT}), qq.q, '${HEADLINE_OPTS}') AS snippet
         FROM articles a, (SELECT ${tsq} AS q) qq
        WHERE a.tsv @@ qq.q
        ORDER BY rank DESC, a.id LIMIT ${params.p(limit)} OFFSET ${params.p(offset)}`,
      params.values,
    );
    return rows.map((r) => ({ ...summary(r), snippet: oneLine(r.snippet ?? ''), score: r.rank }));
  }

  async markSeen(key: string, id: string): Promise<void> {
    await this.q(
      `INSERT INTO seen (key, id, seen_at) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET id = excluded.id, seen_at = excluded.seen_at`,
      [key, id, new Date().toISOString()],
    );
  }

  async seen(key: string): Promise<string | null> {
    return (await this.one<{ id: string }>('SELECT id FROM seen WHERE key = $1', [key]))?.id ?? null;
  }

  // --- the analyst's queries -------------------------------------------------------------------------------------

  async listArticles(query: ArticleQuery = {}): Promise<Paged<ArticleSummary>> {
    const { limit, offset } = pageOf(query, DEFAULT_SEARCH_LIMIT);
    const params = new Params();
    const w = whereOf(articleFilters(query, params, true));
    const total = await this.countOf(`SELECT count(*)::int AS n FROM article_meta m ${w}`, params.values);
    const items = (await this.q<ArticleRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles a JOIN article_meta m ON m.seq = a.seq ${w}
        ORDER BY ${NEWEST} LIMIT ${params.p(limit)} OFFSET ${params.p(offset)}`,
      params.values,
    )).map(articleSummary);
    return { items, total };
  }

  async searchArticles(query: ArticleQuery): Promise<Paged<SearchHit>> {
    this.check();
    return this.searcher.searchArticles(query);
  }

  async facets(query: ArticleQuery): Promise<Facets> {
    this.check();
    return this.searcher.facets(query);
  }

  async entities(query: EntityQuery = {}): Promise<Paged<EntitySummary>> {
    const { limit, offset } = pageOf(query, DEFAULT_SEARCH_LIMIT);
    const params = new Params();
    const where: string[] = [];
    if (query.type) where.push(`type = ${params.p(query.type.trim().toLowerCase())}`);
    if (query.country) where.push(`country = ${params.p(query.country.trim().toUpperCase())}`);
    if (query.q?.trim()) where.push(`strpos(lower(name), ${params.p(query.q.trim().toLowerCase())}) > 0`);
    const w = whereOf(where);
    const total = await this.countOf(`SELECT count(*)::int AS n FROM entities ${w}`, params.values);
    const items = (await this.q<EntityRow>(
      `SELECT * FROM entities ${w} ORDER BY articles DESC, mentions DESC, key LIMIT ${params.p(limit)} OFFSET ${params.p(offset)}`,
      params.values,
    )).map(entitySummary);
    return { items, total };
  }

  async entity(key: string): Promise<EntityDetail | null> {
    const k = normalizeKey(key);
    const row = await this.one<EntityRow>('SELECT * FROM entities WHERE key = $1', [k]);
    if (!row) return null;
    const events = async (side: 'source_key' | 'target_key') =>
      (await this.q<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events ev JOIN articles a ON a.seq = ev.article_seq
          WHERE ev.${side} = $1 ORDER BY ev.day DESC NULLS LAST, ev.seq LIMIT ${DETAIL_LIMIT}`,
        [k],
      )).map(eventHit);
    const [articles, quotes, eventsAsSource, eventsAsTarget, days] = await Promise.all([
      this.q<ArticleRow>(
        `SELECT ${ARTICLE_COLUMNS} FROM article_entities ae JOIN articles a ON a.seq = ae.article_seq JOIN article_meta m ON m.seq = a.seq
          WHERE ae.key = $1 ORDER BY ${NEWEST} LIMIT ${DETAIL_LIMIT}`,
        [k],
      ).then((rs) => rs.map(articleSummary)),
      this.q<QuoteRow>(
        `SELECT ${QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.seq = q.article_seq
          WHERE q.speaker_key = $1 ORDER BY q.day DESC, q.seq LIMIT ${DETAIL_LIMIT}`,
        [k],
      ).then((rs) => rs.map(quoteHit)),
      events('source_key'),
      events('target_key'),
      this.q<{ day: string; n: number }>('SELECT day, sum(mentions)::int AS n FROM article_entities WHERE key = $1 GROUP BY day', [k]),
    ]);
    const weeks = new Map<string, number>();
    for (const r of days) {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(r.day);
      if (!m) continue;
      const week = isoWeek({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) });
      weeks.set(week, (weeks.get(week) ?? 0) + r.n);
    }
    const mentionsOverTime = [...weeks].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([period, count]) => ({ period, count }));
    return { entity: entitySummary(row), articles, quotes, eventsAsSource, eventsAsTarget, mentionsOverTime };
  }

  async quotes(query: QuoteQuery = {}): Promise<Paged<QuoteHit>> {
    this.check();
    const { limit, offset } = pageOf(query, DEFAULT_SEARCH_LIMIT);
    const params = new Params();
    const where: string[] = [];
    const speaker = query.speaker?.trim();
    if (speaker) {
      if (speaker.includes(':')) where.push(`q.speaker_key = ${params.p(normalizeKey(speaker))}`);
      else where.push(`strpos(lower(q.speaker_name), ${params.p(speaker.toLowerCase())}) > 0`);
    }
    const tsq = query.q ? tsQuery(query.q, params) : null;
    if (tsq !== null) where.push(`q.tsv @@ ${tsq}`);
    const w = whereOf(where);
    const total = await this.countOf(`SELECT count(*)::int AS n FROM quotes q ${w}`, params.values);
    const items = (await this.q<QuoteRow>(
      `SELECT ${QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.seq = q.article_seq ${w}
        ORDER BY q.day DESC, q.seq LIMIT ${params.p(limit)} OFFSET ${params.p(offset)}`,
      params.values,
    )).map(quoteHit);
    return { items, total };
  }

  async events(query: EventQuery = {}): Promise<Paged<EventHit>> {
    const { limit, offset } = pageOf(query, DEFAULT_SEARCH_LIMIT);
    const params = new Params();
    const where: string[] = [];
    const side = (value: string, sides: ('source' | 'target')[]) => {
      const v = value.trim();
      if (v.includes(':')) {
        const k = params.p(normalizeKey(v));
        where.push(`(${sides.map((s) => `ev.${s}_key = ${k}`).join(' OR ')})`);
      } else {
        const p = params.p(likePrefix(v.toUpperCase()));
        where.push(`(${sides.map((s) => `ev.${s}_code LIKE ${p}`).join(' OR ')})`);
      }
    };
    if (query.actor?.trim()) side(query.actor, ['source', 'target']);
    if (query.source?.trim()) side(query.source, ['source']);
    if (query.target?.trim()) side(query.target, ['target']);
    if (query.code?.trim()) where.push(`ev.code LIKE ${params.p(likePrefix(query.code.trim()))}`);
    if (query.from) where.push(`ev.day >= ${params.p(query.from)}`);
    if (query.to) where.push(`ev.day <= ${params.p(query.to)}`);
    const w = whereOf(where);
    const total = await this.countOf(`SELECT count(*)::int AS n FROM events ev ${w}`, params.values);
    const items = (await this.q<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events ev JOIN articles a ON a.seq = ev.article_seq ${w}
        ORDER BY ev.day DESC NULLS LAST, ev.seq LIMIT ${params.p(limit)} OFFSET ${params.p(offset)}`,
      params.values,
    )).map(eventHit);
    return { items, total };
  }

  async stories(page: Page = {}): Promise<Paged<Story>> {
    const { limit, offset } = pageOf(page, DEFAULT_SEARCH_LIMIT);
    const rows = await this.q<StoryRow>('SELECT * FROM stories ORDER BY last_seq DESC LIMIT $1 OFFSET $2', [limit, offset]);
    const total = await this.countOf('SELECT count(*)::int AS n FROM stories');
    return { items: await Promise.all(rows.map((r) => this.storyWith(r, STORY_PREVIEW))), total };
  }

  async story(id: string): Promise<Story | null> {
    const r = await this.one<StoryRow>(STORY_BY_ID, [id.trim().toLowerCase()]);
    return r ? this.storyWith(r, STORY_MAX_ARTICLES) : null;
  }

  private async storyWith(r: StoryRow, max: number): Promise<Story> {
    const articles = (await this.q<ArticleRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles a JOIN article_meta m ON m.seq = a.seq WHERE m.story_id = $1
        ORDER BY m.day, m.ingested_at, m.id LIMIT $2`,
      [r.id, max],
    )).map(articleSummary);
    return { id: r.id, title: r.title, size: r.size, first: r.first, last: r.last, articles };
  }

  async storyOf(articleId: string): Promise<{ id: string; size: number } | null> {
    const r = await this.one<{ id: string; size: number }>(
      'SELECT s.id, s.size FROM article_meta m JOIN stories s ON s.id = m.story_id WHERE m.id = $1',
      [articleId.trim().toLowerCase()],
    );
    return r ?? null;
  }

  async nextStory(articleId: string, seen: string[] = []): Promise<NextArticle> {
    const me = await this.one<{ seq: number; id: string; day: string; ingested_at: string; story_id: string | null }>(
      'SELECT m.seq, m.id, m.day, m.ingested_at, m.story_id FROM article_meta m WHERE m.id = $1',
      [articleId.trim().toLowerCase()],
    );
    if (!me) return { article: null, reason: null };
    const skip = new Set(seen.map((s) => s.trim().toLowerCase()));
    skip.add(me.id);
    const dups = new Set((await this.q<{ b: number }>("SELECT b FROM article_links WHERE a = $1 AND kind = 'near-duplicate'", [me.seq])).map((r) => r.b));
    if (me.story_id) {
      const members = await this.q<ArticleRow & { seq: number }>(
        `SELECT a.seq, ${ARTICLE_COLUMNS} FROM articles a JOIN article_meta m ON m.seq = a.seq WHERE m.story_id = $1
          ORDER BY m.day, m.ingested_at, m.id LIMIT ${STORY_MAX_ARTICLES}`,
        [me.story_id],
      );
      const unseen = members.filter((m) => !skip.has(m.id));
      const after = (m: ArticleRow) =>
        m.day! > me.day || (m.day === me.day && (m.ingested_at > me.ingested_at || (m.ingested_at === me.ingested_at && m.id > me.id)));
      const fresh = unseen.filter((m) => !dups.has(m.seq));
      const pick = fresh.find(after) ?? fresh[0];
      if (pick) return { article: articleSummary(pick), reason: 'same-story' };
      const dup = unseen.find((m) => dups.has(m.seq));
      if (dup) return { article: articleSummary(dup), reason: 'near-duplicate' };
    }
    const related = await this.q<ArticleRow & { kind: string }>(
      `SELECT l.kind, ${ARTICLE_COLUMNS} FROM article_links l JOIN articles a ON a.seq = l.b JOIN article_meta m ON m.seq = a.seq
        WHERE l.a = $1 ORDER BY l.score DESC, a.id LIMIT 200`,
      [me.seq],
    );
    const next = related.find((r) => !skip.has(r.id));
    if (next) return { article: articleSummary(next), reason: next.kind === 'near-duplicate' ? 'near-duplicate' : 'related' };
    return { article: null, reason: null };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  /** Applied migrations, oldest first. */
  async migrations(): Promise<{ version: number; name: string; appliedAt: string }[]> {
    return this.q('SELECT version, name, applied_at AS "appliedAt" FROM schema_migrations ORDER BY version');
  }

  /** The schema this store works in (its search_path), if one was given. */
  get schemaName(): string | undefined {
    return this.schema;
  }
}
