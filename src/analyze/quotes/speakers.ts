// Finding who speaks: entity mentions (names, pronouns, role nominals) next to a cue verb, over tokens.
import type { Doc, Entity, Mention } from '../../model.js';
import type { Token } from '../language/tokens.js';
import { cueVerb } from '../../knowledge/quote-verbs.js';

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

const ADVERBS = new Set(['also', 'later', 'earlier', 'then', 'again', 'previously', 'repeatedly', 'once', 'has', 'had', 'have', 'was', 'is', 'will', 'would', 'recently', 'separately', 'further', 'further', 'flatly', 'publicly', 'privately', 'reportedly', 'quickly', 'simply', 'only', 'just', 'had', 'on', 'x']);
const NEGATIONS = new Set(['not', "n't", 'never', 'no', 'declined', 'refused']);

export interface Attribution {
  speaker: MentionRef | null;
  cue: string;
  cueTok: number;
}

/** A speaker right before the cue ("Trump said", "he told", "Ushakov, who took part…, described"). */
export function subjectBefore(tokens: Token[], cueTok: number, from: number, index: MentionIndex): MentionRef | null {
  let k = cueTok - 1;
  while (k >= from && tokens[k]!.kind === 'word' && ADVERBS.has(tokens[k]!.text.toLowerCase())) k--;
  if (k < from) return null;
  // Skip a parenthetical relative clause: ", who took part in the meeting,"
  if (tokens[k]!.text === ',') {
    let j = k - 1;
    while (j >= from && tokens[j]!.text !== ',') j--;
    if (j >= from && /^(who|which|whose)$/i.test(tokens[j + 1]?.text ?? '')) k = j - 1;
    else return null;
  }
  return k >= from ? index.endingAt(k) : null;
}

/** Whether the cue is negated ("did not say", "declined to comment"). */
export function negated(tokens: Token[], cueTok: number, from: number): boolean {
  for (let k = cueTok - 1; k >= Math.max(from, cueTok - 3); k--) if (NEGATIONS.has(tokens[k]!.text.toLowerCase())) return true;
  return false;
}

/** The attribution just after a closing mark: "he told reporters", "Trump wrote", "said Ushakov". */
export function attributionAfter(tokens: Token[], from: number, to: number, index: MentionIndex): Attribution | null {
  let k = from;
  while (k < to && tokens[k]!.kind === 'punct' && /^[,—–-]$/.test(tokens[k]!.text)) k++;
  if (k >= to) return null;
  // cue first: "said Ushakov", "added the minister"
  const c0 = cueVerb(tokens[k]!.text);
  if (c0 && tokens[k]!.kind === 'word') {
    const m = index.startingAt(k + 1);
    if (m) return { speaker: m, cue: tokens[k]!.text, cueTok: k };
  }
  // speaker first: "he told reporters", "Trump wrote", "the Kremlin said"
  for (let j = k; j < Math.min(to, k + 8); j++) {
    const m = index.startingAt(j);
    if (!m) {
      if (tokens[j]!.kind === 'word' && /^(the|a|an)$/i.test(tokens[j]!.text)) continue;
      if (j > k) break;
      continue;
    }
    let c = m.tokEnd;
    while (c < to && tokens[c]!.kind === 'word' && ADVERBS.has(tokens[c]!.text.toLowerCase())) c++;
    if (c < to && tokens[c]!.kind === 'word' && cueVerb(tokens[c]!.text)) return { speaker: m, cue: tokens[c]!.text, cueTok: c };
    break;
  }
  return null;
}

/** The attribution before an opening mark: "Trump said: “…”", "he told reporters, “…”". */
export function attributionBefore(tokens: Token[], from: number, openTok: number, index: MentionIndex): Attribution | null {
  let k = openTok - 1;
  if (k < from || !/^[,:—–-]$/.test(tokens[k]!.text)) return null;
  // the cue within the last few words: "told reporters on Friday:"
  for (let c = k - 1; c >= Math.max(from, k - 6); c--) {
    const t = tokens[c]!;
    if (t.kind === 'word' && cueVerb(t.text)) {
      const m = subjectBefore(tokens, c, from, index) ?? index.startingAt(c + 1);
      return { speaker: m, cue: t.text, cueTok: c };
    }
  }
  return null;
}
