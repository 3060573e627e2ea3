// The one interface every store implements (SQLite now, PostgreSQL later).
// One contract suite (contract.ts) runs against each implementation.
import type { Doc } from '../model.js';

export interface ArticleSummary {
  id: string;
  source: string;
  url: string | null;
  title: string | null;
  published: string | null;
  /** ISO date-time when the article was first stored. */
  ingestedAt: string;
  /** The story the article belongs to (set by the query methods below; list() and search() leave it out). */
  storyId?: string | null;
  dek?: string | null;
  siteName?: string | null;
}

export interface SearchHit extends ArticleSummary {
  /** A short excerpt of the text around the match, plain text. */
  snippet: string;
  /** Higher is better. */
  score: number;
}

export interface Page {
  limit?: number;
  offset?: number;
}

export interface PutResult {
  id: string;
  /** False when an article with the same content hash was already stored (idempotent ingest). */
  inserted: boolean;
}

/** A page of a longer list; `total` counts every match. */
export interface Paged<T> {
  items: T[];
  total: number;
}

/**
 * Article filters (all optional, ANDed). `actor` is an entity key (`type:lower-case name`, it has a colon) or a CAMEO
 * actor code prefix found on the article's entities or events; `code` a CAMEO event code prefix; `from`/`to`
 * YYYY-MM-DD, inclusive, on the published day; `source` a case-insensitive substring of the source, URL host or site
 * name; `type` an entity type the article mentions (person, organization, location, …); `q` words as for search().
 */
export interface ArticleQuery extends Page {
  q?: string;
  actor?: string;
  code?: string;
  from?: string;
  to?: string;
  source?: string;
  type?: string;
}

export interface EntitySummary {
  /** `type:lower-case name`. */
  key: string;
  name: string;
  type: string;
  country: string | null;
  actorCode: string | null;
  roles: string[];
  /** Articles that mention it. */
  articles: number;
  /** Mentions over all articles. */
  mentions: number;
}

/** `q` a case-insensitive substring of the name; `country` ISO 3166 alpha-3. */
export interface EntityQuery extends Page {
  q?: string;
  type?: string;
  country?: string;
}

export interface QuoteHit {
  articleId: string;
  title: string | null;
  published: string | null;
  quote: import('../model.js').Quote;
}

export interface EventHit {
  articleId: string;
  title: string | null;
  published: string | null;
  event: import('../model.js').NewsEvent;
}

export interface EntityDetail {
  entity: EntitySummary;
  /** Newest first, at most 50. */
  articles: ArticleSummary[];
  /** Quotes it is the speaker of, newest first, at most 50. */
  quotes: QuoteHit[];
  eventsAsSource: EventHit[];
  eventsAsTarget: EventHit[];
  /** Mentions per ISO week ("2024-W10") of the article's day, in order. */
  mentionsOverTime: { period: string; count: number }[];
}

/** `speaker` an entity key or a speaker name (case-insensitive); `q` words of the quote text. */
export interface QuoteQuery extends Page {
  speaker?: string;
  q?: string;
}

/**
 * `actor` matches the source or the target, `source`/`target` one side; each an entity key or a CAMEO actor code
 * prefix. `code` a CAMEO event code prefix; `from`/`to` on the event's day (its own date, else the published day).
 */
export interface EventQuery extends Page {
  actor?: string;
  source?: string;
  target?: string;
  code?: string;
  from?: string;
  to?: string;
}

export interface Facets {
  /** Entity types mentioned by the matching articles: articles per type. */
  types: { name: string; count: number }[];
  /** The entities most matching articles mention. */
  actors: { key: string; name: string; count: number }[];
  /** CAMEO event codes in the matching articles: articles per code. */
  codes: { code: string; label: string; count: number }[];
  /** Outlets (site name, else URL host, else source). */
  sources: { name: string; count: number }[];
}

export interface Story {
  id: string;
  title: string | null;
  size: number;
  /** First and last day of its articles (published day, else ingest day). */
  first: string | null;
  last: string | null;
  /** Oldest first. In story lists, the first few only (see `size`). */
  articles: ArticleSummary[];
}

export type NextReason = 'same-story' | 'near-duplicate' | 'related';

export interface NextArticle {
  article: ArticleSummary | null;
  reason: NextReason | null;
}

export interface Store {
  /** Store an analysed document; a document whose id is already stored is left as it is. */
  put(doc: Doc): Promise<PutResult>;
  /** Many documents in one transaction: all are stored or, if anything throws, none of this batch is. */
  putMany(docs: Iterable<Doc>): Promise<PutResult[]>;
  has(id: string): Promise<boolean>;
  /** The stored document by full id or by a unique id prefix (at least 6 hex characters). */
  get(idOrPrefix: string): Promise<Doc | null>;
  list(page?: Page): Promise<ArticleSummary[]>;
  count(): Promise<number>;
  /** Full-text search over title and text; the query is words (quoted phrases allowed), never raw SQL syntax. */
  search(query: string, page?: Page): Promise<SearchHit[]>;
  /** Remember that an input (path or URL + size + mtime) produced a stored id, so a resumed ingest can skip it cheaply. */
  markSeen(key: string, id: string): Promise<void>;
  seen(key: string): Promise<string | null>;
  close(): Promise<void>;

  // --- the analyst's queries (indexed at put time) ---

  /** Articles matching the filters, newest first (published day, else ingest day). */
  listArticles(query?: ArticleQuery): Promise<Paged<ArticleSummary>>;
  /**
   * Full-text hits for `q` (best first) narrowed by the filters; without `q`, the newest articles with their lead.
   * A store may rank only the most recent matches of a very common query (SQLite: the newest 2,000); `total` counts all.
   */
  searchArticles(query: ArticleQuery): Promise<Paged<SearchHit>>;
  /** Facet counts over the articles matching a query (over its best 1,000 hits at most). */
  facets(query: ArticleQuery): Promise<Facets>;
  /** Entities by the number of articles mentioning them. */
  entities(query?: EntityQuery): Promise<Paged<EntitySummary>>;
  entity(key: string): Promise<EntityDetail | null>;
  quotes(query?: QuoteQuery): Promise<Paged<QuoteHit>>;
  events(query?: EventQuery): Promise<Paged<EventHit>>;
  /**
   * Stories, most recently updated first. Stories merge: when an article strongly belongs to more than one story
   * (link/choose.ts chooseStory), the others are merged into the largest (tie: the oldest), which keeps its id and
   * gets their members, size and days; the merged ones leave this list.
   */
  stories(page?: Page): Promise<Paged<Story>>;
  /** A story by id, or by the id of a story since merged into it (the surviving story, with its own id, is returned). */
  story(id: string): Promise<Story | null>;
  /** The story of an article (by full id; after a merge, the surviving story), or null for an unknown article. */
  storyOf(articleId: string): Promise<{ id: string; size: number } | null>;
  /** The most related article not in `seen`: the same story first (next by date), then the best related one. */
  nextStory(articleId: string, seen?: string[]): Promise<NextArticle>;
}
