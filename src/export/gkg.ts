// GDELT Global Knowledge Graph (GKG 2.1) export: one tab-separated row of 27 columns per article.
//
// What we fill (all offsets are character offsets into the article body text):
//  - GKGRECORDID: "<DATE>-<n>", n a stable integer from the document id (GDELT uses a batch sequence number).
//  - DATE: the published date-time (YYYYMMDDHHMMSS; 000000 when only the day is known), else the ingest time.
//  - SourceCollectionIdentifier: 1 (WEB) with a URL, else 2 (CITATIONONLY) and the input path as identifier.
//  - SourceCommonName: the URL's host without "www.", else the site name, else the source.
//  - Locations (V1): "Type#FullName#CountryCode#ADM1Code#Lat#Long#FeatureID", V2Locations the same with ADM2Code
//    after ADM1Code and the first mention's offset last; items separated by ";". Location entities: type 1 for a
//    country (FIPS code, as GDELT), else type 4 (3 in the US) with lat/lon taken from an event location of the same
//    name when there is one.
//  - Persons / Organizations: V1 "Name;Name", V2 "Name,Offset;..." one item per mention.
//  - V2Tone: "tone,positive,negative,polarity,activity,selfGroup,wordCount" (empty when the 'tone' stage did not run).
//  - Dates (V2.1): "Resolution#Month#Day#Year#Offset" per resolved date mention (4 = day, 2 = month, 1 = year).
//  - SharingImage / RelatedImages: the first media image / the others.
//  - Quotations: "Offset|Length|Verb|Quote" per direct or partial quote, items separated by "#".
//  - AllNames: "Name,Offset" for every mention of every named entity.
//  - Extras: <PAGE_TITLE> and <PAGE_AUTHORS>.
//  Counts, V2Counts, Themes, V2Themes, GCAM, SocialImageEmbeds, SocialVideoEmbeds, Amounts, TranslationInfo: empty.
import { createHash } from 'node:crypto';
import { countryByCode, countryByName, foldName } from '../knowledge/countries.js';
import type { Doc, Entity } from '../model.js';
import { toneOf } from '../analyze/tone.js';
import { fipsOf, num, timestamp14, tsvField } from './gdelt.js';

export const GKG_COLUMNS = [
  'GKGRECORDID', 'DATE', 'SourceCollectionIdentifier', 'SourceCommonName', 'DocumentIdentifier',
  'Counts', 'V2Counts', 'Themes', 'V2Themes', 'Locations', 'V2Locations', 'Persons', 'V2Persons',
  'Organizations', 'V2Organizations', 'V2Tone', 'Dates', 'GCAM', 'SharingImage', 'RelatedImages',
  'SocialImageEmbeds', 'SocialVideoEmbeds', 'Quotations', 'AllNames', 'Amounts', 'TranslationInfo', 'Extras',
] as const;

/** A value made safe inside a delimited GKG field: the given delimiters, tabs and line breaks become spaces. */
function clean(s: string, delims: string): string {
  let out = s.replace(/[\t\r\n\u2028\u2029]+/g, ' ');
  for (const d of delims) out = out.split(d).join(' ');
  return out.replace(/ {2,}/g, ' ').trim();
}

function xmlText(s: string): string {
  return clean(s, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** YYYYMMDDHHMMSS of a published value: a date-time in UTC, a bare day at 000000; null when not a day. */
function publishedStamp(published: string | null): string | null {
  const p = published?.trim() ?? '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(p)) return p.replace(/-/g, '') + '000000';
  if (/^\d{4}-\d{2}-\d{2}T/.test(p) && !Number.isNaN(new Date(p).getTime())) return timestamp14(p);
  return null;
}

function host(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

function firstOffset(e: Entity): number {
  return e.mentions.length ? Math.min(...e.mentions.map((m) => m.start)) : -1;
}

interface LocCells {
  v1: string;
  v2: string;
}

function locationCells(doc: Doc, e: Entity): LocCells {
  const name = clean(e.name, '#;');
  const off = firstOffset(e);
  const country = e.country ? countryByCode(e.country) : null;
  const isCountry = !!country && (foldName(country.name) === foldName(e.name) || countryByName(e.name)?.alpha3 === country.alpha3);
  const fips = fipsOf(e.country) ?? '';
  if (isCountry && fips) {
    return {
      v1: ['1', name, fips, fips, '', '', fips].join('#'),
      v2: ['1', name, fips, fips, '', '', '', fips, off >= 0 ? String(off) : ''].join('#'),
    };
  }
  // Coordinates from an event located at this place, when the coder found them.
  const key = foldName(e.name);
  const at = doc.events.find((ev) => ev.location && ev.location.lat != null && ev.location.lon != null && foldName(ev.location.name) === key)?.location;
  const lat = at ? num(at.lat) : '';
  const lon = at ? num(at.lon) : '';
  const full = country ? `${name}, ${clean(country.name, '#;')}` : name;
  const type = country?.alpha3 === 'USA' ? '3' : '4';
  return {
    v1: [type, full, fips, fips, lat, lon, ''].join('#'),
    v2: [type, full, fips, fips, '', lat, lon, '', off >= 0 ? String(off) : ''].join('#'),
  };
}

function namesV1(list: Entity[]): string {
  return [...new Set(list.map((e) => clean(e.name, ';,')))].filter(Boolean).join(';');
}

function namesV2(list: Entity[]): string {
  const items: [string, number][] = [];
  for (const e of list) for (const m of e.mentions) items.push([clean(e.name, ';,'), m.start]);
  items.sort((a, b) => a[1] - b[1]);
  return items.filter(([n]) => n).map(([n, o]) => `${n},${o}`).join(';');
}

function datesCell(doc: Doc): string {
  const out: string[] = [];
  for (const d of doc.dates ?? []) {
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T)/.exec(d.value ?? '');
    if (!m) continue;
    const [, y, mo, da] = m;
    const res = da ? 4 : mo ? 2 : 1;
    out.push([res, Number(mo ?? 0), Number(da ?? 0), y, d.start].join('#'));
  }
  return out.join(';');
}

function quotationsCell(doc: Doc): string {
  return (doc.quotes ?? [])
    .filter((q) => q.kind !== 'indirect')
    .map((q) => [q.start, q.end - q.start, clean(q.cue ?? '', '|#'), clean(q.text, '|#')].join('|'))
    .join('#');
}

export interface GkgOptions {
  /** When the article was stored; the DATE when the published date is unknown. */
  ingestedAt?: string | Date | null;
}

/** The GKG 2.1 row of one article: 27 cells, TSV-safe. */
export function toGkgRow(doc: Doc, opts: GkgOptions = {}): string[] {
  const a = doc.article;
  const url = a.url ?? doc.input.url ?? null;
  const date = publishedStamp(a.published) ?? timestamp14(opts.ingestedAt);
  const seq = parseInt(createHash('sha256').update(doc.id).digest('hex').slice(0, 8), 16);
  const ents = doc.entities ?? [];
  const persons = ents.filter((e) => e.type === 'person');
  const orgs = ents.filter((e) => e.type === 'organization');
  const locs = ents.filter((e) => e.type === 'location').map((e) => locationCells(doc, e));
  const tone = toneOf(doc);
  const images = a.media.map((m) => m.image).filter((s): s is string => !!s);
  const extras = [
    a.title ? `<PAGE_TITLE>${xmlText(a.title)}</PAGE_TITLE>` : '',
    a.bylines.length ? `<PAGE_AUTHORS>${xmlText(a.bylines.join(';'))}</PAGE_AUTHORS>` : '',
  ].join('');
  const row = [
    `${date}-${seq}`,
    date,
    url ? '1' : '2',
    host(url) ?? a.siteName ?? a.source ?? doc.input.source,
    url ?? a.source ?? doc.input.source,
    '',
    '',
    '',
    '',
    [...new Set(locs.map((l) => l.v1))].join(';'),
    locs.map((l) => l.v2).join(';'),
    namesV1(persons),
    namesV2(persons),
    namesV1(orgs),
    namesV2(orgs),
    tone ? [tone.tone, tone.positive, tone.negative, tone.polarity, tone.activity, tone.selfGroup].map((n) => num(n, 6)).concat(String(tone.wordCount)).join(',') : '',
    datesCell(doc),
    '',
    images[0] ?? '',
    images.slice(1).map((s) => clean(s, ';')).join(';'),
    '',
    '',
    quotationsCell(doc),
    namesV2(ents.filter((e) => e.type !== 'nationality' && e.type !== 'other')),
    '',
    '',
    extras,
  ];
  return row.map(tsvField);
}

export function gkgHeader(): string {
  return GKG_COLUMNS.join('\t') + '\n';
}
