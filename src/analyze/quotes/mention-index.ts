// Entity mentions (names, pronouns, role nominals) indexed by token, built once per document and shared by the
// quotes and events stages.
import type { Doc, Entity, Mention } from '../../model.js';
import type { Token } from '../language/tokens.js';

export interface MentionRef {
  entity: Entity;
  mention: Mention;
  tokStart: number;
  tokEnd: number;
}

/** Entity mentions indexed by the tokens they cover. */
export class MentionIndex {
  private readonly byEndTok = new Map<number, MentionRef>();
  private readonly byStartTok = new Map<number, MentionRef>();

  constructor(doc: Doc, tokens: Token[]) {
    const startAt = new Map<number, number>();
    const endAt = new Map<number, number>();
    tokens.forEach((t, i) => {
      startAt.set(t.start, i);
      endAt.set(t.end, i);
    });
    for (const entity of doc.entities) {
      for (const mention of entity.mentions) {
        const a = startAt.get(mention.start);
        const b = endAt.get(mention.end);
        if (a === undefined || b === undefined) continue;
        const ref = { entity, mention, tokStart: a, tokEnd: b + 1 };
        // Longer mentions win where two end at the same token.
        const prev = this.byEndTok.get(b);
        if (!prev || prev.tokStart > a) this.byEndTok.set(b, ref);
        const prevS = this.byStartTok.get(a);
        if (!prevS || prevS.tokEnd < b + 1) this.byStartTok.set(a, ref);
      }
    }
  }

  /** The mention whose last token is `tok`. */
  endingAt(tok: number): MentionRef | null {
    return this.byEndTok.get(tok) ?? null;
  }

  startingAt(tok: number): MentionRef | null {
    return this.byStartTok.get(tok) ?? null;
  }
}

const indexes = new WeakMap<Doc, { entities: Doc['entities']; tokens: Token[]; index: MentionIndex }>();

/** The mention index of a document, built once per entity list (the quotes and events stages both use it). */
export function mentionIndexOf(doc: Doc, tokens: Token[]): MentionIndex {
  const hit = indexes.get(doc);
  if (hit && hit.entities === doc.entities && hit.tokens === tokens) return hit.index;
  const index = new MentionIndex(doc, tokens);
  indexes.set(doc, { entities: doc.entities, tokens, index });
  return index;
}
