// Named-entity recognition of our own: runs of capitalized tokens, stripped of titles and nationality prefixes,
// typed by our knowledge first and by the shape and context of the name after that.
import type { EntityType, Span } from '../../model.js';
import type { Token } from '../language/tokens.js';
import { isRoleNoun } from '../../knowledge/roles.js';
import { givenName } from '../../knowledge/given-names.js';
import { demonymCountry, groupCode, lookupName, lookupPlace, type KbHit } from './kb.js';
import {
  EVENT_HEADS,
  FACILITY_HEADS,
  HONORIFICS,
  isCommonWord,
  isFunctionWord,
  MONTHS,
  NAME_PARTICLES,
  ORG_HEADS,
  ORG_OPENERS,
  PLACE_HEADS,
  PLACE_PREPOSITIONS,
  REGNAL_TITLES,
  WEEKDAYS,
} from './lexicon.js';

const PLACE_OPENERS = new Set(['south', 'north', 'east', 'west', 'new', 'san', 'santa', 'santo', 'sao', 'são', 'st', 'saint', 'port', 'fort', 'lake', 'mount', 'mt', 'cape', 'puerto', 'los', 'las', 'el', 'gare', 'upper', 'lower', 'greater']);

const SPEECH_NEXT = new Set(['said', 'says', 'told', 'tells', 'wrote', 'added', 'argued', 'insisted', 'explained', 'warned']);

export interface RawMention {
  /** Character offsets in the analysed text. */
  start: number;
  end: number;
  text: string;
  /** Token indices [tokStart, tokEnd). */
  tokStart: number;
  tokEnd: number;
  sentence: number;
  type: EntityType | 'unknown';
  hit: KbHit | null;
  /** Titles stripped from the front ("President", "Foreign Minister"). */
  titles: string[];
  /** Country named by a nationality or country prefix ("Russian President …" → RUS). */
  prefixCountry: string | null;
  /** Followed by a possessive 's. */
  possessive: boolean;
  /** How the type was decided, for messages and debugging. */
  why: string;
}

/** Abbreviated titles written with a period ("Gen.", "Sen.") that stay inside a name run. */
const DOTTED_TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'sen', 'rep', 'gov', 'st', 'adm', 'cmdr', 'rev', 'fr', 'pres', 'amb', 'jr', 'sr']);

/** Capitalized, or a digit-word inside a name ("Air Force One", "World War Two", "G20"). */
function isNameToken(t: Token): boolean {
  return t.kind === 'word' && (t.cap || ARTICLE_PREFIXED.test(t.text));
}

/** Arabic and European name particles joined by a hyphen ("al-Sadr", "bin-Salman") start a name part. */
const ARTICLE_PREFIXED = /^(?:al|el|ad|as|an|ash|ar|at|az|bin|ibn|abu|abd)-\p{Lu}/u;

/** A function word written as one ("The", "However"), not an acronym in capitals ("US", "IT"). */
function isFunctionToken(t: Token): boolean {
  return !t.upper && isFunctionWord(t.text);
}

/** All-caps text (a headline or a shouted word) is not evidence of a name by its case. */
function isShouting(tokens: Token[], from: number, to: number): boolean {
  let letters = 0;
  let upper = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    letters++;
    if (t.upper) upper++;
  }
  return letters >= 4 && upper / letters > 0.6;
}

export interface RecognizeOptions {
  /** Published date (YYYY-MM-DD) for dated knowledge; null when unknown. */
  date: string | null;
  /** Also find places written in lower case (default true). */
  lowercasePlaces?: boolean;
}

/** Finds candidate name mentions in every sentence. */
export function recognize(text: string, tokens: Token[], sentences: Span[], sentenceTokenStart: number[], opts: RecognizeOptions): RawMention[] {
  const out: RawMention[] = [];
  // Words written capitalized in the middle of a sentence somewhere in the document are names there and everywhere.
  const midCaps = new Set<string>();
  for (let s = 0; s < sentences.length; s++) {
    const from = sentenceTokenStart[s]!;
    const to = s + 1 < sentences.length ? sentenceTokenStart[s + 1]! : tokens.length;
    for (let k = from + 1; k < to; k++) {
      const t = tokens[k]!;
      const p = tokens[k - 1]!;
      if (t.cap && !t.upper && p.kind === 'word') midCaps.add(t.text);
    }
  }
  for (let s = 0; s < sentences.length; s++) {
    const from = sentenceTokenStart[s]!;
    const to = s + 1 < sentences.length ? sentenceTokenStart[s + 1]! : tokens.length;
    const shouting = isShouting(tokens, from, to);
    let firstWord = from;
    while (firstWord < to && tokens[firstWord]!.kind !== 'word') firstWord++;
    let i = from;
    while (i < to) {
      const t = tokens[i]!;
      if (!isNameToken(t)) {
        i++;
        continue;
      }
      const end = runEnd(tokens, i, to);
      for (const part of splitRun(tokens, i, end, opts.date)) {
        const m = classify(text, tokens, part[0], part[1], { sentence: s, sentenceStart: firstWord, sentenceEnd: to, shouting, date: opts.date, midCaps });
        if (m) out.push(m);
      }
      i = end;
    }
    if (opts.lowercasePlaces !== false) lowercasePlaces(text, tokens, from, to, s, out);
  }
  return out;
}

/**
 * Web text often writes places in lower case ("flights to mexico", "hotels in kerala"). A lower-case word (or two)
 * that our knowledge knows as a country, a region or a large city, and that is not an ordinary English word, is a place.
 */
function lowercasePlaces(text: string, tokens: Token[], from: number, to: number, sentence: number, out: RawMention[]): void {
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || t.cap || t.text.length < 4) continue;
    for (const n of [2, 1]) {
      if (k + n > to) continue;
      const words = tokens.slice(k, k + n);
      if (words.some((w) => w.kind !== 'word' || w.cap || isCommonWord(w.text, 3))) continue;
      const name = words.map((w) => w.text).join(' ');
      const hit = lookupName(name, null) ?? lookupPlace(name, 200_000);
      if (!hit || hit.type !== 'location') continue;
      const start = t.start;
      const end = words[n - 1]!.end;
      out.push({ start, end, text: text.slice(start, end), tokStart: k, tokEnd: k + n, sentence, type: 'location', hit, titles: [], prefixCountry: null, possessive: false, why: 'lowercase-place' });
      k += n - 1;
      break;
    }
  }
}

/** The end of a run of name tokens starting at i: capitalized words, name particles and dotted titles between them. */
function runEnd(tokens: Token[], i: number, to: number): number {
  let j = i + 1;
  while (j < to) {
    const t = tokens[j]!;
    if (isNameToken(t)) {
      j++;
      continue;
    }
    const next = tokens[j + 1];
    const prev = tokens[j - 1]!;
    const adjacent = t.start === prev.end;
    // "Gen. Ivan Petrov", "Mr. Smith": a period right after a title abbreviation.
    if (t.text === '.' && adjacent && (DOTTED_TITLES.has(prev.text.toLowerCase()) || /^\p{Lu}$/u.test(prev.text)) && next && isNameToken(next)) {
      j++;
      continue;
    }
    const lower = t.text.toLowerCase();
    if (next && isNameToken(next) && t.kind === 'word' && !t.cap) {
      // "Charles de Gaulle", "Bank of England", "Bosnia and Herzegovina" (split later unless known).
      if (NAME_PARTICLES.has(lower) || lower === 'of' || lower === 'and' || lower === 'for' || lower === 'on') {
        j++;
        continue;
      }
      // "Ministry of the Interior"
      if (lower === 'the' && tokens[j - 1]!.text.toLowerCase() === 'of') {
        j++;
        continue;
      }
    }
    if (t.text === '&' && next && isNameToken(next)) {
      j++;
      continue;
    }
    // A number right after a name word: "Air Force One", "Boeing 737", "G20"? (digits attached are one token)
    if (t.kind === 'number' && adjacent === false && /^(?:\d{1,3})$/.test(t.text) && prev.cap && tokens[j - 2] && isNameToken(tokens[j - 2]!) && /^(war|force|one)$/i.test(prev.text)) {
      j++;
      continue;
    }
    break;
  }
  // Do not end on a connector.
  while (j > i + 1 && !isNameToken(tokens[j - 1]!) && tokens[j - 1]!.text !== '.') j--;
  // "Enron Corp.", "Acme Inc.", "Martin Luther King Jr.": the abbreviation's period belongs to the name.
  const last = tokens[j - 1]!;
  const dot = tokens[j];
  if (dot && dot.text === '.' && dot.start === last.end && /^(corp|inc|co|ltd|jr|sr|bros|plc)$/i.test(last.text) && j - 1 > i) j++;
  return j;
}

/** Splits a run at connectors ("of", "and", "for", "on") unless the whole is a known or well-formed name. */
function splitRun(tokens: Token[], a: number, b: number, date: string | null): [number, number][] {
  const connectors: number[] = [];
  for (let k = a; k < b; k++) {
    const w = tokens[k]!.text.toLowerCase();
    if (!tokens[k]!.cap && (w === 'of' || w === 'and' || w === 'for' || w === 'on' || w === '&')) connectors.push(k);
  }
  // Weekdays and months never belong to a name: split around them.
  const parts: [number, number][] = [];
  let s = a;
  for (let k = a; k < b; k++) {
    const w = tokens[k]!.text.toLowerCase();
    if (WEEKDAYS.has(w) || (MONTHS.has(w) && k === b - 1) || (MONTHS.has(w) && k + 1 < b && tokens[k + 1]!.kind === 'number')) {
      if (k > s) parts.push([s, k]);
      s = k + 1;
    }
  }
  if (s < b) parts.push([s, b]);
  if (!connectors.length) return parts;
  const out: [number, number][] = [];
  for (const [x, y] of parts) {
    if (lookupName(spanText(tokens, x, y), date)) {
      out.push([x, y]);
      continue;
    }
    let start = x;
    for (const k of connectors) {
      if (k <= x || k >= y) continue;
      const w = tokens[k]!.text.toLowerCase();
      const before = tokens[k - 1]!.text.toLowerCase();
      // Keep "Ministry of Defence", "Bank of England", "Gulf of Mexico", "Secretary of State".
      const keep = w === 'of' && (ORG_OPENERS.has(before) || ORG_HEADS.has(before) || PLACE_HEADS.has(before) || /^(secretary|minister|president|governor|mayor|head|chief|king|queen|prince|duke|republic|kingdom|state|states|isle|cape|lake|port|gulf|sea|strait|bay|bureau|house|people|peoples|federation|union)$/.test(before));
      const keepFor = (w === 'for' || w === 'on') && /^(committee|commission|council|centre|center|institute|organization|organisation|office|ministry|fund|coalition|movement|campaign|court|agency)$/.test(before);
      if (keep || keepFor) continue;
      if (k > start) out.push([start, k]);
      start = k + 1;
    }
    if (start < y) out.push([start, y]);
  }
  return out;
}

function spanText(tokens: Token[], a: number, b: number): string {
  let s = '';
  for (let k = a; k < b; k++) {
    const t = tokens[k]!;
    if (k > a && t.start > tokens[k - 1]!.end) s += ' ';
    s += t.text;
  }
  return s;
}

interface Ctx {
  sentence: number;
  sentenceStart: number;
  sentenceEnd: number;
  shouting: boolean;
  date: string | null;
  midCaps: Set<string>;
}

/** Capitalized role words that can precede a name as a title ("President", "Foreign Minister", "Gen."). */
function titleLength(tokens: Token[], a: number, b: number): number {
  // Longest run of up to 4 tokens that is a role noun phrase, leaving at least one token.
  for (let n = Math.min(4, b - a - 1); n >= 1; n--) {
    const words = [];
    for (let k = a; k < a + n; k++) {
      const t = tokens[k]!;
      if (t.text === '.') continue;
      words.push(t.text);
    }
    const phrase = words.join(' ');
    const lower = phrase.toLowerCase();
    if (HONORIFICS.has(lower) || DOTTED_TITLES.has(lower) || REGNAL_TITLES.has(lower)) return n + (tokens[a + n]?.text === '.' ? 1 : 0);
    if (words.every((w) => /^\p{Lu}/u.test(w)) && isRoleNoun(phrase)) return n + (tokens[a + n]?.text === '.' ? 1 : 0);
  }
  return 0;
}

/** A nationality or country at the front ("Russian", "US", "United States"): its length and country. */
function countryPrefix(tokens: Token[], a: number, b: number, date: string | null): { n: number; country: string } | null {
  for (let n = Math.min(3, b - a - 1); n >= 1; n--) {
    const phrase = spanText(tokens, a, a + n);
    const dem = demonymCountry(phrase);
    if (dem) return { n, country: dem };
    const hit = lookupName(phrase, date);
    if (hit && (hit.kind === 'country' || hit.kind === 'metonym')) return { n, country: hit.country! };
  }
  return null;
}

function classify(text: string, tokens: Token[], a0: number, b: number, ctx: Ctx): RawMention | null {
  let a = a0;
  // Leading function words ("The Kremlin", "However", "This") are not part of a name.
  while (a < b && isFunctionToken(tokens[a]!)) a++;
  if (a >= b) return null;
  // "aboard Air Force One": a vehicle, whatever words its name is made of.
  const before = a > 0 ? tokens[a - 1]!.text.toLowerCase() : '';
  if ((before === 'aboard' || before === 'onboard') && !lookupName(spanText(tokens, a, b), ctx.date)) {
    const start = tokens[a]!.start;
    const end = tokens[b - 1]!.end;
    return { start, end, text: text.slice(start, end), tokStart: a, tokEnd: b, sentence: ctx.sentence, titles: [], prefixCountry: null, possessive: false, type: 'vehicle', hit: null, why: 'aboard' };
  }
  const titles: string[] = [];
  let prefixCountry: string | null = null;
  let honorific = false;
  let regnal: number | null = null;
  // Strip nationality and title prefixes, in any order ("US President", "Russian Foreign Minister", "Gen.").
  for (let guard = 0; guard < 4 && b - a > 1; guard++) {
    const whole = lookupName(spanText(tokens, a, b), ctx.date);
    if (whole) break; // "United States", "Pope Francis" known as a whole
    const cp = countryPrefix(tokens, a, b, ctx.date);
    if (cp) {
      prefixCountry ??= cp.country;
      a += cp.n;
      continue;
    }
    const tl = titleLength(tokens, a, b);
    if (tl) {
      const title = spanText(tokens, a, a + tl);
      const lower = title.replace(/\.$/, '').toLowerCase();
      if (HONORIFICS.has(lower)) honorific = true;
      if (REGNAL_TITLES.has(lower)) regnal = a;
      titles.push(title);
      a += tl;
      continue;
    }
    break;
  }
  // "Pope Francis", "King Charles": a regnal title with a single name stays in the name.
  if (regnal !== null && b - a === 1) {
    a = regnal;
    titles.pop();
  }
  if (a >= b) return null;
  const start = tokens[a]!.start;
  const end = tokens[b - 1]!.end;
  const name = text.slice(start, end);
  const first = tokens[a]!;
  const last = tokens[b - 1]!;
  const single = b - a === 1;
  const atSentenceStart = a === ctx.sentenceStart || (a > 0 && a - 1 >= ctx.sentenceStart && tokens[a - 1]!.kind === 'punct' && /^["“‘'(]$/.test(tokens[a - 1]!.text) && a - 1 === ctx.sentenceStart);
  const possessive = tokens[b]?.text === "'s" || tokens[b]?.text === '’s';
  const base = { start, end, text: name, tokStart: a, tokEnd: b, sentence: ctx.sentence, titles, prefixCountry, possessive };
  const make = (type: RawMention['type'], hit: KbHit | null, why: string): RawMention => ({ ...base, type, hit, why });

  // Our knowledge first.
  const hit = lookupName(name, ctx.date);
  if (hit) return make(hit.type, hit, `knowledge:${hit.kind}`);

  const lowerLast = last.text.toLowerCase();
  const lowerFirst = first.text.toLowerCase();
  // In shouted text capitals say nothing: only what our knowledge knows counts.
  if (ctx.shouting) return null;
  // "Hurricane Katrina", "Operation Desert Storm"
  if (!single && /^(hurricane|typhoon|cyclone|storm|tropical|operation)$/.test(lowerFirst)) return make('event', null, 'event-opener');
  // Weekday/month/number-only leftovers and lone common words are not names.
  if (single && (WEEKDAYS.has(lowerFirst) || MONTHS.has(lowerFirst))) return null;
  if (single && (first.upper || ctx.shouting) && isCommonWord(first.text, 20)) return null;
  if (single && atSentenceStart && isCommonWord(first.text, 20) && !honorific && !titles.length && !ctx.midCaps.has(first.text)) return null;
  if (single && isFunctionToken(first)) return null;
  // A lone role word ("President", "Minister") is a role, not a name.
  if (single && isRoleNoun(first.text) && !honorific) return null;
  // Demonyms alone ("Russian", "Ukrainians") are nationalities.
  if (single || b - a === 2) {
    const dem = demonymCountry(name) ?? groupCode(name);
    if (dem) return make('nationality', null, 'demonym');
    // "Sunni Arab", "Shiite Kurdish": every word a group or nationality.
    if (!single && tokens.slice(a, b).every((t) => demonymCountry(t.text) ?? groupCode(t.text))) return make('nationality', null, 'demonyms');
  }

  if (honorific || (titles.length && !single) || (titles.length && single && !ORG_HEADS.has(lowerLast))) {
    return make('person', null, 'title');
  }
  // Named events: "World War Two", "the Olympics", "Munich Security Conference".
  for (let k = a; k < b; k++) {
    if (EVENT_HEADS.has(tokens[k]!.text.toLowerCase()) && k > a && tokens.slice(k + 1, b).every((t) => /^(one|two|three|i|ii|iii|\d+)$/i.test(t.text))) {
      return make('event', null, 'event-head');
    }
  }
  // "Gulf of Mexico", "Strait of Hormuz", "Isle of Man"
  if (!single && b - a >= 3 && PLACE_HEADS.has(lowerFirst) && tokens[a + 1]!.text === 'of') return make('location', null, 'place-opener');
  if (!single && ORG_HEADS.has(lowerLast)) return make('organization', null, 'org-head');
  if (!single && ORG_OPENERS.has(lowerFirst) && b - a >= 3 && tokens[a + 1]!.text === 'of') return make('organization', null, 'org-opener');
  if (!single && FACILITY_HEADS.has(lowerLast)) return make('facility', null, 'facility-head');
  if (!single && PLACE_HEADS.has(lowerLast)) return make('location', null, 'place-head');
  const prev = a > 0 ? tokens[a - 1]! : null;
  const prevLower = prev?.text.toLowerCase() ?? '';
  if (prevLower === 'aboard' || prevLower === 'onboard') return make('vehicle', null, 'aboard');
  const placeCue = PLACE_PREPOSITIONS.has(prevLower);
  // "San Rafael", "Palo Alto"? (gazetteer), "South Vietnam", "Fort Hood", "St. Thomas": place-name openers.
  if (!single && PLACE_OPENERS.has(lowerFirst)) return make('location', null, 'place-opener');
  // Given names: "Steve Witkoff", "Yuri Ushakov".
  if (!single && givenName(first.text) && !isCommonWord(last.text, 200)) return make('person', null, 'given-name');
  const place = lookupPlace(name, placeCue ? 1000 : 100_000);
  if (place) return make('location', place, 'gazetteer');
  // Acronyms we do not know: organizations, unless they are common words written in capitals.
  if (single && first.upper) return make('unknown', null, 'acronym');
  if (!single) {
    // Multi-word names of common words ("Load Next Story", "Breaking News") are headings, not names.
    const common = tokens.slice(a, b).filter((t) => isCommonWord(t.text, 100)).length;
    if (common === b - a) return null;
    if (b - a <= 3 && common === 0) return make('person', null, 'name-shape');
    return make('organization', null, 'multiword');
  }
  const next = tokens[b];
  if (next && next.kind === 'word' && SPEECH_NEXT.has(next.text.toLowerCase()) && !atSentenceStart) return make('person', null, 'speaker');
  // A common word capitalized mid-sentence ("Bush", "Rod") is a name only if it is rarely a common word.
  if (isCommonWord(first.text, atSentenceStart ? 300 : 1500)) return null;
  return make('unknown', null, placeCue ? 'place-cue' : 'single');
}
