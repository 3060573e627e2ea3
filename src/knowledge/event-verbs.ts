// Our event verbs and nouns (data/event-verbs.tsv): word forms → CAMEO code and where the target is found.
import { NewsgraphError } from '../errors.js';
import { dataPath, readDataLines } from './data-files.js';

export interface EventVerb {
  /** The phrase as written ("push back", "n:invasion"). */
  phrase: string;
  noun: boolean;
  /** Words after the head that must follow it ("back" in "push back", "talks" in "hold talks"). */
  particles: string[];
  code: string;
  /** Target slots in order: 'obj', 'that', or a preposition. */
  targets: string[];
}

export interface VerbTable {
  /** Head word form (lower case) → entries with that head. */
  byForm: Map<string, EventVerb[]>;
  entries: EventVerb[];
}

function inflect(base: string): string[] {
  const out = [base, `${base}s`];
  if (base.endsWith('e')) out.push(`${base}d`, `${base.slice(0, -1)}ing`);
  else if (/[^aeiou]y$/.test(base)) out.push(`${base.slice(0, -1)}ied`, `${base.slice(0, -1)}ies`, `${base}ing`);
  else if (/^[^aeiou]*[aeiou][bdgmnprt]$/.test(base)) out.push(`${base}${base.slice(-1)}ed`, `${base}${base.slice(-1)}ing`, `${base}ed`, `${base}ing`);
  else out.push(`${base}ed`, `${base}ing`);
  if (/(s|x|z|ch|sh)$/.test(base)) out.push(`${base}es`);
  return out;
}

function nounForms(base: string): string[] {
  if (base.endsWith('s')) return [base];
  if (/[^aeiou]y$/.test(base)) return [base, `${base.slice(0, -1)}ies`];
  return [base, `${base}s`];
}

export function loadEventVerbs(file: string = dataPath('event-verbs.tsv')): VerbTable {
  const byForm = new Map<string, EventVerb[]>();
  const entries: EventVerb[] = [];
  for (const { line, text } of readDataLines(file)) {
    const cols = text.split('\t').map((c) => c.trim());
    if (cols.length < 3) throw new NewsgraphError(`${file}:${line}: expected phrase, code, target (and forms), found ${cols.length} columns`);
    const [phrase, code, target, forms = '-'] = cols as [string, string, string, string?];
    if (!/^\d{2,4}$/.test(code)) throw new NewsgraphError(`${file}:${line}: CAMEO code must be 2-4 digits, found '${code}'`);
    const noun = phrase.startsWith('n:');
    const words = (noun ? phrase.slice(2) : phrase).toLowerCase().split(/\s+/);
    const head = words[0]!;
    const entry: EventVerb = { phrase, noun, particles: words.slice(1), code, targets: target === '-' ? [] : target.split('|') };
    entries.push(entry);
    const all = new Set(noun ? nounForms(head) : inflect(head));
    if (forms && forms !== '-') for (const f of forms.split('|')) all.add(f.toLowerCase());
    for (const f of all) {
      const list = byForm.get(f);
      if (list) list.push(entry);
      else byForm.set(f, [entry]);
    }
  }
  // Longer phrases first, so "push back" wins over a bare "push" and "hold talks" over "hold".
  for (const list of byForm.values()) list.sort((a, b) => b.particles.length - a.particles.length);
  return { byForm, entries };
}

let table: VerbTable | null = null;
export function eventVerbs(): VerbTable {
  table ??= loadEventVerbs();
  return table;
}
