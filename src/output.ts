// The JSON shapes the CLI and the API print. Paragraphs are printed as strings, with their offsets beside them.
import type { Doc } from './model.js';
import { paragraphTexts } from './model.js';

export function articleJson(doc: Doc) {
  const a = doc.article;
  return {
    source: a.source,
    url: a.url,
    title: a.title,
    dek: a.dek,
    bylines: a.bylines,
    published: a.published,
    datelines: a.datelines,
    media: a.media,
    siteName: a.siteName,
    language: a.language,
    paragraphs: paragraphTexts(a),
    paragraphSpans: a.paragraphs,
    removed: a.removed,
  };
}

/** `newsgraph extract --jsonl`: one object per input. */
export function extractJson(doc: Doc, file: string) {
  const a = doc.article;
  return {
    file,
    title: a.title,
    dek: a.dek,
    bylines: a.bylines,
    published: a.published,
    datelines: a.datelines,
    media: a.media,
    paragraphs: paragraphTexts(a),
    text: a.text,
    removed: a.removed,
  };
}

/** `newsgraph analyze --json`: the whole analysis. Offsets in every list index `text`. */
export function analysisJson(doc: Doc) {
  return {
    id: doc.id,
    article: articleJson(doc),
    text: doc.article.text,
    entities: doc.entities,
    quotes: doc.quotes,
    events: doc.events,
    dates: doc.dates,
    tone: doc.tone ?? null,
    messages: doc.messages,
  };
}
