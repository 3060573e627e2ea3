// Emitting the article body as typed paragraphs from the chosen root, dropping furniture on the way.
import type { AnyNode, Element } from 'domhandler';
import type { ParagraphKind } from '../../model.js';
import { isElement, squash, tagName, textOf } from './dom.js';
import { BLOCK_TAGS, type Layout } from './layout.js';

export interface Block {
  kind: ParagraphKind;
  text: string;
  /** Pre-order index of the element that owned the block. */
  owner: number;
}

export interface Emitted {
  blocks: Block[];
  /** Furniture subtrees dropped inside the root, verbatim text. */
  removed: string[];
}

const KIND_OF: Record<string, ParagraphKind> = {
  h1: 'heading', h2: 'heading', h3: 'heading', h4: 'heading', h5: 'heading', h6: 'heading',
  li: 'list-item', dt: 'list-item', dd: 'list-item', blockquote: 'blockquote', pre: 'pre',
};

/** A container whose text is mostly links: a menu, a list of other stories. */
function linkDense(L: Layout, i: number, t: string): boolean {
  const text = L.text[i];
  if (!text) return false;
  const ld = L.link[i] / text;
  if (t === 'a' || t === 'li') return false;
  if (t === 'p' || KIND_OF[t]) return false;
  if (t === 'ul' || t === 'ol' || t === 'dl' || t === 'table' || t === 'tbody') return ld > 0.65 && text < 3000;
  // a container: link-heavy and without real paragraphs of its own
  return (ld > 0.5 && L.paras[i] < 3) || (ld > 0.33 && text < 400 && L.paras[i] === 0);
}

export const MAX_REMOVED = 100;
export const MAX_REMOVED_CHARS = 200;

export function pushRemoved(removed: string[], text: string): void {
  if (removed.length >= MAX_REMOVED) return;
  const t = squash(text);
  if (!t) return;
  removed.push(t.length > MAX_REMOVED_CHARS ? t.slice(0, MAX_REMOVED_CHARS) : t);
}

/** Walks the root's subtree (iteratively) and lays its visible text out as blocks. */
export function emitBlocks(L: Layout, rootIdx: number): Emitted {
  const blocks: Block[] = [];
  const removed: string[] = [];
  if (rootIdx < 0) return { blocks, removed };
  const root = L.els[rootIdx];
  let buf: string[] = [];
  let bufKind: ParagraphKind = 'p';
  let bufOwner = rootIdx;
  let pendingBr = 0;
  const flush = () => {
    if (buf.length) {
      const text = squash(buf.join(''));
      if (text) blocks.push({ kind: bufKind, text, owner: bufOwner });
    }
    buf = [];
    pendingBr = 0;
  };
  // frames: node, kind in force, owner block index; exit markers close blocks
  type Frame = { n: AnyNode; kind: ParagraphKind; owner: number; exit: boolean };
  const stack: Frame[] = [{ n: root, kind: 'p', owner: rootIdx, exit: false }];
  while (stack.length) {
    const f = stack.pop()!;
    const n = f.n;
    if (f.exit) {
      flush();
      continue;
    }
    if (n.type === 'text') {
      const data = (n as unknown as { data: string }).data;
      if (!data) continue;
      if (pendingBr >= 2 && /\S/.test(data)) flush();
      else if (pendingBr === 1) buf.push(' ');
      if (/\S/.test(data)) pendingBr = 0;
      if (!buf.length) {
        bufKind = f.kind;
        bufOwner = f.owner;
      }
      buf.push(data);
      continue;
    }
    if (!isElement(n)) continue;
    const i = L.index.get(n);
    if (i === undefined) continue; // skipped tag or hidden
    const t = tagName(n);
    if (t === 'br') {
      pendingBr++;
      continue;
    }
    if (t === 'hr') {
      flush();
      continue;
    }
    if (n !== root) {
      if (L.mark[i] === 2) {
        // captions go to media
        flush();
        continue;
      }
      if (L.mark[i] === 1 || linkDense(L, i, t)) {
        flush();
        if (L.text[i] > 0) pushRemoved(removed, textOf(n));
        continue;
      }
    }
    const isBlock = BLOCK_TAGS.has(t) && t !== 'td' && t !== 'th';
    let kind = f.kind;
    let owner = f.owner;
    if (isBlock) {
      flush();
      owner = i;
      const k = KIND_OF[t];
      // a paragraph inside a quote or list item keeps the outer kind
      if (k && (kind === 'p' || k === 'pre')) kind = k;
      stack.push({ n, kind, owner, exit: true });
    } else if (t === 'td' || t === 'th') {
      buf.push(' ');
    }
    const kids = n.children;
    for (let k = kids.length - 1; k >= 0; k--) stack.push({ n: kids[k], kind, owner, exit: false });
  }
  flush();
  return { blocks, removed };
}
