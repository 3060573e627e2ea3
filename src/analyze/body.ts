// Analysing bare body text (no title line, no furniture): for evaluation sets and for callers that already hold
// clean paragraphs. Paragraphs are separated by blank lines.
import type { Doc } from '../model.js';
import { buildPipeline, newDoc } from '../pipeline.js';
import { toArticle } from '../extract/extracted.js';
import { emptyExtracted } from '../extract/extracted.js';

export const BODY_STAGES = ['language', 'tone', 'dates', 'actors', 'quotes', 'events'];

export function bodyDoc(text: string, published: string | null, source = 'body'): Doc {
  const doc = newDoc({ source, url: null, format: 'text', body: text, published });
  const x = emptyExtracted();
  x.blocks = text.split(/\n\s*\n/).map((t) => ({ kind: 'p' as const, text: t }));
  x.published = published;
  doc.article = toArticle(source, null, x);
  return doc;
}

export function analyzeBody(text: string, published: string | null, stages: string[] = BODY_STAGES): Doc {
  return buildPipeline(stages, { provided: ['extract'] }).runDoc(bodyDoc(text, published));
}
