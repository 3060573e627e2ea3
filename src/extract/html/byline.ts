// Bylines: cleaning "By X and Y | Updated …" into names.
import { squash } from './dom.js';

const BY = /^(?:(?:written|reported|posted|story|text|words|photos?)\s+)?(?:by|par|por|von|di|door|av|af|от|przez)\s*[:\-]?\s+/i;

/** True for a short line that reads as a byline ("By Jane Doe", "By JANE DOE, Reuters"). */
export function looksLikeByline(s: string): boolean {
  const t = squash(s);
  if (t.length < 4 || t.length > 120) return false;
  return BY.test(t) && /^\S+\s+\p{Lu}/u.test(t.replace(/^(?:written|reported|posted|story|text|words|photos?)\s+/i, ''));
}

function cleanOne(s: string): string | null {
  let t = squash(s).replace(BY, '');
  // cut at dates, pipes, bullets, "Updated", e-mail, role lines
  t = t.split(/\s+[|•·]\s+|\s+[–—-]\s+(?=\p{Lu}?\p{Ll}*\s*\d)|\b(?:updated|published|posted|last updated|mis à jour|aktualisiert)\b/iu)[0];
  t = t.replace(/\s*\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}.*$/i, '');
  t = t.replace(/\s*\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}.*$/i, '');
  t = t.replace(/\s*\d{4}-\d{2}-\d{2}.*$/, '');
  t = t.replace(/\s*\S+@\S+\.\S+/g, '');
  t = t.replace(/^[\s,:;–—-]+|[\s,:;–—-]+$/g, '').trim();
  if (!t || t.length > 80) return null;
  if (/^https?:\/\//i.test(t) || /^[\w-]+(?:\.[\w-]+)+\/?$/.test(t)) return null; // a URL or domain
  if (!/\p{L}/u.test(t)) return null;
  if (t.split(/\s+/).length > 8) return null;
  return t;
}

/** Splits and cleans a raw byline into names. */
// "… on Saturday, 23 March 2024 in Protests", "… on 2024-03-23", "… on March 5": the date part of a blog's post line
const ON_DATE =
  /\s+on\s+(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\b|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d).*$/i;

export function cleanByline(raw: string): string[] {
  const t = squash(raw).replace(BY, '').replace(ON_DATE, '');
  if (!t) return [];
  const out: string[] = [];
  // "A, B and C" — split only when each piece looks like a full name
  const pieces = t.split(/\s*(?:,|\band\b|&|\bund\b|\bet\b|\by\b|\be\b)\s*/i).map((x) => x.trim()).filter(Boolean);
  const splittable = pieces.length > 1 && pieces.every((p) => p.split(/\s+/).length >= 2 && p.split(/\s+/).length <= 4);
  for (const p of splittable ? pieces : [t]) {
    const c = cleanOne(p);
    if (c && !out.includes(c)) out.push(c);
  }
  return out;
}
