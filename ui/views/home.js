// The front page: latest articles and stories.
import { h, replace } from '../dom.js';
import { api } from '../api.js';
import { errorBox, loading, articleRow, fmtDate, articleHref } from '../format.js';
import { go } from '../router.js';

export async function homeView(main) {
  const input = h('input', { type: 'search', name: 'q', placeholder: 'Search articles…', 'aria-label': 'Search' });
  const form = h('form', { class: 'searchbar', role: 'search' }, input, h('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    go('/search', { q: input.value.trim() });
  });
  const latest = h('section', { class: 'latest' }, h('h2', {}, 'Latest articles'), loading());
  const stories = h('section', { class: 'stories' }, h('h2', {}, 'Stories'), loading());
  replace(main, form, h('div', { class: 'home' }, latest, stories));
  document.title = 'newsgraph';
  const [arts, sts] = await Promise.allSettled([api('articles', { limit: 30 }), api('stories', { limit: 15 })]);
  replace(
    latest,
    h('h2', {}, 'Latest articles'),
    arts.status !== 'fulfilled'
      ? errorBox(arts.reason)
      : arts.value.items.length
        ? h('ul', { class: 'articles' }, arts.value.items.map((a) => articleRow(a)))
        : h('p', { class: 'muted' }, 'No articles yet: newsgraph ingest PATH --db FILE'),
  );
  replace(
    stories,
    h('h2', {}, 'Stories'),
    sts.status === 'fulfilled' && !sts.value.items.length
      ? h('p', { class: 'muted' }, 'No stories yet.')
      : sts.status === 'fulfilled'
      ? h(
          'ul',
          { class: 'articles' },
          sts.value.items.map((s) =>
            h(
              'li',
              { class: 'article-row' },
              h('a', { class: 'title', href: articleHref(s.articles?.[0]?.id ?? s.id) }, s.title || '(untitled)'),
              h('span', { class: 'meta' }, `${s.size} article${s.size === 1 ? '' : 's'} · ${fmtDate(s.first)} – ${fmtDate(s.last)}`),
            ),
          ),
        )
      : errorBox(sts.reason),
  );
}
