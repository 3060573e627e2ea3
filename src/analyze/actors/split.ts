// Splitting a run of capitalized tokens into names: at connectors ("of", "and") unless the whole is a known or
// well-formed name, around weekdays and months, and where a known name starts or ends inside the run.
import type { Token } from '../language/tokens.js';
import { isRoleNoun } from '../../knowledge/roles.js';
import { givenName } from '../../knowledge/given-names.js';
import { lookupName, lookupStateCode } from './kb.js';
import { CLUB_OPENERS, FACILITY_HEADS, isCommonWord, MONTHS, ORG_HEADS, ORG_OPENERS, PLACE_HEADS, ROMANCE_ORG_OPENERS, WEEKDAYS } from './lexicon.js';
import { isSurname } from './names.js';
import { MODIFIERS } from './roles.js';
import { CORPORATE_SUFFIX, isFunctionToken, isInitial, PLACE_OPENERS, spanText } from './runs.js';
import { countryPrefix } from './titles.js';

/** Splits a run at connectors ("of", "and", "for", "on") unless the whole is a known or well-formed name. */
export function splitRun(tokens: Token[], a: number, b: number, date: string | null): [number, number][] {
  return splitRunAtConnectors(tokens, a, b, date).flatMap(([x, y]) => splitAtKnown(tokens, x, y, date));
}

/**
 * A run that is not known as a whole but starts or ends with a name we know: "State Department Arabists", "BBC
 * Breaking News Alert" (a known organization or person before common words: the name alone), "Kevin Boone Accenture"
 * (a person's name before a known organization), "Miramar California" (a place before its state or country).
 */
function splitAtKnown(tokens: Token[], a0: number, b: number, date: string | null): [number, number][] {
  // Leading function words ("Later", "The") are dropped by classify; look past them here too.
  let a = a0;
  while (a < b - 1 && isFunctionToken(tokens[a]!) && !isInitial(tokens, a)) a++;
  if (b - a < 2 || lookupName(spanText(tokens, a, b), date)) return [[a0, b]];
  const person = splitPersonRun(tokens, a, b, date);
  if (person) return person;
  const lastLower = tokens[b - 1]!.text.toLowerCase();
  if (ORG_HEADS.has(lastLower) || FACILITY_HEADS.has(lastLower) || PLACE_HEADS.has(lastLower)) return [[a, b]];
  // "Grupo Mexico", "Real Madrid": an organization word first keeps a place after it.
  const firstLower = tokens[a]!.text.toLowerCase();
  if (ROMANCE_ORG_OPENERS.has(firstLower) || CLUB_OPENERS.has(firstLower)) return [[a, b]];
  for (let k = b - 1; k > a; k--) {
    const hit = lookupName(spanText(tokens, a, k), date);
    if (!hit) continue;
    const tail = tokens.slice(k, b);
    if ((hit.kind === 'organization' || hit.kind === 'person') && tail.every((t) => isCommonWord(t.text, 100) || isRoleNoun(t.text))) return [[a, k]];
    // "NASA Administrator Mike Griffin", "Gravity CEO Kim Lee": an organization, then a title and a name.
    const titled = isRoleNoun(tokens[k]!.text) || (isCommonWord(tokens[k]!.text, 20) && givenName(tokens[k + 1]?.text ?? '')?.word === false);
    if (hit.kind === 'organization' && titled && k + 1 < b) return [[a, k], [k, b]];
    break;
  }
  // "London St Pancras", "Texas USA", "Toyota Venza": a known place or organization, then more words that are not a name.
  const firstHit = lookupName(tokens[a]!.text, date);
  if (firstHit && firstHit.kind !== 'person' && !givenName(tokens[a]!.text) && b - a <= 3 && !tokens.slice(a + 1, b).some((t) => givenName(t.text) || isSurname(t.text))) {
    return [[a, a + 1], [a + 1, b]];
  }
  // "Miramar California", "Invercargill New Zealand", "Stanford CA": a town, then its state or country.
  const firstWord = tokens[a]!.text;
  // "the banned Tehreek-e-Labbaik Pakistan": after "the", a name ending in a country is an organization's.
  const afterThe = /^the$/i.test(tokens[a - 1]?.text ?? '') || (/^the$/i.test(tokens[a - 2]?.text ?? '') && !tokens[a - 1]!.cap);
  if (!afterThe && !isCommonWord(firstWord, 100) && !givenName(firstWord) && !PLACE_OPENERS.has(firstWord.toLowerCase())) {
    for (let k = Math.max(a + 1, b - 3); k < b; k++) {
      const where = k === b - 1 && tokens[k]!.upper ? lookupStateCode(tokens[k]!.text) : tokens[k]!.upper ? null : lookupName(spanText(tokens, k, b), date);
      if (where && (where.kind === 'country' || where.kind === 'place') && k - a <= 2) return [[a, k], [k, b]];
    }
  }
  const last = lookupName(tokens[b - 1]!.text, date);
  if (last && !tokens[b - 1]!.upper && last.kind === 'organization' && givenName(firstWord) && b - a >= 3) return [[a, b - 1], [b - 1, b]];
  return [[a, b]];
}

/**
 * A run that starts with a person's name and goes on ("Janette Elbertson Administrative Coordinator", "Kevin A.
 * Boone Accenture", "Melanie King Brandon Luna"): the name ends where a role word, a common word, a known name or a
 * second given name begins.
 */
function splitPersonRun(tokens: Token[], a: number, b: number, date: string | null): [number, number][] | null {
  if (b - a < 3 || givenName(tokens[a]!.text)?.word !== false) return null;
  let k = a + 1;
  while (k + 1 < b && isInitial(tokens, k)) k += 2;
  // The surname (one or two words) must follow.
  if (k >= b) return null;
  k++;
  for (; k < b; k++) {
    const t = tokens[k]!;
    if (t.text === '.' || !t.cap) return null;
    const startsName = givenName(t.text)?.word === false && k + 1 < b && tokens[k + 1]!.cap && !isInitial(tokens, k);
    const known = lookupName(t.text, date);
    // A last word is a break only when it is clearly not a surname ("Hank Green Awesome", not "Ghulam Mohiuddin Lone").
    const common = isCommonWord(t.text, k === b - 1 ? 1000 : 100) && !isSurname(t.text);
    // "… Administrative Coordinator", "… Senior Regulatory Counsel": the rest is a title phrase.
    let j = k;
    while (j < b && !isRoleNoun(tokens[j]!.text) && (isCommonWord(tokens[j]!.text, 10) || MODIFIERS.has(tokens[j]!.text.toLowerCase()))) j++;
    const titleRest = j < b && j > k && isRoleNoun(tokens[j]!.text);
    const breaks = isRoleNoun(t.text) || common || titleRest || (known !== null && known.kind !== 'person') || startsName;
    if (breaks) return [[a, k], [k, b]];
  }
  return null;
}

/** A common word, its plural, or an organization's head word ("Exporters", "Association"). */
const commonish = (t: Token) => isCommonWord(t.text, 1) || isCommonWord(t.text.replace(/s$/, ''), 1) || ORG_HEADS.has(t.text.toLowerCase()) || isFunctionToken(t);

function splitRunAtConnectors(tokens: Token[], a: number, b: number, date: string | null): [number, number][] {
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
  // "Holland & Hart, LLP", "Beatty & Associates, PC": a company with its suffix is one name.
  if (CORPORATE_SUFFIX.test(tokens[b - 1]!.text === '.' ? tokens[b - 2]!.text : tokens[b - 1]!.text) && tokens.slice(a, b).some((t) => t.text === ',')) return parts;
  const out: [number, number][] = [];
  for (const [x, y] of parts) {
    // Known as a whole, or after a country ("United States Department of Housing and Urban Development").
    const cp = countryPrefix(tokens, x, y, date);
    let x1 = x;
    while (x1 < y - 1 && isFunctionToken(tokens[x1]!)) x1++;
    if (lookupName(spanText(tokens, x, y), date) || (x1 > x && lookupName(spanText(tokens, x1, y), date)) || (cp && lookupName(spanText(tokens, x + cp.n, y), date))) {
      out.push([x, y]);
      continue;
    }
    let start = x;
    let keptDept = false;
    for (const k of connectors) {
      if (k <= x || k >= y) continue;
      const w = tokens[k]!.text.toLowerCase();
      // "Centres for Disease Control and Prevention", "Ministry of Housing and Urban Development": an "and" inside the
      // department that a kept "of"/"for" began, when only common words follow to the end of the run.
      if (w === 'and' && keptDept && k < y - 1 && tokens.slice(k + 1, y).every((t) => t.cap && isCommonWord(t.text, 5))) continue;
      // "Bangladesh Garment Manufacturers and Exporters Association": an "and" between common words inside a name that
      // ends in an organization's head word.
      if (w === 'and' && k > start && /^the$/i.test(tokens[start]!.text === 'The' ? 'the' : tokens[start - 1]?.text ?? '') && ORG_HEADS.has(tokens[y - 1]!.text.toLowerCase()) && !ORG_HEADS.has(tokens[k - 1]!.text.toLowerCase()) && tokens.slice(start, y).every((t, i) => t.cap || start + i === k) && tokens.slice(k + 1, y).every(commonish) && tokens.slice(start, k).every((t) => commonish(t) || lookupName(t.text, date)?.type === 'location')) continue;
      const before = tokens[k - 1]!.text.toLowerCase();
      // Keep "Ministry of Defence", "Bank of England", "Gulf of Mexico", "Secretary of State".
      const keep = w === 'of' && (ORG_OPENERS.has(before) || ORG_HEADS.has(before) || PLACE_HEADS.has(before) || /^(secretary|minister|president|governor|mayor|head|chief|king|queen|prince|duke|republic|kingdom|state|states|isle|cape|lake|port|gulf|sea|strait|bay|bureau|house|people|peoples|federation|union)$/.test(before));
      const keepFor = (w === 'for' || w === 'on') && /^(minister|secretary|commissioner|committee|commission|council|centre|center|centres|centers|institute|organization|organisation|office|ministry|fund|coalition|movement|campaign|court|agency|foundation|society|league|union|front|party|alliance|council)$/.test(before);
      if (keep || keepFor) {
        keptDept = true;
        continue;
      }
      if (k > start) out.push([start, k]);
      start = k + 1;
    }
    if (start < y) out.push([start, y]);
  }
  return out;
}

