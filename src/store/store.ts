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

export interface Store {
  /** Store an analysed document; a document whose id is already stored is left as it is. */
  put(doc: Doc): Promise<PutResult>;
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
}
