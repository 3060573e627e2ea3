// The reader: one article with entity highlights, quotes and events beside their sentences, then "Load Next Story",
// which appends the next related story in place and, after the first click, keeps loading as one scrolls.
import { h, replace } from '../dom.js';
import { api, enc } from '../api.js';
import { fmtDate, sourceLabel, errorBox, loading } from '../format.js';
import { renderParagraph, buildContext, paragraphSpans, markRange, renderSide } from '../annotate.js';
import { eventCard } from './events.js';
import { legend } from './legend.js';

const REASONS = { 'same-story': 'Same story', 'near-duplicate': 'Near-duplicate', related: 'Related story' };

/** One analysed article as an <article> element. */
export function renderArticle(doc, reason = null) {
  const a = doc.article ?? {};
  const ctx = buildContext(doc);
  const body = h('div', { class: 'body' });
  for (const span of paragraphSpans(doc)) {
    const para = renderParagraph(doc, span, ctx);
    const evs = ctx.events.filter((e) => e.start >= span.start && e.start < span.end);
    const side = h('aside', { class: 'events-side' }, evs.map((e) => eventCard(e)));
    for (const card of side.children) {
      const s = Number(card.dataset.start);
      const e = Number(card.dataset.end);
      card.addEventListener('mouseenter', () => markRange(para, s, e, true));
      card.addEventListener('mouseleave', () => markRange(para, s, e, false));
    }
    body.append(h('div', { class: 'row' }, para, side));
  }
  // Keep each item's index: caption mentions are addressed by it.
  const media = (a.media ?? []).map((m, index) => ({ ...m, index })).filter((m) => m.caption || m.credit);
  const tone = doc.tone?.tone;
  return h(
    'article',
    { class: 'story', dataset: { id: doc.id } },
    reason ? h('div', { class: 'next-divider' }, REASONS[reason] ?? 'Next story') : null,
    h(
      'header',
      { class: 'story-head' },
      a.siteName ? h('div', { class: 'kicker' }, a.siteName) : null,
      h('h1', { class: 'story-title' }, a.title ? renderSide(doc, 'title', 0, a.title) : '(untitled)'),
      a.dek ? h('p', { class: 'dek' }, a.dek) : null,
      h(
        'p',
        { class: 'byline' },
        a.bylines?.length ? h('span', {}, `By ${a.bylines.join(', ')}`) : null,
        h('time', { datetime: a.published ?? '' }, fmtDate(a.published)),
        a.datelines?.length ? h('span', { class: 'datelines' }, a.datelines.join(' / ')) : null,
        h('span', { class: 'muted' }, sourceLabel({ url: a.url, source: a.source })),
        doc.story?.size > 1 ? h('span', { class: 'muted' }, `story of ${doc.story.size} articles`) : null,
        typeof tone === 'number' ? h('span', { class: 'muted', title: 'GDELT-style tone' }, `tone ${tone.toFixed(1)}`) : null,
      ),
    ),
    media.map((m) =>
      h(
        'figure',
        { class: 'media' },
        h('figcaption', {}, m.caption ? renderSide(doc, 'caption', m.index, m.caption) : '', m.credit ? h('span', { class: 'credit' }, ` ${m.credit}`) : null),
      ),
    ),
    body,
  );
}

export async function readerView(main, { params }) {
  main.append(loading());
  let doc;
  try {
    doc = await api(`articles/${enc(params.id)}`);
  } catch (err) {
    return replace(main, errorBox(err));
  }
  const shown = [doc.id];
  const stream = h('div', { class: 'stream' }, renderArticle(doc));
  const status = h('p', { class: 'muted next-status', role: 'status' });
  const button = h('button', { class: 'load-next', type: 'button' }, 'Load Next Story');
  const footer = h('div', { class: 'next-footer' }, button, status);
  replace(main, h('div', { class: 'reader' }, legend(), stream, footer));
  document.title = `${doc.article?.title ?? 'Article'} — newsgraph`;

  let busy = false;
  let done = false;
  let observer = null;

  async function loadNext() {
    if (busy || done) return;
    busy = true;
    button.disabled = true;
    status.textContent = 'Loading…';
    try {
      // What follows the story read last; when nothing does, what follows the ones before it.
      let next = null;
      for (let i = shown.length - 1; i >= 0 && !next?.article; i--) {
        next = await api(`articles/${enc(shown[i])}/next`, { seen: shown });
      }
      if (!next?.article) {
        done = true;
        button.remove();
        status.textContent = 'No more related stories';
        observer?.disconnect();
        return;
      }
      const full = await api(`articles/${enc(next.article.id)}`);
      shown.push(full.id);
      stream.append(renderArticle(full, next.reason));
      status.textContent = '';
      // From the first load on, keep loading as the footer comes into view. Observing anew after each story
      // re-checks at once, so a short story that leaves the footer in view brings the next one.
      if (!observer && 'IntersectionObserver' in window) {
        observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && loadNext(), {
          rootMargin: '0px 0px 300px 0px',
        });
      }
      if (observer) {
        observer.unobserve(footer);
        observer.observe(footer);
      }
    } catch (err) {
      status.textContent = `Could not load the next story: ${err.message}`;
    } finally {
      busy = false;
      button.disabled = false;
    }
  }
  button.addEventListener('click', loadNext);
  return () => observer?.disconnect();
}
