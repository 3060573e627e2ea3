// CLI commands over stored events: export (GDELT events, GKG, JSON lines, CSV) and dyad (a two-actor time series).
import { dyadSeries, type DyadBy, type DyadEvent, type DyadPeriod } from '../analyze/dyad.js';
import { NewsgraphError } from '../errors.js';
import { gdeltHeader, gdeltRow, tsvLines } from '../export/gdelt.js';
import { gkgHeader, toGkgRow } from '../export/gkg.js';
import { checkActor, dayOf, parseFilter, queryDocs, queryEvents, type RawFilter } from '../export/query.js';
import { csvHeader, csvRow, flattenEvent, jsonlLine } from '../export/tabular.js';
import { requireStore, withStore } from '../store/open.js';
import type { EventQuery, Store } from '../store/store.js';
import { writeOut } from './io.js';

export const EXPORT_FORMATS = ['gdelt', 'gkg', 'jsonl', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function checkFormat(f: string | undefined): ExportFormat {
  if (f && (EXPORT_FORMATS as readonly string[]).includes(f)) return f as ExportFormat;
  throw new NewsgraphError(`--format must be ${EXPORT_FORMATS.slice(0, -1).join(', ')} or csv, found '${f ?? ''}'`);
}

export function checkBy(by: string | undefined): DyadBy {
  const v = by ?? 'week';
  if (v === 'day' || v === 'week' || v === 'month') return v;
  throw new NewsgraphError(`--by must be day, week or month, found '${by}'`);
}

/**
 * The export as text chunks (one per row, header first when asked): gdelt and csv/jsonl have a row per matching
 * event, gkg a row per matching article. csv always has its header; `header` adds one to gdelt and gkg.
 */
export async function* exportLines(store: Store, format: ExportFormat, raw: RawFilter = {}, o: { header?: boolean } = {}): AsyncGenerator<string> {
  const filter = parseFilter(raw);
  if (format === 'gkg') {
    if (o.header) yield gkgHeader();
    for await (const { doc, summary } of queryDocs(store, filter)) yield tsvLines([toGkgRow(doc, { ingestedAt: summary.ingestedAt })]);
    return;
  }
  if (format === 'gdelt' && o.header) yield gdeltHeader();
  if (format === 'csv') yield csvHeader();
  for await (const { doc, summary, event, index } of queryEvents(store, filter)) {
    if (format === 'gdelt') yield tsvLines([gdeltRow(doc, event, index, { ingestedAt: summary.ingestedAt })]);
    else if (format === 'csv') yield csvRow(flattenEvent(doc, event, index));
    else yield jsonlLine(flattenEvent(doc, event, index));
  }
}

/**
 * The dyad series of the stored events; each event is dated by its own day, else its article's published day.
 * Reads only the events between A and B (both directions) through the store's event index, a page at a time; when
 * one code is a prefix of the other (USA, USAGOV) an event can match both on one side, so all of A's are read.
 */
export async function dyadFromStore(store: Store, a: string, b: string, by: DyadBy, opts: { symmetric?: boolean } = {}): Promise<DyadPeriod[]> {
  const A = checkActor(a, 'actor A');
  const B = checkActor(b, 'actor B');
  const queries: EventQuery[] = A.startsWith(B) || B.startsWith(A) ? [{ actor: A }] : [{ source: A, target: B }, { source: B, target: A }];
  const events: DyadEvent[] = [];
  const limit = 1000;
  for (const q of queries) {
    for (let offset = 0; ; offset += limit) {
      const page = await store.events({ ...q, limit, offset });
      // dyadSeries keeps the events from A to B (and back) itself.
      for (const { event: e, published } of page.items) {
        const day = dayOf(e.date) ?? dayOf(published);
        // A month-precise event date still counts for --by month.
        events.push({ quadClass: e.quadClass, goldstein: e.goldstein, source: e.source, target: e.target, date: day ?? e.date });
      }
      if (page.items.length < limit) break;
    }
  }
  return dyadSeries(events, A, B, by, opts);
}

/** The dyad table as text: period, the four quad-class counts, total, mean Goldstein, then both direction counts. */
export function dyadTable(rows: DyadPeriod[], a: string, b: string): string {
  const head = ['period', 'verbal coop', 'material coop', 'verbal conflict', 'material conflict', 'total', 'mean Goldstein', `${a}→${b}`, `${b}→${a}`];
  const body = rows.map((r) => [
    r.period,
    String(r.verbalCoop),
    String(r.materialCoop),
    String(r.verbalConflict),
    String(r.materialConflict),
    String(r.total),
    r.meanGoldstein == null ? '' : r.meanGoldstein.toFixed(2),
    String(r.aToB),
    String(r.bToA),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd() + '\n';
  return line(head) + body.map(line).join('');
}

export interface ExportCommandOptions extends RawFilter {
  db: string;
  format?: string;
  header?: boolean;
}

/** `newsgraph export --format gdelt|gkg|jsonl|csv [--actor X] [--code C] [--from D] [--to D] [--header]` → stdout. */
export async function cmdExport(o: ExportCommandOptions): Promise<number> {
  const format = checkFormat(o.format);
  parseFilter(o); // fail on bad filters before opening the store
  requireStore(o.db);
  return withStore(o.db, async (store) => {
    for await (const chunk of exportLines(store, format, o, { header: !!o.header })) await writeOut(chunk);
    return 0;
  });
}

/** `newsgraph dyad A B [--by day|week|month] [--json]`: a table (or JSON lines) of the events between A and B. */
export async function cmdDyad(a: string, b: string, o: { db: string; by?: string; json?: boolean; oneWay?: boolean }): Promise<number> {
  const by = checkBy(o.by);
  const A = checkActor(a, 'actor A');
  const B = checkActor(b, 'actor B');
  requireStore(o.db);
  return withStore(o.db, async (store) => {
    const rows = await dyadFromStore(store, A, B, by, { symmetric: !o.oneWay });
    if (o.json) {
      for (const r of rows) await writeOut(JSON.stringify(r) + '\n');
    } else if (!rows.length) {
      await writeOut(`no dated events between ${A} and ${B} in ${o.db}\n`);
    } else {
      await writeOut(dyadTable(rows, A, B));
    }
    return 0;
  });
}
