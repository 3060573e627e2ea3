// The actor page: who the entity is (roles, country, actor code), mentions over time, quotes, events both ways.
import { h, replace } from '../dom.js';
import { api, enc } from '../api.js';
import { errorBox, loading, articleRow } from '../format.js';
import { link } from '../router.js';
import { barChart } from './minichart.js';
import { quoteList } from './quotes-list.js';
import { eventTable } from './events.js';

export async function actorView(main, { params }) {
  main.append(loading());
  let d;
  try {
    d = await api(`entities/${enc(params.key)}`);
  } catch (err) {
    return replace(main, errorBox(err));
  }
  const e = d.entity;
  document.title = `${e.name} — newsgraph`;
  const code3 = e.actorCode ? e.actorCode.slice(0, 3) : e.country;
  const partner = topPartner(code3, d);
  const facts = [
    ['Type', e.type],
    ['Country', e.country ?? '—'],
    ['Actor code', e.actorCode ?? '—'],
    ['Articles', e.articles],
    ['Mentions', e.mentions],
  ];
  replace(
    main,
    h(
      'div',
      { class: 'actor' },
      h('h1', {}, h('span', { class: ['ent', `ent-${['person', 'organization', 'location'].includes(e.type) ? e.type : 'other'}`] }, e.name)),
      e.roles?.length ? h('p', { class: 'roles' }, e.roles.join(' · ')) : null,
      h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v))])),
      h(
        'p',
        { class: 'actions' },
        h('a', { href: link('/quotes', { speaker: e.key }) }, 'All quotes'),
        h('a', { href: link('/search', { actor: e.key }) }, 'Search within its articles'),
        code3 && partner ? h('a', { href: link('/dyad', { a: code3, b: partner, by: 'week' }) }, `Dyad ${code3} ↔ ${partner}`) : null,
      ),
      h('section', {}, h('h2', {}, 'Mentions over time'), barChart(d.mentionsOverTime ?? [], { label: 'mentions' })),
      h('section', {}, h('h2', {}, `Quotes (${d.quotes?.length ?? 0})`), quoteList(d.quotes)),
      h('section', {}, h('h2', {}, 'Events as source'), eventTable(d.eventsAsSource, 'No events with this actor as source.')),
      h('section', {}, h('h2', {}, 'Events as target'), eventTable(d.eventsAsTarget, 'No events with this actor as target.')),
      h('section', {}, h('h2', {}, 'Articles'), h('ul', { class: 'articles' }, (d.articles ?? []).map((a) => articleRow(a)))),
    ),
  );
}

/** The country code this actor's events most often involve on the other side. */
function topPartner(code3, d) {
  if (!code3) return null;
  const counts = new Map();
  const add = (a) => {
    const c = a?.code?.slice(0, 3);
    if (c && c !== code3) counts.set(c, (counts.get(c) ?? 0) + 1);
  };
  for (const x of d.eventsAsSource ?? []) add(x.event.target);
  for (const x of d.eventsAsTarget ?? []) add(x.event.source);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
