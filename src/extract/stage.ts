// The 'extract' stage: raw input → article (plain text or HTML), then what both formats share.
import { NewsgraphError } from '../errors.js';
import type { Doc } from '../model.js';
import { registerStage, type StageOptions } from '../pipeline.js';
import { toArticle, type Extracted } from './extracted.js';
import { parseInlineDateline } from './header-lines.js';
import { extractHtml } from './html/index.js';
import { extractText } from './text.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Validates a caller-given published date; a configuration error says what was found. */
export function checkPublished(value: string | null | undefined): string | null {
  if (value == null || value === '') return null;
  // V8's Date.parse accepts days up to 31 in any month ("2023-02-29", "2024-04-31"): a real date reads back the same.
  const d = ISO_DAY.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new NewsgraphError(`--published must be YYYY-MM-DD, found '${value}'`);
  }
  return value;
}

export function extractDoc(doc: Doc, options: StageOptions = {}): Doc {
  const input = doc.input;
  let x: Extracted;
  if (input.format === 'html') x = extractHtml(input.body, { url: input.url });
  else x = extractText(input.body, { markdown: /\.md$/i.test(input.source) });

  // An inline wire dateline ("KYIV, April 25 (Reuters) -") in the first paragraph, whatever the format.
  const first = x.blocks[0];
  if (first && x.datelines.length === 0) {
    const dl = parseInlineDateline(first.text);
    if (dl) x.datelines.push(...dl.places);
  }
  const given = checkPublished(options.published ?? input.published ?? null);
  if (given) x.published = given;

  doc.article = toArticle(input.source, input.url, x);
  const a = doc.article;
  if (!a.title) doc.messages.push({ source: 'extract', severity: 'warning', message: 'no title found' });
  if (!a.paragraphs.length) doc.messages.push({ source: 'extract', severity: 'warning', message: 'no body text found' });
  if (!a.published) doc.messages.push({ source: 'extract', severity: 'info', message: 'published date unknown' });
  return doc;
}

registerStage({ name: 'extract', run: extractDoc });
