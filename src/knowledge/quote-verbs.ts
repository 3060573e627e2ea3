// Quote cue verbs from data/quote-verbs.txt, with their inflections: "said" → say, "complained" → complain.
import { NewsgraphError } from '../errors.js';
import { dataPath, readDataLines } from './data-files.js';

export interface CueVerb {
  base: string;
  /** Only strong enough to attribute direct quotes. */
  directOnly: boolean;
}

let table: Map<string, CueVerb> | null = null;

function inflect(base: string): string[] {
  const out = [base, `${base}s`, `${base}ing`];
  if (base.endsWith('e')) out.push(`${base}d`, `${base.slice(0, -1)}ing`);
  else if (/[^aeiou]y$/.test(base)) out.push(`${base.slice(0, -1)}ied`, `${base.slice(0, -1)}ies`);
  else out.push(`${base}ed`);
  if (/(s|x|z|ch|sh)$/.test(base)) out.push(`${base}es`);
  return out;
}

export function loadQuoteVerbs(file: string = dataPath('quote-verbs.txt')): Map<string, CueVerb> {
  const m = new Map<string, CueVerb>();
  for (const { line, text } of readDataLines(file)) {
    const [base, ...rest] = text.split('\t').map((x) => x.trim());
    if (!base || !/^[a-z]+$/.test(base)) throw new NewsgraphError(`${file}:${line}: a cue verb must be one lower-case word, found '${base}'`);
    let forms = inflect(base);
    let directOnly = false;
    for (const r of rest) {
      if (r === 'direct') directOnly = true;
      else if (r.startsWith('form=')) forms = [base, ...r.slice(5).split('|')];
      else if (r) throw new NewsgraphError(`${file}:${line}: unknown field '${r}'`);
    }
    for (const f of forms) m.set(f, { base, directOnly });
  }
  return m;
}

/** The cue verb a word is a form of, or null. */
export function cueVerb(word: string): CueVerb | null {
  table ??= loadQuoteVerbs();
  return table.get(word.toLowerCase()) ?? null;
}
