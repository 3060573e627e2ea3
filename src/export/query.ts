// Event queries over a store: page through the stored documents (bounded memory: one page of summaries and one
// document at a time) and keep the events that match an actor prefix, a CAMEO code prefix and a date range. With an
// actor or code, the store's event index says which articles to read.
import { NewsgraphError } from '../errors.js';
import type { Doc, NewsEvent } from '../model.js';
import type { ArticleSummary, Store } from '../store/store.js';

/** A validated filter; every field optional. Dates are YYYY-MM-DD and inclusive. */
export interface EventFilter {
  /** CAMEO actor code prefix, upper case ("USA" matches "USAGOV"); matches the source or the target. */
  actor?: string;
  /** CAMEO event code prefix ("19" matches "190", "193"). */
  code?: string;
  from?: string;
  to?: string;
}

export interface RawFilter {
  actor?: string | undefined;
  code?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Checks a CAMEO actor code prefix given by a user: letters only; returns it upper-cased. */
export function checkActor(value: string, name = '--actor'): string {
  const v = value.trim().toUpperCase();
  if (!/^[A-Z]{1,15}$/.test(v)) {
    throw new NewsgraphError(`${name} must be a CAMEO actor code or prefix (letters, e.g. USA or USAGOV), found '${value}'`);
  }
  return v;
}

function checkCode(value: string): string {
  const v = value.trim();
  if (!/^\d{1,4}$/.test(v)) throw new NewsgraphError(`--code must be a CAMEO event code or prefix (1 to 4 digits, e.g. 19 or 0431), found '${value}'`);
  return v;
}

/** A real calendar day written YYYY-MM-DD. */
export function isDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

function checkDay(value: string, name: string): string {
  const v = value.trim();
  if (!isDay(v)) throw new NewsgraphError(`${name} must be YYYY-MM-DD, found '${value}'`);
  return v;
}

/** Validates user input (CLI options) into a filter; throws NewsgraphError with a one-line message. */
export function parseFilter(raw: RawFilter): EventFilter {
  const f: EventFilter = {};
  if (raw.actor != null) f.actor = checkActor(raw.actor);
  if (raw.code != null) f.code = checkCode(raw.code);
  if (raw.from != null) f.from = checkDay(raw.from, '--from');
  if (raw.to != null) f.to = checkDay(raw.to, '--to');
  if (f.from && f.to && f.from > f.to) throw new NewsgraphError(`--from ${f.from} is after --to ${f.to}`);
  return f;
}

/** The YYYY-MM-DD day of an ISO date or date-time string, or null when it is not (at least) a full day. */
export function dayOf(s: string | null | undefined): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(s?.trim() ?? '');
  return m && isDay(m[1]!) ? m[1]! : null;
}

/** The day an event is dated by: its own date when that is a full day, else the article's published day. */
export function eventDay(event: Pick<NewsEvent, 'date'>, doc: Doc): string | null {
  return dayOf(event.date) ?? dayOf(doc.article.published);
}

export function actorMatches(actor: NewsEvent['source'], prefix: string): boolean {
  return !!actor?.code && actor.code.toUpperCase().startsWith(prefix);
}

function inRange(day: string | null, f: EventFilter): boolean {
  if (!f.from && !f.to) return true;
  if (!day) return false;
  return (!f.from || day >= f.from) && (!f.to || day <= f.to);
}

export function matchEvent(event: NewsEvent, doc: Doc, f: EventFilter): boolean {
  if (f.actor && !actorMatches(event.source, f.actor) && !actorMatches(event.target, f.actor)) return false;
  if (f.code && !event.code.startsWith(f.code)) return false;
  return inRange(eventDay(event, doc), f);
}

export function isEmptyFilter(f: EventFilter): boolean {
  return !f.actor && !f.code && !f.from && !f.to;
}

/**
 * Whether a whole article passes (for per-article exports such as GKG): every article when the filter is empty;
 * else one with a matching event, or, when only dates are given, one published in the range.
 */
export function matchDoc(doc: Doc, f: EventFilter): boolean {
  if (isEmptyFilter(f)) return true;
  if (doc.events.some((e) => matchEvent(e, doc, f))) return true;
  return !f.actor && !f.code && inRange(dayOf(doc.article.published), f);
}

export interface StoredDoc {
  doc: Doc;
  summary: ArticleSummary;
}

export interface MatchedEvent extends StoredDoc {
  event: NewsEvent;
  /** The event's index in `doc.events` (stable: GDELT ids derive from it). */
  index: number;
}

/**
 * The ids of the articles that have an event with the filter's actor and code, read from the store's event index;
 * null when the filter names neither (then every article must be read). A superset of what matchEvent keeps: dates
 * are left to matchEvent, which dates events exactly as the export does.
 */
export async function candidateIds(store: Store, f: EventFilter): Promise<Set<string> | null> {
  if (!f.actor && !f.code) return null;
  const ids = new Set<string>();
  const limit = 1000;
  for (let offset = 0; ; offset += limit) {
    const page = await store.events({ ...(f.actor ? { actor: f.actor } : {}), ...(f.code ? { code: f.code } : {}), limit, offset });
    for (const hit of page.items) ids.add(hit.articleId);
    if (page.items.length < limit) return ids;
  }
}

/**
 * Every stored document, a page of summaries at a time, newest ingest first; with `only`, just those articles
 * (summaries are still paged in store order, but only the listed documents are read and parsed).
 */
export async function* storedDocs(store: Store, pageSize = 200, only: Set<string> | null = null): AsyncGenerator<StoredDoc> {
  if (only && only.size === 0) return;
  let left = only?.size ?? Infinity;
  for (let offset = 0; left > 0; offset += pageSize) {
    const page = await store.list({ limit: pageSize, offset });
    for (const summary of page) {
      if (only && !only.has(summary.id)) continue;
      left--;
      const doc = await store.get(summary.id);
      if (doc) yield { doc, summary };
    }
    if (page.length < pageSize) return;
  }
}

/** The stored events that pass a filter, in store order and event order. */
export async function* queryEvents(store: Store, f: EventFilter, pageSize?: number): AsyncGenerator<MatchedEvent> {
  for await (const sd of storedDocs(store, pageSize, await candidateIds(store, f))) {
    for (const [index, event] of (sd.doc.events ?? []).entries()) {
      if (matchEvent(event, sd.doc, f)) yield { ...sd, event, index };
    }
  }
}

/** The stored articles that pass a filter (see matchDoc). */
export async function* queryDocs(store: Store, f: EventFilter, pageSize?: number): AsyncGenerator<StoredDoc> {
  for await (const sd of storedDocs(store, pageSize, await candidateIds(store, f))) if (matchDoc(sd.doc, f)) yield sd;
}
