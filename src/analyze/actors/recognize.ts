// Named-entity recognition of our own: runs of capitalized tokens, stripped of titles and nationality prefixes,
// typed by our knowledge first and by the shape and context of the name after that.
import type { EntityType, Span } from '../../model.js';
import type { Token } from '../language/tokens.js';
import { isRoleNoun } from '../../knowledge/roles.js';
import { givenName } from '../../knowledge/given-names.js';
import { isAcronymWord, isOpeningWord, isSurname, knownSurname } from './names.js';
import { fold, inIdentifier, isFunctionToken, isInitial, isNameToken, isShouting, PLACE_OPENERS, runEnd, spanText } from './runs.js';
import { splitRun } from './split.js';
import { countryPrefix, departmentTitleLength, isPersonRole, placeBeforeTitle, titleLength } from './titles.js';
import { demonymCountry, groupCode, lookupName, lookupPlace, lookupStateCode, type KbHit } from './kb.js';
import {
  EVENT_HEADS,
  FACILITY_HEADS,
  HONORIFICS,
  isCommonWord,
  isFunctionWord,
  MONTHS,
  ORG_HEADS,
  ORG_OPENERS,
  PLACE_HEADS,
  PLACE_PREPOSITIONS,
  REGNAL_TITLES,
  WEEKDAYS,
} from './lexicon.js';

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

/** Postal codes of states that are also everyday abbreviations or words. */
const AMBIGUOUS_STATE_CODES = new Set(['MD', 'PR', 'IN', 'OR', 'ME', 'OK', 'HI', 'DE', 'PA', 'CO', 'ID', 'MS', 'AL', 'GA', 'MA', 'VA', 'NB', 'ON', 'PE', 'SA', 'WA']);

/** Institutions that news names by their kind alone, capitalized: "Congress passed", "the Senate voted". */
const INSTITUTIONS = new Set(['congress', 'senate', 'parliament', 'cabinet', 'legislature', 'politburo', 'judiciary', 'army', 'navy', 'coalition']);

/** Organization heads that also end everyday phrases ("customer service", "good news"). */
const WEAK_ORG_HEADS = new Set(
  (
    'service services news network team systems group club review society electric electrical computers plumbing ' +
    'landscaping construction insurance realty tire tires auto movers cleaners photography studio studios transport ' +
    'limos limousine pizza pizzeria grill restaurant cafe café bakery bagels salon dental pharmacy deli bistro diner ' +
    'brewery winery consulting solutions marketing entertainment productions'
  ).split(' '),
);

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
  // Last words of the people named so far: "Condoleezza Rice … Rice said" (a common word alone is then a name).
  const surnames = new Set<string>();
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
      // "jsmith@ENRON", "Traci Warner@ENRON": names glued to an "@" are parts of addresses.
      if (inIdentifier(tokens, i, end)) {
        i = end;
        continue;
      }
      for (const part of splitRun(tokens, i, end, opts.date)) {
        const m = classify(text, tokens, part[0], part[1], { sentence: s, sentenceStart: firstWord, sentenceEnd: to, shouting, date: opts.date, midCaps, surnames });
        if (m && m.type === 'person' && m.tokEnd - m.tokStart > 1) surnames.add(tokens[m.tokEnd - 1]!.text);
        if (m && m.type !== 'unknown') out.push(m);
        else if (part[1] - part[0] === 1 || (part[1] - part[0] === 2 && isFunctionToken(tokens[part[0]]!))) {
          const k = part[1] - 1;
          if (tokens[k]!.text.includes('-') && !/^[DRI]-/.test(tokens[k]!.text)) out.push(...hyphenParts(text, tokens[k]!, k, s, opts.date));
          else if (m) out.push(m);
        }
        else if (m) out.push(m);
      }
      i = end;
    }
    if (opts.lowercasePlaces !== false) lowercasePlaces(text, tokens, from, to, s, out);
  }
  return out;
}

/**
 * The known names inside a hyphenated word: "Russia-Ukraine war" (two places), "Hamas-run ministry", "US-led force".
 * Each part we know becomes a mention with its own offsets; parts we do not know are left alone.
 */
function hyphenParts(text: string, t: Token, k: number, sentence: number, date: string | null): RawMention[] {
  const out: RawMention[] = [];
  let pos = t.start;
  for (const part of t.text.split('-')) {
    const start = pos;
    pos += part.length + 1;
    if (!/^\p{Lu}/u.test(part)) continue;
    const hit = lookupName(part, date);
    if (!hit || (hit.type !== 'location' && hit.type !== 'organization' && hit.type !== 'person')) continue;
    out.push({ start, end: start + part.length, text: part, tokStart: k, tokEnd: k + 1, sentence, type: hit.type, hit, titles: [], prefixCountry: null, possessive: false, why: 'hyphen-part' });
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
      if (words.some((w) => w.kind !== 'word' || w.cap)) continue;
      // Every word uncommon, or for a pair ("san francisco") at least the last one.
      if (n === 1 ? isCommonWord(words[0]!.text, 3) : isCommonWord(words[1]!.text, 3) || isFunctionWord(words[0]!.text)) continue;
      const name = words.map((w) => w.text).join(' ');
      const hit = lookupName(name, null) ?? lookupPlace(name, 200_000);
      if (!hit || hit.type !== 'location') continue;
      // "miss" is not Mississippi: a short word must be the place's own name, not an abbreviation of it.
      if (name.length <= 5 && fold(hit.name) !== fold(name)) continue;
      const start = t.start;
      const end = words[n - 1]!.end;
      out.push({ start, end, text: text.slice(start, end), tokStart: k, tokEnd: k + n, sentence, type: 'location', hit, titles: [], prefixCountry: null, possessive: false, why: 'lowercase-place' });
      k += n - 1;
      break;
    }
  }
}

interface Ctx {
  sentence: number;
  sentenceStart: number;
  sentenceEnd: number;
  shouting: boolean;
  date: string | null;
  midCaps: Set<string>;
  surnames: Set<string>;
}

/** After the comma at `comma` comes a known state, province or country ("…, Ohio", "…, Calif.", "…, KS"). */
function isTownBeforeState(tokens: Token[], comma: number, date: string | null): boolean {
  const after = tokens[comma + 1];
  if (!after?.cap) return false;
  const where = after.upper ? lookupStateCode(after.text) : lookupName(after.text, date);
  return !!where && (where.kind === 'place' || where.kind === 'country');
}

/**
 * Two or three unknown capitalized words are a person's name only if they look like one: no code in capitals
 * ("MSN Explorer", "HPL IFERC"), no digits ("London E17"), no nationality ("Interim Palestinian"), and not ending in a
 * lone letter ("Uof H"). Initials ("V K Choudhry", "R.E. Glenn") are fine.
 */
function looksLikePersonName(tokens: Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const t = tokens[k]!;
    if (/\d/.test(t.text)) return false;
    if (t.upper && t.text.replace(/[^\p{L}]/gu, '').length >= 3 && !t.text.includes('.')) return false;
    if (demonymCountry(t.text) || groupCode(t.text)) return false;
  }
  const last = tokens[b - 1]!.text;
  return !/^\p{Lu}$/u.test(last);
}

/** After the name at `b`: ", a|an|the <words> <role>," or ", <age>," ("Okonjo, a senior aide,", "Okonjo, 45,"). */
function personApposition(tokens: Token[], b: number): boolean {
  if (tokens[b]?.text !== ',') return false;
  const t = tokens[b + 1];
  if (!t) return false;
  if (t.kind === 'number' && /^\d{1,3}$/.test(t.text) && tokens[b + 2]?.text === ',') return true;
  if (!/^(a|an|the)$/i.test(t.text)) return false;
  for (let k = b + 2; k < b + 6 && k < tokens.length; k++) {
    const w = tokens[k]!;
    if (w.kind !== 'word') return false;
    if (isPersonRole(w.text)) return true;
  }
  return false;
}

const GREETINGS = new Set(['dear', 'hi', 'hello', 'hey', 'thanks', 'thank', 'regards', 'cheers', 'sincerely', 'love', 'yours', 'best', 'congratulations', 'welcome']);

/** A name right after a greeting or sign-off word (a comma may come between) and ending its clause. */
function isAddressedName(tokens: Token[], a: number, b: number): boolean {
  let k = a - 1;
  if (tokens[k]?.text === ',') k--;
  const before = tokens[k];
  if (!before || before.kind !== 'word' || !GREETINGS.has(before.text.toLowerCase())) return false;
  const after = tokens[b];
  return !after || after.kind === 'punct' || after.start > tokens[b - 1]!.end + 1 || after.cap;
}

function classify(text: string, tokens: Token[], a0: number, b: number, ctx: Ctx): RawMention | null {
  let a = a0;
  // Leading function words ("The Kremlin", "However", "This") are not part of a name.
  // An initial is not the article: "A. Noel Kramer".
  while (a < b && isFunctionToken(tokens[a]!) && !isInitial(tokens, a)) a++;
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
  let countryStart: number | null = null;
  let honorific = false;
  let regnal: number | null = null;
  // Strip nationality and title prefixes, in any order ("US President", "Russian Foreign Minister", "Gen.").
  for (let guard = 0; guard < 4 && b - a > 1; guard++) {
    const whole = lookupName(spanText(tokens, a, b), ctx.date);
    if (whole) break; // "United States", "Pope Francis" known as a whole
    const cp = countryPrefix(tokens, a, b, ctx.date);
    if (cp) {
      prefixCountry ??= cp.country;
      if (!titles.length) countryStart ??= a;
      a += cp.n;
      continue;
    }
    // "New York Gov. Kathy Hochul", "Texas Sen. Ted Cruz": a state or city before a title.
    const pp = placeBeforeTitle(tokens, a, b, ctx.date);
    if (pp) {
      prefixCountry ??= pp.country;
      a += pp.n;
      continue;
    }
    const tl = departmentTitleLength(tokens, a, b) || titleLength(tokens, a, b);
    // A title is followed by a name, not by "of …" ("Housing Authority of New Orleans" is no title).
    if (tl && tokens[a + tl]?.cap) {
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
  // Initials ("A. Noel Kramer") say nothing about the kind of name: the first real word decides.
  let f = a;
  while (f + 2 < b && isInitial(tokens, f)) f += 2;
  const first = tokens[f]!;
  // A trailing abbreviation period ("Acme Inc.") is not the last word.
  const last = tokens[b - 1]!.text === '.' && b - 2 >= a ? tokens[b - 2]! : tokens[b - 1]!;
  const single = b - a === 1;
  const atSentenceStart = a === ctx.sentenceStart || (a > 0 && a - 1 >= ctx.sentenceStart && tokens[a - 1]!.kind === 'punct' && /^["“‘'(]$/.test(tokens[a - 1]!.text) && a - 1 === ctx.sentenceStart);
  const possessive = tokens[b]?.text === "'s" || tokens[b]?.text === '’s';
  const base = { start, end, text: name, tokStart: a, tokEnd: b, sentence: ctx.sentence, titles, prefixCountry, possessive };
  const make = (type: RawMention['type'], hit: KbHit | null, why: string): RawMention => ({ ...base, type, hit, why });
  // "Iraqi Islamic Party", "United States Department of Energy": the nationality is part of an organization's name.
  const withCountry = (m: RawMention): RawMention => {
    if (countryStart === null) return m;
    const s0 = tokens[countryStart]!.start;
    return { ...m, start: s0, text: text.slice(s0, end), tokStart: countryStart };
  };

  // Our knowledge first.
  const hit = lookupName(name, ctx.date);
  // "Dr Mcdonald", "Mrs. Washington": after an honorific, a name that is also a company or place is a person.
  if (hit && honorific && hit.type !== 'person') return make('person', null, 'title');
  if (hit && hit.type === 'organization' && countryStart !== null) return withCountry(make(hit.type, hit, `knowledge:${hit.kind}`));
  if (hit) return make(hit.type, hit, `knowledge:${hit.kind}`);

  const lowerLast = last.text.toLowerCase();
  const lowerFirst = first.text.toLowerCase();
  // In shouted text capitals say nothing: only what our knowledge knows counts.
  if (ctx.shouting) return null;
  // "Hurricane Katrina", "Operation Desert Storm"
  if (!single && /^(hurricane|typhoon|cyclone|storm|tropical|operation)$/.test(lowerFirst)) return make('event', null, 'event-opener');
  // "Lawrence, KS", "in NY": a state's postal code after a town and a comma, or after a place preposition.
  if (single && first.upper && (PLACE_PREPOSITIONS.has(tokens[a - 1]?.text.toLowerCase() ?? '') || (tokens[a - 1]?.text === ',' && a >= 2 && tokens[a - 2]!.cap))) {
    // Codes that are also common abbreviations ("MD" a doctor, "PR", "OK") need a ZIP code after them.
    const zip = /^\d{5}(?:-\d{4})?$/.test(tokens[b]?.text ?? '');
    const state = AMBIGUOUS_STATE_CODES.has(first.text) && !zip ? null : lookupStateCode(first.text);
    if (state) return make('location', state, 'state-code');
  }
  // "the western city of Falluja", "the town of Baiji": a name after "city of" is a place.
  if (single && a >= 2 && tokens[a - 1]!.text === 'of' && /^(city|town|village|province|district|region|state|port|island|capital)$/i.test(tokens[a - 2]!.text) && !isCommonWord(first.text, 100)) {
    return make('location', lookupPlace(name, 0), 'city-of');
  }
  // Weekday/month/number-only leftovers and lone common words are not names.
  if (single && (WEEKDAYS.has(lowerFirst) || MONTHS.has(lowerFirst))) return null;
  if (single && !first.upper && ctx.surnames.has(first.text) && !MONTHS.has(lowerFirst) && !WEEKDAYS.has(lowerFirst)) return make('person', null, 'short-name');
  if (single && (first.upper || ctx.shouting) && isCommonWord(first.text, 20)) return null;
  if (single && atSentenceStart && isCommonWord(first.text, 20) && !honorific && !titles.length && !ctx.midCaps.has(first.text) && !knownSurname(first.text)) return null;
  if (single && isFunctionToken(first)) return null;
  // "D-N.Y.", "R-Texas": a party and state label after a lawmaker's name.
  if (single && /^[DRI]-\p{Lu}/u.test(first.text)) return null;
  // "Congress", "the Senate", "Parliament": a legislature or cabinet named by its kind, capitalized mid-sentence.
  if (single && !atSentenceStart && !first.upper && INSTITUTIONS.has(lowerFirst)) return make('organization', null, 'institution');
  // A lone role word ("President", "Minister") is a role, not a name.
  if (single && isRoleNoun(first.text) && !honorific) return null;
  if (!single && !titles.length && isPersonRole(name)) return null; // "our Secretary of State was …"
  // Demonyms alone ("Russian", "Ukrainians") are nationalities.
  if (single || b - a === 2) {
    const dem = demonymCountry(name) ?? groupCode(name);
    if (dem) return make('nationality', null, 'demonym');
    // "Sunni Arab", "Shiite Kurdish": every word a group or nationality.
    if (!single && tokens.slice(a, b).every((t) => demonymCountry(t.text) ?? groupCode(t.text))) return make('nationality', null, 'demonyms');
  }

  if (honorific || (titles.length && !single && looksLikePersonName(tokens, a, b)) || (titles.length && single && !ORG_HEADS.has(lowerLast) && !first.upper)) {
    return make('person', null, 'title');
  }
  // A sentence-initial imperative, greeting or adverb before a name ("Try Varkala", "Welcome Darin"): drop it.
  // Mid-sentence too when a full name follows ("Administrator Mike Griffin").
  const nameFollows = b - a >= 3 && givenName(tokens[a + 1]!.text)?.word === false;
  const opener = atSentenceStart ? isOpeningWord(first.text) : nameFollows && isCommonWord(first.text, 20) && !givenName(first.text) && !isSurname(first.text);
  if (!single && opener && !PLACE_OPENERS.has(first.text.toLowerCase()) && !lookupPlace(name, 1000)) {
    const rest = classify(text, tokens, a + 1, b, { ...ctx, sentenceStart: -1 });
    if (rest && rest.type !== 'unknown' && (rest.hit || rest.why === 'given-name' || rest.why === 'surname' || rest.why === 'gazetteer')) return rest;
  }
  // Named events: "World War Two", "the Olympics", "Munich Security Conference".
  for (let k = a; k < b; k++) {
    if (EVENT_HEADS.has(tokens[k]!.text.toLowerCase()) && k > a && tokens.slice(k + 1, b).every((t) => /^(one|two|three|i|ii|iii|\d+)$/i.test(t.text))) {
      return make('event', null, 'event-head');
    }
  }
  // "Gulf of Mexico", "Strait of Hormuz", "Isle of Man"
  if (!single && b - a >= 3 && PLACE_HEADS.has(lowerFirst) && tokens[a + 1]!.text === 'of') return make('location', null, 'place-opener');
  // "Customer Service", "Great Service", "Linux News": a generic head after common words is a phrase, not a name.
  const allCommon = tokens.slice(a, b).every((t) => isCommonWord(t.text, 100));
  if (!single && allCommon && WEAK_ORG_HEADS.has(lowerLast) && countryStart === null) return null;
  if (ORG_HEADS.has(lowerLast) && (!single || countryStart !== null)) return withCountry(make('organization', null, 'org-head'));
  if (!single && ORG_OPENERS.has(lowerFirst) && b - a >= 3 && tokens[a + 1]!.text === 'of') return make('organization', null, 'org-opener');
  // "Yale School of Medicine", "University of Texas Austin": an organization word before "of" inside the name.
  for (let k = a + 1; k < b - 1; k++) {
    const w = tokens[k]!.text.toLowerCase();
    if (tokens[k + 1]!.text === 'of' && (ORG_OPENERS.has(w) || ORG_HEADS.has(w))) return make('organization', null, 'org-of');
  }
  // "Tom Hall", "Anna Bridge": a given name before a head word that is also a surname.
  if (b - a === 2 && givenName(first.text)?.word === false && isSurname(last.text)) return make('person', null, 'given-name');
  if (!single && FACILITY_HEADS.has(lowerLast)) return make('facility', null, 'facility-head');
  if (!single && PLACE_HEADS.has(lowerLast)) return make('location', null, 'place-head');
  const prev = a > 0 ? tokens[a - 1]! : null;
  const prevLower = prev?.text.toLowerCase() ?? '';
  if (prevLower === 'aboard' || prevLower === 'onboard') return make('vehicle', null, 'aboard');
  const placeCue = PLACE_PREPOSITIONS.has(prevLower);
  // "San Rafael", "Palo Alto"? (gazetteer), "South Vietnam", "Fort Hood", "St. Thomas": place-name openers.
  if (!single && PLACE_OPENERS.has(lowerFirst)) return make('location', null, 'place-opener');
  // Given names: "Steve Witkoff", "Yuri Ushakov"; surnames are often common words ("Condoleezza Rice", "Bryan Hull"),
  // so only a given name that is itself an ordinary word ("Will", "Grace") needs an uncommon last word.
  const given = givenName(first.text);
  if (!single && given && (!given.word || !isCommonWord(last.text, 200)) && b - a <= 4) return make('person', null, 'given-name');
  // "Sheetal Patel", "Sungjoo Lee": an unknown first word before a common surname.
  if (!single && b - a <= 3 && isSurname(last.text) && !isCommonWord(first.text, 100)) return make('person', null, 'surname');
  // One word that is the surname of someone in our knowledge ("Rumsfeld", "Arafat") or a given name ("Traci"), unless a
  // place preposition comes first ("flights to Brant").
  if (single && !first.upper && !placeCue && (knownSurname(first.text) || (given && !given.word))) return make('person', null, given ? 'given-name' : 'surname');
  // "the Bush administration", "the Obama government".
  if (single && /^(administration|presidency|government|era|campaign)$/i.test(tokens[b]?.text ?? '') && (knownSurname(first.text) || isSurname(first.text))) return make('person', null, 'administration');
  // "Chillicothe, Ohio", "Saginaw, Michigan": a name before a comma and a known state or country is a town there.
  if (single && tokens[b]?.text === ',' && tokens[b + 1]?.cap && isTownBeforeState(tokens, b, ctx.date) && !givenName(first.text) && !isCommonWord(first.text, 100)) {
    return make('location', null, 'town-state');
  }
  const place = lookupPlace(name, placeCue ? 1000 : 100_000);
  if (place) return make('location', place, 'gazetteer');
  // Acronyms we do not know: organizations, unless they are common words written in capitals ("RFP", "DUI", "PDF").
  // A name written in capitals ("THOMAS:" in a transcript) is still a name.
  if (single && first.upper && first.text.length >= 3 && !isAcronymWord(first.text) && (givenName(first.text)?.word === false || knownSurname(first.text) || isSurname(first.text))) return make('person', null, 'caps-name');
  if (single && first.upper) return isAcronymWord(first.text) || /\d/.test(first.text) ? null : make('unknown', null, 'acronym');
  if (!single) {
    // Multi-word names of common words ("Load Next Story", "Breaking News") are headings, not names, and so are
    // title-case phrases that mix them with other words ("Revised Article", "Great Service"); unknown, not an organization.
    // "Mountain View, California": a name of common words before a comma and a state is a town too.
    if (b - a <= 3 && tokens[b]?.text === ',' && isTownBeforeState(tokens, b, ctx.date) && !givenName(first.text)) return make('location', null, 'town-state');
    const common = tokens.slice(f, b).filter((t) => isCommonWord(t.text, 100)).length;
    if (common === b - f) return null;
    if (b - f <= 3 && common === 0 && looksLikePersonName(tokens, a, b)) return make('person', null, 'name-shape');
    return null;
  }
  const next = tokens[b];
  if (next && next.kind === 'word' && SPEECH_NEXT.has(next.text.toLowerCase()) && (!atSentenceStart || !isCommonWord(first.text, 20))) return make('person', null, 'speaker');
  // "Okonjo, a spokesman for the ministry," "Okonjo, 45,": an apposition with a role or an age describes a person.
  if (!isCommonWord(first.text, 300) && personApposition(tokens, b)) return make('person', null, 'apposition');
  // "spokeswoman Okonjo", "said lawyer Pereira": a lower-case role noun right before the name.
  if (prev && !prev.cap && prev.kind === 'word' && isPersonRole(prev.text) && !isCommonWord(first.text, 300)) return make('person', null, 'role-before');
  // Greetings and sign-offs name people: "Dear Kam,", "Thanks Daren", "Regards, Swetha".
  if (first.text.length >= 2 && !isCommonWord(first.text, 300) && isAddressedName(tokens, a, b)) return make('person', null, 'addressed');
  // A common word capitalized mid-sentence ("Bush", "Rod") is a name only if it is rarely a common word.
  if (isCommonWord(first.text, atSentenceStart ? 300 : 1500)) return null;
  if (!placeCue && isSurname(first.text)) return make('person', null, 'surname');
  // "Derbyshire", "Brantville", "Edinburgh": endings that only place names have.
  if (/\p{Ll}(?:shire|ville|burgh|borough)$/u.test(first.text)) return make('location', null, 'place-ending');
  return make('unknown', null, placeCue ? 'place-cue' : 'single');
}

