// Search with facets: #/search?q=&type=&actor=&code=&source=. Snippets are plain text; the query words are marked
// by splitting the text (dom.highlight), never by HTML.
import { h, replace, highlight, queryWords } from '../dom.js';
import { api } from '../api.js';
import { errorBox, loading, articleHref, fmtDate, sourceLabel } from '../format.js';
import { go, link } from '../router.js';

const FILTERS = ['type', 'actor', 'code', 'source'];
const PAGE = 20;

function facet(title, param, entries, state) {
  if (!entries?.length) return null;
  return h(
    'section',
    { class: 'facet' },
    h('h3', {}, title),
    h(
      'ul',
      {},
      entries.slice(0, 12).map(({ value, label, count }) => {
        const active = state[param] === value;
        const href = link('/search', { ...state, [param]: active ? '' : value, offset: '' });
        return h(
          'li',
          { class: active ? 'active' : null },
          h('a', { href, title: active ? 'remove this filter' : `only ${label}` }, label),
          h('span', { class: 'count' }, String(count)),
        );
      }),
    ),
  );
}

export async function searchView(main, { query }) {
  const state = Object.fromEntries(['q', ...FILTERS, 'offset'].map((k) => [k, query.get(k) ?? '']));
  const offset = Math.max(0, Number(state.offset) || 0);
  const input = h('input', { type: 'search', name: 'q', value: state.q, placeholder: 'Search articles…', 'aria-label': 'Search' });
  const form = h('form', { class: 'searchbar', role: 'search' }, input, h('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    go('/search', { ...state, q: input.value.trim(), offset: '' });
  });
  const chips = FILTERS.filter((k) => state[k]).map((k) =>
    h('a', { class: 'chip', href: link('/search', { ...state, [k]: '', offset: '' }), title: 'remove filter' }, `${k}: ${state[k]} ✕`),
  );
  const side = h('aside', { class: 'facets' });
  const results = h('div', { class: 'results' }, loading());
  replace(main, h('h1', {}, 'Search'), form, chips.length ? h('div', { class: 'chips' }, chips) : null, h('div', { class: 'search-layout' }, results, side));
  setTimeout(() => !state.q && input.focus(), 0);

  let r;
  try {
    r = await api('search', { q: state.q, type: state.type, actor: state.actor, code: state.code, source: state.source, limit: PAGE, offset });
  } catch (err) {
    return replace(results, errorBox(err));
  }
  const f = r.facets ?? {};
  replace(
    side,
    facet('Entity type', 'type', f.types?.map((x) => ({ value: x.name, label: x.name, count: x.count })), state),
    facet('Actor', 'actor', f.actors?.map((x) => ({ value: x.key, label: x.name, count: x.count })), state),
    facet('CAMEO event', 'code', f.codes?.map((x) => ({ value: x.code, label: `${x.code} ${x.label ?? ''}`.trim(), count: x.count })), state),
    facet('Source', 'source', f.sources?.map((x) => ({ value: x.name, label: sourceLabel({ source: x.name }), count: x.count })), state),
  );
  const words = queryWords(state.q);
  const total = r.total ?? r.items.length;
  replace(
    results,
    h('p', { class: 'muted count-line' }, r.items.length ? `${total} result${total === 1 ? '' : 's'}` : 'No results.'),
    h(
      'ol',
      { class: 'hits', start: offset + 1 },
      r.items.map((hit) =>
        h(
          'li',
          { class: 'hit' },
          h('a', { class: 'title', href: articleHref(hit.id) }, highlight(hit.title || '(untitled)', words)),
          h('div', { class: 'meta' }, `${fmtDate(hit.published)} · ${sourceLabel(hit)}`),
          hit.snippet ? h('p', { class: 'snippet' }, highlight(hit.snippet, words)) : null,
        ),
      ),
    ),
    h(
      'nav',
      { class: 'pager' },
      offset > 0 ? h('a', { href: link('/search', { ...state, offset: Math.max(0, offset - PAGE) || '' }) }, '← Previous') : null,
      r.items.length === PAGE && (r.total == null || offset + PAGE < r.total)
        ? h('a', { href: link('/search', { ...state, offset: offset + PAGE }) }, 'Next →')
        : null,
    ),
  );
}
