// Finding who speaks: entity mentions (names, pronouns, role nominals) next to a cue verb, over tokens.
import type { Doc, Entity, Mention } from '../../model.js';
import type { Token } from '../language/tokens.js';
import { cueVerb } from '../../knowledge/quote-verbs.js';
import { givenName } from '../../knowledge/given-names.js';
import { isRoleNoun } from '../../knowledge/roles.js';

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

const ADVERBS = new Set(['also', 'later', 'earlier', 'then', 'again', 'previously', 'repeatedly', 'once', 'has', 'had', 'have', 'was', 'is', 'will', 'would', 'recently', 'separately', 'further', 'flatly', 'publicly', 'privately', 'reportedly', 'quickly', 'simply', 'only', 'just', 'on', 'x', 'angrily', 'bluntly', 'firmly', 'calmly', 'quietly', 'curtly', 'tersely', 'openly', 'personally', 'directly', 'immediately', 'subsequently', 'afterwards', 'now', 'today', 'yesterday', 'told']);
const NEGATIONS = new Set(['not', "n't", 'never', 'no', 'declined', 'refused', 'without']);
const PREPOSITIONS = new Set(['in', 'at', 'of', 'for', 'from', 'with', 'to', 'by', 'on', 'about', 'against', 'into', 'near', 'outside', 'inside', 'after', 'before', 'during', 'over', 'under', 'between', 'among', 'across', 'via', 'than', 'like', 'toward', 'towards']);
/** Lower-case words that may follow a speaker's name inside the attribution without making the name a modifier. */
const AFTER_HEAD = new Set(['who', 'which', 'whose', 'was', 'is', 'has', 'had', 'have', 'were', 'are', 'will', 'would', 'also', 'later', 'then', 'again', 'quoted', 'as', 'wrote', 'and', 'said', 'told']);
/** Head nouns of organizations named by a nominal: "the ministry said", "the party said in a statement". */
const ORG_NOUNS = new Set(['ministry', 'party', 'army', 'government', 'commission', 'embassy', 'coalition', 'council', 'court', 'company', 'agency', 'office', 'committee', 'military', 'police', 'bank', 'union', 'alliance', 'movement', 'group', 'organisation', 'organization', 'federation', 'administration', 'cabinet', 'presidency', 'parliament', 'assembly', 'senate', 'congress', 'department', 'authority', 'authorities', 'mission', 'secretariat', 'campaign', 'firm', 'fund', 'institute', 'foundation', 'network', 'service', 'force', 'forces', 'front', 'bloc']);
const MALE = new Set(['he', 'him', 'his', 'himself']);
const FEMALE = new Set(['she', 'her', 'hers', 'herself']);

export interface Attribution {
  speaker: MentionRef | null;
  cue: string;
  cueTok: number;
}

/**
 * Resolves speakers that the entity mentions leave open: a pronoun the actors stage did not resolve ("She added"),
 * resolved to the latest speaker or person of the same gender; an organization nominal ("the ministry said")
 * resolved to the latest organization whose name has that noun.
 */
export class SpeakerResolver {
  private readonly genders = new Map<Entity, 'm' | 'f' | null>();
  /** Mentions in text order, with their entities. */
  private readonly mentions: { entity: Entity; mention: Mention }[] = [];
  /**
   * Speakers found so far, by the offset of their cue, as runs sorted by offset: the stage records them in a few
   * passes over the text, each in text order, so there are few runs and no insertion into the middle.
   */
  private readonly runs: { at: number; ref: MentionRef }[][] = [[]];

  constructor(
    doc: Doc,
    private readonly tokens: Token[],
  ) {
    for (const e of doc.entities) for (const m of e.mentions) this.mentions.push({ entity: e, mention: m });
    this.mentions.sort((a, b) => a.mention.start - b.mention.start);
  }

  /** The index of the last mention starting before `at` (binary search: long quote-heavy texts stay fast). */
  private mentionBefore(at: number): number {
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.mentions[mid]!.mention.start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** The latest speaker recorded before offset `at`. */
  private latest(at: number): { at: number; ref: MentionRef } | null {
    let best: { at: number; ref: MentionRef } | null = null;
    for (const run of this.runs) {
      let lo = 0;
      let hi = run.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (run[mid]!.at < at) lo = mid + 1;
        else hi = mid;
      }
      const s = run[lo - 1];
      if (s && (!best || s.at >= best.at)) best = s;
    }
    return best;
  }

  gender(e: Entity): 'm' | 'f' | null {
    if (this.genders.has(e)) return this.genders.get(e)!;
    let g: 'm' | 'f' | null = null;
    if (e.type === 'person') {
      for (const m of e.mentions) {
        const w = m.text.toLowerCase();
        if (MALE.has(w)) g = 'm';
        else if (FEMALE.has(w)) g = 'f';
        if (g) break;
      }
      if (!g) {
        const first = e.name.split(/\s+/)[0] ?? '';
        const gn = givenName(first);
        if (gn && gn.gender !== 'u') g = gn.gender;
      }
    }
    this.genders.set(e, g);
    return g;
  }

  private ref(entity: Entity, tok: number, tokEnd = tok + 1): MentionRef {
    const t = this.tokens[tok]!;
    const e = this.tokens[tokEnd - 1]!;
    return { entity, mention: { start: t.start, end: e.end, text: this.textOf(tok, tokEnd) }, tokStart: tok, tokEnd };
  }

  private textOf(a: number, b: number): string {
    let s = '';
    for (let k = a; k < b; k++) s += (k > a && this.tokens[k]!.start > this.tokens[k - 1]!.end ? ' ' : '') + this.tokens[k]!.text;
    return s;
  }

  /** A he/she pronoun at `tok` that no entity mention covers: the latest speaker, else the latest person, of its gender. */
  pronoun(tok: number): MentionRef | null {
    const w = this.tokens[tok]?.text.toLowerCase() ?? '';
    const want = MALE.has(w) ? 'm' : FEMALE.has(w) ? 'f' : null;
    if (!want) return null;
    const at = this.tokens[tok]!.start;
    const ok = (e: Entity) => e.type === 'person' && (this.gender(e) ?? want) === want;
    // Only the latest speaker: an older one is not what "she" means after someone else spoke.
    const last = this.latest(at);
    if (last && ok(last.ref.entity)) return this.ref(last.ref.entity, tok);
    for (let k = this.mentionBefore(at); k >= 0; k--) {
      const m = this.mentions[k]!;
      if (m.mention.start >= at) continue;
      if (at - m.mention.start > 1500) break;
      if (ok(m.entity)) return this.ref(m.entity, tok);
    }
    return null;
  }

  /** "the (foreign) ministry" ending at `tok`: the latest organization before it with that noun in its name. */
  nominal(startTok: number, headTok: number): MentionRef | null {
    const head = this.tokens[headTok]!.text.toLowerCase();
    if (!ORG_NOUNS.has(head)) return null;
    const at = this.tokens[startTok]!.start;
    for (let k = this.mentionBefore(at); k >= 0; k--) {
      const m = this.mentions[k]!;
      if (m.mention.start >= at) continue;
      if (at - m.mention.start > 20000) break;
      if (m.entity.type !== 'organization') continue;
      const words = m.entity.name.toLowerCase().split(/[\s-]+/);
      if (words.includes(head) || (head === 'military' && words.includes('army'))) return this.ref(m.entity, startTok, headTok + 1);
    }
    return null;
  }

  /**
   * "the (vice) president" ending at `headTok`, where the entities left it open: the latest person with that role
   * noun, else the latest speaker when the text gave that person no role at all.
   */
  role(startTok: number, headTok: number): MentionRef | null {
    const head = this.tokens[headTok]!.text.toLowerCase();
    if (!isRoleNoun(head) || ORG_NOUNS.has(head)) return null;
    const at = this.tokens[startTok]!.start;
    const has = (e: Entity) => e.roles.some((r) => r.toLowerCase().split(/\s+/).includes(head));
    for (let k = this.mentionBefore(at); k >= 0; k--) {
      const m = this.mentions[k]!;
      if (m.mention.start >= at) continue;
      if (at - m.mention.start > 2000) break;
      if (m.entity.type === 'person' && has(m.entity)) return this.ref(m.entity, startTok, headTok + 1);
    }
    const last = this.latest(at);
    if (last && last.ref.entity.type === 'person' && !last.ref.entity.roles.length) return this.ref(last.ref.entity, startTok, headTok + 1);
    return null;
  }

  /** Records the speaker of a quotation or reported speech at `at`. */
  said(at: number, ref: MentionRef | null): void {
    if (!ref) return;
    let run = this.runs[this.runs.length - 1]!;
    if (run.length && run[run.length - 1]!.at > at) this.runs.push((run = []));
    run.push({ at, ref });
  }

  /** The latest speaker between `from` and `to` (offsets). */
  latestSpeaker(from: number, to: number): MentionRef | null {
    const last = this.latest(to);
    return last && last.at >= from ? last.ref : null;
  }
}

/** The word at `k` is a role noun or a title: "minister", "Foreign", "spokesman", "opposition". */
function isTitleWord(t: Token): boolean {
  return t.kind === 'word' && (isRoleNoun(t.text) || /^(the|a|an|former|acting|deputy|vice|senior|top|chief|foreign|interior|defence|defense|finance|prime|opposition|state|his|her|its|their)$/i.test(t.text));
}

/**
 * A speaker that is a unresolved pronoun or an organization nominal at `k` (the last token of the subject):
 * "she", "the ministry", "the foreign ministry".
 */
function fallbackAt(tokens: Token[], k: number, from: number, resolver: SpeakerResolver | undefined): MentionRef | null {
  if (!resolver || k < from) return null;
  const t = tokens[k]!;
  if (t.kind !== 'word') return null;
  const p = resolver.pronoun(k);
  if (p) return p;
  if (t.cap) return null;
  // "the (foreign) ministry"
  let j = k - 1;
  while (j >= from && j >= k - 3 && tokens[j]!.kind === 'word' && !/^(the|its|his|her|their)$/i.test(tokens[j]!.text)) j--;
  if (j >= from && /^(the|its)$/i.test(tokens[j]!.text)) return resolver.nominal(j, k) ?? resolver.role(j, k);
  return null;
}

/** A speaker right before the cue ("Trump said", "he told", "Ushakov, who took part…, described"). */
export function subjectBefore(tokens: Token[], cueTok: number, from: number, index: MentionIndex, resolver?: SpeakerResolver): MentionRef | null {
  let k = cueTok - 1;
  // "was quoted as saying"
  if (k - 1 >= from && tokens[k]!.text.toLowerCase() === 'as' && /^quoted$/i.test(tokens[k - 1]!.text)) k -= 2;
  while (k >= from && tokens[k]!.kind === 'word' && ADVERBS.has(tokens[k]!.text.toLowerCase())) k--;
  if (k < from) return null;
  // Skip a parenthetical: ", who took part in the meeting,", ", 61,", ", a spokesman for the ministry,"; an
  // apposed name is the speaker itself: "The mayor of Kharkiv, Ihor Savchuk, complained".
  if (tokens[k]!.text === ',') {
    let j = k - 1;
    while (j >= from && tokens[j]!.text !== ',') j--;
    if (j < from) return null;
    const inner = index.startingAt(j + 1);
    if (inner && inner.tokEnd === k && tokens[j + 1]!.cap) return inner;
    const first = tokens[j + 1];
    if (!first || !(/^(who|which|whose|a|an|the)$/i.test(first.text) || first.kind === 'number' || (first.kind === 'word' && !first.cap))) {
      if (!(first && first.kind === 'word' && first.cap && isTitleWord(first))) return null;
    }
    k = j - 1;
  }
  if (k < from) return null;
  return index.endingAt(k) ?? fallbackAt(tokens, k, from, resolver);
}

/** Whether the cue is negated ("did not say", "declined to comment"). */
export function negated(tokens: Token[], cueTok: number, from: number): boolean {
  for (let k = cueTok - 1; k >= Math.max(from, cueTok - 3); k--) {
    if (tokens[k]!.kind === 'punct') return false; // "…or not,” said X"
    if (NEGATIONS.has(tokens[k]!.text.toLowerCase())) return true;
  }
  return false;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'this', 'that', 'these', 'those', 'any', 'no', 'every', 'each', 'such', 'whose', 'my', 'your']);

/** A cue word used as a noun: "the claim", "a report", "her post", "his promise". */
export function nounUse(tokens: Token[], cueTok: number): boolean {
  const prev = tokens[cueTok - 1];
  return !!prev && prev.kind === 'word' && DETERMINERS.has(prev.text.toLowerCase());
}

/**
 * The subject of an attribution phrase [from, to): the first mention that heads its noun phrase, skipping titles and
 * modifiers ("the UN refugee chief, Henrik Sorensen": Sorensen; "the US embassy in Manila": no mention) and
 * mentions inside prepositional phrases; an appositive name after a nominal wins over the nominal.
 */
export function headMention(tokens: Token[], from: number, to: number, index: MentionIndex, resolver?: SpeakerResolver): MentionRef | null {
  for (let j = from; j < to; j++) {
    const t = tokens[j]!;
    const m = index.startingAt(j);
    if (!m || m.tokEnd > to) {
      if (t.kind === 'word' && !t.cap && PREPOSITIONS.has(t.text.toLowerCase())) {
        // skip the object of the preposition: "in Manila", "of the ministry"
        let k = j + 1;
        while (k < to && tokens[k]!.kind === 'word' && (!ADVERBS.has(tokens[k]!.text.toLowerCase()) || tokens[k]!.cap) && !cueVerb(tokens[k]!.text)) {
          const mm = index.startingAt(k);
          k = mm ? mm.tokEnd : k + 1;
        }
        j = k - 1;
        continue;
      }
      // a pronoun or nominal the entities left open
      if (t.kind === 'word' && !t.cap && resolver) {
        const next = tokens[j + 1];
        const nw = next?.text.toLowerCase() ?? '';
        const endsPhrase = !next || next.kind === 'punct' || (next.kind === 'word' && (cueVerb(next.text) || AFTER_HEAD.has(nw) || ADVERBS.has(nw) || PREPOSITIONS.has(nw)));
        if (endsPhrase) {
          // "the spokesman, Lars Holm,": the apposed name
          if (next?.text === ',') {
            const app = index.startingAt(j + 2);
            if (app && tokens[app.tokStart]!.cap && app.tokEnd <= to) return app;
          }
          const f = fallbackAt(tokens, j, from, resolver);
          if (f) return f;
        }
      }
      continue;
    }
    const prev = tokens[j - 1];
    const next = tokens[m.tokEnd];
    const modifier =
      next &&
      ((next.kind === 'word' && !next.cap && !AFTER_HEAD.has(next.text.toLowerCase()) && !ADVERBS.has(next.text.toLowerCase()) && !cueVerb(next.text)) ||
        (next.kind === 'word' && next.cap && isTitleWord(next) && !/^(the|a|an|his|her|its|their)$/i.test(next.text)) ||
        next.text === "'s" ||
        next.text === '’s');
    if (modifier) {
      j = m.tokEnd - 1;
      continue;
    }
    // A nominal or pronoun followed by an apposed name: "the spokesman, Lars Holm," → Lars Holm.
    if (!tokens[m.tokStart]!.cap && next?.text === ',') {
      const app = index.startingAt(m.tokEnd + 1);
      if (app && tokens[app.tokStart]!.cap && app.tokEnd <= to) return app;
    }
    if (prev && j > from && prev.kind === 'word' && !prev.cap && PREPOSITIONS.has(prev.text.toLowerCase())) {
      j = m.tokEnd - 1;
      continue;
    }
    return m;
  }
  return null;
}

const STOP = /^[.!?;“”"«»‘]$/;
const ABBREVIATIONS = /^(sen|rep|gov|gen|lt|col|sgt|capt|maj|adm|cmdr|mr|mrs|ms|dr|prof|st|amb|sec|pres|rev|hon|jr|sr|mt|ft|no|vs)$/i;

/** A full stop that ends an abbreviation or an initial ("Sen.", "Lt.", "J."), not the sentence. */
function abbreviationDot(tokens: Token[], c: number): boolean {
  const prev = tokens[c - 1];
  return tokens[c]!.text === '.' && !!prev && prev.kind === 'word' && prev.end === tokens[c]!.start && (ABBREVIATIONS.test(prev.text) || /^\p{Lu}$/u.test(prev.text));
}

/**
 * The word right before an opening mark attributes the quotation ('he said "…"', 'Trump wrote "…"'): an inflected
 * cue verb, not a base form after a modal ('would respond "in proportion"'), and not a plural noun without a subject
 * ('called the claims "baseless"').
 */
export function cueRightBefore(tokens: Token[], k: number, from: number, index: MentionIndex): boolean {
  const t = tokens[k];
  if (!t || k < from || !cueAt(tokens, k)) return false;
  const verb = cueVerb(t.text)!;
  const w = t.text.toLowerCase();
  if (w === verb.base || w.endsWith('ing')) return false;
  if (w.endsWith('s') && !subjectBefore(tokens, k, from, index)) return false;
  return true;
}

/** A word that can be the cue verb of an attribution: not capitalized ("U.S. Secretary of State"), not a noun ("the claim"). */
function cueAt(tokens: Token[], c: number): boolean {
  const t = tokens[c]!;
  return t.kind === 'word' && !t.cap && !!cueVerb(t.text) && !nounUse(tokens, c);
}

/**
 * The attribution just after a closing mark, up to the sentence end or the next opening mark: "he told reporters",
 * "Trump wrote", "said Ushakov", "said Interior Minister Tomas Vaitkus", "Peter Lang, who leads the Greens, said",
 * "the ministry said in a statement", "Berg was quoted as saying", "according to a statement from the coalition".
 */
export function attributionAfter(tokens: Token[], from: number, to: number, index: MentionIndex, resolver?: SpeakerResolver): Attribution | null {
  let k = from;
  while (k < to && tokens[k]!.kind === 'punct' && /^[,—–-]$/.test(tokens[k]!.text)) k++;
  if (k >= to) return null;
  const limit = Math.min(to, k + 30);
  for (let c = k; c < limit; c++) {
    const t = tokens[c]!;
    if (t.kind === 'punct' && STOP.test(t.text) && !abbreviationDot(tokens, c)) return null;
    // A parenthetical is not the attribution's verb: "Peter Lang, who told the party congress …, said".
    if (t.text === ',' && /^(who|which|whose)$/i.test(tokens[c + 1]?.text ?? '')) {
      let j = c + 2;
      while (j < limit && tokens[j]!.text !== ',' && !STOP.test(tokens[j]!.text)) j++;
      if (tokens[j]?.text === ',') c = j;
      continue;
    }
    if (t.kind !== 'word') continue;
    if (t.text.toLowerCase() === 'according' && tokens[c + 1]?.text.toLowerCase() === 'to') {
      if (c > k + 1) return null;
      const m = headMention(tokens, c + 2, Math.min(to, c + 12), index, resolver) ?? headMentionAfterFrom(tokens, c + 2, Math.min(to, c + 12), index);
      return { speaker: m, cue: 'according to', cueTok: c };
    }
    if (!cueAt(tokens, c)) continue;
    if (negated(tokens, c, k)) return null;
    // cue first: "said Ushakov", "added the minister", "said Interior Minister Tomas Vaitkus"
    if (c === k) {
      const m = headMention(tokens, c + 1, Math.min(to, c + 12), index, resolver);
      return { speaker: m, cue: t.text, cueTok: c };
    }
    // The words between the mark and the cue are the subject phrase; too many and the cue belongs to another clause.
    if (c - k > 22) return null;
    let m = headMention(tokens, k, c, index, resolver);
    if (!m) {
      let e = c - 1;
      if (e - 1 >= k && tokens[e]!.text.toLowerCase() === 'as' && /^quoted$/i.test(tokens[e - 1]!.text)) e -= 2;
      while (e >= k && tokens[e]!.kind === 'word' && ADVERBS.has(tokens[e]!.text.toLowerCase())) e--;
      m = fallbackAt(tokens, e, k, resolver);
    }
    return { speaker: m, cue: t.text, cueTok: c };
  }
  return null;
}

/** The first mention in [from, to) even inside a prepositional phrase: "according to a statement from the coalition". */
function headMentionAfterFrom(tokens: Token[], from: number, to: number, index: MentionIndex): MentionRef | null {
  for (let j = from; j < to; j++) {
    if (tokens[j]!.kind === 'punct' && tokens[j]!.text !== '-') return null;
    const m = index.startingAt(j);
    if (m) {
      const next = tokens[m.tokEnd];
      if (next && next.kind === 'word' && !next.cap && !PREPOSITIONS.has(next.text.toLowerCase())) {
        j = m.tokEnd - 1;
        continue;
      }
      return m;
    }
  }
  return null;
}

/** The attribution before an opening mark: "Trump said: “…”", "he told reporters, “…”", "he said “…”". */
export function attributionBefore(tokens: Token[], from: number, openTok: number, index: MentionIndex, resolver?: SpeakerResolver): Attribution | null {
  let k = openTok - 1;
  if (k < from) return null;
  if (cueRightBefore(tokens, k, from, index)) k++; // 'said "…"' without a comma
  else if (!/^[,:—–-]$/.test(tokens[k]!.text)) return null;
  // the cue within the last few words: "told reporters on Friday:", "wrote on social media:"
  for (let c = k - 1; c >= Math.max(from, k - 10); c--) {
    const t = tokens[c]!;
    if (t.kind === 'punct' && /^[.!?;“”"]$/.test(t.text)) break;
    if (cueAt(tokens, c)) {
      if (negated(tokens, c, from)) return null;
      const m = subjectBefore(tokens, c, from, index, resolver) ?? headMention(tokens, c + 1, k, index, resolver);
      return { speaker: m, cue: t.text, cueTok: c };
    }
  }
  return null;
}
