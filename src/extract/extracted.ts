import type { Article, Media, ParagraphKind } from '../model.js';
import { normalizeBlock } from './normalize.js';

/** What an extractor (plain text or HTML) finds, before it is laid out as one normalized text. */
export interface Extracted {
  title: string | null;
  dek: string | null;
  bylines: string[];
  published: string | null;
  datelines: string[];
  media: Media[];
  siteName: string | null;
  language: string | null;
  blocks: { kind: ParagraphKind; text: string }[];
  removed: string[];
}

export function emptyExtracted(): Extracted {
  return {
    title: null,
    dek: null,
    bylines: [],
    published: null,
    datelines: [],
    media: [],
    siteName: null,
    language: null,
    blocks: [],
    removed: [],
  };
}

/** Lays the blocks out as one text (joined by blank lines) with each paragraph's offsets. */
export function toArticle(source: string, url: string | null, x: Extracted): Article {
  const paragraphs: Article['paragraphs'] = [];
  let text = '';
  for (const b of x.blocks) {
    const t = normalizeBlock(b.text);
    if (!t) continue;
    if (text) text += '\n\n';
    paragraphs.push({ start: text.length, end: text.length + t.length, kind: b.kind });
    text += t;
  }
  const clean = (s: string | null) => (s == null ? null : normalizeBlock(s) || null);
  return {
    source,
    url,
    title: clean(x.title),
    dek: clean(x.dek),
    bylines: x.bylines.map((b) => normalizeBlock(b)).filter(Boolean),
    published: x.published,
    datelines: x.datelines,
    media: x.media.map((m) => ({ caption: clean(m.caption), credit: clean(m.credit), image: m.image })),
    siteName: clean(x.siteName),
    language: x.language,
    text,
    paragraphs,
    removed: x.removed.map((r) => normalizeBlock(r)).filter(Boolean),
  };
}
