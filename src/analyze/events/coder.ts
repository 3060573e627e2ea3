// Event coding, sentence by sentence: an event word (verb or noun) from our table, its source (the subject, the
// possessor, or "by X" in the passive) and its target (object, prepositional object, or that-clause subject),
// CAMEO code refinements, place and date. Negated, hypothetical, questioned and quoted statements yield nothing.
import type { DateMention, Doc, NewsEvent, Span } from '../../model.js';
import type { Token } from '../language/tokens.js';
import type { EventVerb } from '../../knowledge/event-verbs.js';
import { eventVerbs } from '../../knowledge/event-verbs.js';
import { resolvePlace } from '../../knowledge/gazetteer.js';
import { cameoCode } from '../../knowledge/cameo.js';
import type { MentionIndex } from '../quotes/mention-index.js';
import { actorsIn, phraseAfter, phraseBefore, type PhraseActor } from './phrases.js';

const NEGATORS = new Set(['not', "n't", 'never', 'no', 'without', 'neither', 'nor']);
const MODALS = new Set(['would', 'could', 'might', 'may', 'should', 'must', 'can']);
const FUTURE = new Set(['will', "'ll", 'shall']);
const AUX = new Set(['has', 'have', 'had', 'was', 'were', 'is', 'are', 'be', 'been', 'being', 'did', 'does', 'do', 'also', 'reportedly', 'allegedly', 'just', 'again', 'then', 'later', 'yet', 'already', 'repeatedly', 'previously', 'recently', 'jointly', 'both', 'formally', 'publicly', 'on', 'friday', 'monday', 'tuesday', 'wednesday', 'thursday', 'saturday', 'sunday']);
const INTENT = new Set(['expected', 'plans', 'planned', 'plan', 'intends', 'intend', 'intended', 'wants', 'want', 'wanted', 'hopes', 'hope', 'hoped', 'set', 'due', 'scheduled', 'likely', 'unlikely', 'ready', 'prepared', 'going', 'agreed', 'agree', 'seeks', 'sought', 'seek', 'tried', 'trying', 'try', 'attempt', 'attempted', 'refused', 'declined', 'failed', 'threatened', 'vowed', 'promised', 'pledged', 'offered', 'asked', 'urged']);
const CONDITIONAL = new Set(['if', 'unless', 'whether', 'should']);
const PLACE_PREPS = new Set(['in', 'near', 'at', 'outside', 'inside', 'around', 'across']);
const INSTRUMENTS: [RegExp, string][] = [
  [/\bsuicide (?:bomb|bomber|bombing|attack)/i, '1831'],
  [/\bcar bomb|\bvehicle bomb|\btruck bomb/i, '1832'],
  [/\broadside bomb|\bimprovised explosive|\bIED\b/i, '1833'],
  [/\bbomb|\bexplosi|\bblast\b|\bgrenade/i, '183'],
  [/\bair ?strike|\bdrone|\bmissile|\bwarplane|\bjet|\bhelicopter|\brocket/i, '195'],
  [/\bshell|\bartillery|\btank/i, '194'],
  [/\bgunm[ae]n|\bgunfire|\bshot\b|\bsniper|\brifle/i, '193'],
];

export interface CodeContext {
  doc: Doc;
  tokens: Token[];
  index: MentionIndex;
  /** Inside quotation marks: speech, not the reporter's account of events. */
  inQuote: (offset: number) => boolean;
  dates: DateMention[];
}

/** Negation, modality or intent in the few words before the event word. */
function mood(tokens: Token[], k: number, from: number): 'real' | 'negated' | 'hypothetical' | 'future' | 'intent' {
  let j = k - 1;
  const lim = Math.max(from, k - 5);
  for (; j >= lim; j--) {
    const w = tokens[j]!.text.toLowerCase();
    if (NEGATORS.has(w)) return 'negated';
    if (MODALS.has(w)) return 'hypothetical';
    if (FUTURE.has(w)) return 'future';
    if (w === 'to') return 'intent'; // infinitive: purpose or intent ("to discuss", "expected to attend")
    if (INTENT.has(w)) return 'intent';
    if (!AUX.has(w) && tokens[j]!.kind === 'word') break;
  }
  for (let i = from; i < k; i++) if (CONDITIONAL.has(tokens[i]!.text.toLowerCase()) && i === from) return 'hypothetical';
  return 'real';
}

/** Passive voice: "was attacked by X", "were killed". */
function passive(tokens: Token[], k: number): boolean {
  const w = tokens[k]!.text.toLowerCase();
  if (!/(ed|en|wn|ck|ld)$/.test(w) && !['struck', 'met', 'held', 'shot'].includes(w)) return false;
  for (let j = k - 1; j >= Math.max(0, k - 3); j--) {
    const p = tokens[j]!.text.toLowerCase();
    if (['was', 'were', 'been', 'being', 'is', 'are', 'be', 'got'].includes(p)) return true;
    if (!AUX.has(p)) return false;
  }
  return false;
}

function matchParticles(tokens: Token[], k: number, v: EventVerb, to: number): number | null {
  let j = k + 1;
  for (const p of v.particles) {
    if (j >= to || tokens[j]!.text.toLowerCase() !== p) return null;
    j++;
  }
  return j;
}

/** Target actors for the entry's slots, after token `after`. */
function targetsAfter(ctx: CodeContext, v: EventVerb, after: number, to: number): PhraseActor[] {
  const { tokens, index } = ctx;
  for (const slot of v.targets) {
    if (slot === 'obj') {
      const p = phraseAfter(tokens, after, to, index);
      if (p) {
        const a = actorsIn(tokens, p[0], p[1], index);
        if (a.length) return a;
      }
      continue;
    }
    // A preposition or "that" within a few words: "pushed back against some of the US proposals", "blamed on Kyiv".
    for (let j = after; j < Math.min(to, after + 6); j++) {
      const w = tokens[j]!.text.toLowerCase();
      if (w === slot) {
        const p = phraseAfter(tokens, j + 1, to, index);
        if (p) {
          const a = actorsIn(tokens, p[0], p[1], index);
          if (a.length) return a;
        }
        break;
      }
      if (tokens[j]!.kind === 'punct') break;
    }
  }
  return [];
}

function refine(code: string, sentence: string, v: EventVerb): string {
  if (code === '180' || code === '190' || v.phrase === 'kill' || v.phrase === 'n:bombing') {
    for (const [re, c] of INSTRUMENTS) if (re.test(sentence)) return c;
  }
  return code;
}

/** The clause around token k: from the last comma or relative word before it to the next comma after it. */
function clauseOf(tokens: Token[], from: number, to: number, k: number): [number, number] {
  let a = k;
  while (a - 1 >= from && !/^[,;:]$/.test(tokens[a - 1]!.text) && !/^(which|who|whom)$/i.test(tokens[a - 1]!.text)) a--;
  let b = k + 1;
  while (b < to && !/^[,;:]$/.test(tokens[b]!.text)) b++;
  return [a, b];
}

function eventLocation(ctx: CodeContext, from0: number, to0: number, k: number, exclude: Set<string | null>): NewsEvent['location'] {
  const { tokens, index } = ctx;
  const [from, to] = clauseOf(tokens, from0, to0, k);
  let best: NewsEvent['location'] = null;
  let bestDist = Infinity;
  for (let j = from; j < to - 1; j++) {
    if (!PLACE_PREPS.has(tokens[j]!.text.toLowerCase())) continue;
    let s = j + 1;
    if (tokens[s] && /^(the)$/i.test(tokens[s]!.text)) s++;
    const m = index.startingAt(s);
    if (!m || m.entity.type !== 'location' || exclude.has(m.entity.id)) continue;
    const dist = j > k ? j - k : (k - j) * 2;
    if (dist < bestDist) {
      const place = resolvePlace(m.entity.name, { country: m.entity.country });
      best = { name: m.entity.name, country: m.entity.country, lat: place?.lat ?? null, lon: place?.lon ?? null };
      bestDist = dist;
    }
  }
  return best;
}

function eventDate(ctx: CodeContext, sent: Span, at: number): string | null {
  let best: DateMention | null = null;
  for (const d of ctx.dates) {
    if (d.start < sent.start || d.end > sent.end || !d.value) continue;
    if (!best || Math.abs(d.start - at) < Math.abs(best.start - at)) best = d;
  }
  if (best?.value) return best.value;
  return ctx.doc.article.published ? ctx.doc.article.published.slice(0, 10) : null;
}

function makeEvent(ctx: CodeContext, code: string, src: PhraseActor | null, tgt: PhraseActor | null, sent: Span, k: number, from: number, to: number): NewsEvent | null {
  const info = cameoCode(code);
  if (!info) return null;
  const exclude = new Set([tgt?.entity ?? null, src?.entity ?? null]);
  exclude.delete(null);
  const side = (a: PhraseActor | null) => (a ? { entity: a.entity, name: a.name, code: a.code } : null);
  const location = eventLocation(ctx, from, to, k, exclude);
  // A meeting in the target's country is a visit by the source (042); in the source's own country, hosting (043).
  if (code === '040' && location?.country && src?.code && tgt?.code) {
    const sc = src.code.slice(0, 3);
    const tc = tgt.code.slice(0, 3);
    if (location.country === tc && sc !== tc) code = '042';
    else if (location.country === sc && sc !== tc) code = '043';
  }
  const info2 = cameoCode(code) ?? info;
  return {
    code,
    rootCode: info2.root,
    quadClass: info2.quadClass,
    goldstein: info2.goldstein,
    label: info2.name,
    source: side(src),
    target: side(tgt),
    location,
    date: eventDate(ctx, sent, ctx.tokens[k]!.start),
    sentence: ctx.doc.article.text.slice(sent.start, sent.end),
    start: sent.start,
    end: sent.end,
  };
}

/** Codes one sentence (tokens [from, to)). */
export function codeSentence(ctx: CodeContext, sent: Span, from: number, to: number): NewsEvent[] {
  const { tokens, index } = ctx;
  const out: NewsEvent[] = [];
  const text = ctx.doc.article.text.slice(sent.start, sent.end);
  if (/\?\s*["”’]?\s*$/.test(text)) return out; // a question states nothing
  const table = eventVerbs();
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word') continue;
    const entries = table.byForm.get(t.text.toLowerCase());
    if (!entries || ctx.inQuote(t.start)) continue;
    for (const v of entries) {
      const after = matchParticles(tokens, k, v, to);
      if (after === null) continue;
      // Nouns need a noun context: "the invasion of", "Witkoff's meeting with"; verbs must not be nouns here.
      const prev = tokens[k - 1];
      const prevLower = prev?.text.toLowerCase() ?? '';
      const possBefore = [1, 2, 3].some((d) => /^['’]s$/.test(tokens[k - d]?.text ?? ''));
      const nounContext = possBefore || prevLower === 'the' || prevLower === 'a' || prevLower === "'s" || prevLower === '’s' || prevLower === 'an' || (prev?.kind === 'word' && /(?:ful|scale|large|new|deadly|latest|first)$/.test(prevLower));
      if (v.noun !== nounContext) continue;
      // An uninflected form ("bomb", "attack", "protests") is a verb only after a subject or an auxiliary:
      // in "a car bomb killed" it is a noun.
      if (!v.noun && isBareForm(t.text, v) && !(prev && (index.endingAt(k - 1) || BARE_OK.has(prevLower)))) continue;
      const m = mood(tokens, k, from);
      if (m === 'negated' || m === 'hypothetical') break;
      let code = v.code;
      if (m === 'intent' || m === 'future') {
        // Stated intent to meet: 036. Other intents and plans are not events.
        if (code.startsWith('04') && m === 'future') code = '036';
        else break;
      }
      let sources: PhraseActor[] = [];
      let targets: PhraseActor[] = [];
      if (v.noun) {
        // "Russia's invasion of Ukraine": the possessor is the source; "an attack on X by Y".
        // The possessor may stand before adjectives: "Russia's full-scale invasion".
        for (let j = k - 1; j >= Math.max(from, k - 3); j--) {
          const w = tokens[j]!.text;
          if (w !== "'s" && w !== '’s') continue;
          const p = phraseBefore(tokens, j, from, index);
          if (p) sources = actorsIn(tokens, p[0], p[1], index);
          break;
        }
        targets = targetsAfter(ctx, v, after, to);
      } else if (passive(tokens, k)) {
        // "X was attacked by Y": source Y, target X.
        const p = phraseBefore(tokens, skipAux(tokens, k, from), from, index);
        if (p) targets = actorsIn(tokens, p[0], p[1], index);
        for (let j = after; j < Math.min(to, after + 4); j++) {
          if (tokens[j]!.text.toLowerCase() !== 'by') continue;
          const q = phraseAfter(tokens, j + 1, to, index);
          if (q) sources = actorsIn(tokens, q[0], q[1], index);
          break;
        }
      } else {
        const j = skipAux(tokens, k, from);
        const p = phraseBefore(tokens, j, from, index);
        if (p) sources = actorsIn(tokens, p[0], p[1], index);
        // "Veloria rejected …, and blamed the Sable Front": a coordinated verb shares the sentence's subject.
        if (!sources.length && j - 1 >= from && /^(and|,)$/.test(tokens[j - 1]!.text)) sources = sentenceSubject(tokens, from, to, index);
        targets = targetsAfter(ctx, v, after, to);
      }
      // Instruments count only in the verb's own clause ("a car bomb killed …", not a drone named elsewhere).
      const [ca, cb] = clauseOf(tokens, from, to, k);
      code = refine(code, ctx.doc.article.text.slice(tokens[ca]!.start, tokens[cb - 1]!.end), v);
      const root = Number(code.slice(0, 2));
      if (!targets.length) break;
      if (!sources.length && !(root >= 18)) break;
      for (const s of sources.length ? sources : [null]) {
        for (const g of targets) {
          if (s && g && ((s.entity && s.entity === g.entity) || (!s.entity && s.code === g.code))) continue;
          const ev = makeEvent(ctx, code, s, g, sent, k, from, to);
          if (ev) out.push(ev);
        }
      }
      break;
    }
  }
  return out;
}

const BARE_OK = new Set(['to', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must', 'did', 'do', 'does', 'not', "n't", 'they', 'we', 'i', 'you', 'he', 'she', 'it', 'also', 'jointly']);

function isBareForm(word: string, v: EventVerb): boolean {
  const w = word.toLowerCase();
  const base = v.phrase.split(' ')[0]!;
  return w === base || w === `${base}s` || w === `${base}es`;
}

/** The actor that opens the sentence ("Marek said …", "Veloria on Monday rejected …"), if any. */
function sentenceSubject(tokens: Token[], from: number, to: number, index: MentionIndex): PhraseActor[] {
  let k = from;
  while (k < to && tokens[k]!.kind !== 'word') k++;
  const p = phraseAfter(tokens, k, Math.min(to, k + 8), index);
  if (!p) return [];
  const m = index.startingAt(k) ?? (tokens[k] && /^the$/i.test(tokens[k]!.text) ? index.startingAt(k + 1) : null);
  return m ? actorsIn(tokens, m.tokStart, m.tokEnd, index) : [];
}

/** Back over auxiliaries and adverbs between the subject and the verb ("have also held"). */
function skipAux(tokens: Token[], k: number, from: number): number {
  let j = k;
  while (j - 1 >= from) {
    const w = tokens[j - 1]!.text.toLowerCase();
    if ((AUX.has(w) && w !== 'on') || FUTURE.has(w) || MODALS.has(w)) j--;
    else break;
  }
  return j;
}
