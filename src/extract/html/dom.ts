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
  src = capDepth(src);
  try {
    return parseDocument(src, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  } catch {
    return parseDocument('');
  }
}

/** Deepest element nesting parsed (Chromium's HTML parser limit); deeper elements become siblings at that depth. */
export const MAX_DEPTH = 512;

// htmlparser2's rules, mirrored for the depth count: void elements, raw-text elements, and the open tags that close
// the current element (a <p> closes an open <p>, ...).
const VOID_TAGS = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const RAW_TEXT_TAGS = new Set(['script', 'style', 'title', 'textarea', 'xmp']);
const P = ['p'];
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
const IMPLIES_CLOSE = new Map<string, Set<string>>(
  (
    [
      ['tr', ['tr', 'th', 'td']], ['th', ['th']], ['td', ['thead', 'th', 'td']], ['body', ['head', 'link', 'script']], ['li', ['li']],
      ['option', ['option']], ['optgroup', ['optgroup', 'option']], ['dd', ['dd', 'dt']], ['dt', ['dd', 'dt']], ['rt', ['rt', 'rp']],
      ['rp', ['rt', 'rp']], ['tbody', ['thead', 'tbody']], ['tfoot', ['thead', 'tbody']],
      ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t) => [t, FORM] as [string, string[]]),
      ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map((t) => [t, P] as [string, string[]]),
    ] as [string, string[]][]
  ).map(([k, v]) => [k, new Set(v)]),
);

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 12 || c === 13;
}

function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Caps element nesting at `maxDepth` with one linear scan that follows htmlparser2's tag rules: an element that would
 * open deeper is made a sibling of the deepest one (a synthetic close tag goes before it, and the element's own close
 * tag is later dropped). htmlparser2 keeps its open-element stack with unshift/shift, so 10⁵ nested elements cost
 * O(n²) to parse (seconds), and the extractor's walks up the tree are O(depth) too. Returns `html` itself when no
 * element is that deep.
 */
export function capDepth(html: string, maxDepth = MAX_DEPTH): string {
  const n = html.length;
  const stack: string[] = [];
  const open = new Map<string, number>();
  const excess = new Map<string, number>();
  const out: string[] = [];
  let copied = 0;
  const bump = (m: Map<string, number>, k: string, d: number) => m.set(k, (m.get(k) ?? 0) + d);
  const pop = () => bump(open, stack.pop()!, -1);
  let i = html.indexOf('<');
  while (i >= 0 && i < n - 1) {
    const lt = i;
    let c = html.charCodeAt(i + 1);
    const closing = c === 47; // '/'
    if (c === 33 || c === 63) {
      // <!-- comment -->, <![CDATA[ ]]>, <!doctype>, <?pi>
      const end = html.startsWith('<!--', i) ? html.indexOf('-->', i + 4) + 2 : html.startsWith('<![CDATA[', i) ? html.indexOf(']]>', i + 9) + 2 : html.indexOf('>', i + 2);
      if (end < 2) break;
      i = html.indexOf('<', end + 1);
      continue;
    }
    let j = i + (closing ? 2 : 1);
    if (!isAlpha(html.charCodeAt(j))) {
      // "</" and a non-letter opens a bogus comment up to ">"; "<" and a non-letter is text
      i = closing && html.charCodeAt(j) !== 62 ? html.indexOf('>', j) : i + 1;
      if (i < 0) break;
      i = html.indexOf('<', i);
      continue;
    }
    const nameStart = j;
    for (c = html.charCodeAt(j); j < n && c !== 47 && c !== 62 && !isSpace(c); c = html.charCodeAt(++j));
    const name = html.slice(nameStart, j).toLowerCase();
    // To the end of the tag, as htmlparser2's tokenizer reads attributes (before name 0, name 1, after name 2, before
    // value 3, quoted value 4, unquoted value 5): quoted values may hold ">", an unquoted one runs to a space or ">" (a
    // "/" in it is no self-closing mark), "=" only after a name starts a value. A close tag ends at the first ">".
    let st = 0;
    let quote = 0;
    if (closing) j = html.indexOf('>', j);
    else {
      for (; j < n; j++) {
        c = html.charCodeAt(j);
        if (st === 4) {
          if (c === quote) st = 0;
        } else if (c === 62) break; // '>'
        else if (st === 5) {
          if (isSpace(c)) st = 0;
        } else if (st === 3) {
          if (c === 34 || c === 39) [st, quote] = [4, c];
          else if (!isSpace(c)) st = 5;
        } else if (st === 0) {
          if (!isSpace(c) && c !== 47) st = 1;
        } else if (c === 61) st = 3; // '=' after a name
        else if (st === 1 && (isSpace(c) || c === 47)) st = 2;
        else if (st === 2 && !isSpace(c) && c !== 47) st = 1;
      }
    }
    if (j < 0 || j >= n) break; // an unterminated tag swallows the rest: no more elements
    const selfClosing = st !== 5 && html.charCodeAt(j - 1) === 47;
    const gt = j;
    if (closing) {
      if ((excess.get(name) ?? 0) > 0) {
        // this element was already closed early, at the depth cap: drop its close tag
        bump(excess, name, -1);
        out.push(html.slice(copied, lt));
        copied = gt + 1;
      } else if ((open.get(name) ?? 0) > 0) {
        while (stack.length && stack[stack.length - 1] !== name) pop();
        pop();
      }
      i = html.indexOf('<', gt + 1);
      continue;
    }
    const implied = IMPLIES_CLOSE.get(name);
    if (implied) while (stack.length && implied.has(stack[stack.length - 1]!)) pop();
    const foreign = (open.get('svg') ?? 0) > 0 || (open.get('math') ?? 0) > 0;
    if (!VOID_TAGS.has(name) && !(selfClosing && foreign)) {
      if (stack.length >= maxDepth) {
        const top = stack[stack.length - 1]!;
        pop();
        bump(excess, top, 1);
        out.push(html.slice(copied, lt), `</${top}>`);
        copied = lt;
      }
      stack.push(name);
      bump(open, name, 1);
    }
    i = gt + 1;
    if (RAW_TEXT_TAGS.has(name) && !selfClosing) {
      // raw text up to the matching close tag (which the loop then reads as one)
      const close = new RegExp(`</${name}[\\s/>]`, 'gi');
      close.lastIndex = i;
      const m = close.exec(html);
      if (!m) break;
      i = m.index;
    } else i = html.indexOf('<', i);
  }
  if (!out.length) return html;
  out.push(html.slice(copied));
  return out.join('');
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

/** Text content of a node (no script/style text), iteratively; `blocks` puts a space at every block boundary. */
export function textOf(root: AnyNode, skip: Set<string> = SKIP_TAGS, opts: { blocks?: Set<string> } = {}): string {
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
      if (t === 'br' || opts.blocks?.has(t)) parts.push(' ');
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
