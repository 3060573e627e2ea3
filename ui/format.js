// Small shared formatters: dates, entity type classes, CAMEO quad classes, Goldstein colours.
import { h } from './dom.js';
import { link } from './router.js';
import { enc } from './api.js';

/** The four highlight families of the reader; every other entity type falls under "other". */
export const TYPE_CLASSES = ['person', 'organization', 'location', 'other'];
export const typeClass = (type) => (TYPE_CLASSES.includes(type) ? type : 'other');

export const QUADS = [
  { key: 'verbalCoop', n: 1, label: 'Verbal cooperation', color: '#7cc4a4' },
  { key: 'materialCoop', n: 2, label: 'Material cooperation', color: '#1f8a5b' },
  { key: 'verbalConflict', n: 3, label: 'Verbal conflict', color: '#f0a35e' },
  { key: 'materialConflict', n: 4, label: 'Material conflict', color: '#c8413b' },
];
export const quadLabel = (n) => QUADS.find((q) => q.n === n)?.label ?? 'Unknown';

/** Goldstein −10 (red) … 0 (grey) … +10 (green). */
export function goldsteinColor(g) {
  const t = Math.max(-1, Math.min(1, Number(g) / 10));
  const hue = t < 0 ? 4 : 150;
  const sat = Math.round(15 + 55 * Math.abs(t));
  const light = Math.round(62 - 22 * Math.abs(t));
  return `hsl(${hue} ${sat}% ${light}%)`;
}

export function goldsteinBadge(g) {
  const v = Number(g);
  return h(
    'span',
    { class: 'goldstein', style: { background: goldsteinColor(v) }, title: 'Goldstein scale (−10 conflict … +10 cooperation)' },
    (v > 0 ? '+' : '') + v.toFixed(1),
  );
}

export function fmtDate(iso) {
  if (!iso) return 'date unknown';
  const s = String(iso);
  const d = new Date(s.length === 10 ? `${s}T00:00:00Z` : s);
  if (Number.isNaN(d.getTime())) return s;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export const articleHref = (id) => link(`/article/${enc(id)}`);
export const entityHref = (key) => link(`/entity/${enc(key)}`);

/** "SOURCE → TARGET" with the codes (or names when uncoded). */
export function actorName(a) {
  return a ? a.code || a.name || '?' : '—';
}

/** The host of a URL, or the source string. */
export function sourceLabel(s) {
  const v = s?.siteName || s?.url || s?.source || '';
  try {
    return new URL(v).host || v;
  } catch {
    return String(v).split(/[\\/]/).pop();
  }
}

/** A list row for an article summary. */
export function articleRow(a, extra = []) {
  return h(
    'li',
    { class: 'article-row' },
    h('a', { href: articleHref(a.id), class: 'title' }, a.title || '(untitled)'),
    h('span', { class: 'meta' }, `${fmtDate(a.published)} · ${sourceLabel(a)}`),
    extra,
  );
}

export function loading(text = 'Loading…') {
  return h('p', { class: 'muted loading' }, text);
}

export function errorBox(err) {
  return h('p', { class: 'error', role: 'alert' }, `Could not load: ${err?.message ?? err}`);
}
