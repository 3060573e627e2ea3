// Schema of the PostgreSQL store, in numbered, append-only migrations (never edit a released one, add a new one).
// Same tables and semantics as the SQLite store (sqlite.ts, annotations.ts, link/sqlite.ts); ids, keys, codes and
// days are COLLATE "C" so ordering and prefix ranges are by code point, as in SQLite.
import type { PoolClient, QueryResult, QueryResultRow } from 'pg';
import { NewsgraphError } from '../errors.js';

/**
 * What the put path needs of a client: parameterized queries (the store wraps its transaction's client); `name`
 * makes it a prepared statement (parsed once per connection; the text must never vary under one name).
 */
export interface PgQuery {
  query<T extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[], name?: string): Promise<QueryResult<T>>;
}

export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

/** The text-search configuration: English stemming (as SQLite's porter tokenizer). */
export const TS_CONFIG = 'english';
/** Body text indexed per article (tsvector values are limited to 1 MB). */
export const TS_MAX_TEXT = 300_000;

export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'articles, full-text search, seen',
    sql: `
      CREATE TABLE articles (
        seq integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text COLLATE "C" NOT NULL UNIQUE,
        source text NOT NULL,
        url text,
        title text,
        published text,
        ingested_at text COLLATE "C" NOT NULL,
        doc jsonb NOT NULL,
        -- Title weighted A, body B: ts_rank_cd weighs A matches 1.0 and B matches 0.4.
        tsv tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('${TS_CONFIG}'::regconfig, coalesce(title, '')), 'A') ||
          setweight(to_tsvector('${TS_CONFIG}'::regconfig, left(coalesce(doc->'article'->>'text', ''), ${TS_MAX_TEXT})), 'B')
        ) STORED
      );
      CREATE INDEX articles_by_ingest ON articles (ingested_at DESC, id);
      CREATE INDEX articles_tsv ON articles USING gin (tsv);
      CREATE TABLE seen (
        key text PRIMARY KEY,
        id text NOT NULL,
        seen_at text NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'annotation index (entities, quotes, events), stories and story links',
    sql: `
      CREATE TABLE article_meta (
        seq integer PRIMARY KEY,
        id text COLLATE "C" NOT NULL UNIQUE,
        day text COLLATE "C" NOT NULL,
        ingested_at text COLLATE "C" NOT NULL,
        source text NOT NULL,
        published_day text COLLATE "C",
        host text,
        site_name text,
        dek text,
        outlet text,
        story_id text COLLATE "C"
      );
      CREATE INDEX article_meta_by_day ON article_meta (day DESC, ingested_at DESC, id);
      CREATE INDEX article_meta_by_published ON article_meta (published_day);
      CREATE INDEX article_meta_by_story ON article_meta (story_id, day);

      CREATE TABLE entities (
        key text COLLATE "C" PRIMARY KEY,
        name text NOT NULL,
        type text NOT NULL,
        country text,
        actor_code text,
        roles jsonb NOT NULL DEFAULT '[]',
        articles integer NOT NULL DEFAULT 0,
        mentions integer NOT NULL DEFAULT 0
      );
      CREATE INDEX entities_by_articles ON entities (articles DESC, key);
      CREATE TABLE article_entities (
        key text COLLATE "C" NOT NULL,
        day text COLLATE "C" NOT NULL,
        article_seq integer NOT NULL,
        type text NOT NULL,
        mentions integer NOT NULL,
        PRIMARY KEY (key, day, article_seq)
      );
      CREATE INDEX article_entities_by_article ON article_entities (article_seq, type, key);
      CREATE INDEX article_entities_by_type ON article_entities (type, article_seq);
      CREATE TABLE article_actors (
        code text COLLATE "C" NOT NULL,
        article_seq integer NOT NULL,
        PRIMARY KEY (code, article_seq)
      );
      CREATE TABLE quotes (
        seq integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        article_seq integer NOT NULL,
        idx integer NOT NULL,
        day text COLLATE "C" NOT NULL,
        speaker_key text COLLATE "C",
        speaker_name text,
        text text NOT NULL,
        quote jsonb NOT NULL,
        tsv tsvector GENERATED ALWAYS AS (to_tsvector('${TS_CONFIG}'::regconfig, left(text, ${TS_MAX_TEXT}))) STORED
      );
      CREATE INDEX quotes_by_speaker ON quotes (speaker_key, day DESC);
      CREATE INDEX quotes_by_speaker_name ON quotes (lower(speaker_name));
      CREATE INDEX quotes_by_day ON quotes (day DESC, seq);
      CREATE INDEX quotes_tsv ON quotes USING gin (tsv);
      CREATE TABLE events (
        seq integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        article_seq integer NOT NULL,
        idx integer NOT NULL,
        day text COLLATE "C",
        code text COLLATE "C" NOT NULL,
        label text,
        source_code text COLLATE "C",
        target_code text COLLATE "C",
        source_key text COLLATE "C",
        target_key text COLLATE "C",
        event jsonb NOT NULL
      );
      CREATE INDEX events_by_article ON events (article_seq);
      CREATE INDEX events_by_code ON events (code);
      CREATE INDEX events_by_source_code ON events (source_code);
      CREATE INDEX events_by_target_code ON events (target_code);
      CREATE INDEX events_by_source_key ON events (source_key);
      CREATE INDEX events_by_target_key ON events (target_key);
      CREATE INDEX events_by_day ON events (day DESC, seq);

      CREATE TABLE stories (
        id text COLLATE "C" PRIMARY KEY,
        title text,
        size integer NOT NULL,
        first text COLLATE "C",
        last text COLLATE "C",
        last_seq integer NOT NULL,
        updated_at text NOT NULL
      );
      CREATE INDEX stories_by_update ON stories (last_seq DESC);
      CREATE TABLE link_features (
        article_seq integer PRIMARY KEY,
        day text COLLATE "C" NOT NULL,
        terms jsonb NOT NULL,
        entities jsonb NOT NULL,
        sig bytea
      );
      CREATE TABLE lsh (
        bucket bigint NOT NULL,
        article_seq integer NOT NULL,
        PRIMARY KEY (bucket, article_seq)
      );
      CREATE TABLE term_df (
        term text COLLATE "C" PRIMARY KEY,
        df integer NOT NULL
      );
      CREATE TABLE article_terms (
        term text COLLATE "C" NOT NULL,
        day text COLLATE "C" NOT NULL,
        article_seq integer NOT NULL,
        PRIMARY KEY (term, day, article_seq)
      );
      CREATE TABLE article_links (
        a integer NOT NULL,
        b integer NOT NULL,
        score double precision NOT NULL,
        kind text NOT NULL,
        PRIMARY KEY (a, b)
      );
    `,
  },
  {
    version: 3,
    name: 'story merges: stories an article bridges become one; merged ids resolve to the survivor',
    // As SQLite's migration 4 (link/sqlite.ts MERGE_SQL): from_id → into_id, re-pointed so chains stay one step long.
    sql: `
      CREATE TABLE story_merges (
        from_id text COLLATE "C" PRIMARY KEY,
        into_id text COLLATE "C" NOT NULL,
        merged_at text NOT NULL
      );
      CREATE INDEX story_merges_by_into ON story_merges (into_id);
    `,
  },
];

export const PG_SCHEMA_VERSION = PG_MIGRATIONS[PG_MIGRATIONS.length - 1]!.version;

/**
 * Applies the missing migrations in one transaction under an advisory lock keyed by the schema, so several processes
 * opening the same database at once apply each migration exactly once (the others wait, then find it recorded).
 * Returns the versions applied by this call.
 */
export async function migratePg(client: PoolClient, where: string, schema?: string): Promise<number[]> {
  const applied: number[] = [];
  await client.query('BEGIN');
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('newsgraph:migrate:' || coalesce($1, current_schema(), '')))", [schema ?? null]);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)`);
    const r = await client.query<{ v: number }>('SELECT coalesce(max(version), 0)::int AS v FROM schema_migrations');
    const current = r.rows[0]!.v;
    if (current > PG_SCHEMA_VERSION) {
      throw new NewsgraphError(`${where}: database schema version ${current} is newer than this newsgraph supports (${PG_SCHEMA_VERSION}); upgrade newsgraph`);
    }
    for (const m of PG_MIGRATIONS) {
      if (m.version <= current) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
  return applied;
}

/** A quoted SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** JSON for a jsonb parameter: jsonb cannot hold U+0000 (in a value or a key), so it is stored as U+FFFD. */
export function pgJson(v: unknown): string {
  const json = JSON.stringify(v);
  // The escape \u0000, not an escaped backslash followed by "u0000".
  return json.includes('\\u0000') ? json.replace(/(?<!\\)((?:\\\\)*)\\u0000/g, '$1\\ufffd') : json;
}
