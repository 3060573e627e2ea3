// Turns an analysis (text + offsets) into DOM: each paragraph is cut at every mention and quote boundary, and each
// piece becomes a text node inside nested <q> (quote) and <a class="ent"> (entity mention) elements. Text only.
import { h } from './dom.js';
import { typeClass, entityHref } from './format.js';
import { entityKey } from './api.js';

/** Paragraph spans of an analysis (the API prints `paragraphSpans` beside the paragraph strings). */
export function paragraphSpans(doc) {
  const a = doc.article ?? {};
  if (Array.isArray(a.paragraphSpans)) return a.paragraphSpans;
  if (Array.isArray(a.paragraphs) && a.paragraphs.length && typeof a.paragraphs[0] === 'object') return a.paragraphs;
  // Fallback: split the text on blank lines.
  const out = [];
  const re = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  for (let m; (m = re.exec(doc.text ?? '')); ) out.push({ start: m.index, end: m.index + m[0].length, kind: 'p' });
  return out;
}

/** Flattened mentions {start, end, entity} sorted by start. */
function mentionsOf(doc) {
  const out = [];
  for (const e of doc.entities ?? []) for (const m of e.mentions ?? []) out.push({ start: m.start, end: m.end, entity: e });
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The innermost (shortest) range of `list` covering [s, e), or null. */
function covering(list, s, e) {
  let best = null;
  for (const r of list) {
    if (r.start <= s && r.end >= e && (!best || r.end - r.start < best.end - best.start)) best = r;
  }
  return best;
}

const CLOSERS = '"”’\'»';

const KIND_LABEL = { direct: 'direct quote', partial: 'partial quote', indirect: 'reported speech' };

function quoteEl(q) {
  const who = q.speaker?.name ?? 'unattributed';
  return h('q', {
    class: ['quote', `quote-${q.kind}`],
    title: `${who} — ${KIND_LABEL[q.kind] ?? q.kind}${q.cue ? ` (“${q.cue}”)` : ''}`,
    dataset: { speaker: who },
  });
}

function mentionEl(m) {
  const e = m.entity;
  const roles = (e.roles ?? []).slice(0, 2).join(', ');
  const title = `${e.name} · ${e.type}${e.actorCode ? ` · ${e.actorCode}` : ''}${roles ? ` · ${roles}` : ''}`;
  return h('a', { class: ['ent', `ent-${typeClass(e.type)}`], href: entityHref(entityKey(e)), title });
}

/**
 * One paragraph of `text` [start, end) as a DOM element. Each text piece is a <span class="seg" data-s data-e> so
 * that a hovered event can light up its sentence.
 */
export function renderParagraph(doc, span, ctx = buildContext(doc)) {
  const { start, end } = span;
  const tag = { heading: 'h3', 'list-item': 'li', blockquote: 'blockquote', pre: 'pre' }[span.kind] ?? 'p';
  const el = h(tag, { class: 'para' });
  const inPara = (r) => r.end > start && r.start < end;
  const mentions = ctx.mentions.filter(inPara);
  const quotes = ctx.quotes.filter(inPara);
  const events = ctx.events.filter(inPara);
  const cuts = new Set([start, end]);
  for (const r of [...mentions, ...quotes, ...events]) {
    if (r.start > start && r.start < end) cuts.add(r.start);
    if (r.end > start && r.end < end) cuts.add(r.end);
  }
  // A quote's speaker label goes after its closing quotation mark, which the quote span itself leaves out.
  const tagAt = new Map();
  for (const q of quotes) {
    let t = q.end;
    while (t < end && CLOSERS.includes(doc.text[t])) t++;
    tagAt.set(q, Math.min(t, end));
    if (t > start && t < end) cuts.add(t);
  }
  // Overlapping quotes of one speaker (reported speech around a direct phrase) get one label: the last to close.
  const silent = new Set();
  for (const q of quotes)
    for (const r of quotes) {
      if (r === q || !q.speaker || r.speaker?.name !== q.speaker.name || r.end <= q.start || r.start >= q.end) continue;
      const dq = tagAt.get(q);
      const dr = tagAt.get(r);
      const qi = q.kind === 'indirect';
      const ri = r.kind === 'indirect';
      const longer = r.end - r.start > q.end - q.start || (r.end - r.start === q.end - q.start && quotes.indexOf(r) > quotes.indexOf(q));
      if (dr > dq || (dr === dq && (qi && !ri || (qi === ri && longer)))) silent.add(q);
    }
  const pending = [];
  /** Appends the labels due at offset `at`; true when one was appended. */
  const flush = (at) => {
    const due = pending.filter((q) => tagAt.get(q) <= at);
    let added = false;
    for (const q of due) {
      pending.splice(pending.indexOf(q), 1);
      if (silent.has(q)) continue;
      const tag = speakerTag(q);
      if (tag) el.append(tag);
      added ||= !!tag;
    }
    return added;
  };
  const points = [...cuts].sort((a, b) => a - b);
  let curQuote = null;
  let qEl = null;
  let curMention = null;
  let mEl = null;
  const open = new Set();
  for (let i = 0; i < points.length - 1; i++) {
    const s = points[i];
    const e = points[i + 1];
    // Quotes that ended before this piece wait for their label (after the closing mark).
    for (const q of open) {
      if (!(q.start <= s && q.end >= e)) {
        open.delete(q);
        pending.push(q);
      }
    }
    for (const q of quotes) if (q.start <= s && q.end >= e) open.add(q);
    if (flush(s)) curQuote = undefined; // a label went in: whatever follows opens anew after it
    const q = covering(quotes, s, e);
    const m = covering(mentions, s, e);
    if (q !== curQuote) {
      curQuote = q;
      qEl = q ? quoteEl(q) : null;
      if (qEl) el.append(qEl);
      curMention = null;
      mEl = null;
    }
    const parent = qEl ?? el;
    if (m !== curMention) {
      curMention = m;
      mEl = m ? mentionEl(m) : null;
      if (mEl) parent.append(mEl);
    }
    (mEl ?? parent).append(h('span', { class: 'seg', dataset: { s, e } }, doc.text.slice(s, e)));
  }
  pending.push(...open);
  flush(Infinity);
  return el;
}

/** The side label after a quote: "— Yuri Ushakov". */
function speakerTag(q) {
  const name = q.speaker?.name;
  if (!name) return null;
  return h(
    'span',
    { class: ['speaker', `speaker-${q.kind}`], title: KIND_LABEL[q.kind] ?? q.kind },
    `— ${name}`,
  );
}

/**
 * A title or caption with its entity mentions marked: `field` 'title' (index 0) or 'caption' (index of the media
 * item). Offsets of side mentions index that string, not the article text. Returns nodes to append.
 */
export function renderSide(doc, field, index, text) {
  const marks = [];
  for (const e of doc.entities ?? []) {
    for (const m of e.sideMentions ?? []) {
      if (m.field === field && m.index === index && m.start >= 0 && m.end <= text.length && m.start < m.end) marks.push({ start: m.start, end: m.end, entity: e });
    }
  }
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  let at = 0;
  for (const m of marks) {
    if (m.start < at) continue; // overlapping: the first (longest) wins
    if (m.start > at) out.push(text.slice(at, m.start));
    const el = mentionEl(m);
    el.append(text.slice(m.start, m.end));
    out.push(el);
    at = m.end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

export function buildContext(doc) {
  return {
    mentions: mentionsOf(doc),
    quotes: [...(doc.quotes ?? [])].sort((a, b) => a.start - b.start),
    events: [...(doc.events ?? [])].sort((a, b) => a.start - b.start),
  };
}

/** Light up (or not) the pieces of `root` inside [start, end). */
export function markRange(root, start, end, on) {
  for (const seg of root.querySelectorAll('.seg')) {
    const s = Number(seg.dataset.s);
    const e = Number(seg.dataset.e);
    seg.classList.toggle('lit', on && s < end && e > start);
  }
}
