// One place where the recognizer asks our knowledge about a name: people, organizations, countries, metonyms,
// capitals and places. Everything returned is a fact from the data files, with the date taken into account.
import type { EntityType } from '../../model.js';
import { countries, countryByCapital, countryByDemonym, countryByName, metonym } from '../../knowledge/countries.js';
import { resolvePlace } from '../../knowledge/gazetteer.js';
import { groupByWord } from '../../knowledge/groups.js';
import { allRegionsByName, regionByName } from '../../knowledge/regions.js';
import { orgByName } from '../../knowledge/organizations.js';
import { personByName, positionsAt, type Person } from '../../knowledge/people.js';

export interface KbHit {
  kind: 'person' | 'organization' | 'country' | 'metonym' | 'capital' | 'place';
  type: EntityType;
  /** Canonical name in our knowledge. */
  name: string;
  country: string | null;
  /** CAMEO sector, when the knowledge gives one. */
  sector: string | null;
  /** A full CAMEO actor code when the knowledge gives one (organizations: "IGOUNO", "USAMIL"). */
  actorCode: string | null;
  roles: string[];
  gender: 'm' | 'f' | null;
  lat?: number;
  lon?: number;
}

const memo = new Map<string, KbHit | null>();

/** What our knowledge says a name is, at a date (for people's positions); null when it knows nothing. */
export function lookupName(name: string, date: string | null): KbHit | null {
  const key = `${name}\u0000${date ?? ''}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const r = lookupUncached(name, date);
  if (memo.size > 50_000) memo.clear();
  memo.set(key, r);
  return r;
}

function lookupUncached(name: string, date: string | null): KbHit | null {
  const person = personByName(name);
  if (person) return personHit(person, date);
  const met = metonym(name);
  const cap = countryByCapital(name);
  // "the Kremlin", "the White House": institutions that stand for a state.
  if (met && !cap) {
    return { kind: 'metonym', type: 'organization', name: stripThe(name), country: met.country.alpha3, sector: met.sector, actorCode: met.country.alpha3 + met.sector, roles: [], gender: null };
  }
  const org = orgByName(name);
  if (org) {
    return { kind: 'organization', type: 'organization', name: org.name, country: org.country, sector: org.sector, actorCode: org.actorCode, roles: [], gender: null };
  }
  const country = countryByName(name);
  if (country) return { kind: 'country', type: 'location', name: country.name, country: country.alpha3, sector: null, actorCode: country.alpha3, roles: [], gender: null };
  // A name two countries share ("Korea", "Congo") is still a country, of no one state.
  const shared = countries().allByName(name);
  if (shared.length > 1) return { kind: 'country', type: 'location', name: stripThe(name), country: null, sector: null, actorCode: null, roles: [], gender: null };
  if (cap) {
    const place = resolvePlace(name, { country: cap.alpha3 });
    return { kind: 'capital', type: 'location', name: stripThe(name), country: cap.alpha3, sector: 'GOV', actorCode: cap.alpha3 + 'GOV', roles: [], gender: null, ...(place ? { lat: place.lat, lon: place.lon } : {}) };
  }
  // Two-letter postal codes ("OK", "IN", "ME") are ordinary words too often to stand alone.
  const region = /^[A-Z]{2}$/.test(name.trim()) ? null : regionByName(name);
  if (region) return { kind: 'place', type: 'location', name: region.name, country: region.country, sector: null, actorCode: region.country, roles: [], gender: null, lat: region.lat, lon: region.lon };
  // A region name two states share ("Punjab") is still a place.
  if (!/^[A-Z]{2,5}$/.test(name.trim()) && allRegionsByName(name).length > 1) return { kind: 'place', type: 'location', name: stripThe(name), country: null, sector: null, actorCode: null, roles: [], gender: null };
  return null;
}

/** A two-letter postal code of a state or province ("TX", "OH", "NSW" too), which only context makes a place. */
export function lookupStateCode(code: string): KbHit | null {
  if (!/^[A-Z]{2,3}$/.test(code)) return null;
  const region = regionByName(code);
  if (!region) return null;
  return { kind: 'place', type: 'location', name: region.name, country: region.country, sector: null, actorCode: region.country, roles: [], gender: null, lat: region.lat, lon: region.lon };
}

/** A religious, ethnic or regional group word ("Shiite", "Kurds", "European") → its code. */
export function groupCode(word: string): string | null {
  return groupByWord(word)?.code ?? null;
}

/** A place in the gazetteer with at least `minPopulation` people. */
export function lookupPlace(name: string, minPopulation: number): KbHit | null {
  const p = resolvePlace(name, { minPopulation });
  if (!p) return null;
  return { kind: 'place', type: 'location', name: p.name, country: p.country, sector: null, actorCode: null, roles: [], gender: null, lat: p.lat, lon: p.lon };
}

export function demonymCountry(word: string): string | null {
  return countryByDemonym(word)?.alpha3 ?? null;
}

function personHit(p: Person, date: string | null): KbHit {
  const positions = positionsAt(p, date);
  // The most senior position at the date decides country and sector; government and military first.
  const rank = (s: string) => ['GOV', 'MIL', 'IGO', 'LEG', 'JUD', 'REB', 'OPP', 'REL', 'BUS', 'MED', 'NGO'].indexOf(s);
  const sorted = [...positions].sort((a, b) => (rank(a.sector) + 100) % 100 - (rank(b.sector) + 100) % 100);
  const top = sorted[0];
  return {
    kind: 'person',
    type: 'person',
    name: p.name,
    country: top?.country ?? p.country ?? null,
    sector: top?.sector ?? null,
    actorCode: top?.code ?? null,
    roles: positions.map((x) => x.role),
    gender: p.gender ?? null,
  };
}

function stripThe(s: string): string {
  return s.replace(/^the\s+/i, '');
}
