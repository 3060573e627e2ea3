// Quote search: #/quotes?speaker=&q=
import { h, replace, queryWords } from '../dom.js';
import { api } from '../api.js';
import { errorBox, loading } from '../format.js';
import { go } from '../router.js';
import { quoteList } from './quotes-list.js';

export async function quotesView(main, { query }) {
  const speaker = query.get('speaker') ?? '';
  const q = query.get('q') ?? '';
  const sp = h('input', { name: 'speaker', value: speaker, placeholder: 'speaker (name or entity key)', 'aria-label': 'Speaker' });
  const qi = h('input', { name: 'q', value: q, placeholder: 'words in the quote', 'aria-label': 'Words' });
  const form = h('form', { class: 'searchbar', role: 'search' }, sp, qi, h('button', { type: 'submit' }, 'Find quotes'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    go('/quotes', { speaker: sp.value.trim(), q: qi.value.trim() });
  });
  const results = h('div', {}, loading());
  replace(main, h('h1', {}, 'Quotes'), form, results);
  try {
    const r = await api('quotes', { speaker, q, limit: 100 });
    replace(
      results,
      h('p', { class: 'muted' }, `${r.total ?? r.items.length} quote${(r.total ?? r.items.length) === 1 ? '' : 's'}`),
      quoteList(r.items, { words: queryWords(q) }),
    );
  } catch (err) {
    replace(results, errorBox(err));
  }
}
