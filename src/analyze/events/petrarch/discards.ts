// Reader for PETRARCH discard lists: one phrase a line; a sentence holding one is not coded. A leading `+` marks a
// story-level discard (the whole story is skipped); we skip the sentence either way and say which kind matched.
import { readFileSync } from 'node:fs';
import { PhraseTrie } from './trie.js';
import { contentLines, parsePhrase } from './text.js';

export interface DiscardEntry {
  phrase: string;
  story: boolean;
  file: string;
  line: number;
}

export class DiscardDict {
  readonly entries: DiscardEntry[] = [];
  readonly trie = new PhraseTrie<DiscardEntry>();

  addText(text: string, file: string): number {
    let n = 0;
    for (const { no, text: line } of contentLines(text)) {
      const t = line.trim();
      const story = t.startsWith('+');
      const phrase = (story ? t.slice(1) : t).trim();
      if (!phrase) continue;
      const e = { phrase, story, file, line: no };
      this.entries.push(e);
      // Discard phrases match consecutive words, whether joined by spaces or underscores.
      const p = parsePhrase(phrase);
      this.trie.add({ words: p.words, gap: p.gap.map(() => false) }, e);
      n++;
    }
    return n;
  }

  addFile(path: string): number {
    return this.addText(readFileSync(path, 'utf8'), path);
  }

  /** The first discard phrase found in the tokens, or null. */
  find(tokens: string[]): DiscardEntry | null {
    for (let i = 0; i < tokens.length; i++) {
      const m = this.trie.longest(tokens, i);
      if (m) return m.values[0]!;
    }
    return null;
  }
}
