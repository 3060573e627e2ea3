// The 'dates' stage: every date and time expression in the body text, resolved against the published date.
//
// chrono-node finds the expressions; this module decides what they mean the way a careful reader of news would:
// - Values are written at the granularity of the text: "2022" → "2022", "February 2022" → "2022-02",
//   "April 25" → "2025-04-25", "10:30 GMT on Friday" → "2025-04-25T10:30Z" (time only when a time is written;
//   "Z" or "+03:00" only when a zone is written). Ranges are ISO intervals: "April 21-23" → "2025-04-21/2025-04-23".
// - Weeks are ISO weeks ("this week" → "2025-W17"); a weekend is its Saturday/Sunday interval; "last month" → "2025-03";
//   "last year" → "2024".
// - A bare weekday ("on Friday") means the most recent such day on or before the published day (news reports the past),
//   unless the clause is in the future ("will meet on Monday", "is due to vote on Thursday"): then the next such day on or
//   after it. A weekday on the published day is that day either way.
// - A year-less date ("April 25") takes the year that puts it closest to the published date (December 28 in a story of
//   January 3 is the year before).
// - A time without a date ("at 0600 GMT") is on the published day.
// - Expressions counted from the story's own narrative ("the day before", "12 hours later") get value null.
// - Sentences come from the 'language' stage when it ran before (doc.sentences), else from a splitter here.
// - With no published date, nothing relative or year-less is resolved (value null, and an info message says how many);
//   expressions with a written year still are. The clock is never consulted.
import * as chrono from 'chrono-node';
import type { Doc, DateMention, Span } from '../model.js';
import { registerStage, type StageOptions } from '../pipeline.js';

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const WEEKDAY_WORD = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b\.?/i;
const MONTH_WORD = new RegExp(`\\b(${MONTHS})\\b`, 'i');
/** A sentence worth giving to chrono mentions one of these. */
const DATEISH = new RegExp(`\\d|\\b(?:${MONTHS}|mon|tue|wed|thu|fri|sat|sun|today|tonight|yesterday|tomorrow|day|week|month|year|ago|noon|midnight|morning|afternoon|evening|night|weekend|fortnight|hour|minute)`, 'i');

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun mr mrs ms dr prof gen col lt sgt capt maj adm cmdr sen rep gov pres st no vs jr sr rev inc co corp ltd fig approx est'.split(' '),
);

// ---------------------------------------------------------------- small date arithmetic (UTC, no clock)

const pad = (n: number, w = 2): string => String(Math.abs(n)).padStart(w, '0');
const isoDay = (p: Ymd): string => `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}`;
const toUtc = (p: Ymd): Date => new Date(Date.UTC(p.y, p.m - 1, p.d, 12));
const fromUtc = (d: Date): Ymd => ({ y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() });
const addDays = (p: Ymd, n: number): Ymd => fromUtc(new Date(toUtc(p).getTime() + n * 86_400_000));
const weekdayOf = (p: Ymd): number => toUtc(p).getUTCDay();

/** ISO 8601 week ("2025-W17"): weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(p: Ymd): string {
  const dow = (weekdayOf(p) + 6) % 7; // Monday 0
  const thursday = addDays(p, 3 - dow);
  const jan1 = Date.UTC(thursday.y, 0, 1, 12);
  const week = Math.floor((toUtc(thursday).getTime() - jan1) / 86_400_000 / 7) + 1;
  return `${thursday.y}-W${pad(week)}`;
}

/** The published day of a YYYY-MM-DD or ISO date-time string (its local calendar date), or null. */
export function publishedDay(published: string | null | undefined): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(published?.trim() ?? '');
  if (!m) return null;
  const p = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  const back = fromUtc(toUtc(p));
  return back.y === p.y && back.m === p.m && back.d === p.d ? p : null;
}

// ---------------------------------------------------------------- sentences

/** [start, end) of sentences: chrono must not join "on Friday. 10:30 GMT" across a full stop. */
export function sentenceSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  const re = /[.!?]+["'\u201d\u2019)\]]*[ \t]+(?=["'\u201c\u2018(]?[\p{Lu}\d])|\n+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0][0] === '.') {
      const word = /(\S+)$/.exec(text.slice(Math.max(start, m.index - 20), m.index))?.[1] ?? '';
      const bare = word.replace(/^[("'\u201c\u2018]+/, '');
      // "Dec.", "Mr.", initials "J.", and dotted abbreviations "U.S.", "a.m." do not end a sentence.
      if (ABBREVIATIONS.has(bare.toLowerCase()) || /^\p{L}$/u.test(bare) || /^(?:\p{L}\.)+\p{L}$/u.test(bare)) continue;
    }
    const end = m.index + m[0].length;
    if (end > start) out.push([start, m.index + (m[0][0] === '\n' ? 0 : m[0].replace(/\s+$/, '').length)]);
    start = end;
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

// ---------------------------------------------------------------- tense of the clause

const FUTURE = /\b(?:will|won't|shall|'ll|may|might|could|would|is to|are to|was to|is due|are due|due to|scheduled|set to|expected to|plans? to|planned|planning|going to|upcoming|ahead of|until|next|takes? effect|taking effect|into effect|comes? into force|coming into force)\b/gi;
const PAST_OR_REPORT = /\b(?:said|says|told|tells|announced|reported|added|wrote|confirmed|was|were|had|have|been|did|met|went|came|took|held)\b/i;

/** True when the words around a weekday put it in the future: "will meet on Monday", "On Monday, leaders will meet". */
export function futureClause(sentence: string, mStart: number, mEnd: number): boolean {
  const before = sentence.slice(0, mStart);
  const near = before.split(/\s+/).slice(-9).join(' ');
  let last: RegExpExecArray | null = null;
  for (let m = FUTURE.exec(near); m; m = FUTURE.exec(near)) last = m;
  FUTURE.lastIndex = 0;
  if (last) return !PAST_OR_REPORT.test(near.slice(last.index + last[0].length));
  // The weekday opens the sentence: look at the words that follow, up to a past or reporting verb.
  if (/^\W*(?:(?:on|by|late|early|from|until|and)\s+)*\W*$/i.test(before)) {
    const after = sentence.slice(mEnd).split(/\s+/).slice(0, 8).join(' ');
    const f = /\b(?:will|won't|shall|'ll|is to|are to|is due|are due|is expected|are expected|plans? to|is set to|are set to)\b/i.exec(after);
    if (!f) return false;
    return !PAST_OR_REPORT.test(after.slice(0, f.index));
  }
  return false;
}

// ---------------------------------------------------------------- false positives

const DATE_PREPOSITION = /(?:\b(?:in|since|by|until|till|through|throughout|from|of|during|before|after|between|early|late|last|next|this|that|each|every|around|mid|end of|beginning of|start of)\s+|\bmid-|\b(?:to|and|or)\s+)$/i;
const WEEKDAY_NOT_A_DAY_BEFORE = /\b(?:good|black|bloody|super|cyber|ash|easter|palm|maundy|holy|giving|mail on|man|girl)\s+$/i;
const WEEKDAY_NOT_A_DAY_AFTER = /^\s+(?:times|telegraph|express|mirror|post|herald|independent|sport|people|star|mail|tribune|observer|journal|review|magazine|edition|night live|night football|service)\b/i;

/** Why a chrono result is not a date in running news text, or null when it is one. */
function falsePositive(r: chrono.ParsedResult, sentence: string, at: number, text: string): string | null {
  const s = r.start;
  const lower = text.toLowerCase();
  if (/^now\b/.test(lower)) return 'now';
  if (/^(?:for|within|over|after)\s/.test(lower)) return 'duration';
  // A part of the day with no day: "that night", "late in the afternoon" (narrative time, not a date).
  if (/^(?:that\s+|the\s+)?(?:morning|afternoon|evening|night)$/.test(lower)) return 'part of a day';
  // News capitalizes months and weekdays: "a second march", "sat down" are not dates.
  const monthWord = MONTH_WORD.exec(text);
  if (monthWord && !/^\p{Lu}/u.test(monthWord[0])) return 'lower-case month word';
  if (r.tags().has('parser/SlashDateFormatParser') && !s.isCertain('year')) return 'slash without year (9/11, scores)';
  const hasDate = s.isCertain('day') || s.isCertain('month') || s.isCertain('year') || s.isCertain('weekday');
  const relative = r.tags().has('result/relativeDate') || [...r.tags()].some((t) => t.startsWith('casualReference/'));
  // A month alone ("May", "March") must be capitalized and follow a date preposition: not "may be", "a march".
  if (s.isCertain('month') && !s.isCertain('day') && !s.isCertain('year') && !s.isCertain('weekday') && !relative) {
    const mw = MONTH_WORD.exec(text);
    if (!mw || !/^\p{Lu}/u.test(mw[0])) return 'lower-case month word';
    const before = sentence.slice(Math.max(0, at + mw.index - 24), at + mw.index);
    if (!DATE_PREPOSITION.test(before)) return 'month word without a date preposition';
    if (/\b(?:to|and|or)\s+$/i.test(before) && !MONTH_WORD.test(before.replace(/\b(?:to|and|or)\s+$/i, ''))) return 'month word after and/or/to';
  }
  // A weekday in a name: "Good Friday", "Mail on Sunday", "Sunday Times".
  if (s.isCertain('weekday') && !s.isCertain('day')) {
    const ww = WEEKDAY_WORD.exec(text);
    // An abbreviated weekday alone ("Sun", "sat", "Wed") is more often a word or a name than a day.
    if (ww && ww[1]!.length <= 5 && !/day$/i.test(ww[1]!)) return 'abbreviated weekday without a date';
    if (ww) {
      const wStart = at + ww.index;
      if (WEEKDAY_NOT_A_DAY_BEFORE.test(sentence.slice(Math.max(0, wStart - 16), wStart))) return 'weekday in a name';
      if (WEEKDAY_NOT_A_DAY_AFTER.test(sentence.slice(wStart + ww[0].length, wStart + ww[0].length + 20))) return 'weekday in a name';
    }
  }
  // A bare hour ("at 12") is more often an age, a score or a count than a time.
  if (!hasDate && s.isCertain('hour') && !relative && !timeWritten(text)) return 'bare number';
  return null;
}

/** A clock time is written: minutes, a.m./p.m., a zone, noon or midnight. */
function timeWritten(text: string): boolean {
  return /\d[:.]\d\d|\d\s*(?:a\.?m\b|p\.?m\b)|\b(?:noon|midday|midnight)\b|\b(?:GMT|UTC)\b|\b[A-Z]{2,4}T\b|\b\d{1,2}\s*(?:am|pm)\b/i.test(text);
}

// ---------------------------------------------------------------- values

function timeOf(c: chrono.ParsedComponents, text: string): string {
  if (!c.isCertain('hour') || !timeWritten(text)) return '';
  let t = `T${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}`;
  if (c.isCertain('timezoneOffset')) {
    const off = c.get('timezoneOffset') ?? 0;
    t += off === 0 ? 'Z' : `${off < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  }
  return t;
}

const ymdOf = (c: chrono.ParsedComponents): Ymd => ({ y: c.get('year')!, m: c.get('month')!, d: c.get('day')! });

/** The day a bare weekday names, seen from the published day: back to the latest, or forward in a future clause. */
function weekdayDay(weekday: number, ref: Ymd, future: boolean): Ymd {
  const diff = (weekday - weekdayOf(ref) + 7) % 7;
  return future ? addDays(ref, diff) : addDays(ref, diff === 0 ? 0 : diff - 7);
}

/**
 * A month without a year: the latest such month by default ("since May" in a story of April 2025 is May 2024), the
 * next one in a future clause ("elections will be held in May"). The published month is itself either way.
 */
function monthValue(m: number, ref: Ymd, future: boolean): string {
  const year = future ? (m >= ref.m ? ref.y : ref.y + 1) : m <= ref.m ? ref.y : ref.y - 1;
  return `${pad(year, 4)}-${pad(m)}`;
}

interface Ctx {
  ref: Ymd | null;
  /** The sentence and the mention's place in it. */
  sentence: string;
  at: number;
}

/** The value of one side (start or end) of a chrono result; undefined means "unresolvable for lack of a published date". */
function valueOf(c: chrono.ParsedComponents, r: chrono.ParsedResult, text: string, ctx: Ctx): string | null | undefined {
  const lower = text.toLowerCase();
  const writtenYear = /\b\d{4}\b|['\u2019]\d{2}\b/.test(text);
  const relative =
    r.tags().has('result/relativeDate') ||
    [...r.tags()].some((t) => t.startsWith('casualReference/')) ||
    /\b(?:ago|last|next|this|past|coming|previous|yesterday|today|tomorrow|tonight|weekend)\b/.test(lower);
  // Counted from the story's own time, not from publication.
  if (/\b(?:later|earlier|before|after|afterwards|previous day|following day|next day)$/.test(lower.trim())) return null;

  if (relative) {
    if (!ctx.ref) return undefined;
    const p = ymdOf(c);
    if (/\bweekend\b/.test(lower)) {
      const sat = weekdayOf(p) === 0 ? addDays(p, -1) : p;
      return `${isoDay(sat)}/${isoDay(addDays(sat, 1))}`;
    }
    // chrono starts "this week" on Sunday; ISO weeks start on Monday, so take the published day's week.
    if (/\b(?:this|current)\s+week\b/.test(lower)) return isoWeek(ctx.ref);
    if (/\b(?:weeks?|fortnight)\b/.test(lower)) return isoWeek(p);
    if (/\bmonths?\b/.test(lower)) return `${pad(p.y, 4)}-${pad(p.m)}`;
    if (/\byears?\b/.test(lower)) return pad(p.y, 4);
    if (c.isCertain('weekday') && !c.isCertain('day') && !/\b(?:last|next|this|past|coming|previous)\b/.test(lower)) {
      const w = c.get('weekday')!;
      return isoDay(weekdayDay(w, ctx.ref, futureClause(ctx.sentence, ctx.at, ctx.at + text.length))) + timeOf(c, text);
    }
    return isoDay(p) + timeOf(c, text);
  }

  if (c.isCertain('weekday') && !c.isCertain('day')) {
    if (!ctx.ref) return undefined;
    const w = c.get('weekday')!;
    return isoDay(weekdayDay(w, ctx.ref, futureClause(ctx.sentence, ctx.at, ctx.at + text.length))) + timeOf(c, text);
  }
  if (!ctx.ref && !(c.isCertain('year') && writtenYear)) return undefined;
  const y = pad(c.get('year')!, 4);
  if (c.isCertain('day')) return `${y}-${pad(c.get('month')!)}-${pad(c.get('day')!)}` + timeOf(c, text);
  if (c.isCertain('month')) {
    const m = c.get('month')!;
    if (c.isCertain('year') || !ctx.ref) return `${y}-${pad(m)}`;
    return monthValue(m, ctx.ref, futureClause(ctx.sentence, ctx.at, ctx.at + text.length));
  }
  if (c.isCertain('year')) return y;
  // A time alone: on the published day.
  if (c.isCertain('hour') && ctx.ref) return isoDay(ctx.ref) + timeOf(c, text);
  return undefined;
}

// ---------------------------------------------------------------- years and wire times chrono does not read

const YEAR = /(?<![\d$€£#.,/-])([12]\d{3})(?:\s*[-\u2013]\s*(\d{4}|\d{2}))?(?![\w%\u2013/-]|[.,]\d)/g;
const TEMPORAL_BEFORE = /(?:\b(?:in|since|until|till|through|throughout|during|before|after|early|late|mid|spring|summer|autumn|fall|winter|year|fiscal|end of|circa|c\.)\s+|\bmid-)$/i;
const QUANTITY_BEFORE = /\b(?:of|to|from|by|and|or|around|between|about)\s+$/i;
const YEAR_NOUN_AFTER =
  /^(?:['\u2019]s\b|\s+(?:election|elections|vote|poll|polls|census|budget|season|olympics|olympic|world cup|games|war|invasion|crisis|coup|revolution|referendum|summit|agreement|accord|deal|treaty|law|report|campaign|race|attack|attacks|protests?|uprising|earthquake|floods?|pandemic|levels?|figures|data|midterms?|final|championship|tournament|presidential|parliamentary|general|local|annexation|offensive|ceasefire|truce|massacre|bombings?|riots?|constitution|act|plan|target|deadline|fiscal|financial|first|second|third|fourth|quarter|edition|visit|talks|meeting|conference|cup|film|book|album|ruling|decision|verdict|strike|strikes|victory|defeat|win|loss)\b)/i;

function yearMentions(sentence: string, base: number, taken: (s: number, e: number) => boolean): DateMention[] {
  const out: DateMention[] = [];
  for (const m of sentence.matchAll(YEAR)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (taken(base + start, base + end)) continue;
    const y = Number(m[1]);
    if (y < 1000 || y > 2199) continue;
    const before = sentence.slice(Math.max(0, start - 24), start);
    const after = sentence.slice(end, end + 30);
    let tail: number | null = null;
    if (m[2]) {
      tail = m[2].length === 2 ? Math.floor(y / 100) * 100 + Number(m[2]) : Number(m[2]);
      if (tail <= y || tail - y > 100) continue; // "1990-91" yes, "2022-1" or scores no
    }
    const parens = /\($/.test(before) && /^\)/.test(after);
    const nounAfter = YEAR_NOUN_AFTER.test(after);
    const temporal = TEMPORAL_BEFORE.test(before);
    // "of 2000 people", "by 2000 votes": a quantity preposition needs a year-like word after, or another year before.
    const quantity = QUANTITY_BEFORE.test(before) && !/^\s+\p{Ll}/u.test(after);
    const afterYear = /\b[12]\d{3}\b[^.;]{0,16}\b(?:to|and|or|until)\s+$/i.test(before);
    if (!(parens || nounAfter || temporal || quantity || afterYear || tail !== null)) continue;
    out.push({ text: m[0], start: base + start, end: base + end, value: tail !== null ? `${y}/${tail}` : String(y) });
  }
  return out;
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ALONE = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s*(?:\d|-\d))/g;

/** Months named alone that chrono leaves out ("since May." at a sentence end), under the same rules as its own. */
function monthMentions(sentence: string, base: number, ref: Ymd | null, taken: (s: number, e: number) => boolean): DateMention[] {
  const out: DateMention[] = [];
  for (const m of sentence.matchAll(MONTH_ALONE)) {
    const at = m.index!;
    if (taken(base + at, base + at + m[0].length)) continue;
    const before = sentence.slice(Math.max(0, at - 24), at);
    if (!DATE_PREPOSITION.test(before)) continue;
    if (/\b(?:to|and|or)\s+$/i.test(before) && !MONTH_WORD.test(before.replace(/\b(?:to|and|or)\s+$/i, ''))) continue;
    const month = MONTH_NAMES.indexOf(m[1]!.toLowerCase()) + 1;
    const value = ref ? monthValue(month, ref, futureClause(sentence, at, at + m[0].length)) : null;
    out.push({ text: m[0], start: base + at, end: base + at + m[0].length, value });
  }
  return out;
}

const WIRE_TIME = /\b([01]\d|2[0-3])([0-5]\d)\s?(GMT|UTC)\b/g;

// ---------------------------------------------------------------- the stage

export interface DatesResult {
  dates: DateMention[];
  /** Mentions left null only because there is no published date. */
  unresolved: number;
}

const RELATIVE_WORD = /\b(?:ago|last|next|this|past|coming|previous|yesterday|today|tomorrow|tonight|morning|afternoon|evening|night|weekend)\b/i;

/**
 * chrono's results for one sentence, each with its offset in the sentence. chrono joins lists of relative expressions
 * ("this week, last week", "tonight, this morning") into one result; those are split back into their parts.
 */
function parseSentence(sentence: string, reference: chrono.ParsingReference): [chrono.ParsedResult, number][] {
  const out: [chrono.ParsedResult, number][] = [];
  for (const r of chrono.en.casual.parse(sentence, reference, { forwardDate: false })) {
    // "in March 2022 weeks after …": chrono reads "2022 weeks after" as a duration and loses "March 2022".
    // Read the sentence again up to the year, and leave the year to the year pass if chrono still finds nothing.
    const yearUnit = /^([12]\d{3})\s+(?:weeks?|days?|months?|years?|hours?|minutes?)\b/i.exec(r.text);
    if (yearUnit) {
      const upTo = r.index + yearUnit[1]!.length;
      for (const x of chrono.en.casual.parse(sentence.slice(0, upTo), reference, { forwardDate: false })) {
        if (x.index + x.text.length > r.index) out.push([x, x.index]);
      }
      continue;
    }
    const pieces: [number, number][] = [];
    const re = /,\s*|\s+and\s+/g;
    let from = 0;
    for (let m = re.exec(r.text); m; m = re.exec(r.text)) {
      pieces.push([from, m.index]);
      from = m.index + m[0].length;
    }
    pieces.push([from, r.text.length]);
    if (pieces.length > 1 && pieces.every(([a, b]) => RELATIVE_WORD.test(r.text.slice(a, b)))) {
      const parts = pieces.map(([a, b]) => chrono.en.casual.parse(r.text.slice(a, b), reference, { forwardDate: false }).map((x) => [x, r.index + a + x.index] as [chrono.ParsedResult, number]));
      if (parts.every((p) => p.length > 0)) {
        for (const p of parts) out.push(...p);
        continue;
      }
    }
    out.push([r, r.index]);
  }
  return out;
}

const NO_REF = { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 };

/**
 * Finds and resolves the date and time expressions of a text (offsets index `text`). Sentence spans, when given (the
 * 'language' stage's), bound what chrono may join; otherwise the text is split here.
 */
export function findDates(text: string, published: string | null | undefined, sentences?: readonly Span[]): DatesResult {
  const ref = publishedDay(published);
  const reference = ref ? { instant: toUtc(ref), timezone: 0 } : NO_REF;
  const dates: DateMention[] = [];
  let unresolved = 0;
  const taken = (s: number, e: number): boolean => dates.some((d) => s < d.end && d.start < e);

  const spans: [number, number][] = sentences?.length ? sentences.map((x) => [x.start, x.end]) : sentenceSpans(text);
  for (const [sStart, sEnd] of spans) {
    const sentence = text.slice(sStart, sEnd);
    if (!DATEISH.test(sentence)) continue;
    for (const [r, offset] of parseSentence(sentence, reference)) {
      let at = offset;
      let t = r.text;
      if (falsePositive(r, sentence, at, t)) continue;
      // Leading prepositions are not part of the expression: "on Friday" → "Friday".
      const lead = /^(?:on|at|in|by|since)\s+/i.exec(t);
      if (lead && t.length > lead[0].length) {
        at += lead[0].length;
        t = t.slice(lead[0].length);
      }
      t = t.replace(/[\s,]+$/, '');
      const ctx: Ctx = { ref, sentence, at };
      let value = valueOf(r.start, r, t, ctx);
      if (value && r.end) {
        const endValue = valueOf(r.end, r, t, ctx);
        if (endValue && endValue !== value) value = `${value}/${endValue}`;
      }
      if (value === undefined) {
        value = null;
        if (!ref) unresolved++;
      }
      dates.push({ text: t, start: sStart + at, end: sStart + at + t.length, value });
    }
    for (const m of sentence.matchAll(WIRE_TIME)) {
      const s = sStart + m.index!;
      if (taken(s, s + m[0].length)) continue;
      const tz = `T${m[1]}:${m[2]}Z`;
      if (!ref) unresolved++;
      dates.push({ text: m[0], start: s, end: s + m[0].length, value: ref ? isoDay(ref) + tz : null });
    }
    const months = monthMentions(sentence, sStart, ref, taken);
    if (!ref) unresolved += months.length;
    dates.push(...months);
    dates.push(...yearMentions(sentence, sStart, taken));
  }
  dates.sort((a, b) => a.start - b.start || b.end - a.end);
  return { dates, unresolved };
}

export function runDates(doc: Doc, options: StageOptions = {}): Doc {
  const published = doc.article.published ?? options.published ?? null;
  const { dates, unresolved } = findDates(doc.article.text, published, doc.sentences);
  doc.dates = dates;
  if (published && !publishedDay(published)) {
    doc.messages.push({ source: 'dates', severity: 'warning', message: `published date '${published}' is not an ISO date; relative dates left unresolved` });
  } else if (unresolved > 0) {
    doc.messages.push({
      source: 'dates',
      severity: 'info',
      message: `${unresolved} relative or year-less date expression${unresolved === 1 ? '' : 's'} left unresolved: no published date`,
    });
  }
  return doc;
}

registerStage({ name: 'dates', after: ['extract'], run: runDates });
