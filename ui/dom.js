// The one way this UI builds DOM: createElement + textContent. Every string from the API is third-party text and
// must never reach innerHTML. `h('a', {href, class: 'x'}, 'text', child)` — children are strings (text nodes),
// nodes, arrays, or null/false (skipped).

/** Attributes set as properties or attributes; event handlers as `on: {click: fn}`; never raw HTML. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v == null || v === false) continue;
    if (k === 'on') for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
    else if (k === 'class') el.className = Array.isArray(v) ? v.filter(Boolean).join(' ') : v;
    else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'href') el.setAttribute('href', safeHref(v));
    else if (/^on/i.test(k) || k === 'innerHTML' || k === 'outerHTML' || k === 'srcdoc') throw new Error(`h(): refusing attribute ${k}`);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

/** Append children (strings become text nodes). */
export function append(el, children) {
  for (const c of [children].flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Replace everything inside `el` with `children`. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** Only our own routes, http(s) and mailto links; anything else (javascript:, data:) becomes inert. */
export function safeHref(v) {
  const s = String(v);
  if (s.startsWith('#') || s.startsWith('/')) return s;
  try {
    const u = new URL(s, location.href);
    return ['http:', 'https:', 'mailto:'].includes(u.protocol) ? u.href : '#';
  } catch {
    return '#';
  }
}

/**
 * Text with the given words marked: the text is split around case-insensitive matches and each part becomes a text
 * node or a <mark> holding a text node. No HTML is parsed.
 */
export function highlight(text, words) {
  const s = String(text ?? '');
  const terms = [...new Set((words ?? []).map((w) => String(w).trim().toLowerCase()).filter((w) => w.length > 1))];
  if (!terms.length) return [s];
  const lower = s.toLowerCase();
  const out = [];
  let i = 0;
  while (i < s.length) {
    let best = -1;
    let len = 0;
    for (const t of terms) {
      const j = lower.indexOf(t, i);
      if (j >= 0 && (best < 0 || j < best || (j === best && t.length > len))) {
        best = j;
        len = t.length;
      }
    }
    if (best < 0) break;
    if (best > i) out.push(s.slice(i, best));
    out.push(h('mark', {}, s.slice(best, best + len)));
    i = best + len;
  }
  if (i < s.length) out.push(s.slice(i));
  return out;
}

/** Words of a search query, without quotes and FTS operators. */
export function queryWords(q) {
  return String(q ?? '')
    .replace(/["*()^:]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !/^(AND|OR|NOT|NEAR)$/.test(w));
}
