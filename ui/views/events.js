// An event as a small card: CAMEO label and code, source → target codes, Goldstein colour.
import { h } from '../dom.js';
import { goldsteinBadge, goldsteinColor, actorName, quadLabel, articleHref, fmtDate } from '../format.js';
import { link } from '../router.js';

function actorLink(a) {
  if (!a) return h('span', { class: 'code muted' }, '—');
  const label = actorName(a);
  return h('span', { class: 'code', title: a.name ?? '' }, label);
}

export function eventCard(ev, opts = {}) {
  const dyad =
    ev.source?.code && ev.target?.code
      ? link('/dyad', { a: ev.source.code.slice(0, 3), b: ev.target.code.slice(0, 3), by: 'month' })
      : null;
  return h(
    'div',
    {
      class: ['event', `quad-${ev.quadClass}`],
      style: { borderLeftColor: goldsteinColor(ev.goldstein) },
      title: `${quadLabel(ev.quadClass)} · CAMEO ${ev.code}`,
      dataset: { start: ev.start, end: ev.end },
    },
    h('div', { class: 'event-head' }, h('span', { class: 'event-label' }, ev.label), goldsteinBadge(ev.goldstein)),
    h(
      dyad && opts.dyadLink !== false ? 'a' : 'div',
      { class: 'event-actors', href: dyad && opts.dyadLink !== false ? dyad : null, title: dyad ? 'dyad timeline of these two actors' : null },
      actorLink(ev.source),
      h('span', { class: 'arrow', 'aria-label': 'acts on' }, ' → '),
      actorLink(ev.target),
      h('span', { class: 'cameo muted' }, ` · CAMEO ${ev.code}`),
    ),
    h(
      'div',
      { class: 'event-meta muted' },
      [ev.source?.name, ev.target?.name].filter(Boolean).join(' → '),
      ev.location?.name ? ` · ${ev.location.name}` : '',
      ev.date ? ` · ${ev.date}` : '',
    ),
  );
}

/** A table of EventHits (actor page, map). */
export function eventTable(hits, empty = 'No events.') {
  if (!hits?.length) return h('p', { class: 'muted' }, empty);
  return h(
    'table',
    { class: 'events' },
    h('thead', {}, h('tr', {}, ['Date', 'Event', 'Source → target', 'Goldstein', 'Article'].map((t) => h('th', {}, t)))),
    h(
      'tbody',
      {},
      hits.map(({ articleId, title, published, event: ev }) =>
        h(
          'tr',
          {},
          h('td', { class: 'nowrap' }, ev.date ?? fmtDate(published)),
          h('td', {}, ev.label, h('span', { class: 'muted' }, ` ${ev.code}`)),
          h(
            'td',
            { class: 'nowrap' },
            actorLink(ev.source),
            ' → ',
            actorLink(ev.target),
          ),
          h('td', {}, goldsteinBadge(ev.goldstein)),
          h('td', {}, h('a', { href: articleHref(articleId) }, title || '(untitled)')),
        ),
      ),
    ),
  );
}
