// Actors in the noun phrases around an event word: named entities ("Vladimir Putin", "the Kremlin", "Kyiv"), and
// unnamed groups made of a nationality and a role ("a senior Russian military officer" → RUSMIL, "Ukrainian and
// European officials" → UKRGOV + EURGOV, "the US proposals" → USA).
import type { Entity, EventActor } from '../../model.js';
import type { Token } from '../language/tokens.js';
import { countryByDemonym, countryByName } from '../../knowledge/countries.js';
import { groupByWord } from '../../knowledge/groups.js';
import { isRoleNoun, sectorOfRole } from '../../knowledge/roles.js';
import type { MentionIndex } from '../quotes/mention-index.js';

export interface PhraseActor extends EventActor {
  /** Token range of the phrase the actor was read from. */
  tokStart: number;
  tokEnd: number;
  type: Entity['type'] | 'group';
}

const DETERMINERS = new Set(['a', 'an', 'the', 'some', 'several', 'many', 'two', 'three', 'four', 'five', 'dozens', 'hundreds', 'thousands', 'of', 'its', 'their', 'his', 'her', 'senior', 'top', 'other', 'all', 'both']);
const BOUNDARY = new Set([',', '.', ';', ':', '(', ')', '"', '“', '”', '?', '!']);
const STOP_WORDS = new Set(['that', 'which', 'who', 'whom', 'to', 'in', 'near', 'at', 'on', 'for', 'from', 'with', 'by', 'after', 'before', 'since', 'during', 'over', 'about', 'against', 'as', 'than', 'while', 'because', 'when', 'where', 'if', 'but', 'or', 'was', 'were', 'is', 'are', 'has', 'have', 'had', 'will', 'would', 'said']);

/** A nationality, country or group word → its code ("Russian" → RUS, "European" → EUR, "US" → USA). */
export function placeCode(word: string): string | null {
  const c = countryByDemonym(word) ?? (/^\p{Lu}/u.test(word) ? countryByName(word) : null);
  if (c) return c.alpha3;
  const g = /^\p{Lu}/u.test(word) ? groupByWord(word) : null;
  return g ? g.code : null;
}

function entityActor(e: Entity, tokStart: number, tokEnd: number): PhraseActor | null {
  const code = e.actorCode ?? e.country;
  if (!code && e.type !== 'person' && e.type !== 'organization') return null;
  return { entity: e.id, name: e.name, code: code ?? null, tokStart, tokEnd, type: e.type };
}

/**
 * Reads the actors of the phrase tokens[from, to): entity mentions first; otherwise nationality/group words with the
 * phrase's role head ("officials" → GOV, "military officer" → MIL).
 */
export function actorsIn(tokens: Token[], from: number, to: number, index: MentionIndex): PhraseActor[] {
  const out: PhraseActor[] = [];
  for (let k = from; k < to; k++) {
    const m = index.startingAt(k);
    if (m && m.tokEnd <= to) {
      // A possessor inside the phrase is not its head: "Trump's envoy Steve Witkoff" is Witkoff.
      const poss = m.tokEnd < to && (tokens[m.tokEnd]!.text === "'s" || tokens[m.tokEnd]!.text === '’s');
      const a = poss ? null : entityActor(m.entity, m.tokStart, m.tokEnd);
      if (a) out.push(a);
      k = m.tokEnd - 1;
    }
  }
  // In each conjunct ("A and B", "A, B"), the last name is the head; earlier ones modify it ("US envoy Steve Witkoff").
  if (out.length > 1) {
    const heads: PhraseActor[] = [];
    for (let i = 0; i < out.length; i++) {
      const cur = out[i]!;
      const next = out[i + 1];
      if (next) {
        let coordinated = false;
        for (let k = cur.tokEnd; k < next.tokStart; k++) if (/^(and|or|,|&)$/i.test(tokens[k]!.text)) coordinated = true;
        if (!coordinated) continue;
      }
      heads.push(cur);
    }
    return heads;
  }
  if (out.length) return out;
  const codes: string[] = [];
  const roleWords: string[] = [];
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word') continue;
    const code = placeCode(t.text);
    if (code) codes.push(code);
    else if (isRoleNoun(t.text) || roleWords.length) roleWords.push(t.text);
  }
  if (!codes.length) return [];
  const sector = roleWords.length ? sectorOfRole(roleWords.join(' ')) : null;
  const text = tokens.slice(from, to).map((t) => t.text).join(' ');
  return [...new Set(codes)].map((c) => ({ entity: null, name: text, code: c + (sector ?? ''), tokStart: from, tokEnd: to, type: 'group' as const }));
}

/** The noun phrase ending right before `end` (exclusive): walks left over names, nationality and role words. */
export function phraseBefore(tokens: Token[], end: number, floor: number, index: MentionIndex): [number, number] | null {
  let k = end - 1;
  let start = end;
  while (k >= floor) {
    const m = index.endingAt(k);
    if (m) {
      start = m.tokStart;
      k = m.tokStart - 1;
      continue;
    }
    const t = tokens[k]!;
    const lower = t.text.toLowerCase();
    if (t.text === "'s" || t.text === '’s') {
      // "Russia's invasion": the possessor is the phrase.
      k--;
      continue;
    }
    if (BOUNDARY.has(t.text) || STOP_WORDS.has(lower)) break;
    if (t.kind !== 'word') break;
    if (lower === 'and' || DETERMINERS.has(lower) || placeCode(t.text) || isRoleNoun(t.text) || /^(military|senior|foreign|security|armed|government|police|rebel|opposition)$/.test(lower)) {
      start = k;
      k--;
      continue;
    }
    break;
  }
  return start < end ? [start, end] : null;
}

/** The noun phrase starting at `start`: determiners, "some of the", names, nationality and role words, plain nouns. */
export function phraseAfter(tokens: Token[], start: number, ceil: number, index: MentionIndex): [number, number] | null {
  let k = start;
  let end = start;
  let words = 0;
  while (k < ceil && words < 10) {
    const m = index.startingAt(k);
    if (m) {
      end = m.tokEnd;
      k = m.tokEnd;
      words++;
      // "Putin and Zelenskiy": coordination continues the phrase.
      if (tokens[k]?.text.toLowerCase() === 'and' && k + 1 < ceil) {
        k++;
        continue;
      }
      if (tokens[k]?.text === "'s" || tokens[k]?.text === '’s') {
        k++;
        continue;
      }
      break;
    }
    const t = tokens[k]!;
    const lower = t.text.toLowerCase();
    if (BOUNDARY.has(t.text) || (STOP_WORDS.has(lower) && lower !== 'of') || t.kind !== 'word') break;
    end = k + 1;
    k++;
    words++;
  }
  return end > start ? [start, end] : null;
}
