// The SQLite store's queries over the annotation index: entities (list and detail), quotes and events, each with
// filters and pages. The store delegates to this class, as it does search to SqliteSearch.
import type Database from 'better-sqlite3';
import { isoWeek } from '../analyze/dates.js';
import type { EntityDetail, EntityQuery, EntitySummary, EventHit, EventQuery, Paged, QuoteHit, QuoteQuery } from './store.js';
import { normalizeKey } from './query-terms.js';
import { ftsQuery, PREFIX_END } from './sqlite-search.js';
import type { Statements } from './sqlite-statements.js';
import {
  ARTICLE_COLUMNS, articleSummary, DEFAULT_SEARCH_LIMIT, DETAIL_LIMIT, EVENT_COLUMNS, NEWEST, pageOf, QUOTE_COLUMNS,
  type ArticleRow,
} from './rows.js';

interface EntityRow {
  key: string;
  name: string;
  type: string;
  country: string | null;
  actor_code: string | null;
  roles: string;
  articles: number;
  mentions: number;
}

function entitySummary(r: EntityRow): EntitySummary {
  return {
    key: r.key, name: r.name, type: r.type, country: r.country, actorCode: r.actor_code,
    roles: JSON.parse(r.roles) as string[], articles: r.articles, mentions: r.mentions,
  };
}

interface QuoteRow {
  article_id: string;
  title: string | null;
  published: string | null;
  quote: string;
}

function quoteHit(r: QuoteRow): QuoteHit {
  return { articleId: r.article_id, title: r.title, published: r.published, quote: JSON.parse(r.quote) };
}

interface EventRow {
  article_id: string;
  title: string | null;
  published: string | null;
  event: string;
}

function eventHit(r: EventRow): EventHit {
  return { articleId: r.article_id, title: r.title, published: r.published, event: JSON.parse(r.event) };
}

export class SqliteAnnotationQueries {
  constructor(private readonly statements: Statements) {}

  private sql(text: string): Database.Statement {
    return this.statements.get(text);
  }

  entities(query: EntityQuery = {}): Paged<EntitySummary> {
    const { limit, offset } = pageOf(query, DEFAULT_SEARCH_LIMIT);
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.type) {
      where.push('type = ?');
      params.push(query.type.trim().toLowerCase());
    }
    if (query.country) {
      where.push('country = ?');
      params.push(query.country.trim().toUpperCase());
    }
    if (query.q?.trim()) {
      where.push('instr(lower(name), ?) > 0');
      params.push(query.q.trim().toLowerCase());
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const items = (this.sql(`SELECT * FROM entities ${w} ORDER BY articles DESC, mentions DESC, key LIMIT ? OFFSET ?`)
      .all(...params, limit, offset) as EntityRow[]).map(entitySummary);
    const total = this.sql(`SELECT count(*) FROM entities ${w}`).pluck().get(...params) as number;
    return { items, total };
  }

  entity(key: string): EntityDetail | null {
    const k = normalizeKey(key);
    const row = this.sql('SELECT * FROM entities WHERE key = ?').get(k) as EntityRow | undefined;
    if (!row) return null;
    const articles = (this.sql(
      `SELECT ${ARTICLE_COLUMNS} FROM article_entities ae JOIN articles a ON a.seq = ae.article_seq JOIN article_meta m ON m.seq = a.seq
        WHERE ae.key = ? ORDER BY ${NEWEST} LIMIT ${DETAIL_LIMIT}`,
    ).all(k) as ArticleRow[]).map(articleSummary);
    const quotes = (this.sql(
      `SELECT ${QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.seq = q.article_seq JOIN article_meta m ON m.seq = a.seq
        WHERE q.speaker_key = ? ORDER BY q.day DESC, q.seq LIMIT ${DETAIL_LIMIT}`,
    ).all(k) as QuoteRow[]).map(quoteHit);
    const events = (side: 'source_key' | 'target_key') =>
      (this.sql(
        `SELECT ${EVENT_COLUMNS} FROM events ev JOIN articles a ON a.seq = ev.article_seq JOIN article_meta m ON m.seq = a.seq
          WHERE ev.${side} = ? ORDER BY ev.day DESC, ev.seq LIMIT ${DETAIL_LIMIT}`,
      ).all(k) as EventRow[]).map(eventHit);
    const weeks = new Map<string, number>();
    for (const r of this.sql('SELECT day, sum(mentions) AS n FROM article_entities WHERE key = ? GROUP BY day').all(k) as { day: string; n: number }[]) {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(r.day);
      if (!m) continue;
      const week = isoWeek({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) });
      weeks.set(week, (weeks.get(week) ?? 0) + r.n);
    }
    const mentionsOverTime = [...weeks].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([period, count]) => ({ period, count }));
    return { entity: entitySummary(row), articles, quotes, eventsAsSource: events('source_key'), eventsAsTarget: events('target_key'), mentionsOverTime };
  }

  quotes(query: QuoteQuery = {}): Paged<QuoteHit> {
    const { limit, offset } = pageOf(query, DEFAULT_SEARCH_LIMIT);
    const where: string[] = [];
    const params: unknown[] = [];
    const speaker = query.speaker?.trim();
    if (speaker) {
      if (speaker.includes(':')) {
        where.push('q.speaker_key = ?');
        params.push(normalizeKey(speaker));
      } else {
        where.push('instr(lower(q.speaker_name), ?) > 0');
        params.push(speaker.toLowerCase());
      }
    }
    const match = query.q ? ftsQuery(query.q) : null;
    if (match !== null) {
      where.push('q.seq IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)');
      params.push(match);
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const items = (this.sql(
      `SELECT ${QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.seq = q.article_seq JOIN article_meta m ON m.seq = a.seq ${w}
        ORDER BY q.day DESC, q.seq LIMIT ? OFFSET ?`,
    ).all(...params, limit, offset) as QuoteRow[]).map(quoteHit);
    const total = this.sql(`SELECT count(*) FROM quotes q ${w}`).pluck().get(...params) as number;
    return { items, total };
  }

  events(query: EventQuery = {}): Paged<EventHit> {
    const { limit, offset } = pageOf(query, DEFAULT_SEARCH_LIMIT);
    const where: string[] = [];
    const params: unknown[] = [];
    const side = (value: string, sides: ('source' | 'target')[]) => {
      const v = value.trim();
      if (v.includes(':')) {
        where.push(`(${sides.map((s) => `ev.${s}_key = ?`).join(' OR ')})`);
        for (const _ of sides) params.push(normalizeKey(v));
      } else {
        const p = v.toUpperCase();
        where.push(`(${sides.map((s) => `(ev.${s}_code >= ? AND ev.${s}_code < ?)`).join(' OR ')})`);
        for (const _ of sides) params.push(p, p + PREFIX_END);
      }
    };
    if (query.actor?.trim()) side(query.actor, ['source', 'target']);
    if (query.source?.trim()) side(query.source, ['source']);
    if (query.target?.trim()) side(query.target, ['target']);
    if (query.code?.trim()) {
      where.push('ev.code >= ? AND ev.code < ?');
      params.push(query.code.trim(), query.code.trim() + PREFIX_END);
    }
    if (query.from) {
      where.push('ev.day >= ?');
      params.push(query.from);
    }
    if (query.to) {
      where.push('ev.day <= ?');
      params.push(query.to);
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const items = (this.sql(
      `SELECT ${EVENT_COLUMNS} FROM events ev JOIN articles a ON a.seq = ev.article_seq JOIN article_meta m ON m.seq = a.seq ${w}
        ORDER BY ev.day IS NULL, ev.day DESC, ev.seq LIMIT ? OFFSET ?`,
    ).all(...params, limit, offset) as EventRow[]).map(eventHit);
    const total = this.sql(`SELECT count(*) FROM events ev ${w}`).pluck().get(...params) as number;
    return { items, total };
  }
}
