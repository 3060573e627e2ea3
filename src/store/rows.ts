// What the SQLite and PostgreSQL stores share in answering queries: page bounds, the columns an article summary is
// read from, and turning those rows into the Store interface's shapes.
import type { ArticleSummary, Page } from './store.js';

export const DEFAULT_LIST_LIMIT = 50;
export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_LIMIT = 1000;
/** Shortest id prefix `get` accepts. */
export const MIN_PREFIX = 6;
/** Facets count over at most this many best hits; each facet lists at most FACET_SIZE values. */
export const FACET_HITS = 250;
export const FACET_SIZE = 20;
/** Full-text hits ranked per query: the most recently stored matches. */
export const RANK_WINDOW = 500;
/** Search totals are exact up to this many matches, and this number beyond ("10,000+"). */
export const TOTAL_CAP = 10_000;
export const DETAIL_LIMIT = 50;
export const STORY_PREVIEW = 5;
export const STORY_MAX_ARTICLES = 500;

export const NEWEST = 'm.day DESC, m.ingested_at DESC, m.id';
export const SUMMARY_COLUMNS = 'a.id, a.source, a.url, a.title, a.published, a.ingested_at';
export const ARTICLE_COLUMNS = 'a.id, a.source, a.url, a.title, a.published, a.ingested_at, m.story_id, m.dek, m.site_name, m.day';
export const QUOTE_COLUMNS = 'a.id AS article_id, a.title, a.published, q.quote';
export const EVENT_COLUMNS = 'a.id AS article_id, a.title, a.published, ev.event';

export function pageOf(page: Page | undefined, defaultLimit: number): { limit: number; offset: number } {
  const int = (v: number | undefined, dflt: number): number =>
    v === undefined || !Number.isFinite(v) ? dflt : Math.max(0, Math.floor(v));
  return { limit: Math.min(int(page?.limit, defaultLimit), MAX_LIMIT), offset: int(page?.offset, 0) };
}

export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export interface SummaryRow {
  id: string;
  source: string;
  url: string | null;
  title: string | null;
  published: string | null;
  ingested_at: string;
}

export interface ArticleRow extends SummaryRow {
  story_id: string | null;
  dek: string | null;
  site_name: string | null;
  day: string | null;
}

export interface StoryRow {
  id: string;
  title: string | null;
  size: number;
  first: string | null;
  last: string | null;
}

export function summary(r: SummaryRow): ArticleSummary {
  return { id: r.id, source: r.source, url: r.url, title: r.title, published: r.published, ingestedAt: r.ingested_at };
}

export function articleSummary(r: ArticleRow): ArticleSummary {
  return { ...summary(r), storyId: r.story_id, dek: r.dek, siteName: r.site_name };
}
