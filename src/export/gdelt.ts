// GDELT 2.0 event table export: one tab-separated row of the codebook's 61 columns per event.
//
// Mapping from our model (see toGdeltRows):
//  - GlobalEventID: a stable integer from sha256(doc id + "#" + event index) (first 13 hex digits, < 2^53).
//  - Day/MonthYear/Year/FractionDate: the event's date when it is a full day, else the article's published day;
//    empty when neither is known. FractionDate = year + dayOfYear/365, 4 decimals.
//  - ActorNCode: the CAMEO code ("USAGOV"); ActorNName: the name, upper-cased as GDELT prints them; the code is read
//    in 3-letter chunks: a leading country code → CountryCode; sector/type chunks (GOV, MIL, IGO, …) → Type1..3Code;
//    another chunk (UNO in IGOUNO) → KnownGroupCode. Ethnic and religion codes stay empty.
//  - IsRootEvent: 1 when the event lies in the article's first paragraph.
//  - EventBaseCode: the first three digits of the code. NumMentions/NumSources/NumArticles: 1 (one article).
//  - AvgTone: the document's tone (the 'tone' stage), empty when it did not run.
//  - ActorNGeo: the actor's country (type 1), when its code starts with one. ActionGeo: the event location: type 4
//    (world city) or 3 (US city) when it has lat/lon, else type 1 (its country) when it has a country, else 0.
//    Geo country codes are FIPS 10-4, as in GDELT; ADM1Code is the FIPS country code (we know no ADM1);
//    FeatureID is the FIPS code for a country, empty for a city (we have no GNS feature ids).
//  - DATEADDED: the time the article was stored (or now) as YYYYMMDDHHMMSS UTC.
//  - SOURCEURL: the article URL, else the input's source (a path).
import { createHash } from 'node:crypto';
import { countryByCode } from '../knowledge/countries.js';
import type { Doc, EventActor, NewsEvent } from '../model.js';
import { toneOf } from '../analyze/tone.js';
import { eventDay } from './query.js';

export const GDELT_EVENT_COLUMNS = [
  'GlobalEventID', 'Day', 'MonthYear', 'Year', 'FractionDate',
  'Actor1Code', 'Actor1Name', 'Actor1CountryCode', 'Actor1KnownGroupCode', 'Actor1EthnicCode',
  'Actor1Religion1Code', 'Actor1Religion2Code', 'Actor1Type1Code', 'Actor1Type2Code', 'Actor1Type3Code',
  'Actor2Code', 'Actor2Name', 'Actor2CountryCode', 'Actor2KnownGroupCode', 'Actor2EthnicCode',
  'Actor2Religion1Code', 'Actor2Religion2Code', 'Actor2Type1Code', 'Actor2Type2Code', 'Actor2Type3Code',
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale',
  'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  'Actor1Geo_Type', 'Actor1Geo_FullName', 'Actor1Geo_CountryCode', 'Actor1Geo_ADM1Code', 'Actor1Geo_ADM2Code',
  'Actor1Geo_Lat', 'Actor1Geo_Long', 'Actor1Geo_FeatureID',
  'Actor2Geo_Type', 'Actor2Geo_FullName', 'Actor2Geo_CountryCode', 'Actor2Geo_ADM1Code', 'Actor2Geo_ADM2Code',
  'Actor2Geo_Lat', 'Actor2Geo_Long', 'Actor2Geo_FeatureID',
  'ActionGeo_Type', 'ActionGeo_FullName', 'ActionGeo_CountryCode', 'ActionGeo_ADM1Code', 'ActionGeo_ADM2Code',
  'ActionGeo_Lat', 'ActionGeo_Long', 'ActionGeo_FeatureID',
  'DATEADDED', 'SOURCEURL',
] as const;

// ISO 3166 alpha-2 → FIPS 10-4, where they differ (GDELT's geo country codes are FIPS). Others are the same letters.
const FIPS_DIFF: Record<string, string> = Object.fromEntries(
  (
    'AD:AN AG:AC AI:AV AQ:AY AS:AQ AT:AU AU:AS AW:AA AZ:AJ BA:BK BD:BG BF:UV BG:BU BH:BA BI:BY BJ:BN BL:TB ' +
    'BM:BD BN:BX BO:BL BS:BF BW:BC BY:BO BZ:BH CC:CK CD:CG CF:CT CG:CF CH:SZ CI:IV CK:CW CL:CI CN:CH CR:CS ' +
    'CW:UC CX:KT CZ:EZ DE:GM DK:DA DM:DO DO:DR DZ:AG EE:EN EH:WI ES:SP GA:GB GB:UK GD:GJ GE:GG GF:FG GG:GK ' +
    'GM:GA GN:GV GQ:EK GS:SX GU:GQ GW:PU HN:HO HT:HA IE:EI IL:IS IQ:IZ IS:IC JP:JA KH:CB KI:KR KM:CN KN:SC ' +
    'KP:KN KR:KS KW:KU KY:CJ LB:LE LC:ST LI:LS LK:CE LR:LI LS:LT LT:LH LV:LG MA:MO MC:MN ME:MJ MF:RN MG:MA ' +
    'MH:RM MM:BM MN:MG MO:MC MP:CQ MQ:MB MS:MH MU:MP MW:MI NA:WA NE:NG NG:NI NI:NU NU:NE OM:MU PA:PM PF:FP ' +
    'PG:PP PH:RP PM:SB PN:PC PR:RQ PS:WE PT:PO PW:PS PY:PA RS:RI RU:RS SB:BP SC:SE SD:SU SE:SW SG:SN SJ:SV ' +
    'SK:LO SN:SG SR:NS SS:OD ST:TP SV:ES SX:NN SZ:WZ TC:TK TD:CD TF:FS TG:TO TJ:TI TK:TL TL:TT TM:TX TN:TS ' +
    'TO:TN TR:TU TT:TD UA:UP VA:VT VG:VI VI:VQ VN:VM VU:NH XK:KV YE:YM YT:MF ZA:SF ZM:ZA ZW:ZI'
  )
    .split(' ')
    .map((p) => p.split(':') as [string, string]),
);

/** The FIPS 10-4 code of a country given by ISO alpha-3 (or alpha-2), or null when unknown. */
export function fipsOf(code: string | null | undefined): string | null {
  if (!code) return null;
  const c = countryByCode(code);
  const a2 = c?.alpha2 ?? (/^[A-Z]{2}$/.test(code) ? code : null);
  if (!a2) return null;
  return FIPS_DIFF[a2] ?? a2;
}

/** CAMEO actor type (role and sector) codes; other 3-letter chunks after a country are known groups. */
const ACTOR_TYPES = new Set(
  ('COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED REF MOD RAD ' +
    'IGO IMG INT MNC NGM NGO UIS SET').split(' '),
);

export interface ActorParts {
  countryCode: string;
  knownGroup: string;
  types: [string, string, string];
}

/** Splits a CAMEO actor code into GDELT's country, known-group and type columns. */
export function actorParts(code: string | null | undefined): ActorParts {
  const out: ActorParts = { countryCode: '', knownGroup: '', types: ['', '', ''] };
  const c = (code ?? '').toUpperCase();
  const chunks = c.match(/[A-Z]{3}/g) ?? [];
  let i = 0;
  if (chunks[0] && !ACTOR_TYPES.has(chunks[0]) && countryByCode(chunks[0])) {
    out.countryCode = chunks[0];
    i = 1;
  }
  let t = 0;
  for (; i < chunks.length; i++) {
    const ch = chunks[i]!;
    if (ACTOR_TYPES.has(ch)) {
      if (t < 3) out.types[t++] = ch;
    } else if (!out.knownGroup) {
      out.knownGroup = ch;
    }
  }
  return out;
}

/** A stable, positive integer id for the index-th event of a document. */
export function gdeltEventId(docId: string, index: number): string {
  const h = createHash('sha256').update(`${docId}#${index}`).digest('hex');
  return String(parseInt(h.slice(0, 13), 16));
}

/** YYYYMMDDHHMMSS (UTC) of a date or ISO string; now when not given or invalid. */
export function timestamp14(at?: string | Date | null): string {
  let d = at instanceof Date ? at : at ? new Date(at) : new Date();
  if (Number.isNaN(d.getTime())) d = new Date();
  return d.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** A field made safe for a tab-separated line: tabs and line breaks become spaces. */
export function tsvField(s: string): string {
  return s.replace(/[\t\r\n\u2028\u2029]+/g, ' ');
}

/** A number as GDELT prints it: up to `digits` decimals, no trailing zeros, never "-0". */
export function num(n: number | null | undefined, digits = 4): string {
  if (n == null || !Number.isFinite(n)) return '';
  const r = Number(n.toFixed(digits));
  return String(Object.is(r, -0) ? 0 : r);
}

function dayOfYear(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000) + 1;
}

interface Geo {
  type: string;
  fullName: string;
  country: string;
  adm1: string;
  adm2: string;
  lat: string;
  lon: string;
  feature: string;
}

const NO_GEO: Geo = { type: '0', fullName: '', country: '', adm1: '', adm2: '', lat: '', lon: '', feature: '' };

function countryGeo(alpha3: string | null | undefined): Geo {
  const c = alpha3 ? countryByCode(alpha3) : null;
  const fips = fipsOf(alpha3);
  if (!c || !fips) return NO_GEO;
  return { type: '1', fullName: c.name, country: fips, adm1: fips, adm2: '', lat: '', lon: '', feature: fips };
}

function actionGeo(loc: NewsEvent['location']): Geo {
  if (!loc) return NO_GEO;
  if (loc.lat != null && loc.lon != null && Number.isFinite(loc.lat) && Number.isFinite(loc.lon)) {
    const c = loc.country ? countryByCode(loc.country) : null;
    const fips = fipsOf(loc.country) ?? '';
    return {
      type: c?.alpha3 === 'USA' ? '3' : '4',
      fullName: c && c.name !== loc.name ? `${loc.name}, ${c.name}` : loc.name,
      country: fips,
      adm1: fips,
      adm2: '',
      lat: num(loc.lat),
      lon: num(loc.lon),
      feature: '',
    };
  }
  return countryGeo(loc.country);
}

function geoCells(g: Geo): string[] {
  return [g.type, g.fullName, g.country, g.adm1, g.adm2, g.lat, g.lon, g.feature];
}

function actorCells(a: EventActor | null): { cells: string[]; geo: Geo } {
  const p = actorParts(a?.code);
  return {
    cells: [a?.code ?? '', (a?.name ?? '').toUpperCase(), p.countryCode, p.knownGroup, '', '', '', ...p.types],
    geo: countryGeo(p.countryCode || null),
  };
}

export interface GdeltOptions {
  /** When the article was stored (DATEADDED); now when not given. */
  ingestedAt?: string | Date | null;
}

/** The GDELT row of one event (61 cells, not yet made TSV-safe). */
export function gdeltRow(doc: Doc, event: NewsEvent, index: number, opts: GdeltOptions = {}): string[] {
  const day = eventDay(event, doc);
  let dayCells = ['', '', '', ''];
  if (day) {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    dayCells = [day.replace(/-/g, ''), day.slice(0, 7).replace('-', ''), String(y), (y + dayOfYear(y, m, d) / 365).toFixed(4)];
  }
  const a1 = actorCells(event.source);
  const a2 = actorCells(event.target);
  const lead = doc.article.paragraphs[0];
  const isRoot = lead && event.start >= lead.start && event.start < lead.end ? '1' : '0';
  const tone = toneOf(doc);
  const row = [
    gdeltEventId(doc.id, index),
    ...dayCells,
    ...a1.cells,
    ...a2.cells,
    isRoot,
    event.code,
    event.code.slice(0, 3),
    event.rootCode,
    String(event.quadClass),
    num(event.goldstein, 1),
    '1',
    '1',
    '1',
    tone ? num(tone.tone, 6) : '',
    ...geoCells(a1.geo),
    ...geoCells(a2.geo),
    ...geoCells(actionGeo(event.location)),
    timestamp14(opts.ingestedAt),
    doc.article.url ?? doc.input.url ?? doc.article.source ?? doc.input.source,
  ];
  return row;
}

/** One row of GDELT_EVENT_COLUMNS per event of the document, cells made TSV-safe. */
export function toGdeltRows(doc: Doc, opts: GdeltOptions = {}): string[][] {
  return (doc.events ?? []).map((e, i) => gdeltRow(doc, e, i, opts).map(tsvField));
}

/** Rows as TSV lines, each ending in "\n". */
export function tsvLines(rows: string[][]): string {
  return rows.map((r) => r.map(tsvField).join('\t') + '\n').join('');
}

export function gdeltHeader(): string {
  return GDELT_EVENT_COLUMNS.join('\t') + '\n';
}
