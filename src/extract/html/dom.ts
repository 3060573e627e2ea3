// Parsing and small, non-recursive DOM helpers over htmlparser2/domhandler trees.
// Every walk here is iterative: pages with 100k nested elements must not blow the stack.
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Document, Element } from 'domhandler';

/** Pages longer than this are pre-stripped of scripts/styles/comments, then cut (bounded time and memory). */
export const MAX_PARSE_CHARS = 3_000_000;

/** Elements whose content is never text. */
export const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas',
  'select', 'option', 'textarea', 'input', 'button', 'head', 'title', 'link', 'meta', 'video', 'audio',
  'source', 'track', 'map', 'dialog',
]);

export function isElement(n: AnyNode | null | undefined): n is Element {
  return !!n && (n.type === 'tag' || n.type === 'script' || n.type === 'style');
}

export function tagName(n: Element): string {
  return n.name.toLowerCase();
}

export function attr(n: Element, name: string): string | null {
  const v = n.attribs?.[name];
  return v == null ? null : v;
}

const CI = Symbol('classId');

/** Class and id, lower-cased, joined: what hint patterns are matched against (computed once per element). */
export function classId(n: Element): string {
  const cached = (n as unknown as Record<symbol, string | undefined>)[CI];
  if (cached !== undefined) return cached;
  const c = n.attribs?.class ?? '';
  const i = n.attribs?.id ?? '';
  const v = !c && !i ? '' : (c + ' ' + i).toLowerCase();
  (n as unknown as Record<symbol, string>)[CI] = v;
  return v;
}

/**
 * Removes script/style/svg blocks and comments with a linear scan (JSON-LD scripts are kept), stopping once
 * `limit` characters are kept; used only for very large inputs before parsing.
 */
export function preStrip(html: string, limit = Infinity): string {
  const out: string[] = [];
  let kept = 0;
  const keep = (s: string) => {
    out.push(s);
    kept += s.length;
  };
  const open = /<(?:!--|(script|style|svg)(?=[\s>/]))/gi;
  let i = 0;
  let m: RegExpExecArray | null;
  while (kept < limit && (m = open.exec(html))) {
    const lt = m.index;
    keep(html.slice(i, lt));
    if (!m[1]) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
    } else {
      const t = m[1].toLowerCase();
      const openEnd = html.indexOf('>', lt);
      const close = new RegExp('</' + t + '\\s*>', 'gi');
      close.lastIndex = openEnd < 0 ? lt : openEnd;
      const c = close.exec(html);
      const head = openEnd < 0 ? '' : html.slice(lt, Math.min(openEnd + 1, lt + 500));
      if (t === 'script' && c && /ld\+json/i.test(head) && c.index - openEnd < 2_000_000) keep(html.slice(lt, c.index + c[0].length));
      i = c ? c.index + c[0].length : html.length;
    }
    open.lastIndex = i;
  }
  if (kept < limit && i < html.length) keep(html.slice(i, i + (limit - kept)));
  return out.join('');
}

/** Parses any string into a document; never throws (a failed parse yields an empty document). */
export function parseHtml(html: string): Document {
  let src = typeof html === 'string' ? html : String(html ?? '');
  if (src.length > MAX_PARSE_CHARS) {
    src = preStrip(src, MAX_PARSE_CHARS);
    if (src.length > MAX_PARSE_CHARS) src = src.slice(0, MAX_PARSE_CHARS);
  }
  try {
    return parseDocument(src, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  } catch {
    return parseDocument('');
  }
}

/** All elements in document order (pre-order), iteratively. */
export function allElements(root: AnyNode): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (isElement(n)) out.push(n);
    const kids = (n as Element).children;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

/** Text content of a node (no script/style text), iteratively. */
export function textOf(root: AnyNode, skip: Set<string> = SKIP_TAGS): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') {
      parts.push((n as unknown as { data: string }).data);
      continue;
    }
    if (isElement(n)) {
      const t = tagName(n);
      if (n !== root && skip.has(t)) continue;
      if (t === 'br') parts.push(' ');
    }
    const kids = (n as Element).children;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return parts.join('');
}

/** Collapses whitespace and trims. */
export function squash(s: string): string {
  return s.replace(/[\s\u00A0\u200B]+/g, ' ').trim();
}

/** Nearest ancestor (or self) satisfying a predicate; bounded by tree depth, iterative. */
export function closest(n: AnyNode | null, pred: (e: Element) => boolean): Element | null {
  let cur: AnyNode | null = n;
  while (cur) {
    if (isElement(cur) && pred(cur)) return cur;
    cur = cur.parent;
  }
  return null;
}
