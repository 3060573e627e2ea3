// Titles before a name: role phrases ("Foreign Minister", "Defense Secretary"), titles with a department ("Secretary of
// State"), honorifics and dotted abbreviations ("Gen."), and the country or place before them ("US", "New York Gov.").
import type { Token } from '../language/tokens.js';
import { isRoleNoun, roles } from '../../knowledge/roles.js';
import { givenName } from '../../knowledge/given-names.js';
import { demonymCountry, lookupName, lookupPlace, type KbHit } from './kb.js';
import { companyShaped, isAcronymWord, isSurname } from './names.js';
import { HONORIFICS, isCommonWord, ORG_HEADS, REGNAL_TITLES } from './lexicon.js';
import { MODIFIERS } from './roles.js';
import { DOTTED_TITLES, spanText } from './runs.js';

/**
 * A title with its department: "Secretary of State", "Minister of Foreign Affairs", "Minister for Health". The words
 * after "of"/"for" are common words, so the first word that is not one starts the name; at least one token must remain.
 */
export function departmentTitleLength(tokens: Token[], a: number, b: number): number {
  for (let n = Math.min(3, b - a - 2); n >= 1; n--) {
    const words: string[] = [];
    for (let k = a; k < a + n; k++) words.push(tokens[k]!.text);
    if (!words.every((w) => /^\p{Lu}/u.test(w)) || !isRoleNoun(words.join(' '))) continue;
    const conn = tokens[a + n]!.text.toLowerCase();
    if (conn !== 'of' && conn !== 'for') continue;
    let k = a + n + 1;
    if (tokens[k]?.text.toLowerCase() === 'the') k++;
    const deptStart = k;
    while (k < b - 1 && tokens[k]!.cap && (isCommonWord(tokens[k]!.text, 100) || tokens[k]!.text.toLowerCase() === 'and') && !givenName(tokens[k]!.text)) k++;
    while (k < b - 1 && /^(and|&)$/i.test(tokens[k]!.text)) k++;
    if (k > deptStart && k < b) return k - a;
  }
  return 0;
}

/** A role a person holds ("Secretary", "CEO"), not an institution word that the roles table also lists ("School"). */
export function isPersonRole(phrase: string): boolean {
  const r = roles().lookup(phrase);
  return !!r && r.weight < 3;
}

/** Capitalized role words that can precede a name as a title ("President", "Foreign Minister", "Gen."). */
export function titleLength(tokens: Token[], a: number, b: number): number {
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
    if (words.every((w) => /^\p{Lu}/u.test(w)) && isPersonRole(phrase)) return n + (tokens[a + n]?.text === '.' ? 1 : 0);
    // "Defense Secretary", "Homeland Security Secretary", "Chief Executive": a role noun after capitalized common words,
    // before a word that is not a common one ("Risk Managers Conference" is no title).
    const head = words[words.length - 1]!;
    const modifiers = words.slice(0, -1);
    const after = tokens[a + n + (tokens[a + n]?.text === '.' ? 1 : 0)];
    if (n >= 2 && after && (!isCommonWord(after.text, 100) || (givenName(after.text) && tokens[a + n + (tokens[a + n]?.text === '.' ? 1 : 0) + 1]?.cap)) && isPersonRole(head) && modifiers.every((w) => /^\p{Lu}\p{Ll}/u.test(w) && (isCommonWord(w, 10) || MODIFIERS.has(w.toLowerCase())) && !givenName(w))) return n + (tokens[a + n]?.text === '.' ? 1 : 0);
  }
  return 0;
}

/** A place (1–3 words) right before a title and a name: its length and country. */
export function placeBeforeTitle(tokens: Token[], a: number, b: number, date: string | null): { n: number; country: string | null; hit: KbHit } | null {
  for (let n = Math.min(3, b - a - 2); n >= 1; n--) {
    if (!titleLength(tokens, a + n, b)) continue;
    const phrase = spanText(tokens, a, a + n);
    const hit = lookupName(phrase, date) ?? lookupPlace(phrase, 100_000);
    if (hit && hit.type === 'location') return { n, country: hit.country, hit };
  }
  return null;
}

/** Titles held in a company or a body, not in a place: "PetroVietnam Chief Executive …", "Ecobank Chairman …". */
const ORG_TITLE = /^(?:(?:group |deputy |acting )?(?:chief executive|chief executive officer|ceo|chairman|chairwoman|chairperson|managing director|director[- ]general|secretary[- ]general|executive director|founder|co-founder|president and ceo))$/i;

/** Bodies that news names by their kind alone before a title: "Commission President", "House Speaker". */
const NAMED_BY_KIND = new Set(['commission', 'council', 'house', 'senate', 'assembly', 'parliament', 'congress']);

/**
 * An organization (1–3 words) right before a person's title and a name: "IMF Managing Director Kristalina Georgieva",
 * "Africa CDC Director-General Jean Kaseya", "BRAC Chairperson …". Known to our knowledge, or an acronym that is not
 * an ordinary noun, alone or after a place ("Africa CDC"). The title must be a person's role.
 */
export function orgBeforeTitle(tokens: Token[], a: number, b: number, date: string | null): { n: number; hit: KbHit | null; unknown?: boolean } | null {
  for (let n = Math.min(3, b - a - 2); n >= 1; n--) {
    const tl = titleLength(tokens, a + n, b);
    if (!tl || !tokens[a + n + tl]?.cap) continue;
    const phrase = spanText(tokens, a, a + n);
    // "Commission President …", "House Speaker …": a body named by its kind.
    if (n === 1 && NAMED_BY_KIND.has(phrase.toLowerCase())) return { n, hit: null };
    const hit = lookupName(phrase, date);
    if (hit) {
      if (hit.type === 'organization') return { n, hit };
      continue;
    }
    const last = tokens[a + n - 1]!;
    // "Ghana Cocoa Board Chief Executive …": capitalized words ending in an organization's head word.
    if (n >= 2 && ORG_HEADS.has(last.text.toLowerCase()) && tokens.slice(a, a + n).every((t) => t.cap) && !isPersonRole(phrase)) return { n, hit: null };
    const acronym = last.upper && /^[A-Z][A-Z&.]{1,6}$/.test(last.text) && !isAcronymWord(last.text) && !/^[A-Z]$/.test(last.text);
    const before = n === 1 || tokens.slice(a, a + n - 1).every((t) => lookupName(t.text, date)?.type === 'location');
    if (acronym && before) return { n, hit: null };
    // "PetroVietnam Chief Executive …": one unknown word before a title and a name is a body's name; its type is not
    // known unless it is shaped like a company's.
    // A company's or a body's title ("Chief Executive", "Chairman", "Director-General") says it is an organization.
    if (n === 1 && !last.upper && !isCommonWord(last.text, 100) && !givenName(last.text) && !isSurname(last.text) && !lookupPlace(last.text, 1000)) {
      const title = spanText(tokens, a + n, a + n + tl).replace(/\.$/, '');
      return { n, hit: null, unknown: !companyShaped(last.text) && !ORG_TITLE.test(title) };
    }
  }
  return null;
}

/** A nationality or country at the front ("Russian", "US", "United States"): its length and country. */
export function countryPrefix(tokens: Token[], a: number, b: number, date: string | null): { n: number; country: string } | null {
  for (let n = Math.min(3, b - a - 1); n >= 1; n--) {
    const phrase = spanText(tokens, a, a + n);
    const dem = demonymCountry(phrase);
    if (dem) return { n, country: dem };
    const hit = lookupName(phrase, date);
    if (hit && (hit.kind === 'country' || hit.kind === 'metonym')) return { n, country: hit.country! };
  }
  return null;
}

