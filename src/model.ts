// The one document model. Every stage takes a Doc and returns it enriched.
// All offsets (paragraphs, mentions, quotes, dates, events) index `article.text`, the normalized body text:
// the paragraphs joined by blank lines ("\n\n"). Title and captions are separate fields.

/** A half-open character range [start, end) in `article.text`. */
export interface Span {
  start: number;
  end: number;
}

/** A warning or note carried on the document instead of thrown (as vfile does). */
export interface Message {
  /** The stage or module that raised it, e.g. "extract/html". */
  source: string;
  severity: 'info' | 'warning' | 'error';
  message: string;
  position?: Span;
}

export type InputFormat = 'text' | 'html';

/** What ingest hands to extraction: one decoded input. */
export interface RawInput {
  /** Where it came from: a file path, a URL, "-" for standard input, or a batch id. */
  source: string;
  url: string | null;
  format: InputFormat;
  /** The decoded text of the input (HTML source or plain text). */
  body: string;
  /** Charset the bytes were decoded with, when they were bytes. */
  charset?: string;
  /** A published date given by the caller (YYYY-MM-DD); wins over what the page says. */
  published?: string | null;
}

export interface Media {
  caption: string | null;
  credit: string | null;
  image: string | null;
}

export type ParagraphKind = 'p' | 'heading' | 'list-item' | 'blockquote' | 'pre';

export interface Paragraph extends Span {
  kind: ParagraphKind;
}

export interface Article {
  source: string;
  url: string | null;
  title: string | null;
  dek: string | null;
  bylines: string[];
  /** ISO 8601 (date, or date-time when the page gives a time); null when unknown. */
  published: string | null;
  /** Dateline places, in order, as written ("MOSCOW", "ABOARD AIR FORCE ONE"). */
  datelines: string[];
  media: Media[];
  siteName: string | null;
  language: string | null;
  /** The normalized body text that every offset indexes: paragraphs joined by "\n\n". */
  text: string;
  paragraphs: Paragraph[];
  /** Page furniture that was dropped, verbatim (one entry per block). */
  removed: string[];
}

export type EntityType =
  | 'person'
  | 'organization'
  | 'location'
  | 'facility'
  | 'event'
  | 'vehicle'
  | 'nationality'
  | 'other';

export interface Mention extends Span {
  text: string;
}

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  /** ISO 3166 alpha-3, or null. */
  country: string | null;
  /** CAMEO-style actor code (country + sector), e.g. "RUSGOV"; null when unknown. */
  actorCode: string | null;
  roles: string[];
  mentions: Mention[];
  /**
   * Mentions in the title (`index` 0) or in a caption (`index` of the media item), with offsets into that string:
   * they name the same entity as the body but are not in `text`. Absent when there are none.
   */
  sideMentions?: SideMention[];
}

export interface SideMention extends Mention {
  field: 'title' | 'caption';
  index: number;
}

export interface Quote extends Span {
  kind: 'direct' | 'partial' | 'indirect';
  text: string;
  cue: string | null;
  speaker: { id: string; name: string } | null;
  speakerMention: Mention | null;
}

export interface DateMention extends Span {
  text: string;
  /** Resolved at the granularity written ("2022-02", "2025-04-25"); null when it cannot be resolved. */
  value: string | null;
}

export interface EventActor {
  entity: string | null;
  name: string | null;
  code: string | null;
}

export interface NewsEvent extends Span {
  code: string;
  rootCode: string;
  quadClass: number;
  goldstein: number;
  label: string;
  source: EventActor | null;
  target: EventActor | null;
  location: { name: string; country: string | null; lat: number | null; lon: number | null } | null;
  date: string | null;
  sentence: string;
}

/** The document that flows through the pipeline. */
export interface Doc {
  /** Content hash of the input (sha256 hex); stable across runs, the store's identity for idempotent ingest. */
  id: string;
  input: RawInput;
  article: Article;
  /** Sentence spans of `article.text` (filled by the 'language' stage). */
  sentences: Span[];
  entities: Entity[];
  quotes: Quote[];
  events: NewsEvent[];
  dates: DateMention[];
  /** GDELT-style tone of the body text (the 'tone' stage). */
  tone?: import('./analyze/tone.js').Tone | null;
  messages: Message[];
}

/** An empty article for a source; extraction fills it in. */
export function emptyArticle(source: string, url: string | null = null): Article {
  return {
    source,
    url,
    title: null,
    dek: null,
    bylines: [],
    published: null,
    datelines: [],
    media: [],
    siteName: null,
    language: null,
    text: '',
    paragraphs: [],
    removed: [],
  };
}

export function warn(doc: Doc, source: string, message: string, position?: Span): void {
  doc.messages.push({ source, severity: 'warning', message, ...(position ? { position } : {}) });
}

/** The text of a span of the article body. */
export function spanText(doc: Doc, span: Span): string {
  return doc.article.text.slice(span.start, span.end);
}

/** Paragraph strings, in order. */
export function paragraphTexts(article: Article): string[] {
  return article.paragraphs.map((p) => article.text.slice(p.start, p.end));
}
