// Speakers the entity mentions leave open: an unresolved pronoun ("She added") or an organization nominal
// ("the ministry said"), resolved from the speakers and entities found so far.
import type { Doc, Entity, Mention } from '../../model.js';
import type { Token } from '../language/tokens.js';
import { givenName } from '../../knowledge/given-names.js';
import { isRoleNoun } from '../../knowledge/roles.js';
import type { MentionRef } from './mention-index.js';

/** Head nouns of organizations named by a nominal: "the ministry said", "the party said in a statement". */
const ORG_NOUNS = new Set(['ministry', 'party', 'army', 'government', 'commission', 'embassy', 'coalition', 'council', 'court', 'company', 'agency', 'office', 'committee', 'military', 'police', 'bank', 'union', 'alliance', 'movement', 'group', 'organisation', 'organization', 'federation', 'administration', 'cabinet', 'presidency', 'parliament', 'assembly', 'senate', 'congress', 'department', 'authority', 'authorities', 'mission', 'secretariat', 'campaign', 'firm', 'fund', 'institute', 'foundation', 'network', 'service', 'force', 'forces', 'front', 'bloc']);
const MALE = new Set(['he', 'him', 'his', 'himself']);
const FEMALE = new Set(['she', 'her', 'hers', 'herself']);

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
