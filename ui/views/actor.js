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
        code3 ? h('a', { href: link('/search', { actor: e.key }) }, 'Articles') : null,
      ),
      h('section', {}, h('h2', {}, 'Mentions over time'), barChart(d.mentionsOverTime ?? [], { label: 'mentions' })),
      h('section', {}, h('h2', {}, `Quotes (${d.quotes?.length ?? 0})`), quoteList(d.quotes)),
      h('section', {}, h('h2', {}, 'Events as source'), eventTable(d.eventsAsSource, 'No events with this actor as source.')),
      h('section', {}, h('h2', {}, 'Events as target'), eventTable(d.eventsAsTarget, 'No events with this actor as target.')),
      h('section', {}, h('h2', {}, 'Articles'), h('ul', { class: 'articles' }, (d.articles ?? []).map((a) => articleRow(a)))),
    ),
  );
}
