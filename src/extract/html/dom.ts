// Parsing and small, non-recursive DOM helpers over htmlparser2/domhandler trees.
// Every walk here is iterative: pages with 100k nested elements must not blow the stack.
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Document, Element } from 'domhandler';

/** Pages longer than this are pre-stripped of scripts/styles/comments, then cut (bounded time and memory). */
export const MAX_PARSE_CHARS = 6_000_000;

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

/** Class and id, lower-cased, joined: what hint patterns are matched against. */
export function classId(n: Element): string {
  const c = n.attribs?.class ?? '';
  const i = n.attribs?.id ?? '';
  if (!c && !i) return '';
  return (c + ' ' + i).toLowerCase();
}

/**
 * Removes the content of script/style blocks and comments with a linear scan (JSON-LD scripts are kept),
 * used only for very large inputs before parsing.
 */
export function preStrip(html: string): string {
  const out: string[] = [];
  const lower = html.toLowerCase();
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out.push(html.slice(i));
      break;
    }
    if (lower.startsWith('<!--', lt)) {
      out.push(html.slice(i, lt));
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    let closed = false;
    for (const t of ['script', 'style', 'svg']) {
      if (lower.startsWith('<' + t, lt)) {
        const c = lower.charCodeAt(lt + 1 + t.length);
        // must be a tag name boundary: space, '>', '/'
        if (!(c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13)) continue;
        const openEnd = html.indexOf('>', lt);
        const close = lower.indexOf('</' + t, openEnd < 0 ? lt : openEnd);
        const head = openEnd < 0 ? '' : html.slice(lt, openEnd + 1);
        out.push(html.slice(i, lt));
        if (t === 'script' && /ld\+json/i.test(head) && close > 0 && close - openEnd < 2_000_000) {
          out.push(html.slice(lt, close));
        }
        const closeEnd = close < 0 ? -1 : html.indexOf('>', close);
        i = closeEnd < 0 ? html.length : closeEnd + 1;
        if (t === 'script' && /ld\+json/i.test(head) && close > 0 && close - openEnd < 2_000_000) out.push('</script>');
        closed = true;
        break;
      }
    }
    if (closed) continue;
    out.push(html.slice(i, lt + 1));
    i = lt + 1;
  }
  return out.join('');
}

/** Parses any string into a document; never throws (a failed parse yields an empty document). */
export function parseHtml(html: string): Document {
  let src = typeof html === 'string' ? html : String(html ?? '');
  if (src.length > MAX_PARSE_CHARS) {
    src = preStrip(src);
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
