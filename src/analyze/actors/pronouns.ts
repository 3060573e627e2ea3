// Pronoun and role-nominal resolution: "he", "his", "the aide", "his envoy" → the person the text means.
// Salience-based: the subject of the current or previous sentence first, gender agreement when known, and
// cataphora for an opening clause ("In a post in which he complained …, Trump said …").
import type { Token } from '../language/tokens.js';
import { isRoleNoun } from '../../knowledge/roles.js';

export interface PersonRef {
  entity: number;
  tokStart: number;
  tokEnd: number;
  sentence: number;
  /** The first person mention of its sentence (a proxy for the subject). */
  subject: boolean;
}

export interface PersonInfo {
  gender: 'm' | 'f' | null;
  /** Role head nouns, lower case ("envoy", "aide", "president"). */
  roleHeads: Set<string>;
}

const MALE = new Set(['he', 'him', 'his', 'himself']);
const FEMALE = new Set(['she', 'her', 'hers', 'herself']);
const OPENERS = new Set(['in', 'after', 'before', 'while', 'although', 'though', 'when', 'as', 'since', 'despite', 'speaking', 'asked', 'during', 'earlier', 'later', 'on', 'at', 'following', 'writing', 'responding']);
const FOLLOW_VERBS = new Set(['said', 'says', 'told', 'tells', 'wrote', 'writes', 'added', 'has', 'had', 'was', 'is', 'will', 'would', 'posted', 'tweeted', 'insisted', 'warned', 'replied', 'declared', 'announced', 'urged', 'called', 'also']);

export interface Resolved {
  entity: number;
  tokStart: number;
  tokEnd: number;
}

/** Resolves he/she pronouns and "his envoy" / "the aide" nominals over tokens, given the person mentions in order. */
export function resolvePronouns(
  tokens: Token[],
  sentenceOf: (tok: number) => number,
  sentenceBounds: (s: number) => [number, number],
  refs: PersonRef[],
  info: (entity: number) => PersonInfo,
  taken: (tok: number) => boolean,
): Resolved[] {
  const out: Resolved[] = [];
  let r = 0; // refs before the current token
  for (let i = 0; i < tokens.length; i++) {
    while (r < refs.length && refs[r]!.tokEnd <= i) r++;
    const t = tokens[i]!;
    if (t.kind !== 'word' || taken(i)) continue;
    const lower = t.text.toLowerCase();
    const male = MALE.has(lower);
    const female = FEMALE.has(lower);
    // Role nominals: "the aide", "his envoy", "the Ukrainian president" (no name right after).
    if (lower === 'the' || lower === 'his' || lower === 'her') {
      const nominal = roleNominal(tokens, i);
      if (nominal) {
        const ent = byRole(refs, r, nominal.head, info, sentenceOf(i));
        if (ent !== null) {
          out.push({ entity: ent, tokStart: i, tokEnd: nominal.end });
          i = nominal.end - 1;
          continue;
        }
      }
    }
    if (!male && !female) continue;
    // "her" may be a possessive determiner before a name; it still refers to a person.
    const gender = male ? 'm' : 'f';
    const s = sentenceOf(i);
    const ent = cataphor(tokens, i, s, sentenceBounds, refs, r, info, gender) ?? antecedent(refs, r, s, info, gender);
    if (ent !== null) out.push({ entity: ent, tokStart: i, tokEnd: i + 1 });
  }
  return out;
}

function agrees(info: PersonInfo, gender: 'm' | 'f'): boolean {
  return info.gender === null || info.gender === gender;
}

/** The best antecedent among person mentions before the pronoun: same sentence, then the previous two. */
function antecedent(refs: PersonRef[], r: number, s: number, info: (e: number) => PersonInfo, gender: 'm' | 'f'): number | null {
  let best: number | null = null;
  let bestScore = -Infinity;
  for (let k = r - 1; k >= 0; k--) {
    const ref = refs[k]!;
    const dist = s - ref.sentence;
    if (dist > 2) break;
    if (!agrees(info(ref.entity), gender)) continue;
    // Same sentence beats earlier ones; subjects beat other mentions; then recency.
    const score = (dist === 0 ? 30 : dist === 1 ? 15 : 0) + (ref.subject ? 20 : 0) - (r - 1 - k);
    if (score > bestScore) {
      bestScore = score;
      best = ref.entity;
    }
  }
  return best;
}

/** A pronoun in an opening clause refers forward to the main clause's subject ("…, Trump said"). */
function cataphor(
  tokens: Token[],
  i: number,
  s: number,
  bounds: (s: number) => [number, number],
  refs: PersonRef[],
  r: number,
  info: (e: number) => PersonInfo,
  gender: 'm' | 'f',
): number | null {
  const [from, to] = bounds(s);
  let first = from;
  while (first < to && tokens[first]!.kind !== 'word') first++;
  if (first >= to || !OPENERS.has(tokens[first]!.text.toLowerCase())) return null;
  // No person named before the pronoun in this sentence.
  if (r > 0 && refs[r - 1]!.sentence === s) return null;
  for (let k = r; k < refs.length; k++) {
    const ref = refs[k]!;
    if (ref.sentence !== s) break;
    const before = tokens[ref.tokStart - 1];
    const after = tokens[ref.tokEnd];
    if (before?.text === ',' && after && FOLLOW_VERBS.has(after.text.toLowerCase()) && agrees(info(ref.entity), gender)) return ref.entity;
  }
  return null;
}

/** "the aide", "his envoy", "the senior Russian official": the head role noun and the end token. */
function roleNominal(tokens: Token[], i: number): { head: string; end: number } | null {
  let k = i + 1;
  let head: string | null = null;
  while (k < tokens.length && k - i <= 4) {
    const t = tokens[k]!;
    if (t.kind !== 'word') break;
    if (isRoleNoun(t.text) && !t.upper) {
      head = t.text.toLowerCase();
      k++;
      // Keep going for compound roles ("foreign minister"), stop at the last role noun.
      if (tokens[k] && tokens[k]!.kind === 'word' && isRoleNoun(tokens[k]!.text) && !tokens[k]!.cap) continue;
      break;
    }
    if (t.cap && !isRoleNoun(t.text)) return null;
    k++;
  }
  if (!head) return null;
  // A name right after means the role is a title ("the aide Yuri Ushakov"), handled elsewhere.
  const next = tokens[k];
  if (next && next.kind === 'word' && next.cap) return null;
  if (next && (next.text === "'s" || next.text === '’s')) return null;
  return { head, end: k };
}

function byRole(refs: PersonRef[], r: number, head: string, info: (e: number) => PersonInfo, s: number): number | null {
  const singular = head.replace(/(?:s)$/, '');
  for (let k = r - 1; k >= 0; k--) {
    const ref = refs[k]!;
    if (s - ref.sentence > 12) break;
    const heads = info(ref.entity).roleHeads;
    if (heads.has(head) || heads.has(singular)) return ref.entity;
  }
  return null;
}
