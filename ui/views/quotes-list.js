// QuoteHits as a list of blockquotes with speaker, kind and article.
import { h, highlight } from '../dom.js';
import { articleHref, fmtDate } from '../format.js';
import { link } from '../router.js';

export function quoteList(hits, { words = [] } = {}) {
  if (!hits?.length) return h('p', { class: 'muted' }, 'No quotes.');
  return h(
    'ul',
    { class: 'quotes' },
    hits.map(({ articleId, title, published, quote: q }) =>
      h(
        'li',
        { class: ['quote-hit', `quote-${q.kind}`] },
        h('blockquote', { class: `quote-text quote-${q.kind}` }, highlight(q.text, words)),
        h(
          'div',
          { class: 'meta' },
          q.speaker
            ? h('a', { class: 'speaker-name', href: link('/quotes', { speaker: q.speaker.name }) }, q.speaker.name)
            : h('span', { class: 'muted' }, 'unattributed'),
          h('span', { class: 'kind' }, q.kind === 'indirect' ? 'reported' : q.kind),
          q.cue ? h('span', { class: 'muted' }, `“${q.cue}”`) : null,
          h('a', { href: articleHref(articleId) }, title || '(untitled)'),
          h('span', { class: 'muted' }, fmtDate(published)),
        ),
      ),
    ),
  );
}
