// User dictionaries in the PETRARCH/TABARI formats (`--dictionaries DIR`): their events are coded beside ours, or
// instead of ours (`--dictionaries-only`), so analysts keep the dictionaries they already maintain.
import type { Doc, NewsEvent, Span } from '../../model.js';
import { cameoCode } from '../../knowledge/cameo.js';
import { loadDictionaries, codeSentence, type PetrarchDictionaries } from './petrarch/index.js';
import { NewsgraphError } from '../../errors.js';

let dicts: PetrarchDictionaries | null = null;
let only = false;

export function useDictionaries(dir: string, opts: { only?: boolean } = {}): PetrarchDictionaries {
  try {
    dicts = loadDictionaries(dir);
  } catch (e) {
    throw new NewsgraphError(`--dictionaries ${dir}: ${(e as Error).message.split('\n')[0]}`);
  }
  only = !!opts.only;
  return dicts;
}

export function clearDictionaries(): void {
  dicts = null;
  only = false;
}

export function dictionariesOnly(): boolean {
  return dicts !== null && only;
}

/** Events the user dictionaries code in one sentence, as NewsEvents (codes only: dictionary actors are not entities). */
export function dictionaryEvents(doc: Doc, sent: Span): NewsEvent[] {
  if (!dicts) return [];
  const text = doc.article.text.slice(sent.start, sent.end);
  const date = doc.article.published ? doc.article.published.slice(0, 10) : null;
  const out: NewsEvent[] = [];
  for (const e of codeSentence(text, date, dicts)) {
    const info = cameoCode(e.code);
    if (!info) continue;
    out.push({
      code: e.code,
      rootCode: info.root,
      quadClass: info.quadClass,
      goldstein: info.goldstein,
      label: info.name,
      source: e.source && e.source !== '---' ? { entity: null, name: null, code: e.source } : null,
      target: e.target && e.target !== '---' ? { entity: null, name: null, code: e.target } : null,
      location: null,
      date,
      sentence: text,
      start: sent.start,
      end: sent.end,
    });
  }
  return out;
}
