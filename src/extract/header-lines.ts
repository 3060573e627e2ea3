// Recognizers for the short lines around a story's body: captions with credits, datelines, bylines, date lines.
// Shared by the plain-text and HTML extractors.
import * as chrono from 'chrono-node';

export interface Caption {
  caption: string;
  credit: string | null;
}

// "… Photo: REUTERS", "… (Photo: AP/John Doe)", "… Photograph: Jane Roe/Agency", "… Credit: X", "… Photo by X".
const CREDIT_TAIL =
  /(?:\s*[,;–—-])?\s*[([]?\s*(?:photo(?:graph)?s?|image|picture|pic|foto|credit|file photo|photo credit)\s*(?::|by\b|\/)\s*([^()[\]\n]{1,100}?)\s*[)\]]?\s*\.?\s*$/iu;
// Agency style: "… REUTERS/Evgenia Novozhenina" or "… AFP via Getty Images".
const AGENCY_TAIL = /(?:\s*[,;–—-])?\s+((?:[A-Z][A-Z&.]{1,}(?:\s[A-Z][A-Z&.]{1,})*)\/[\p{L}][\p{L}.'’ -]{1,60}|[\p{L}][\p{L}.'’ -]{1,40} via Getty Images)\s*$/u;

/** A caption line: some text then a credit. Returns null when the block does not end with a credit. */
export function parseCaption(block: string): Caption | null {
  const t = block.trim();
  if (t.length > 600) return null;
  const m = CREDIT_TAIL.exec(t) ?? AGENCY_TAIL.exec(t);
  if (!m || m.index === 0) return null;
  const caption = t.slice(0, m.index).trim();
  const credit = m[1]!.trim().replace(/[.;,]+$/, '');
  if (!caption || !credit) return null;
  return { caption, credit };
}

const PLACE = String.raw`[A-Z][A-Z.'’\- ]*[A-Z.]`;

/** A dateline line on its own: "MOSCOW/LONDON/ABOARD AIR FORCE ONE:" → its places. */
export function parseDatelineLine(block: string): string[] | null {
  const t = block.trim();
  if (t.length > 200) return null;
  const m = new RegExp(String.raw`^(${PLACE}(?:\s*/\s*${PLACE})*)\s*(?::|[-–—]+)$`, 'u').exec(t);
  if (!m) return null;
  return splitPlaces(m[1]!);
}

function splitPlaces(s: string): string[] {
  return s
    .split('/')
    .map((p) => p.trim())
    .filter(Boolean);
}

export interface InlineDateline {
  places: string[];
  /** A region or country written after the place ("Kestria"), or null. */
  region: string | null;
  /** The date as written in the dateline ("April 25"), or null. */
  date: string | null;
  /** The agency in parentheses ("Reuters"), or null. */
  agency: string | null;
  /** Length of the dateline prefix, including the dash and following space. */
  length: number;
}

// "KYIV, April 25 (Reuters) - …", "WASHINGTON (AP) — …", "BEIRUT/JERUSALEM, Jan 5 (Reuters) -", "LONDON: …".
const INLINE = new RegExp(
  String.raw`^(${PLACE}(?:\s*/\s*${PLACE})*)` +
    // an optional region or country in mixed case ("LENHOLT, Kestria, March 3 (TPA) -"), only before a date or agency
    String.raw`(?:,\s*(\p{Lu}[\p{L}.'’-]+(?:\s\p{Lu}[\p{L}.'’-]+){0,2})(?=,\s*[A-Z\d]|\s*\())?` +
    String.raw`(?:,\s*((?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?)|(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?)))?` +
    String.raw`\s*(?:\(([^()]{1,40})\))?\s*(?:[-–—]+|:)\s+`,
  'u',
);

/** An inline wire dateline at the start of the first paragraph. Requires capitals, so ordinary sentences never match. */
export function parseInlineDateline(paragraph: string): InlineDateline | null {
  const m = INLINE.exec(paragraph);
  if (!m) return null;
  const places = splitPlaces(m[1]!);
  // A lone capitalized word with nothing else ("US - …") is too weak: require a date, an agency, or a 3+ letter place.
  const date = m[3] ?? null;
  const agency = m[4] ?? null;
  if (!date && !agency && places.every((p) => p.replace(/[^A-Z]/g, '').length < 3)) return null;
  return { places, region: m[2] ?? null, date, agency, length: m[0].length };
}

const BYLINE = /^by\s+(.{2,150})$/iu;

/** "By Jane Roe and John Doe, Reuters" → ["Jane Roe", "John Doe"]. */
export function parseBylineLine(block: string): string[] | null {
  const t = block.trim();
  const m = BYLINE.exec(t);
  if (!m) return null;
  let rest = m[1]!.replace(/\s*[|•·]\s*.*$/u, '');
  // Drop a trailing affiliation or date after a comma or dash ("…, Reuters", "… - April 5, 2025").
  rest = rest.replace(/\s+[-–—]\s+.*$/u, '');
  // "Jane Roe, Nordpress": a one-word last part after a comma is an affiliation, not a name.
  rest = rest.replace(/,\s*[\p{L}.'’-]+\s*$/u, '');
  const names = rest
    .split(/\s*,\s*|\s+and\s+|\s*&\s*/u)
    .map((n) => n.trim())
    .filter((n) => /^\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|der|al|bin|da|di|la|le))*$/u.test(n));
  // A byline is a few capitalized names; the first part must be one.
  const first = rest.split(/\s*,\s*|\s+and\s+|\s*&\s*/u)[0]?.trim() ?? '';
  if (!names.length || names[0] !== first || names.some((n) => n.split(/\s+/).length > 5)) return null;
  return names.filter((n) => !/^(reuters|ap|afp|associated press|staff|bloomberg)$/i.test(n));
}

/**
 * A line that is only a publication date ("April 25, 2025", "Published: 25 April 2025 10:31 GMT", "Updated 2025-04-25").
 * Returns an ISO date (YYYY-MM-DD), or null. Only absolute dates with a year count: nothing is guessed from the clock.
 */
export function parseDateLine(block: string): string | null {
  const t = block.trim();
  if (t.length > 80 || !/\d{4}/.test(t)) return null;
  const stripped = t.replace(/^(?:published|posted|updated|last updated|first published|date)\s*(?:on|at)?\s*:?\s*/i, '');
  const results = chrono.strict.parse(stripped, new Date(Date.UTC(2000, 0, 1)));
  const r = results[0];
  if (!r || !r.start.isCertain('year') || !r.start.isCertain('month') || !r.start.isCertain('day')) return null;
  // The date must be most of the line, so a sentence that mentions a date is not taken for a date line.
  if (r.text.length < stripped.replace(/\s*(?:GMT|UTC|[A-Z]{2,4}T)\s*$/, '').length * 0.6) return null;
  const y = r.start.get('year')!;
  const mo = r.start.get('month')!;
  const d = r.start.get('day')!;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A line of punctuation only (".", "*", "***", "—"): a separator, never content. */
export function isPunctuationOnly(block: string): boolean {
  return /^[\p{P}\p{S}\s]+$/u.test(block) && block.trim().length > 0;
}
