// A parser-free, dictionary-driven event coder in the manner of TABARI/PETRARCH: finds actor phrases (actors +
// agents), the verbs of the verb dictionary, matches the verbs' patterns to the left and right in a shallow way, and
// returns (source, target, CAMEO code) triples. No syntactic parse: noun phrases are runs of words between
// prepositions, verbs, auxiliaries, conjunctions and punctuation.
import { tokenize } from '../../language/tokens.js';
import { codesAt } from './actors.js';
import { applyAgents, type AgentEntry } from './agents.js';
import type { PetrarchDictionaries } from './dictionaries.js';
import type { PatElem, VerbForm, VerbPattern } from './verbs.js';

export interface CodedEvent {
  source: string;
  target: string;
  code: string;
}

export interface CodeOptions {
  /** Drop events whose source or target is unknown (PETRARCH's require_dyad; default true). Otherwise `---`. */
  requireDyad?: boolean;
}

export interface CodeTrace {
  discarded: string | null;
  verbs: { text: string; code: string; pattern: string | null; skipped?: string }[];
}

const PREPS = new Set(
  'about above across after against along amid among around as at before behind below beneath beside besides between beyond by despite during except following for from in inside into like near of off on onto outside over past per since than through throughout toward towards under until unto upon via with within without'.split(' '),
);
const CONJ = new Set(['and', 'or', 'nor', 'but']);
const AUX = new Set('am is are was were be been being has have had do does did will would shall should can could may might must n\'t not wo ca'.split(' '));
const CLAUSE = new Set('that which who whom whose where when while if because although though whether to'.split(' '));
const MODALS = new Set(['will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must']);
const DETERMINERS = new Set('a an the its his her their our my your this these those another each every some any such'.split(' '));
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am']);
const NEGATION = new Set(['not', "n't", 'never']);
/** Prepositions whose object is not the subject of a following verb (unlike "after crowds burned …"). */
const NOUN_PREPS = new Set(['of', 'between', 'with', 'by', 'to', 'for', 'from', 'in', 'on', 'at', 'into', 'against', 'about', 'over', 'near']);
const INTENSIFIERS = new Set(['very', 'too', 'so', 'more', 'most', 'quite', 'rather', 'less', 'least']);

interface Mention {
  start: number;
  end: number;
  actor: string[] | null;
  agent: AgentEntry | null;
}

interface Member {
  start: number;
  end: number;
  actor: string[] | null;
  agents: AgentEntry[];
}

interface Chunk {
  start: number;
  end: number;
  members: Member[];
}

interface Group {
  start: number;
  end: number;
  members: Member[];
}

interface VerbOcc {
  start: number;
  end: number;
  form: VerbForm;
}

/** Lower-cased words of a sentence, with `n't` split off and underscores read as spaces. */
export function sentenceWords(text: string, caps?: boolean[]): string[] {
  const out: string[] = [];
  for (const t of tokenize(text.replace(/_/g, ' '))) {
    const w = t.text.toLowerCase().replace(/’/g, "'");
    const m = /^(.+)(n't)$/.exec(w);
    if (m && t.kind === 'word') {
      out.push(m[1]!, m[2]!);
      caps?.push(t.cap, false);
    } else {
      out.push(w);
      caps?.push(t.cap);
    }
  }
  return out;
}

function isPunct(w: string): boolean {
  return !/[\p{L}\p{N}]/u.test(w);
}

/** Codes of a member: the actor codes (or `---`) with the agents applied. Empty when neither is known. */
function memberCodes(m: Member): string[] {
  if (!m.actor && !m.agents.length) return [];
  const actors = m.actor && m.actor.length ? m.actor : [null];
  return actors.map((a) => applyAgents(a, m.agents));
}

function groupCodes(g: Group, from = -1): string[] {
  const out: string[] = [];
  for (const m of g.members) if (m.start >= from) for (const c of memberCodes(m)) if (!out.includes(c)) out.push(c);
  return out;
}

/** Codes one sentence. `date` is YYYYMMDD or YYYY-MM-DD (actor codes may depend on it). */
export function codeSentence(text: string, date: string | null, dicts: PetrarchDictionaries, opts: CodeOptions = {}, trace?: CodeTrace): CodedEvent[] {
  const requireDyad = opts.requireDyad ?? true;
  const caps: boolean[] = [];
  const words = sentenceWords(text, caps);
  const n = words.length;
  if (trace) trace.verbs = [];
  const discard = dicts.discards.find(words);
  if (trace) trace.discarded = discard ? discard.phrase : null;
  if (discard) return [];

  // 1. Actor and agent mentions, longest first.
  const boundaryWord = (i: number): boolean => {
    const w = words[i]!;
    return PREPS.has(w) || CONJ.has(w) || AUX.has(w) || CLAUSE.has(w) || (isPunct(w) && w !== '-');
  };
  const filler = (i: number): boolean => !boundaryWord(i) && dicts.verbs.forms.longest(words, i) === null;
  const mentions: Mention[] = [];
  const inMention = new Array<boolean>(n).fill(false);
  for (let i = 0; i < n; ) {
    const a = dicts.actors.match(words, i, filler);
    const g = dicts.agents.match(words, i);
    if (a && (!g || a.end >= g.end)) {
      const entry = a.values[a.values.length - 1]!;
      mentions.push({ start: i, end: a.end, actor: codesAt(entry, date), agent: null });
    } else if (g) {
      mentions.push({ start: i, end: g.end, actor: null, agent: g.values[0]! });
    } else {
      i++;
      continue;
    }
    const m = mentions[mentions.length - 1]!;
    for (let k = m.start; k < m.end; k++) inMention[k] = true;
    i = m.end;
  }

  // 2. Verb occurrences from the verb dictionary (not modals; not nouns after a determiner or preposition).
  const verbs: VerbOcc[] = [];
  const verbAt = new Array<VerbOcc | null>(n).fill(null);
  for (let i = 0; i < n; ) {
    if (inMention[i] || MODALS.has(words[i]!)) {
      i++;
      continue;
    }
    const m = dicts.verbs.forms.longest(words, i);
    if (!m) {
      i++;
      continue;
    }
    const occ: VerbOcc = { start: i, end: m.end, form: m.values[0]! };
    if (!looksLikeNoun(i)) {
      verbs.push(occ);
      for (let k = occ.start; k < occ.end; k++) verbAt[k] = occ;
    }
    i = m.end;
  }
  function looksLikeNoun(i: number): boolean {
    const prev = verbAt[i - 1];
    if (prev && !AUX.has(words[i - 1]!)) return true; // "promised raids"
    for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
      const w = words[j]!;
      if (DETERMINERS.has(w)) return true;
      if (j === i - 1 && INTENSIFIERS.has(w)) return true; // "very close"
      if (PREPS.has(w) && w !== 'to') return true; // "following daylight raids"
      if (inMention[j] || boundaryWord(j) || verbAt[j] || (caps[j] && j > 0)) return false;
    }
    return false;
  }

  // 3. Noun-phrase chunks, compound groups, "agents of actors".
  const isBoundary = (i: number): boolean => !inMention[i] && (boundaryWord(i) || verbAt[i] !== null);
  const chunks: Chunk[] = [];
  for (let i = 0; i < n; ) {
    if (isBoundary(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && !isBoundary(j)) j++;
    const ms = mentions.filter((m) => m.start >= i && m.end <= j);
    const member: Member = { start: i, end: j, actor: null, agents: [] };
    let actorSeen = false;
    for (const m of ms) {
      if (m.actor !== null && !actorSeen) {
        member.actor = m.actor;
        actorSeen = true;
        member.start = Math.min(member.start, m.start);
      } else if (m.agent && !member.agents.some((a) => a.code === m.agent!.code && a.prefix === m.agent!.prefix)) member.agents.push(m.agent);
    }
    const firstMention = ms[0];
    chunks.push({ start: i, end: j, members: firstMention ? [{ ...member, start: i }] : [] });
    i = j;
  }
  // "Ithilen's awful and evil minister Calimehtar": a conjunction between adjectives, not between actors.
  for (let k = 0; k + 1 < chunks.length; k++) {
    const a = chunks[k]!;
    const b = chunks[k + 1]!;
    const sep = words.slice(a.end, b.start);
    const am = a.members[0];
    const bm = b.members[0];
    if (sep.length !== 1 || sep[0] !== 'and' || !am || !bm) continue;
    if (!am.actor || am.agents.length || inMention[a.end - 1] || caps[a.end - 1]) continue;
    if (!bm.agents.length || inMention[b.start] || caps[b.start]) continue;
    chunks.splice(k, 2, { start: a.start, end: b.end, members: [{ start: a.start, end: b.end, actor: am.actor, agents: bm.agents }] });
  }
  const chunkAt = (i: number): Chunk | undefined => chunks.find((c) => c.start <= i && i < c.end);

  // Compound lists: chunk (sep chunk)*, sep = "," | "and" | "or" | "nor" | ", and"; a bare comma list needs an and/or.
  const groups: Group[] = [];
  for (let k = 0; k < chunks.length; ) {
    const list: Chunk[] = [chunks[k]!];
    let lastConj = 0;
    let kk = k;
    while (kk + 1 < chunks.length) {
      const a = chunks[kk]!;
      const b = chunks[kk + 1]!;
      const sep = words.slice(a.end, b.start);
      if (!sep.length || sep.length > 2 || !sep.every((w) => w === ',' || CONJ.has(w)) || sep.includes('but')) break;
      if (sep.length === 2 && sep[0] !== ',') break;
      list.push(b);
      kk++;
      if (sep.some((w) => CONJ.has(w))) lastConj = list.length - 1;
    }
    const used = list.slice(0, lastConj + 1);
    // "Danish media and government": an agent-only member takes the actor of the member before it.
    for (let x = 1; x < used.length; x++) {
      const prev = used[x - 1]!.members[0];
      const cur = used[x]!.members[0];
      if (prev && cur && prev.actor && prev.actor.length && prev.agents.length && !cur.actor && cur.agents.length)
        used[x]!.members[0] = { ...cur, actor: prev.actor, agents: [...prev.agents.slice(0, -1), ...cur.agents] };
    }
    groups.push({ start: used[0]!.start, end: used[used.length - 1]!.end, members: used.flatMap((c) => c.members) });
    k += used.length;
  }
  // "ambassadors of Arnor, Osgiliath and Gondor", "the government of Gondor", "soldiers from Gondor".
  for (let k = 0; k + 1 < groups.length; k++) {
    const a = groups[k]!;
    const b = groups[k + 1]!;
    const between = words.slice(a.end, b.start);
    if (between.length !== 1 || !['of', 'in', 'from'].includes(between[0]!)) continue;
    if (!b.members.some((m) => m.actor && m.actor.length)) continue;
    const allAgentOnly = a.members.every((m) => !m.actor || !m.actor.length);
    const last = a.members[a.members.length - 1];
    if (last && last.actor && last.actor.length) continue;
    const heads = allAgentOnly ? a.members : last ? [last] : [];
    const withAgents = heads.filter((m) => m.agents.length);
    const merged: Member[] = [];
    if (!withAgents.length) merged.push(...b.members);
    for (const h of withAgents) for (const bm of b.members) merged.push({ ...bm, agents: [...bm.agents, ...h.agents] });
    const keep = allAgentOnly ? [] : a.members.slice(0, -1);
    groups.splice(k, 2, { start: a.start, end: b.end, members: [...keep, ...merged.map((m) => ({ ...m, start: m.start }))] });
    k--;
  }
  const coded = groups.filter((g) => groupCodes(g).length > 0);

  // Subject-like: not the object of a preposition or of a verb.
  const subjectLike = (g: Group): boolean => {
    const p = g.start - 1;
    if (p < 0) return true;
    const w = words[p]!;
    return !(PREPS.has(w) || verbAt[p] !== null);
  };
  // A chunk of bare lower-case words ("ever", "most certainly", "heavily") is an adverb, not a subject.
  const bare = (g: Group): boolean => {
    for (let j = g.start; j < g.end; j++) if (DETERMINERS.has(words[j]!) || (caps[j] && j > 0) || /\d/.test(words[j]!) || inMention[j]) return false;
    return true;
  };
  const subjectBefore = (pos: number): Group | null => {
    // The group right before the verb (only auxiliaries and adverbs between) is its subject even after "after".
    let j = pos - 1;
    while (j >= 0 && (AUX.has(words[j]!) || /ly$/.test(words[j]!))) j--;
    const near = groups.find((g) => g.end === j + 1);
    if (near && !bare(near) && !NOUN_PREPS.has(words[near.start - 1] ?? '')) return coded.includes(near) ? near : null;
    for (let k = groups.length - 1; k >= 0; k--) {
      const g = groups[k]!;
      if (g.end <= pos && subjectLike(g) && (coded.includes(g) || !bare(g))) return coded.includes(g) ? g : null;
    }
    return null;
  };
  // The first coded group after a position, leaving out "…, a senior official said" (the subject of a later verb).
  const groupAfter = (pos: number, except?: Group | null): Group | null =>
    coded.find((g) => g.start >= pos && g !== except && !(words[g.start - 1] === ',' && verbFollows(g.end))) ?? null;
  const verbFollows = (pos: number): boolean => {
    for (let j = pos; j < n && j <= pos + 3; j++) {
      if (verbAt[j]) return true;
      if (!AUX.has(words[j]!) && !/ly$/.test(words[j]!)) return false;
    }
    return false;
  };

  // 4. Each verb.
  const events: CodedEvent[] = [];
  const push = (s: string | null, t: string | null, code: string): void => {
    if (!code || code === '---') return;
    if (requireDyad && (!s || !t)) return;
    const e = { source: s ?? '---', target: t ?? '---', code };
    if (e.source === e.target && s) return;
    if (!events.some((x) => x.source === e.source && x.target === e.target && x.code === e.code)) events.push(e);
  };
  let codedVerbBefore = false;
  for (const v of verbs) {
    const tr = trace ? { text: words.slice(v.start, v.end).join(' '), code: v.form.code, pattern: null as string | null, skipped: undefined as string | undefined } : null;
    if (tr) trace!.verbs.push(tr);
    // An infinitive after an earlier verb is that verb's complement ("urged Bree to help …").
    const infinitive = words[v.start - 1] === 'to' || (words[v.start - 2] === 'to' && ['be', 'have'].includes(words[v.start - 1]!));
    if (infinitive && codedVerbBefore) {
      if (tr) tr.skipped = 'infinitive complement';
      continue;
    }
    let match: { p: VerbPattern; b: Binding } | null = null;
    for (const p of dicts.verbs.patternsFor(v.form)) {
      const b = matchPattern(p, v);
      if (b) {
        match = { p, b };
        break;
      }
    }
    const code = match ? match.p.code : v.form.code;
    if (tr) {
      tr.code = code;
      tr.pattern = match ? match.p.text : null;
    }
    if (!match && negated(v.start)) {
      if (tr) tr.skipped = 'negated';
      continue;
    }
    if (code === '---') continue;
    if (!AUX.has(words[v.start]!)) codedVerbBefore = true;
    const [fwd, back] = code.split(':') as [string, string | undefined];
    const b = match?.b ?? {};
    if (b.compoundBefore) {
      const cs = groupCodes(b.compoundBefore.g, b.compoundBefore.from);
      for (let x = 0; x < cs.length; x++)
        for (let y = 0; y < cs.length; y++) if (x !== y) push(cs[x]!, cs[y]!, x < y ? fwd : back && back !== '---' ? back : fwd);
      continue;
    }
    let src: string[] | null = null;
    let tgt: string[] | null = null;
    let srcGroup: Group | null = null;
    if (b.source) {
      srcGroup = b.source.g;
      src = groupCodes(b.source.g, b.source.from);
    }
    if (b.target) tgt = groupCodes(b.target.g, b.target.from);
    if (b.compoundAfter) tgt = groupCodes(b.compoundAfter.g, b.compoundAfter.from);
    if (!src) {
      const anchor = b.target && b.target.g.end <= v.start ? b.target.g.start : v.start;
      // Passive with an agent: "Eriador was opposed (earlier) by Osgiliath".
      const passiveBy = !b.target && isPassive(v) ? byAgent(v.end) : null;
      if (passiveBy) {
        srcGroup = passiveBy;
        src = groupCodes(passiveBy);
        if (!tgt) {
          const subj = subjectBefore(v.start);
          tgt = subj ? groupCodes(subj) : null;
        }
      } else {
        srcGroup = subjectBefore(anchor);
        src = srcGroup ? groupCodes(srcGroup) : null;
      }
    }
    if (!tgt) {
      if (b.source && b.source.g.start >= v.end) {
        const subj = subjectBefore(v.start);
        tgt = subj ? groupCodes(subj) : null;
      } else {
        const g = groupAfter(v.end, srcGroup);
        tgt = g ? groupCodes(g) : null;
      }
    }
    // "Gondor and Osgiliath have renewed diplomatic ties": a compound subject and no target act on each other.
    if (src && src.length > 1 && (!tgt || !tgt.length)) {
      for (let x = 0; x < src.length; x++)
        for (let y = 0; y < src.length; y++) if (x !== y) push(src[x]!, src[y]!, x < y ? fwd : back && back !== '---' ? back : fwd);
      continue;
    }
    const ss = src && src.length ? src : [null];
    const ts = tgt && tgt.length ? tgt : [null];
    for (const s of ss)
      for (const t of ts) {
        push(s, t, fwd);
        if (back && back !== '---') push(t, s, back);
      }
  }
  return events;

  function negated(start: number): boolean {
    for (let j = start - 1; j >= 0 && j >= start - 3; j--) {
      const w = words[j]!;
      if (NEGATION.has(w)) return true;
      if (!AUX.has(w) && !/ly$/.test(w)) return false;
    }
    return false;
  }
  function isPassive(v: VerbOcc): boolean {
    for (let j = v.start - 1; j >= 0 && j >= v.start - 3; j--) {
      const w = words[j]!;
      if (BE.has(w)) return true;
      if (!/ly$/.test(w) && w !== 'and') return false;
    }
    return false;
  }
  function byAgent(pos: number): Group | null {
    for (let j = pos; j < n && j <= pos + 2; j++) {
      if (words[j] === 'by') {
        const g = coded.find((x) => x.start === j + 1 || (x.start > j && x.start <= j + 3 && !words.slice(j + 1, x.start).some((w, k) => isBoundary(j + 1 + k))));
        return g ?? null;
      }
      if (isBoundary(j)) return null;
    }
    return null;
  }

  // Pattern matching in both directions over a "view" of the sentence.
  interface Bound {
    g: Group;
    from: number;
  }
  interface Binding {
    source?: Bound;
    target?: Bound;
    compoundBefore?: Bound;
    compoundAfter?: Bound;
  }
  function matchPattern(p: VerbPattern, v: VerbOcc): Binding | null {
    const binding: Binding = {};
    // After the verb.
    const after = matchSeq(p.after.map((e) => ({ e, adj: e.adj })), v.end, 1, binding, 'after');
    if (!after) return null;
    if (!p.before.length) return after;
    const rev: { e: PatElem; adj: boolean }[] = [];
    for (let k = p.before.length - 1; k >= 0; k--) {
      const adj = k === p.before.length - 1 ? p.verbAdjBefore : p.before[k + 1]!.adj;
      rev.push({ e: p.before[k]!, adj });
    }
    return matchSeq(rev, v.start - 1, -1, after, 'before');
  }

  /** Matches elements from `pos` going in direction `dir` (1: right, positions are starts; -1: left, positions are ends). */
  function matchSeq(els: { e: PatElem; adj: boolean }[], pos: number, dir: 1 | -1, bind: Binding, side: 'before' | 'after'): Binding | null {
    const go = (k: number, pos: number, bind: Binding): Binding | null => {
      if (k === els.length) return bind;
      const { e, adj } = els[k]!;
      const limit = dir === 1 ? n : -1;
      for (let c = pos; dir === 1 ? c < limit : c > limit; c += dir) {
        if (adj && c !== pos) break;
        const r = tryAt(e, c);
        for (const next of r) {
          let nb = bind;
          if (next.bound) {
            const key =
              e.kind === 'source' ? 'source' : e.kind === 'target' ? 'target' : side === 'before' ? 'compoundBefore' : 'compoundAfter';
            nb = { ...bind, [key]: next.bound };
          }
          const res = go(k + 1, next.pos, nb);
          if (res) return res;
        }
        if (dir === 1 ? c >= n : c <= 0) break;
      }
      return null;
    };
    const tryAt = (e: PatElem, c: number): { pos: number; bound?: Bound }[] => {
      if (c < 0 || c >= n) return [];
      const phr = (ws: string[]): { pos: number }[] => (wordsAt(ws, c, dir) ? [{ pos: c + dir * ws.length }] : []);
      switch (e.kind) {
        case 'words':
          return phr(e.words);
        case 'alt':
          return e.options.flatMap(phr);
        case 'syn': {
          const list = [...dicts.verbs.synset(e.name)].sort((a, b) => b.length - a.length);
          return list.flatMap(phr);
        }
        case 'skip': {
          const ch = chunkAt(c);
          if (!ch) return [];
          return [{ pos: dir === 1 ? ch.end : ch.start - 1 }];
        }
        default: {
          // source, target, compound: a coded group starting (or, going left, ending) here.
          const g = dir === 1 ? coded.find((x) => x.start === c || (x.start < c && c < x.end && !isBoundary(c))) : coded.find((x) => x.end - 1 === c);
          if (!g) return [];
          const from = dir === 1 ? c : -1;
          const codes = groupCodes(g, from);
          if (!codes.length) return [];
          if (e.kind === 'compound' && codes.length < 2) return [];
          return [{ pos: dir === 1 ? g.end : g.start - 1, bound: { g, from } }];
        }
      }
    };
    return go(0, pos, bind);
  }

  function wordsAt(ws: string[], c: number, dir: 1 | -1): boolean {
    if (dir === 1) {
      if (c + ws.length > n) return false;
      return ws.every((w, k) => words[c + k] === w);
    }
    const s = c - ws.length + 1;
    if (s < 0) return false;
    return ws.every((w, k) => words[s + k] === w);
  }
}
