// The 'actors' stage: entities with every mention (names, short names, pronouns, role nominals), roles, countries
// and CAMEO-style actor codes. Title, captions, datelines and credits name entities too.
import type { Doc, Entity, EntityType, Mention, SideMention } from '../../model.js';
import { registerStage } from '../../pipeline.js';
import { sectorOfRole } from '../../knowledge/roles.js';
import { givenName } from '../../knowledge/given-names.js';
import { language, languageOf } from '../language/index.js';
import type { Token } from '../language/tokens.js';
import { lookupName, lookupPlace, type KbHit } from './kb.js';
import { recognize, type RawMention } from './recognize.js';
import { isCommonWord, REGNAL_TITLES } from './lexicon.js';
import { isPersonRole } from './titles.js';
import { appositionRole, roleBefore, titleRole } from './roles.js';
import { resolvePronouns, type PersonRef } from './pronouns.js';

interface Ent {
  name: string;
  type: EntityType;
  hit: KbHit | null;
  /** Lower-case name words, for short-name matching. */
  words: string[];
  roles: string[];
  countries: string[];
  possessors: number[];
  mentions: Mention[];
  fields: Set<string>;
  /** Mentions in the title and captions (offsets into those strings). */
  side: SideMention[];
  gender: 'm' | 'f' | null;
  order: number;
}

/** Prepositions after which an unknown single name is a place ("near Hilla", "in Baiji"); "at" and "to" also take firms. */
const STRONG_PLACE_CUES = new Set(['in', 'near', 'outside', 'inside', 'throughout', 'across', 'around', 'retook', 'recaptured', 'shelled', 'besieged', 'encircled', 'off']);

/**
 * Unknown names in a list with known names of one type ("Mosul, Baiji, and Tuz"): the list's type for each. Items are
 * single mentions joined by commas, "and" or "or" in one sentence.
 */
function coordinatedTypes(raw: RawMention[], tokens: Token[]): Map<RawMention, EntityType> {
  const out = new Map<RawMention, EntityType>();
  const joined = (x: RawMention, y: RawMention) => {
    if (x.sentence !== y.sentence) return false;
    const between = tokens.slice(x.tokEnd, y.tokStart).map((t) => t.text.toLowerCase());
    return between.length >= 1 && between.length <= 2 && between.every((w) => w === ',' || w === 'and' || w === 'or' || w === '&');
  };
  let i = 0;
  while (i < raw.length) {
    let j = i + 1;
    while (j < raw.length && joined(raw[j - 1]!, raw[j]!)) j++;
    if (j - i >= 2) {
      const types = new Set(raw.slice(i, j).filter((m) => m.type === 'person' || m.type === 'location' || m.type === 'organization').map((m) => m.type as EntityType));
      if (types.size === 1) {
        const t = [...types][0]!;
        for (const m of raw.slice(i, j)) if (m.type === 'unknown' && !isCommonWord(m.text, 50)) out.set(m, t);
      }
    }
    i = j;
  }
  return out;
}

/**
 * Acronyms a text defines by writing them in brackets after the full name whose initials they are ("the Coalition
 * Provisional Authority (CPA)", "World Conservation Union (IUCN)" does not match and is left alone), with the type of
 * that name: organization unless the name was typed otherwise.
 */
function definedAcronyms(raw: RawMention[], tokens: Token[]): Map<string, EntityType> {
  const out = new Map<string, EntityType>();
  const initials = (x: RawMention) => tokens.slice(x.tokStart, x.tokEnd).filter((t) => t.cap).map((t) => t.text[0]).join('');
  for (let i = 1; i < raw.length; i++) {
    const m = raw[i]!;
    if ((m.why !== 'acronym' && m.why !== 'acronym-word') || out.has(m.text)) continue;
    const bare = m.text.replace(/\./g, '');
    // The name right before it in brackets, or any earlier organization with those initials ("the National
    // Transportation Safety Board … The NTSB said").
    const full = raw.slice(0, i).reverse().find((x) => {
      if (x.tokEnd - x.tokStart < 2 || initials(x) !== bare) return false;
      return (x.tokEnd === m.tokStart - 1 && tokens[m.tokStart - 1]!.text === '(') || x.type === 'organization';
    });
    if (!full) continue;
    const t = full.type === 'location' || full.type === 'facility' || full.type === 'person' ? full.type : 'organization';
    out.set(m.text, t);
  }
  return out;
}

const SPEECH_AFTER = new Set(['said', 'says', 'told', 'tells', 'wrote', 'added', 'asked', 'argued', 'insisted']);

function dateOf(doc: Doc): string | null {
  return doc.article.published ? doc.article.published.slice(0, 10) : null;
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s\-/'’(])(\p{L})/gu, (_, p, c: string) => p + c.toUpperCase());
}

/** Recognize names in a short side text (title, caption) with its own tokens. */
function sideMentions(text: string, date: string | null): RawMention[] {
  const { tokens, sentences, sentenceTokenStart } = languageOf(text);
  return recognize(text, tokens, sentences, sentenceTokenStart, { date });
}

export function analyzeActors(doc: Doc): Doc {
  const date = dateOf(doc);
  const text = doc.article.text;
  const { tokens, sentences, sentenceTokenStart } = language(doc);
  const raw = recognize(text, tokens, sentences, sentenceTokenStart, { date });
  const ents: Ent[] = [];
  const byKey = new Map<string, number>();

  const keyOf = (m: { text: string; type: string; hit: KbHit | null }) =>
    m.hit ? `${m.hit.type}:${m.hit.name.toLowerCase()}` : `${m.type}:${m.text.toLowerCase().replace(/[’']/g, "'")}`;

  const create = (m: RawMention | { text: string; type: EntityType; hit: KbHit | null }, field: string | null): number => {
    const key = keyOf(m);
    const found = byKey.get(key);
    if (found !== undefined) {
      if (field) ents[found]!.fields.add(field);
      return found;
    }
    const type = m.type === 'unknown' ? 'other' : (m.type as EntityType);
    // Knowledge names countries and organizations canonically ("US" → United States, "REUTERS" → Reuters); other names as written.
    const canonical = m.hit && (m.hit.kind === 'country' || m.hit.kind === 'organization' || m.text === m.text.toUpperCase());
    // "Pope Leo", "Crown Prince Mohammed bin Salman": a person we know, named with a title the mention leaves out.
    const titledKnown = m.hit?.kind === 'person' && 'titles' in m && m.titles.length > 0;
    const name = canonical || titledKnown ? m.hit!.name : m.text.replace(/^the\s+/i, '');
    const id = ents.length;
    ents.push({
      name,
      type,
      hit: m.hit,
      words: name.toLowerCase().split(/\s+/),
      roles: [...(m.hit?.roles ?? [])],
      countries: m.hit?.country ? [m.hit.country] : [],
      possessors: [],
      mentions: [],
      fields: new Set(field ? [field] : []),
      side: [],
      gender: m.hit?.gender ?? (type === 'person' ? genderOfGiven(name.split(/\s+/)[0]!) : null) as 'm' | 'f' | null,
      order: id,
    });
    // "Pope Francis", "King Charles": the title kept in the name is also a role.
    const firstWord = name.split(/\s+/)[0]!.toLowerCase();
    if (type === 'person' && REGNAL_TITLES.has(firstWord) && name.includes(' ')) addRole(ents[id]!, firstWord);
    byKey.set(key, id);
    return id;
  };

  // 1. Full names first (body, title, captions), so a short name anywhere can find its full form.
  const isFull = (m: RawMention) => m.type === 'person' && (m.tokEnd - m.tokStart > 1 || m.hit !== null);
  for (const m of raw) if (isFull(m)) create(m, null);
  // Matched once the body's mentions have made their entities (step 2).
  const sideOnly: { field: 'title' | 'caption'; index: number; m: RawMention }[] = [];
  const sides: ['title' | 'caption', number, string | null][] = [
    ['title', 0, doc.article.title],
    ...doc.article.media.map((x, i) => ['caption', i, x.caption] as ['caption', number, string | null]),
  ];
  for (const [field, index, s] of sides) {
    if (!s) continue;
    for (const m of sideMentions(s, date)) {
      if (m.type === 'nationality') continue;
      if (m.type === 'unknown') {
        // An unknown name in a headline ("lands in Velgrad") is the body's entity of that name, if the body has one.
        sideOnly.push({ field, index, m });
        continue;
      }
      // A lone unknown surname ("Putin" in a headline) is the person the body names in full, or nothing.
      const lone = m.tokEnd - m.tokStart === 1 && m.type === 'person' && !m.hit;
      const id = matchShort(m) ?? (lone ? null : create(m, field));
      if (id === null) continue;
      ents[id]!.fields.add(field);
      ents[id]!.side.push({ field, index, start: m.start, end: m.end, text: m.text });
    }
  }

  function matchShort(m: RawMention): number | null {
    const words = m.text.toLowerCase().split(/\s+/);
    if (m.hit) return byKey.get(keyOf(m)) ?? null;
    let best: number | null = null;
    for (let e = ents.length - 1; e >= 0; e--) {
      const ent = ents[e]!;
      if (ent.type !== 'person') continue;
      if (words.length === 1 && (ent.words[ent.words.length - 1] === words[0] || (ent.words.length > 1 && ent.words[0] === words[0]))) {
        best = e;
        if (ent.words[ent.words.length - 1] === words[0]) return e;
      } else if (words.length > 1 && words.every((w) => ent.words.includes(w))) return e;
    }
    return best;
  }

  const defined = definedAcronyms(raw, tokens);

  // 2. Every body mention, in order.
  const listType = coordinatedTypes(raw, tokens);
  const mentionEntity: { m: RawMention; e: number }[] = [];
  for (const m of raw) {
    if (m.type === 'nationality') continue;
    let e: number | null = null;
    if (m.type === 'person' || m.type === 'unknown') e = matchShort(m);
    // An acronym that is an ordinary noun is a name only where the text defines it.
    if (m.why === 'acronym-word') {
      if (!defined.has(m.text)) continue;
      e = create({ ...m, type: defined.get(m.text)! }, null);
    }
    if (e === null && m.type === 'unknown') {
      const next = tokens[m.tokEnd];
      // A small place only after a place preposition ("near Hilla"): many small places share names with people and things.
      const place = m.why === 'place-cue' ? lookupPlace(m.text, 1000) : null;
      const listed = listType.get(m);
      if (place) {
        e = create({ text: m.text, type: 'location', hit: place }, null);
      } else if (listed && (m.why !== 'acronym' || (listed === 'person' && m.text.length >= 4))) {
        // "Mosul, Baiji and Tuz", "Rumsfeld, Wolfowitz and Feith": an unknown name in a list takes its neighbours' type.
        e = create({ ...m, type: listed }, null);
      } else if (m.why === 'place-cue' && STRONG_PLACE_CUES.has(tokens[m.tokStart - 1]?.text.toLowerCase() ?? '')) {
        e = create({ ...m, type: 'location' }, null);
      } else if (givenName(m.text) || (next && SPEECH_AFTER.has(next.text.toLowerCase()))) {
        e = create({ ...m, type: 'person' }, null);
      } else if (m.why === 'acronym' && defined.has(m.text)) {
        // An acronym the text spells out ("the Coalition Provisional Authority (CPA)") names what it abbreviates.
        e = create({ ...m, type: defined.get(m.text)! }, null);
      } else continue;
    }
    if (e === null) e = create(m, null);
    ents[e]!.mentions.push({ start: m.start, end: m.end, text: m.text });
    mentionEntity.push({ m, e });
  }

  for (const { field, index, m } of sideOnly) {
    const name = m.text.toLowerCase();
    const e = ents.findIndex((x) => x.mentions.length > 0 && x.name.toLowerCase() === name);
    if (e < 0) continue;
    ents[e]!.fields.add(field);
    ents[e]!.side.push({ field, index, start: m.start, end: m.end, text: m.text });
  }

  // 3. Roles and countries from titles, modifiers, possessors and appositions.
  const sentenceOf = sentenceIndex(sentenceTokenStart, tokens.length);
  const bounds = (s: number): [number, number] => [sentenceTokenStart[s]!, s + 1 < sentences.length ? sentenceTokenStart[s + 1]! : tokens.length];
  for (const { m, e } of mentionEntity) {
    const ent = ents[e]!;
    if (m.prefixCountry) ent.countries.push(m.prefixCountry);
    if (ent.type !== 'person') continue;
    const tr = titleRole(m.titles);
    if (tr) addRole(ent, tr);
    const [from, to] = bounds(m.sentence);
    const rb = roleBefore(tokens, m.tokStart, from, date);
    if (rb && m.titles.length === 0) {
      addRole(ent, rb.role);
      ent.countries.push(...rb.countries);
      if (rb.possessorEnd >= 0) {
        const owner = mentionEntity.find((x) => x.m.tokEnd === rb.possessorEnd);
        if (owner && owner.e !== e) ent.possessors.push(owner.e);
      }
    }
    const ap = appositionRole(tokens, m.tokStart, m.tokEnd, from, to);
    if (ap) addRole(ent, ap);
  }

  // 4. Pronouns and role nominals.
  const refs: PersonRef[] = [];
  const subjectSeen = new Set<number>();
  for (const { m, e } of mentionEntity) {
    if (ents[e]!.type !== 'person') continue;
    const subject = !subjectSeen.has(m.sentence);
    subjectSeen.add(m.sentence);
    refs.push({ entity: e, tokStart: m.tokStart, tokEnd: m.tokEnd, sentence: m.sentence, subject });
  }
  const taken = new Uint8Array(tokens.length);
  for (const { m } of mentionEntity) for (let k = m.tokStart; k < m.tokEnd; k++) taken[k] = 1;
  const info = (e: number) => ({ gender: ents[e]!.gender, roleHeads: new Set(ents[e]!.roles.map(roleHead)) });
  for (const r of resolvePronouns(tokens, sentenceOf, bounds, refs, info, (k) => taken[k] === 1)) {
    const start = tokens[r.tokStart]!.start;
    const end = tokens[r.tokEnd - 1]!.end;
    ents[r.entity]!.mentions.push({ start, end, text: text.slice(start, end) });
  }

  // 5. Datelines and photo credits name places and agencies.
  for (const place of doc.article.datelines) {
    const name = titleCase(place);
    const hit = lookupName(name, date) ?? lookupPlace(name, 1000);
    if (hit && hit.type === 'location') ents[create({ text: name, type: 'location', hit }, 'dateline')]!.fields.add('dateline');
  }
  for (const media of doc.article.media) {
    if (!media.credit) continue;
    for (const part of media.credit.split(/\s*[/,;]\s*|\s+via\s+/)) {
      const hit = lookupName(part, date);
      if (hit && hit.type === 'organization') ents[create({ text: part, type: 'organization', hit }, 'credit')]!.fields.add('credit');
    }
  }

  doc.entities = finish(ents);
  return doc;
}

/** The noun a role phrase is about: "spokesman for the ministry" → spokesman, "Kremlin foreign policy aide" → aide. */
function roleHead(role: string): string {
  const words = role.toLowerCase().split(' ');
  const person = words.filter((w) => isPersonRole(w));
  return person.length ? person[person.length - 1]! : words[words.length - 1]!;
}

function genderOfGiven(w: string): 'm' | 'f' | null {
  const g = givenName(w)?.gender;
  return g === 'm' || g === 'f' ? g : null;
}

function addRole(ent: Ent, role: string): void {
  const r = role.trim();
  if (r && !ent.roles.some((x) => x.toLowerCase() === r.toLowerCase())) ent.roles.push(r);
}

function sentenceIndex(starts: number[], n: number): (tok: number) => number {
  const of = new Int32Array(n);
  for (let s = 0; s < starts.length; s++) {
    const end = s + 1 < starts.length ? starts[s + 1]! : n;
    for (let k = starts[s]!; k < end; k++) of[k] = s;
  }
  return (tok) => of[tok] ?? 0;
}

const SECTOR_RANK = ['GOV', 'MIL', 'IGO', 'LEG', 'JUD', 'COP', 'SPY', 'REB', 'OPP', 'REL', 'BUS', 'MED', 'NGO', 'EDU', 'LAB', 'CVL', 'REF'];

function finish(ents: Ent[]): Entity[] {
  const out: Entity[] = [];
  // Resolve countries in two passes so possessors' countries are known ("Trump's envoy" → USA).
  const country = (e: Ent): string | null => e.hit?.country ?? mostCommon(e.countries);
  const countries = ents.map(country);
  ents.forEach((e, i) => {
    if (!countries[i] && e.possessors.length) countries[i] = countries[e.possessors[0]!] ?? null;
  });
  let n = 0;
  const ids = new Map<number, string>();
  ents.forEach((e, i) => {
    if (!e.mentions.length && !e.fields.size) return;
    ids.set(i, `e${++n}`);
  });
  ents.forEach((e, i) => {
    const id = ids.get(i);
    if (!id) return;
    const c = countries[i] ?? null;
    let sector = e.hit?.sector ?? null;
    if (!sector) {
      const sectors = e.roles.map((r) => sectorOfRole(r)).filter((s): s is string => !!s);
      sectors.sort((a, b) => rank(a) - rank(b));
      sector = sectors[0] ?? null;
    }
    let actorCode = e.hit?.actorCode ?? null;
    if (!actorCode && c && (e.type === 'person' || e.type === 'organization')) actorCode = c + (sector ?? '');
    if (!actorCode && e.type === 'location' && c) actorCode = c;
    e.mentions.sort((a, b) => a.start - b.start);
    const entity: Entity = { id, name: e.name, type: e.type, country: c, actorCode, roles: e.roles, mentions: dedupe(e.mentions) };
    if (e.fields.size) (entity as Entity & { fields?: string[] }).fields = [...e.fields];
    if (e.side.length) {
      entity.sideMentions = e.side.sort((a, b) => (a.field === b.field ? 0 : a.field === 'title' ? -1 : 1) || a.index - b.index || a.start - b.start);
    }
    out.push(entity);
  });
  return out;
}

function rank(s: string): number {
  const i = SECTOR_RANK.indexOf(s);
  return i < 0 ? 99 : i;
}

function mostCommon(xs: string[]): string | null {
  if (!xs.length) return null;
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

function dedupe(ms: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of ms) if (!out.some((o) => o.start === m.start && o.end === m.end)) out.push(m);
  return out;
}

/** The entity a text span refers to (a speaker mention, an event argument), by overlapping mention. */
export function entityAt(doc: Doc, start: number, end: number): Entity | null {
  for (const e of doc.entities) for (const m of e.mentions) if (m.start < end && start < m.end) return e;
  return null;
}

export type { Token };

registerStage({ name: 'actors', after: ['language'], run: analyzeActors });
