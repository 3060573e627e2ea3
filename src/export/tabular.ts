// Events as flat records: JSON lines (one object per event) and CSV (RFC 4180 quoting, header first, "\n" line ends).
import type { Doc, NewsEvent } from '../model.js';
import { gdeltEventId } from './gdelt.js';
import { eventDay } from './query.js';

/** The flat columns, in CSV order. */
export const EVENT_COLUMNS = [
  'eventId', 'docId', 'index', 'day', 'date', 'code', 'rootCode', 'quadClass', 'goldstein', 'label',
  'sourceEntity', 'sourceName', 'sourceCode', 'targetEntity', 'targetName', 'targetCode',
  'locationName', 'locationCountry', 'locationLat', 'locationLon', 'start', 'end', 'sentence',
  'published', 'url', 'title',
] as const;

export type EventColumn = (typeof EVENT_COLUMNS)[number];
export type FlatEvent = Record<EventColumn, string | number | null>;

/** An event with its fields flattened; `day` is the date it is counted on (its own full day, else the published day). */
export function flattenEvent(doc: Doc, event: NewsEvent, index: number): FlatEvent {
  return {
    eventId: gdeltEventId(doc.id, index),
    docId: doc.id,
    index,
    day: eventDay(event, doc),
    date: event.date,
    code: event.code,
    rootCode: event.rootCode,
    quadClass: event.quadClass,
    goldstein: event.goldstein,
    label: event.label,
    sourceEntity: event.source?.entity ?? null,
    sourceName: event.source?.name ?? null,
    sourceCode: event.source?.code ?? null,
    targetEntity: event.target?.entity ?? null,
    targetName: event.target?.name ?? null,
    targetCode: event.target?.code ?? null,
    locationName: event.location?.name ?? null,
    locationCountry: event.location?.country ?? null,
    locationLat: event.location?.lat ?? null,
    locationLon: event.location?.lon ?? null,
    start: event.start,
    end: event.end,
    sentence: event.sentence,
    published: doc.article.published,
    url: doc.article.url ?? doc.input.url ?? null,
    title: doc.article.title,
  };
}

export function jsonlLine(rec: FlatEvent): string {
  return JSON.stringify(rec) + '\n';
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote, CR or LF, or edge spaces; quotes doubled. null → empty. */
export function csvField(v: string | number | null | undefined): string {
  if (v == null) return '';
  const s = String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map(csvField).join(',') + '\n';
}

export function csvHeader(): string {
  return csvLine(EVENT_COLUMNS);
}

export function csvRow(rec: FlatEvent): string {
  return csvLine(EVENT_COLUMNS.map((c) => rec[c]));
}
