// The SQLite annotation index: a stored document's entities, per-article mention counts, actor codes, quotes and
// events in tables (written in the put transaction), so the analyst's queries never parse stored JSON.
import type Database from 'better-sqlite3';
import { entityKey } from '../link/features.js';
import type { Doc, EventActor } from '../model.js';

/** Schema of the annotation tables (part of migration 2). */
export const ANNOTATION_SQL = `
  -- Per-article columns the queries filter and sort on, beside (not in) articles: a column added to articles would
  -- sit after the stored JSON, and reading it would walk the document's overflow pages.
  CREATE TABLE article_meta (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    day TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    source TEXT NOT NULL,
    published_day TEXT,
    host TEXT,
    site_name TEXT,
    dek TEXT,
    outlet TEXT,
    story_id TEXT
  );
  CREATE INDEX article_meta_by_day ON article_meta (day DESC, ingested_at DESC, id);
  CREATE INDEX article_meta_by_published ON article_meta (published_day);
  CREATE INDEX article_meta_by_story ON article_meta (story_id, day);

  -- One row per entity key over the whole store.
  CREATE TABLE entities (
    key TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    country TEXT,
    actor_code TEXT,
    roles TEXT NOT NULL DEFAULT '[]',
    articles INTEGER NOT NULL DEFAULT 0,
    mentions INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX entities_by_articles ON entities (articles DESC, key);
  -- Which articles mention which entity, how often; day denormalized for time windows and series.
  CREATE TABLE article_entities (
    key TEXT NOT NULL,
    day TEXT NOT NULL,
    article_seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (key, day, article_seq)
  ) WITHOUT ROWID;
  CREATE INDEX article_entities_by_article ON article_entities (article_seq, type, key);
  CREATE INDEX article_entities_by_type ON article_entities (type, article_seq);
  -- CAMEO actor codes on an article's entities and events.
  CREATE TABLE article_actors (
    code TEXT NOT NULL,
    article_seq INTEGER NOT NULL,
    PRIMARY KEY (code, article_seq)
  ) WITHOUT ROWID;
  CREATE TABLE quotes (
    seq INTEGER PRIMARY KEY,
    article_seq INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    day TEXT NOT NULL,
    speaker_key TEXT,
    speaker_name TEXT,
    text TEXT NOT NULL,
    quote TEXT NOT NULL
  );
  CREATE INDEX quotes_by_speaker ON quotes (speaker_key, day DESC);
  CREATE INDEX quotes_by_speaker_name ON quotes (speaker_name COLLATE NOCASE);
  CREATE INDEX quotes_by_day ON quotes (day DESC, seq);
  CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, content = 'quotes', content_rowid = 'seq', tokenize = 'porter unicode61 remove_diacritics 2'
  );
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY,
    article_seq INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    day TEXT,
    code TEXT NOT NULL,
    label TEXT,
    source_code TEXT,
    target_code TEXT,
    source_key TEXT,
    target_key TEXT,
    event TEXT NOT NULL
  );
  CREATE INDEX events_by_article ON events (article_seq);
  CREATE INDEX events_by_code ON events (code);
  CREATE INDEX events_by_source_code ON events (source_code);
  CREATE INDEX events_by_target_code ON events (target_code);
  CREATE INDEX events_by_source_key ON events (source_key);
  CREATE INDEX events_by_target_key ON events (target_key);
  CREATE INDEX events_by_day ON events (day DESC, seq);
`;

/** The YYYY-MM-DD day of an ISO date or date-time, or null. */
export function dayOfIso(s: string | null | undefined): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(s?.trim() ?? '');
  return m ? m[1]! : null;
}

export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

/** Per-article columns derived from the document. */
export function articleColumns(doc: Doc, day: string) {
  const a = doc.article;
  const host = hostOf(a.url ?? doc.input.url);
  return {
    day,
    source: a.source ?? doc.input.source,
    published_day: dayOfIso(a.published),
    host,
    site_name: a.siteName ?? null,
    dek: a.dek ?? null,
    outlet: a.siteName?.trim() || host || a.source || doc.input.source,
  };
}

export class AnnotationIndex {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      article: db.prepare(
        `INSERT INTO article_meta (seq, id, day, ingested_at, source, published_day, host, site_name, dek, outlet)
         VALUES (@seq, @id, @day, @ingestedAt, @source, @published_day, @host, @site_name, @dek, @outlet)`,
      ),
      entityRoles: db.prepare('SELECT roles FROM entities WHERE key = ?').pluck(),
      upsertEntity: db.prepare(
        `INSERT INTO entities (key, name, type, country, actor_code, roles, articles, mentions)
         VALUES (@key, @name, @type, @country, @actorCode, @roles, 1, @mentions)
         ON CONFLICT (key) DO UPDATE SET
           articles = articles + 1,
           mentions = mentions + excluded.mentions,
           country = coalesce(country, excluded.country),
           actor_code = coalesce(actor_code, excluded.actor_code),
           roles = excluded.roles`,
      ),
      articleEntity: db.prepare(
        'INSERT OR IGNORE INTO article_entities (key, day, article_seq, type, mentions) VALUES (?, ?, ?, ?, ?)',
      ),
      actor: db.prepare('INSERT OR IGNORE INTO article_actors (code, article_seq) VALUES (?, ?)'),
      quote: db.prepare(
        `INSERT INTO quotes (article_seq, idx, day, speaker_key, speaker_name, text, quote)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      quoteFts: db.prepare('INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)'),
      event: db.prepare(
        `INSERT INTO events (article_seq, idx, day, code, label, source_code, target_code, source_key, target_key, event)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
  }

  /** Index one newly stored document (`seq` its articles row); `day` is its link day. */
  index(seq: number, doc: Doc, day: string, ingestedAt: string): void {
    this.s.article.run({ seq, id: doc.id, ingestedAt, ...articleColumns(doc, day) });
    const publishedDay = dayOfIso(doc.article.published);

    // Entities, merged by key within the document.
    const { byId, merged } = mergeEntities(doc);
    const actors = new Set<string>();
    for (const m of merged.values()) {
      const old = this.s.entityRoles.get(m.key) as string | undefined;
      const roles = new Set<string>(old ? (JSON.parse(old) as string[]) : []);
      for (const r of m.roles) roles.add(r);
      this.s.upsertEntity.run({
        key: m.key, name: m.name, type: m.type, country: m.country, actorCode: m.actorCode,
        roles: JSON.stringify([...roles].sort()), mentions: m.mentions,
      });
      this.s.articleEntity.run(m.key, day, seq, m.type, m.mentions);
      if (m.actorCode) actors.add(m.actorCode.toUpperCase());
    }

    for (const [idx, q] of (doc.quotes ?? []).entries()) {
      const speakerKey = q.speaker ? (byId.get(q.speaker.id) ?? null) : null;
      const r = this.s.quote.run(seq, idx, day, speakerKey, q.speaker?.name ?? null, q.text ?? '', JSON.stringify(q));
      this.s.quoteFts.run(r.lastInsertRowid, q.text ?? '');
    }

    const keyOf = (a: EventActor | null) => (a?.entity ? (byId.get(a.entity) ?? null) : null);
    for (const [idx, e] of (doc.events ?? []).entries()) {
      const sourceCode = e.source?.code?.toUpperCase() ?? null;
      const targetCode = e.target?.code?.toUpperCase() ?? null;
      if (sourceCode) actors.add(sourceCode);
      if (targetCode) actors.add(targetCode);
      this.s.event.run(
        seq, idx, dayOfIso(e.date) ?? publishedDay, e.code, e.label ?? null, sourceCode, targetCode,
        keyOf(e.source), keyOf(e.target), JSON.stringify(e),
      );
    }
    for (const code of actors) this.s.actor.run(code, seq);
  }
}

/** A document's entities merged by key (`type:lower-case name`), with each entity id's key. */
export function mergeEntities(doc: Doc): { byId: Map<string, string>; merged: Map<string, MergedEntity> } {
  const byId = new Map<string, string>();
  const merged = new Map<string, MergedEntity>();
  for (const e of doc.entities ?? []) {
    if (!e?.name?.trim()) continue;
    const key = entityKey(e);
    byId.set(e.id, key);
    const m = merged.get(key);
    if (m) {
      m.mentions += e.mentions?.length ?? 0;
      for (const r of e.roles ?? []) m.roles.add(r);
      m.country ??= e.country ?? null;
      m.actorCode ??= e.actorCode ?? null;
    } else {
      merged.set(key, {
        key, name: e.name.trim(), type: e.type, country: e.country ?? null, actorCode: e.actorCode ?? null,
        roles: new Set(e.roles ?? []), mentions: e.mentions?.length ?? 0,
      });
    }
  }
  return { byId, merged };
}

export interface MergedEntity {
  key: string;
  name: string;
  type: string;
  country: string | null;
  actorCode: string | null;
  roles: Set<string>;
  mentions: number;
}
