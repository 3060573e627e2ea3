// The 'language' stage: tokens and sentences over the article text. Tokens are cached per document (not stored);
// sentences are stored on the Doc, since events cite them as evidence.
import type { Doc, Span } from '../../model.js';
import { registerStage } from '../../pipeline.js';
import { splitSentences } from './sentences.js';
import { tokenize, type Token } from './tokens.js';

export { tokenize, splitSentences };
export type { Token };

export interface LanguageView {
  tokens: Token[];
  sentences: Span[];
  /** Index of the first token of each sentence, parallel to `sentences`. */
  sentenceTokenStart: number[];
}

const cache = new WeakMap<Doc, { text: string; view: LanguageView }>();

/** Tokens and sentences of a document, computed once per text. */
export function language(doc: Doc): LanguageView {
  const text = doc.article.text;
  const hit = cache.get(doc);
  if (hit && hit.text === text) return hit.view;
  const view = languageOf(text);
  cache.set(doc, { text, view });
  return view;
}

/** Tokens and sentences of any text (a title, a caption), uncached. */
export function languageOf(text: string): LanguageView {
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  const sentenceTokenStart: number[] = [];
  let k = 0;
  for (const s of sentences) {
    while (k < tokens.length && tokens[k]!.start < s.start) k++;
    sentenceTokenStart.push(k);
  }
  return { tokens, sentences, sentenceTokenStart };
}

registerStage({
  name: 'language',
  after: ['extract'],
  run(doc) {
    doc.sentences = language(doc).sentences;
    return doc;
  },
});
