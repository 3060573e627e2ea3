// Page furniture ("Load Next Story", share prompts, …) from data/boilerplate/*.txt.
import { NewsgraphError } from '../errors.js';
import { dataPath, readDataLines } from './data-files.js';

export interface Boilerplate {
  phrases: Set<string>;
  patterns: RegExp[];
}

let defaults: Boilerplate | null = null;

export function loadBoilerplate(phrasesFile: string, patternsFile?: string): Boilerplate {
  const phrases = new Set(readDataLines(phrasesFile).map((l) => foldFurniture(l.text)));
  const patterns: RegExp[] = [];
  if (patternsFile) {
    for (const { line, text } of readDataLines(patternsFile)) {
      try {
        patterns.push(new RegExp(text, 'iu'));
      } catch (e) {
        throw new NewsgraphError(`${patternsFile}:${line}: invalid pattern: ${(e as Error).message}`);
      }
    }
  }
  return { phrases, patterns };
}

export function defaultBoilerplate(): Boilerplate {
  defaults ??= loadBoilerplate(dataPath('boilerplate/phrases.txt'), dataPath('boilerplate/patterns.txt'));
  return defaults;
}

/** Lower case, curly quotes straightened, surrounding punctuation, arrows and bullets dropped. */
export function foldFurniture(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '')
    .replace(/\s+/g, ' ');
}

/** True when the whole block is furniture. Long blocks never are: furniture is short. */
export function isFurniture(block: string, bp: Boilerplate = defaultBoilerplate()): boolean {
  const t = block.trim();
  if (!t || t.length > 400) return false;
  const f = foldFurniture(t);
  if (bp.phrases.has(f)) return true;
  return bp.patterns.some((p) => p.test(t));
}
