// The 'events' stage: CAMEO-coded political events with source and target actors, place, date and the sentence
// as evidence.
import type { Doc } from '../../model.js';
import { registerStage } from '../../pipeline.js';
import { language } from '../language/index.js';
import { quotedSpans, quoteMarksOf, spanContains } from '../quotes/marks.js';
import { mentionIndexOf } from '../quotes/mention-index.js';
import { codeSentence } from './coder.js';
import { dictionariesOnly, dictionaryEvents } from './user-dictionaries.js';

export function analyzeEvents(doc: Doc): Doc {
  const { tokens, sentences, sentenceTokenStart } = language(doc);
  const inQuote = spanContains(quotedSpans(quoteMarksOf(doc)));
  const ctx = { doc, tokens, index: mentionIndexOf(doc, tokens), inQuote, dates: doc.dates };
  const events: import('../../model.js').NewsEvent[] = [];
  for (let s = 0; s < sentences.length; s++) {
    const from = sentenceTokenStart[s]!;
    const to = s + 1 < sentences.length ? sentenceTokenStart[s + 1]! : tokens.length;
    const ours = dictionariesOnly() ? [] : codeSentence(ctx, sentences[s]!, from, to);
    events.push(...ours);
    // Events from user dictionaries that ours did not already code (same code, source and target).
    for (const e of dictionaryEvents(doc, sentences[s]!)) {
      const same = ours.some((o) => o.code === e.code && o.source?.code === e.source?.code && o.target?.code === e.target?.code);
      if (!same) events.push(e);
    }
  }
  doc.events = events;
  return doc;
}

registerStage({ name: 'events', after: ['actors', 'dates'], run: analyzeEvents });
