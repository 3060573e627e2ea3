// Published dates: normalizing what pages write into ISO 8601.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?/i;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** ISO 8601 (date, or date-time with offset as written) for a date string; null when it is not a date. */
export function toIsoDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  if (!s || s.length > 80) return null;
  const m = ISO.exec(s);
  if (m) {
    const [, y, mo, d, h, mi, sec, frac, zone] = m;
    if (+mo < 1 || +mo > 12 || +d < 1 || +d > 31) return null;
    if (h == null) return `${y}-${mo}-${d}`;
    let out = `${y}-${mo}-${d}T${h}:${mi}:${sec ?? '00'}`;
    if (frac) out += '.' + frac.slice(0, 3).padEnd(3, '0');
    if (zone) {
      if (/^(?:z|utc|gmt)$/i.test(zone)) out += 'Z';
      else out += zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
    }
    return out;
  }
  // epoch seconds/milliseconds
  if (/^\d{10}(?:\d{3})?$/.test(s)) {
    const ms = s.length === 10 ? +s * 1000 : +s;
    const d = new Date(ms);
    return isNaN(d.getTime()) ? null : d.toISOString();
  }
  if (!/\d{4}/.test(s) || !/[a-z]/i.test(s) && !/\d{1,2}[/.]\d{1,2}[/.]\d{4}/.test(s)) return null;
  const t = Date.parse(s);
  if (isNaN(t)) return null;
  const d = new Date(t);
  const y = d.getUTCFullYear();
  if (y < 1900 || y > 2200) return null;
  // a date with no time of day stays a date
  if (!/\d{1,2}:\d{2}/.test(s)) return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return d.toISOString();
}
