// PETRARCH/TABARI dictionaries and the dictionary-driven event coder.
//
//   const dicts = loadDictionaries('/path/to/dir');            // *.actors.txt, *agents*, *verbs*, *discards*
//   const events = codeSentence('Kestria condemned Valdora.', '2025-04-25', dicts);
//   // → [{ source: 'KES', target: 'VAL', code: '122' }]
export { ActorDict, codesAt, parseActors, type ActorEntry, type DatedCode } from './actors.js';
export { AgentDict, applyAgents, parseAgents, type AgentEntry } from './agents.js';
export { codeSentence, sentenceWords, type CodedEvent, type CodeOptions, type CodeTrace } from './coder.js';
export {
  dictionaryKind,
  dictionarySummary,
  emptyDictionaries,
  findDictionaryFiles,
  loadDictionaries,
  loadDictionaryFiles,
  type DictionaryFiles,
  type PetrarchDictionaries,
} from './dictionaries.js';
export { DiscardDict } from './discards.js';
export { parseRecords, type UnitRecord } from './records.js';
export { DictionaryError } from './text.js';
export { parsePattern, parseVerbs, VerbDict, type VerbBlock, type VerbForm, type VerbPattern } from './verbs.js';
