// Named-entity recognition of our own: runs of capitalized tokens, stripped of titles and nationality prefixes,
// typed by our knowledge first and by the shape and context of the name after that.
import type { EntityType, Span } from '../../model.js';
import type { Token } from '../language/tokens.js';
import { isRoleNoun } from '../../knowledge/roles.js';
import { givenName } from '../../knowledge/given-names.js';
import { companyShaped, isAcronymWord, isFamilyFirstName, isOpeningWord, isSurname, knownSurname } from './names.js';
import { ARTICLE_PREFIXED, fold, inIdentifier, isFunctionToken, isInitial, isNameToken, isShouting, PLACE_OPENERS, runEnd, spanText } from './runs.js';
import { splitRun } from './split.js';
import {
  capitalizedInName, companiesListed, hyphenParts, isAddressedName, isTownBeforeState, looksLikePersonName, lowercasePlaces, orgWordAfter, ownerBusiness, personApposition, placeWordAfter, senderName, theInName, ROYAL_OFFICES, GENERIC_BODIES, PLANETS, PLACE_OF, ORG_CUE_BEFORE, type Ctx,
} from './context.js';
import { MODIFIERS } from './roles.js';
import { countryPrefix, departmentTitleLength, isPersonRole, orgBeforeTitle, placeBeforeTitle, titleLength } from './titles.js';
import { demonymCountry, groupCode, lookupName, lookupPlace, lookupStateCode, type KbHit } from './kb.js';
import {
  CLUB_HEADS,
  CLUB_OPENERS,
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
  ROMANCE_ORG_OPENERS,
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

/** A hyphenated word that describes a name after it: "Kurdish-led", "Iran-backed", "US-based". */
const DESCRIBED_BY = /^\p{Lu}[\p{L}.]*-(?:led|backed|based|run|linked|allied|aligned|controlled|held|owned|funded|brokered|sponsored|supported|dominated|occupied|annexed|made|born)$/u;

/** Words after which an unknown name of one or two words is a place: "in", "near", "fled", "retook". */
const STRONG_PLACE_CUE = /^(?:in|near|outside|inside|around|fled|retook|recaptured|shelled|besieged|encircled)$/;

/** Endings of European family names ("Petersen", "Kowalski", "Ivanova", "Martinez"): after a given name, a person. */
const SURNAME_ENDING = /(?:son|sen|ski|ska|sky|ov|ova|ev|eva|in|ina|enko|uk|ez|is|os|ou|ian|yan|er|ić|ic|escu|ini|elli|etti)$/;

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
  const storms = new Set<string>();
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
      // "the Kurdish-led Syrian Democratic Forces", "Russian-backed separatists": a "-led"/"-backed" word describes the name
      // after it; its known parts are mentions of their own.
      let d = i;
      while (d < end - 1 && isFunctionToken(tokens[d]!)) d++;
      if (end - d > 1 && DESCRIBED_BY.test(tokens[d]!.text)) {
        out.push(...hyphenParts(text, tokens[d]!, d, s, opts.date));
        i = d + 1;
        continue;
      }
      // "al Qaeda", "al Shabaab": a lower-case article before a name we know with it.
      if (i > from && /^(al|el|ad|as|an|ash|bin|ibn|abu)$/.test(tokens[i - 1]!.text) && lookupName(spanText(tokens, i - 1, end), opts.date)) {
        const extra: RawMention[] = [];
        const m = classify(text, tokens, i - 1, end, { sentence: s, sentenceStart: firstWord, sentenceEnd: to, shouting, date: opts.date, midCaps, surnames, storms, extra });
        out.push(...extra);
        if (m && m.type !== 'unknown') {
          out.push(m);
          i = end;
          continue;
        }
      }
      // "Traci Warner@ENRON" in a mail header, '"McGilloway, Vangie" <…>' before an address: a person's name.
      const sender = senderName(text, tokens, i, end, s);
      if (sender) {
        out.push(sender);
        i = sender.tokEnd;
        continue;
      }
      // "jsmith@ENRON", "Lisa_resume.doc": other names glued to an "@" are parts of addresses.
      if (inIdentifier(tokens, i, end)) {
        i = end;
        continue;
      }
      // A mention may reach past the run: "Ray's Pizza", "Del Frisco's".
      let next = end;
      for (const part of splitRun(tokens, i, end, opts.date)) {
        const extra: RawMention[] = [];
        const m = classify(text, tokens, part[0], part[1], { sentence: s, sentenceStart: firstWord, sentenceEnd: to, shouting, date: opts.date, midCaps, surnames, storms, extra });
        out.push(...extra);
        if (m && m.type === 'person' && m.tokEnd - m.tokStart > 1) surnames.add(tokens[m.tokEnd - 1]!.text);
        if (m && m.tokEnd > next) next = m.tokEnd;
        if (m && m.type !== 'unknown') out.push(m);
        else if (part[1] - part[0] === 1 || (part[1] - part[0] === 2 && isFunctionToken(tokens[part[0]]!))) {
          const k = part[1] - 1;
          if (tokens[k]!.text.includes('-') && !/^[DRI]-/.test(tokens[k]!.text) && !ARTICLE_PREFIXED.test(tokens[k]!.text) && !(m && m.why === 'ezafe')) out.push(...hyphenParts(text, tokens[k]!, k, s, opts.date));
          else if (m) out.push(m);
        }
        else if (m) out.push(m);
      }
      i = next;
    }
    if (opts.lowercasePlaces !== false) lowercasePlaces(text, tokens, from, to, s, out);
  }
  return out;
}

function classify(text: string, tokens: Token[], a0: number, b: number, ctx: Ctx): RawMention | null {
  let a = a0;
  // Leading function words ("The Kremlin", "However", "This") are not part of a name.
  // An initial is not the article: "A. Noel Kramer".
  while (a < b && isFunctionToken(tokens[a]!) && !isInitial(tokens, a) && !(tokens[a]!.text === 'The' && theInName(tokens, a, b, ctx.date)) && !capitalizedInName(tokens, a, b)) a++;
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
  let countryDemonym = false;
  let honorific = false;
  // A person our knowledge names with a title ("Crown Prince Mohammed bin Salman", "Pope Leo"): the title is stripped
  // from the span, the person is still the one we know.
  let titledPerson: KbHit | null = null;
  let keptHit: KbHit | null = null;
  // Places and organizations before a title ("California Governor …", "IMF Managing Director …", "U.S. Secretary of
  // State …") are mentions of their own when a title follows them.
  const prefixes: { a: number; b: number; type: 'location' | 'organization'; hit: KbHit | null }[] = [];
  // Strip nationality and title prefixes, in any order ("US President", "Russian Foreign Minister", "Gen.").
  for (let guard = 0; guard < 5 && b - a > 1; guard++) {
    const whole = lookupName(spanText(tokens, a, b), ctx.date);
    if (whole) {
      // "Sheikh Mohamed bin Zayed", "Crown Prince Mohammed bin Salman", "King Salman": the title goes, unless it is part
      // of the name itself ("Sheikh Hasina").
      const tl = whole.type === 'person' ? titleLength(tokens, a, b) : 0;
      if (tl && a + tl < b && tokens[a + tl]!.cap) {
        const title = spanText(tokens, a, a + tl).replace(/\.$/, '');
        const own = fold(whole.name).startsWith(fold(title) + ' ') && !ROYAL_OFFICES.has(title.toLowerCase());
        if (!own) {
          titledPerson ??= whole;
          titles.push(title);
          a += tl;
          continue;
        }
      }
      // "the Chinese Foreign Ministry" known as a whole: the nationality stays outside a generic body's name.
      const dem = whole.type === 'organization' && b - a >= 3 ? demonymCountry(tokens[a]!.text) : null;
      if (dem && GENERIC_BODIES.has(tokens[b - 1]!.text.toLowerCase()) && tokens.slice(a + 1, b - 1).every((t) => isCommonWord(t.text, 20) || MODIFIERS.has(t.text.toLowerCase()))) {
        keptHit = whole;
        prefixCountry ??= dem;
        a += 1;
      }
      break; // "United States", "Sheikh Hasina" known as a whole
    }
    const cp = countryPrefix(tokens, a, b, ctx.date);
    // "Gaza City", "Kuwait City": a place's name with its head word is whole.
    if (cp && b - a - cp.n === 1 && PLACE_HEADS.has(tokens[b - 1]!.text.toLowerCase())) break;
    if (cp) {
      prefixCountry ??= cp.country;
      if (!titles.length && countryStart === null) {
        countryStart = a;
        countryDemonym = !!demonymCountry(spanText(tokens, a, a + cp.n));
      }
      if (!demonymCountry(spanText(tokens, a, a + cp.n))) prefixes.push({ a, b: a + cp.n, type: 'location', hit: lookupName(spanText(tokens, a, a + cp.n), ctx.date) });
      a += cp.n;
      continue;
    }
    // "New York Gov. Kathy Hochul", "Texas Sen. Ted Cruz": a state or city before a title.
    const pp = placeBeforeTitle(tokens, a, b, ctx.date);
    if (pp) {
      prefixCountry ??= pp.country;
      prefixes.push({ a, b: a + pp.n, type: 'location', hit: pp.hit });
      a += pp.n;
      continue;
    }
    // "IMF Managing Director …", "Africa CDC Director-General …", "House Speaker …": an organization before a title.
    const op = orgBeforeTitle(tokens, a, b, ctx.date);
    if (op) {
      if (!op.unknown) prefixes.push({ a, b: a + op.n, type: 'organization', hit: op.hit });
      a += op.n;
      continue;
    }
    const tl = departmentTitleLength(tokens, a, b) || titleLength(tokens, a, b);
    // "St Petersburg", "Saint Lucia": a saint's name is a place's name here. "Grand" is a title only before another
    // ("Grand Ayatollah"), and a royal title with one word after it may be a place's name ("Grand Rapids", "Prince
    // Rupert").
    if (/^(st|saint)$/i.test(tokens[a]!.text) && tl <= 2) break;
    if (tl === 1 && /^grand$/i.test(tokens[a]!.text)) break;
    if (tl && b - a - tl === 1 && REGNAL_TITLES.has(tokens[a]!.text.toLowerCase()) && lookupPlace(spanText(tokens, a, b), 50_000)) break;
    // A title is followed by a name, not by "of …" ("Housing Authority of New Orleans" is no title), nor by the rest
    // of a body's name ("General Staff", "General Elections Commission", "General Administration of Customs").
    const rest = tokens.slice(a + tl, b);
    const bodyRest = rest.every((t) => isCommonWord(t.text, 100)) && (rest.length >= 2 || ORG_HEADS.has(rest[0]?.text.toLowerCase() ?? ''));
    if (tl && tokens[a + tl]?.cap && !bodyRest) {
      const title = spanText(tokens, a, a + tl);
      const lower = title.replace(/\.$/, '').toLowerCase();
      if (HONORIFICS.has(lower)) honorific = true;
      titles.push(title);
      a += tl;
      continue;
    }
    break;
  }
  // A prefix counts only when a title came after it ("U.S. Secretary of State …", not "U.S. Geological Survey").
  if (titles.length) {
    // "Ghana Cocoa Board Chief Executive …": a country's name before an organization's is part of it.
    for (let i = prefixes.length - 1; i > 0; i--) {
      const [x, y] = [prefixes[i - 1]!, prefixes[i]!];
      if (x.type === 'location' && y.type === 'organization' && x.b === y.a && x.hit?.kind === 'country') prefixes.splice(i - 1, 2, { a: x.a, b: y.b, type: 'organization', hit: y.hit });
    }
    for (const p of prefixes) {
      const s0 = tokens[p.a]!.start;
      const e0 = tokens[p.b - 1]!.end;
      ctx.extra.push({ start: s0, end: e0, text: text.slice(s0, e0), tokStart: p.a, tokEnd: p.b, sentence: ctx.sentence, type: p.type, hit: p.hit, titles: [], prefixCountry: null, possessive: false, why: 'before-title' });
    }
    if (prefixes.length) countryStart = null;
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
  const lowerFirstWord = first.text.toLowerCase();
  const lowerLast = last.text.toLowerCase();
  const base = { start, end, text: name, tokStart: a, tokEnd: b, sentence: ctx.sentence, titles, prefixCountry, possessive };
  // "Iraqi Islamic Party", "United States Department of Energy", "Ghana Association of Bankers": the nationality or
  // country before an organization's name is part of it.
  const make = (type: RawMention['type'], hit: KbHit | null, why: string): RawMention => {
    const m = { ...base, type, hit, why };
    return type === 'organization' ? withCountry(m) : m;
  };
  const withCountry = (m: RawMention): RawMention => {
    if (countryStart === null || m.tokStart !== a) return m;
    // "the Russian Defence Ministry", "the Chinese Foreign Ministry": the nationality only describes a generic body.
    if (countryDemonym && GENERIC_BODIES.has(lowerLast) && tokens.slice(a, b - 1).every((t) => isCommonWord(t.text, 20))) return m;
    const s0 = tokens[countryStart]!.start;
    return { ...m, start: s0, text: text.slice(s0, end), tokStart: countryStart };
  };

  // "the Oval Office": the president's office is a room, not a body.
  if (b - a === 2 && lowerFirstWord === 'oval' && tokens[b - 1]!.text.toLowerCase() === 'office') return make('facility', null, 'oval-office');
  // "back to the Moon": the moon, not a person named Moon.
  if (single && lowerFirstWord === 'moon' && tokens[a - 1]?.text.toLowerCase() === 'the') return null;
  // "the Davis Administration": the person whose administration it is.
  if (b - a === 2 && !titles.length && tokens[b - 1]!.text === 'Administration' && tokens[a - 1]?.text.toLowerCase() === 'the' && (knownSurname(first.text) || isSurname(first.text))) {
    return { ...make('person', null, 'administration'), end: first.end, text: first.text, tokEnd: a + 1 };
  }
  // Our knowledge first.
  let hit = lookupName(name, ctx.date) ?? titledPerson ?? keptHit;
  // "the mouth of the Amazon", "the banks of the Niger": a river's reading of a name we know as something else.
  if (hit && hit.type !== 'location' && a >= 3 && tokens[a - 1]!.text.toLowerCase() === 'the' && tokens[a - 2]!.text === 'of' && /^(mouth|banks|bank|shores|basin|delta|source|estuary)$/.test(tokens[a - 3]!.text)) hit = null;
  if (!hit && a >= 3 && tokens[a - 1]!.text.toLowerCase() === 'the' && tokens[a - 2]!.text === 'of' && /^(mouth|banks|shores|basin|delta|estuary)$/.test(tokens[a - 3]!.text) && b - a <= 3) return make('location', null, 'river-of');
  // "Dr Mcdonald", "Mrs. Washington": after an honorific, a name that is also a company or place is a person.
  if (hit && honorific && hit.type !== 'person') return make('person', null, 'title');
  // "Moody's", "McDonald's": the possessive ending is part of the organization's own name.
  if (hit && hit.kind === 'organization' && possessive && /['’]s$/.test(hit.name) && fold(hit.name.replace(/['’]s$/, '')) === fold(name)) {
    const e0 = tokens[b]!.end;
    return { ...make(hit.type, hit, 'knowledge:organization'), end: e0, text: text.slice(start, e0), tokEnd: b + 1, possessive: false };
  }
  // "Hurricane Rita … Rita packed winds": a storm named earlier in the text.
  if (single && !titles.length && ctx.storms.has(first.text) && (!hit || hit.type === 'person')) return make('event', null, 'storm-name');
  if (hit && hit.type === 'organization' && countryStart !== null) return withCountry(make(hit.type, hit, `knowledge:${hit.kind}`));
  if (hit) return make(hit.type, hit, `knowledge:${hit.kind}`);

  const lowerFirst = first.text.toLowerCase();
  // In shouted text capitals say nothing: only what our knowledge knows counts.
  if (ctx.shouting) return null;
  // "Brent crude", "Urals blend": a benchmark or product named before a lower-case word for it.
  if (single && /^(crude|futures|blend)$/.test(tokens[b]?.text ?? '')) return null;
  // "Tehreek-e-Labbaik Pakistan", "Lashkar-e-Taiba", "Tehrik-i-Taliban": Urdu and Persian names joined by an ezafe.
  if (tokens.slice(a, b).some((t) => /^\p{Lu}\p{Ll}+-(?:e|i|ul|ut)-\p{Lu}/u.test(t.text))) return make('organization', null, 'ezafe');
  // "the Champions League", "the Diamond League": competitions, not organizations.
  if (b - a === 2 && lowerLast === 'league' && /^(champions|europa|conference|diamond|nations)$/.test(lowerFirst)) return make('event', null, 'competition');
  // "Hurricane Katrina", "Operation Desert Storm"
  if (!single && /^(hurricane|typhoon|cyclone|storm|tropical|operation)$/.test(lowerFirst)) {
    if (lowerFirst !== 'operation' && givenName(last.text)) ctx.storms.add(last.text);
    return make('event', null, 'event-opener');
  }
  // "Del Frisco's", "Ray's Pizza": a business named for its owner, the possessive part of its name.
  const shop = titles.length || honorific ? null : ownerBusiness(tokens, a, b, ctx, ctx.date);
  if (shop) {
    const e0 = tokens[shop.end - 1]!.end;
    return { ...make(shop.type, null, 'owner-business'), end: e0, text: text.slice(start, e0), tokEnd: shop.end, possessive: false };
  }
  // "transit Venus", "Mercury by Rahu": a planet alone is not a person.
  if (single && PLANETS.has(lowerFirst)) return null;
  // "San Rafael Ca", "Austin Tx": a town we know and a state's postal code written in title case after it.
  if (b - a >= 2 && /^\p{Lu}\p{Ll}$/u.test(last.text) && !AMBIGUOUS_STATE_CODES.has(last.text.toUpperCase())) {
    const state = lookupStateCode(last.text.toUpperCase());
    const town = state ? lookupPlace(spanText(tokens, a, b - 1), 1000) : null;
    if (state && town) {
      const e1 = tokens[b - 2]!.end;
      ctx.extra.push({ start: last.start, end: last.end, text: last.text, tokStart: b - 1, tokEnd: b, sentence: ctx.sentence, type: 'location', hit: state, titles: [], prefixCountry: null, possessive: false, why: 'state-code' });
      return { ...make('location', town, 'town-state-code'), end: e1, text: text.slice(start, e1), tokEnd: b - 1 };
    }
  }
  // "Lawrence, KS", "in NY": a state's postal code after a town and a comma, or after a place preposition.
  if (single && first.upper && (PLACE_PREPOSITIONS.has(tokens[a - 1]?.text.toLowerCase() ?? '') || (tokens[a - 1]?.text === ',' && a >= 2 && tokens[a - 2]!.cap))) {
    // Codes that are also common abbreviations ("MD" a doctor, "PR", "OK") need a ZIP code after them.
    const zip = /^\d{5}(?:-\d{4})?$/.test(tokens[b]?.text ?? '');
    const state = AMBIGUOUS_STATE_CODES.has(first.text) && !zip ? null : lookupStateCode(first.text);
    if (state) return make('location', state, 'state-code');
  }
  // "the western city of Falluja", "the town of Baiji": a name after "city of" is a place.
  if (b - a <= 3 && a >= 2 && tokens[a - 1]!.text === 'of' && PLACE_OF.has(tokens[a - 2]!.text.toLowerCase()) && (!single || !isCommonWord(first.text, 100)) && !tokens.slice(a, b).some((t) => t.upper)) {
    return make('location', lookupPlace(name, 0), 'city-of');
  }
  // "the Torkham border crossing", "the Fordow site", "Kupwara district", "the Preah Vihear temple": a name before a
  // lower-case word for a place or a facility is that place.
  // "the CECOT prison": an unknown acronym before a word for a facility is that facility.
  if (single && first.upper && /^[A-Z]{3,6}$/.test(first.text) && !isAcronymWord(first.text) && /^(prison|camp|airport|airbase|stadium|refinery|jail)$/.test(tokens[b]?.text ?? '')) return make('facility', null, 'acronym-facility');
  if (b - a <= 3 && placeWordAfter(tokens, b) && !tokens.slice(a, b).every((t) => isCommonWord(t.text, 300)) && !tokens.slice(a, b).some((t) => t.upper || demonymCountry(t.text) || groupCode(t.text)) && !ORG_HEADS.has(lowerLast) && !isPersonRole(last.text) && !(titles.length || honorific)) {
    return make('location', lookupPlace(name, 0), 'place-word-after');
  }
  // "the ruling SWAPO party", "the Fano movement", "the IG Metall union", "Zuma's … party": a name before a lower-case
  // word for a kind of organization.
  if (orgWordAfter(tokens, a, b) && !/-\p{Ll}+$/u.test(name) && !tokens.slice(a, b).every((t) => isCommonWord(t.text, 20) && !INSTITUTIONS.has(t.text.toLowerCase())) && !demonymCountry(name) && !groupCode(name)) return make('organization', null, 'org-word-after');
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
  // "Houthi forces": the singular of a group we know by its plural is an adjective, not a name.
  if (single && !first.upper && /\p{Ll}$/u.test(first.text) && lookupName(first.text + 's', ctx.date)?.type === 'organization' && tokens[b]?.kind === 'word' && !tokens[b]!.cap) return make('nationality', null, 'group-adjective');
  // "state miner Codelco", "lithium producer SQM", "broadcaster CNN": a lower-case word for a kind of organization before it.
  const cueBefore = a > 0 && tokens[a - 1]!.kind === 'word' && !tokens[a - 1]!.cap && ORG_CUE_BEFORE.has(tokens[a - 1]!.text);
  if (cueBefore && b - a <= 4 && !(givenName(first.text)?.word === false && !single) && !tokens.slice(a, b).every((t) => isCommonWord(t.text, 300))) return make('organization', null, 'org-word-before');
  // "companies like Scharffen Berger, TCHO, and …": names listed after a word for companies.
  if (b - a <= 3 && !givenName(first.text)?.word && companiesListed(tokens, a, ctx.sentenceStart)) return make('organization', null, 'companies-like');
  // "Austria's OMV", "SQM said": an unknown acronym standing alone is an organization.
  if (single && first.upper && /^[A-Z]{3,6}$/.test(first.text) && !isAcronymWord(first.text) && !givenName(first.text) && !isSurname(first.text) && !knownSurname(first.text) && (tokens[a - 1]?.text === "'s" || SPEECH_NEXT.has(tokens[b]?.text ?? ''))) return make('organization', null, 'acronym-org');
  // "Safaricom", "PetroVietnam", "Codelco": one unknown word shaped like a company's name.
  if (single && !first.upper && companyShaped(first.text) && !givenName(first.text) && !isSurname(first.text) && !knownSurname(first.text) && !isCommonWord(first.text, 50)) return make('organization', null, 'company-shape');
  // "an army unit, CAPSAT, joined": a name set off by commas after a word for a kind of organization.
  if (b - a <= 3 && tokens[a - 1]?.text === ',' && tokens[b]?.text === ',' && /^(unit|group|militia|party|movement|firm|company|agency|union|regiment|battalion|brigade|faction|coalition)$/.test(tokens[a - 2]?.text ?? '') && !givenName(first.text)) return make('organization', null, 'org-apposition');
  // "Clan del Golfo", "Frente de Liberación", "Banco do Brasil": a Spanish, Portuguese or French organization word
  // before "de"/"del"/"do"/"du".
  if (b - a >= 3 && ROMANCE_ORG_OPENERS.has(lowerFirst) && /^(de|del|do|da|des|du|dos|das)$/.test(tokens[a + 1]!.text)) return make('organization', null, 'romance-org');
  // "Grupo Mexico", "Banco Santander", "Groupe Renault": a company word that is not English before a name.
  if (!single && /^(grupo|banco|banca|companhia|compania|groupe)$/.test(lowerFirst)) return make('organization', null, 'romance-org');
  // "Real Madrid", "Borussia Dortmund", "Manchester United": the words of a sports club's name.
  if (!single && b - a <= 3 && (CLUB_OPENERS.has(lowerFirst) || CLUB_HEADS.has(lowerLast))) return make('organization', null, 'club');
  // "Caspian Policy Center", "Hanwha Ocean": a centre for policy or research, and a company named for the ocean.
  if (!single && /^(cent(?:er|re)|institute)$/.test(lowerLast) && /^(policy|research|studies|strategic|security|development|progress|justice|democracy|peace|action|advocacy|resource|resources|legal)$/i.test(tokens[b - 2]!.text)) return make('organization', null, 'think-tank');
  if (b - a === 2 && lowerLast === 'ocean' && lookupName(first.text, ctx.date)?.type !== 'location' && !isCommonWord(first.text, 100) && !lookupPlace(first.text, 1000)) return make('organization', null, 'company-ocean');
  // "Nguyen Thi Lan", "Park Ji-won", "Le Manh Hung": a family name that comes first, then given-name syllables.
  if ((b - a === 2 || b - a === 3) && isFamilyFirstName(first.text) && tokens.slice(a + 1, b).every((t, i, all) => /^\p{Lu}\p{Ll}+(?:-\p{Ll}+)?$/u.test(t.text) && !isFunctionWord(t.text) && !lookupName(t.text, ctx.date) && (t.text.includes('-') || !isCommonWord(t.text, 100) || (i === all.length - 1 && all.length === 2)))) {
    return make('person', null, 'family-first');
  }
  // A sentence-initial imperative, greeting or adverb before a name ("Try Varkala", "Welcome Darin"): drop it.
  // Mid-sentence too when a full name follows ("Administrator Mike Griffin").
  const nameFollows = b - a >= 3 && givenName(tokens[a + 1]!.text)?.word === false;
  const openerMid = nameFollows && isCommonWord(first.text, 20) && !givenName(first.text) && !isSurname(first.text);
  // "Shopkeeper Hossain Abdul Karim said": at the start too, a common word before a full name.
  const opener = atSentenceStart ? isOpeningWord(first.text) || openerMid : openerMid;
  if (!single && opener && !PLACE_OPENERS.has(first.text.toLowerCase()) && !lookupPlace(name, 1000)) {
    const rest = classify(text, tokens, a + 1, b, { ...ctx, sentenceStart: -1 });
    if (rest && rest.type !== 'unknown' && (rest.hit || rest.why === 'given-name' || rest.why === 'surname' || rest.why === 'gazetteer')) return rest;
  }
  // "Hey Vladi,", "P.S. Tom,": a greeting or a postscript mark before a name.
  if (!single && /^(hey|hi|hello|dear|p\.s\.)$/i.test(first.text)) {
    const from = a + 1;
    if (from < b) {
      const rest = classify(text, tokens, from, b, { ...ctx, sentenceStart: -1 });
      if (rest && rest.type === 'person') return rest;
    }
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
    // "Europe Centre for Disease Prevention and Control", "Institute for Security Studies".
    if (tokens[k + 1]!.text === 'for' && (ORG_OPENERS.has(w) || ORG_HEADS.has(w) || /^(cent(?:er|re)s?|institutes?|foundation)$/.test(w))) return make('organization', null, 'org-for');
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
  // "in Khan Younis", "around Tal Afar", "fled Wad Madani": two unknown words after a strong place cue are a place
  // unless the last is a surname ("faith in Joe Biden").
  if (b - a === 2 && STRONG_PLACE_CUE.test(prevLower) && !possessive && !tokens.slice(a, b).some((t) => t.upper || isCommonWord(t.text, 100)) && !isSurname(last.text) && !knownSurname(last.text) && !(given && !given.word && SURNAME_ENDING.test(last.text))) {
    return make('location', lookupPlace(name, 0), 'place-cue-name');
  }
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
  // A name of two or more words that is not a person's by its first word is a place at a lower population too.
  const place = lookupPlace(name, placeCue ? 1000 : !single && !given ? 20_000 : 100_000);
  if (place) return make('location', place, 'gazetteer');
  // Acronyms we do not know: organizations, unless they are common words written in capitals ("RFP", "DUI", "PDF").
  // A name written in capitals ("THOMAS:" in a transcript) is still a name.
  if (single && first.upper && first.text.length >= 3 && !isAcronymWord(first.text) && (givenName(first.text)?.word === false || knownSurname(first.text) || isSurname(first.text))) return make('person', null, 'caps-name');
  // An acronym that is usually an ordinary noun ("CPA", "CEO") is kept aside: a text may define it as a name ("the
  // Coalition Provisional Authority … the CPA").
  if (single && first.upper) return /\d/.test(first.text) ? null : make('unknown', null, isAcronymWord(first.text) ? 'acronym-word' : 'acronym');
  if (!single) {
    // Multi-word names of common words ("Load Next Story", "Breaking News") are headings, not names, and so are
    // title-case phrases that mix them with other words ("Revised Article", "Great Service"); unknown, not an organization.
    // "Mountain View, California": a name of common words before a comma and a state is a town too.
    if (b - a <= 3 && tokens[b]?.text === ',' && isTownBeforeState(tokens, b, ctx.date) && !givenName(first.text)) return make('location', null, 'town-state');
    const common = tokens.slice(f, b).filter((t) => isCommonWord(t.text, 100)).length;
    if (common === b - f) return null;
    if (b - f <= 3 && common === 0 && looksLikePersonName(tokens, a, b)) {
      // "in Khan Younis", "near Debre Markos": two unknown words after "in" or "near" are a place, not a person.
      if ((STRONG_PLACE_CUE.test(prevLower) || prevLower === 'off') && !possessive && !givenName(first.text)) return make('location', null, 'place-cue-name');
      return make('person', null, 'name-shape');
    }
    return null;
  }
  const next = tokens[b];
  // "Safcol said in a statement": organizations, not people, speak in statements.
  if (!given && !isSurname(first.text) && !knownSurname(first.text) && /^(said|says)$/.test(next?.text ?? '') && tokens[b + 1]?.text === 'in' && /^(a|its)$/.test(tokens[b + 2]?.text ?? '') && /^statement/.test(tokens[b + 3]?.text ?? '')) return make('organization', null, 'statement');
  const strongPlaceCue = /^(in|near|outside|inside)$/.test(prevLower);
  if (next && next.kind === 'word' && SPEECH_NEXT.has(next.text.toLowerCase()) && !strongPlaceCue && (!atSentenceStart || !isCommonWord(first.text, 20))) return make('person', null, 'speaker');
  // "…, said Suharyanto, head of the disaster agency": a single name after "said" and before an apposition or the end.
  if (prev && /^(said|says|told|according)$/.test(prevLower) && !isCommonWord(first.text, 300) && (tokens[b]?.text === ',' || tokens[b]?.text === '.')) return make('person', null, 'said-name');
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

