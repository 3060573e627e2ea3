// Dyad analytics: the events between two actors over time, counted by CAMEO quad class, with mean Goldstein.
// An actor is a CAMEO code prefix: "USA" matches "USA", "USAGOV", "USAMIL". Events from a to b count, and, when
// symmetric (the default), events from b to a too; each period reports both direction counts.
import { isoWeek } from './dates.js';
import type { NewsEvent } from '../model.js';

export type DyadBy = 'day' | 'week' | 'month';

/** What the series needs of an event; `date` is the day it is counted on (YYYY-MM-DD, or YYYY-MM for 'month'). */
export type DyadEvent = Pick<NewsEvent, 'quadClass' | 'goldstein' | 'source' | 'target' | 'date'>;

export interface DyadPeriod {
  /** "2025-04-25" (day), "2025-W17" (ISO week), "2025-04" (month). */
  period: string;
  verbalCoop: number;
  materialCoop: number;
  verbalConflict: number;
  materialConflict: number;
  total: number;
  /** Mean Goldstein score of the period's events, or null when there are none with a score. */
  meanGoldstein: number | null;
  /** Events from a to b. */
  aToB: number;
  /** Events from b to a (0 unless symmetric). */
  bToA: number;
}

export interface DyadOptions {
  symmetric?: boolean;
}

const QUAD_KEYS = ['verbalCoop', 'materialCoop', 'verbalConflict', 'materialConflict'] as const;

function matches(code: string | null | undefined, prefix: string): boolean {
  return !!code && code.toUpperCase().startsWith(prefix);
}

/** The period key of a date, or null when the date is not precise enough for `by`. */
export function periodOf(date: string | null | undefined, by: DyadBy): string | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(date ?? '');
  if (!m) return null;
  const [, y, mo, d] = m;
  if (by === 'month') return `${y}-${mo}`;
  if (!d) return null;
  if (by === 'day') return `${y}-${mo}-${d}`;
  return isoWeek({ y: Number(y), m: Number(mo), d: Number(d) });
}

/** Per-period counts of the events between a and b, periods in order; events without a usable date are skipped. */
export function dyadSeries(events: Iterable<DyadEvent>, a: string, b: string, by: DyadBy, opts: DyadOptions = {}): DyadPeriod[] {
  const symmetric = opts.symmetric ?? true;
  const A = a.toUpperCase();
  const B = b.toUpperCase();
  const periods = new Map<string, DyadPeriod & { goldSum: number; goldN: number }>();
  for (const e of events) {
    const ab = matches(e.source?.code, A) && matches(e.target?.code, B);
    const ba = !ab && symmetric && matches(e.source?.code, B) && matches(e.target?.code, A);
    if (!ab && !ba) continue;
    const key = periodOf(e.date, by);
    if (!key) continue;
    let p = periods.get(key);
    if (!p) {
      p = { period: key, verbalCoop: 0, materialCoop: 0, verbalConflict: 0, materialConflict: 0, total: 0, meanGoldstein: null, aToB: 0, bToA: 0, goldSum: 0, goldN: 0 };
      periods.set(key, p);
    }
    const q = QUAD_KEYS[e.quadClass - 1];
    if (q) p[q]++;
    p.total++;
    if (ab) p.aToB++;
    else p.bToA++;
    if (Number.isFinite(e.goldstein)) {
      p.goldSum += e.goldstein;
      p.goldN++;
    }
  }
  return [...periods.values()]
    .sort((x, y) => (x.period < y.period ? -1 : x.period > y.period ? 1 : 0))
    .map(({ goldSum, goldN, ...p }) => ({ ...p, meanGoldstein: goldN ? goldSum / goldN : null }));
}
