// The context tests of the recognizer: what the words around a capitalized run say about it (a place word or an
// organization word after it, an apposition, a greeting, a possessive shop name, an e-mail sender), and the
// secondary finders (hyphenated parts, places written in lower case).
import type { Token } from '../language/tokens.js';
import { givenName } from '../../knowledge/given-names.js';
import { knownSurname } from './names.js';
import { fold, isNameToken, spanText } from './runs.js';
import { isPersonRole } from './titles.js';
import { demonymCountry, groupCode, lookupName, lookupPlace, lookupStateCode } from './kb.js';
import { isCommonWord, isFunctionWord, ORG_HEADS } from './lexicon.js';
import type { RawMention } from './recognize.js';

/**
 * The known names inside a hyphenated word: "Russia-Ukraine war" (two places), "Hamas-run ministry", "US-led force".
 * Each part we know becomes a mention with its own offsets; parts we do not know are left alone.
 */
export function hyphenParts(text: string, t: Token, k: number, sentence: number, date: string | null): RawMention[] {
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
export function lowercasePlaces(text: string, tokens: Token[], from: number, to: number, sentence: number, out: RawMention[]): void {
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || t.cap || t.text.length < 4) continue;
    for (const n of [2, 1]) {
      if (k + n > to) continue;
      const words = tokens.slice(k, k + n);
      if (words.some((w) => w.kind !== 'word' || w.cap || /['’]/.test(w.text))) continue;
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

export interface Ctx {
  sentence: number;
  sentenceStart: number;
  sentenceEnd: number;
  shouting: boolean;
  date: string | null;
  midCaps: Set<string>;
  surnames: Set<string>;
  /** Names of storms in this document ("Hurricane Rita"): the name alone is the storm later ("Rita packed winds"). */
  storms: Set<string>;
  /** Mentions found beside the one classify returns (a place or organization before a title). */
  extra: RawMention[];
}

/** Words before "of" that make the name after it a place: "the village of …", "residents of …", "the mouth of …". */
export const PLACE_OF = new Set(
  (
    'city town village province district region state port island capital municipality county governorate oblast ' +
    'residents inhabitants outskirts suburbs suburb mayor governor mouth banks shores basin coast streets neighbourhood ' +
    'neighborhood hamlet settlement'
  ).split(' '),
);

/** Lower-case words for places and facilities that follow a place's name ("the Kariba dam", "Kupwara district"). */
const PLACE_WORDS = new Set(
  (
    'site plant dam district port region province border crossing camp refinery airport airfield field oilfield mine ' +
    'valley river base airbase prison temple square village town county governorate oblast area neighbourhood ' +
    'neighborhood suburb enclave peninsula reservoir corridor checkpoint terminal substation station reactor facility ' +
    'complex compound municipality township mountains hills lake island islands coast'
  ).split(' '),
);
/** Lower-case words between a place's name and its place word: "the Zaporizhzhia nuclear plant". */
const PLACE_WORD_MODIFIERS = new Set('nuclear border power gas oil refugee air naval military coal hydroelectric hydropower container migrant detention mining uranium enrichment'.split(' '));

export function placeWordAfter(tokens: Token[], b: number): boolean {
  let k = b;
  if (tokens[k]?.kind === 'word' && !tokens[k]!.cap && PLACE_WORD_MODIFIERS.has(tokens[k]!.text)) k++;
  const w = tokens[k];
  if (!w || w.kind !== 'word' || w.cap || !PLACE_WORDS.has(w.text)) return false;
  // "the Fordow site", not "the site's": the place word is the head (no possessive or name after it).
  return !/^['’]s$/.test(tokens[k + 1]?.text ?? '');
}

/** Generic government bodies that a nationality only describes: "the Russian Defence Ministry". */
export const GENERIC_BODIES = new Set(['ministry', 'embassy', 'consulate', 'government', 'cabinet', 'presidency']);

/** Lower-case words for kinds of organization that come before a name: "state miner Codelco", "broadcaster NHK". */
export const ORG_CUE_BEFORE = new Set(
  (
    'company firm miner carrier lender insurer broadcaster agency militia club producer maker automaker carmaker ' +
    'chipmaker giant operator retailer conglomerate airline refiner exporter supplier startup start-up outlet newspaper daily ' +
    'utility regulator watchdog subsidiary manufacturer shipbuilder shipper builder developer bank'
  ).split(' '),
);

/** Lower-case words for kinds of organization after a name: "the Fano movement", "the IG Metall union". */
const ORG_WORDS_AFTER = new Set(
  'party movement group militia rebels union gang cartel faction alliance coalition bloc company firm service agency organisation organization network'.split(' '),
);

/** After "the" (and an adjective or two: "the ruling", "the banned armed"), or a possessive, and before an org word. */
export function orgWordAfter(tokens: Token[], a: number, b: number): boolean {
  const w = tokens[b];
  if (!w || w.kind !== 'word' || w.cap) return false;
  // "its Amaq news agency", "the state-run X news agency".
  if (!ORG_WORDS_AFTER.has(w.text) && !(w.text === 'news' && tokens[b + 1]?.text === 'agency')) return false;
  if (/^['’]s$/.test(tokens[b + 1]?.text ?? '') && w.text === 'service') return false;
  let k = a - 1;
  for (let n = 0; n < 2 && k >= 0 && tokens[k]!.kind === 'word' && !tokens[k]!.cap && !/^(the|a|an|its|their|his|her)$/i.test(tokens[k]!.text); n++) k--;
  const det = tokens[k];
  // "Congress party leader …", "Ennahda party officials …" at the start of a sentence.
  if (k === a - 1 && (k < 0 || tokens[k]!.kind === 'punct') && w.text === 'party') return true;
  return !!det && (/^(the|its|their|his|her)$/i.test(det.text) || /^['’]s$/.test(det.text));
}

/** "the All Progressives Congress", "the Our Lady of …": a capitalized function word after a lower-case word, in a name with a head. */
export function capitalizedInName(tokens: Token[], a: number, b: number): boolean {
  const t = tokens[a]!;
  const prev = tokens[a - 1];
  if (!t.cap || t.upper || /^(the|a|an|and|or|but|i)$/i.test(t.text) || !prev || prev.kind !== 'word' || prev.cap || b - a < 3) return false;
  return ORG_HEADS.has(tokens[b - 1]!.text.toLowerCase());
}

/** "The Hague", "The Gambia": a place whose own name starts with a capitalized "The". */
export function theInName(tokens: Token[], a: number, b: number, date: string | null): boolean {
  if (b - a < 2) return false;
  const phrase = spanText(tokens, a, b);
  const hit = lookupName(phrase, date);
  const place = hit?.type === 'location' ? lookupPlace(phrase, 100_000) : null;
  return !!place && place.name.startsWith('The ');
}

/** Royal and papal titles, which are offices even when our knowledge writes them into a name ("King Salman"). */
export const ROYAL_OFFICES = new Set(['king', 'queen', 'pope', 'prince', 'princess', 'crown prince', 'emperor', 'empress', 'emir', 'sultan']);

/** After the comma at `comma` comes a known state, province or country ("…, Ohio", "…, Calif.", "…, KS"). */
export function isTownBeforeState(tokens: Token[], comma: number, date: string | null): boolean {
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
export function looksLikePersonName(tokens: Token[], a: number, b: number): boolean {
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
export function personApposition(tokens: Token[], b: number): boolean {
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
export function isAddressedName(tokens: Token[], a: number, b: number): boolean {
  let k = a - 1;
  if (tokens[k]?.text === ',') k--;
  const before = tokens[k];
  if (!before || before.kind !== 'word' || !GREETINGS.has(before.text.toLowerCase())) return false;
  const after = tokens[b];
  return !after || after.kind === 'punct' || after.start > tokens[b - 1]!.end + 1 || after.cap;
}

/**
 * A person's name in a mail header: "Traci Warner@ENRON" (Lotus Notes writes the name, "@" and the organization), and
 * '"McGilloway, Vangie" <vangie@…>' (family name, comma, given name in quotes before an address).
 */
export function senderName(text: string, tokens: Token[], i: number, end: number, sentence: number): RawMention | null {
  const mk = (a: number, b: number): RawMention => {
    const start = tokens[a]!.start;
    const e = tokens[b - 1]!.end;
    return { start, end: e, text: text.slice(start, e), tokStart: a, tokEnd: b, sentence, type: 'person', hit: null, titles: [], prefixCountry: null, possessive: false, why: 'sender' };
  };
  const glued = (x: number) => tokens[x]!.end === tokens[x + 1]?.start;
  const first = tokens[i]!;
  if (end - i >= 2 && end - i <= 3 && tokens[end]?.text === '@' && glued(end - 1) && glued(end) && tokens[end + 1]!.upper && !glued(end + 1) && !(i > 0 && glued(i - 1))) {
    const g = givenName(first.text);
    if (g && !g.word && tokens.slice(i, end).every((t) => /^\p{Lu}\p{Ll}+$/u.test(t.text))) return mk(i, end + 2);
  }
  if (end - i === 1 && i > 0 && /^["“]$/.test(tokens[i - 1]!.text) && tokens[end]?.text === ',' && tokens[end + 1] && isNameToken(tokens[end + 1]!) && /^["”]$/.test(tokens[end + 2]?.text ?? '')) {
    const g = givenName(tokens[end + 1]!.text);
    if (g && !g.word && /^\p{Lu}[\p{L}'’-]*\p{Ll}$/u.test(first.text) && !isCommonWord(first.text, 300) && !givenName(first.text) && !lookupName(first.text, null)) return mk(i, end + 2);
  }
  return null;
}

/** Small businesses named for their owner: "Ray's Pizza", "Burch's Karate", "Barry's Auto Tech". */
const OWNER_BUSINESS_HEADS = new Set(
  (
    'pizza pizzeria grill bar pub cafe café diner deli bakery kitchen restaurant steakhouse tavern karate dojo gym salon ' +
    'barbershop garage auto tech repair books bookstore hardware jewelers florist cleaners plumbing landscaping motors ' +
    'tire tires bagels bistro brewery winery furniture shoes donuts tacos burgers bbq cantina cleaning towing'
  ).split(' '),
);

/** Words after a place's or a shop's bare possessive name: "go to Del Frisco's for dinner", "at Kenneally's tonight". */
const AFTER_SHOP = new Set(['for', 'at', 'in', 'on', 'with', 'tonight', 'tomorrow', 'today', 'yesterday', 'and', 'or', 'instead']);
/** Words before a shop's bare possessive name. */
const BEFORE_SHOP = new Set(['at', 'to', 'from', 'near', 'like', 'try', 'recommend', 'visit', 'visited']);

/** The token at k is a possessive "'s", or web text's detached " s" ("McDonald s"). */
export function possessiveAt(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (!t) return false;
  // Web text may detach it ("Del Frisco 's").
  if (/^['’]s$/.test(t.text)) return t.start <= tokens[k - 1]!.end + 1;
  return t.text === 's' && t.start === tokens[k - 1]!.end + 1;
}

/**
 * A business whose name is its owner's in the possessive: "Ray's Pizza" (with a head word for the trade, an
 * organization), or the bare "Del Frisco's" after "at"/"to" and before "for", a place or punctuation (a place you go).
 */
export function ownerBusiness(tokens: Token[], a: number, b: number, ctx: Ctx, date: string | null): { end: number; type: 'organization' | 'facility' } | null {
  if (!possessiveAt(tokens, b) || b - a > 3 || ctx.shouting) return null;
  if (tokens.slice(a, b).some((t) => t.upper || /\d/.test(t.text))) return null;
  if (ctx.surnames.has(tokens[b - 1]!.text) || knownSurname(tokens[b - 1]!.text)) return null;
  // "Ray's Pizza", "Barry's Auto Tech": a capitalized run after the possessive that ends in a word for a trade.
  let k = b + 1;
  while (k < ctx.sentenceEnd && k < b + 4 && tokens[k]!.kind === 'word' && tokens[k]!.cap && !tokens[k]!.upper && tokens[k]!.start === tokens[k - 1]!.end + 1) k++;
  if (k > b + 1 && OWNER_BUSINESS_HEADS.has(tokens[k - 1]!.text.toLowerCase()) && !isFunctionWord(tokens[b + 1]!.text)) return { end: k, type: 'organization' };
  // The bare possessive: a place you go to.
  const prev = tokens[a - 1];
  const before = !!prev && (BEFORE_SHOP.has(prev.text.toLowerCase()) || (prev.kind === 'punct' && /^[:,]$/.test(prev.text)));
  if (!before) return null;
  const after = tokens[b + 1];
  const ok =
    !after ||
    (after!.kind === 'punct' && /^[.,?!;:]$/.test(after!.text)) ||
    (after!.kind === 'word' && !after!.cap && AFTER_SHOP.has(after!.text)) ||
    (after!.kind === 'word' && after!.cap && (lookupName(after!.text, date)?.type === 'location' || !!lookupPlace(after!.text, 100_000)));
  return ok ? { end: b + 1, type: 'facility' } : null;
}

/** Words for companies before "like" or "such as" and a list of names. */
const COMPANY_WORDS = new Set(['companies', 'firms', 'brands', 'makers', 'manufacturers', 'retailers', 'chains', 'startups', 'corporations', 'businesses']);

/** The name at `a` is in a list after "companies like" or "firms such as" ("companies like Acme, Zeta and Omni"). */
export function companiesListed(tokens: Token[], a: number, sentenceStart: number): boolean {
  let k = a - 1;
  for (let n = 0; k >= Math.max(0, sentenceStart) && n < 12; n++, k--) {
    const t = tokens[k]!;
    if (t.text === 'like' || (t.text === 'as' && tokens[k - 1]?.text === 'such')) {
      const w = tokens[t.text === 'like' ? k - 1 : k - 2];
      return !!w && COMPANY_WORDS.has(w.text.toLowerCase());
    }
    if (!(t.text === ',' || t.text === 'and' || isNameToken(t))) return false;
  }
  return false;
}

/** Planets, which web text writes capitalized alone ("transit Venus", "Mercury by Rahu"); not people. */
export const PLANETS = new Set(['mercury', 'venus', 'mars', 'jupiter', 'saturn', 'uranus', 'neptune', 'pluto']);
