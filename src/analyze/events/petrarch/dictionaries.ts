// Loading a set of PETRARCH/TABARI dictionaries: actors, agents, verbs, discards.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NewsgraphError } from '../../../errors.js';
import { ActorDict } from './actors.js';
import { AgentDict } from './agents.js';
import { DiscardDict } from './discards.js';
import { VerbDict } from './verbs.js';

export interface PetrarchDictionaries {
  actors: ActorDict;
  agents: AgentDict;
  verbs: VerbDict;
  discards: DiscardDict;
}

export interface DictionaryFiles {
  actors?: string[];
  agents?: string[];
  verbs?: string[];
  discards?: string[];
}

export function emptyDictionaries(): PetrarchDictionaries {
  return { actors: new ActorDict(), agents: new AgentDict(), verbs: new VerbDict(), discards: new DiscardDict() };
}

/** Loads the given files. Errors in malformed files name the file and line (DictionaryError). */
export function loadDictionaryFiles(files: DictionaryFiles): PetrarchDictionaries {
  const d = emptyDictionaries();
  for (const f of files.actors ?? []) d.actors.addFile(f);
  for (const f of files.agents ?? []) d.agents.addFile(f);
  for (const f of files.verbs ?? []) d.verbs.addFile(f);
  for (const f of files.discards ?? []) d.discards.addFile(f);
  return d;
}

/**
 * Which kind of dictionary a file name is: `*.actors.txt` / `*actors*`, `*agents*`, `*verbs*` (or CAMEO.2.0.txt /
 * `*.verbpatterns*`), `*discards*`. Other files (issues, prepositions, code books) are not dictionaries we read.
 */
export function dictionaryKind(name: string): keyof DictionaryFiles | null {
  const n = name.toLowerCase();
  if (!/\.(txt|dict|actors|agents|verbs)$/.test(n)) return null;
  if (n.includes('agent')) return 'agents';
  if (n.includes('actor')) return 'actors';
  if (n.includes('discard')) return 'discards';
  if (n.includes('verb') || /^cameo\.\d/.test(n)) return 'verbs';
  return null;
}

/**
 * Finds the dictionaries in a directory by file name (see dictionaryKind). When a directory holds both a PETRARCH 1
 * verbs file and a `*2.0*` one, `verbs: 'petrarch1' | 'petrarch2'` picks one (default petrarch1).
 */
export function findDictionaryFiles(dir: string, opts: { verbs?: 'petrarch1' | 'petrarch2' } = {}): DictionaryFiles {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    throw new NewsgraphError(`cannot read dictionaries directory ${dir}: ${(e as Error).message}`);
  }
  const files: Required<DictionaryFiles> = { actors: [], agents: [], verbs: [], discards: [] };
  for (const name of names) {
    const p = join(dir, name);
    if (!statSync(p).isFile()) continue;
    const kind = dictionaryKind(name);
    if (kind) files[kind].push(p);
  }
  if (files.verbs.length > 1) {
    const v2 = files.verbs.filter((f) => /2\.0/.test(f));
    const v1 = files.verbs.filter((f) => !/2\.0/.test(f));
    if (v1.length && v2.length) files.verbs = opts.verbs === 'petrarch2' ? v2 : v1;
  }
  return files;
}

/** Loads every dictionary in a directory (`--dictionaries DIR`). */
export function loadDictionaries(dir: string, opts: { verbs?: 'petrarch1' | 'petrarch2' } = {}): PetrarchDictionaries {
  const files = findDictionaryFiles(dir, opts);
  if (!files.actors?.length && !files.verbs?.length) {
    throw new NewsgraphError(`no PETRARCH actor or verb dictionaries in ${dir} (expected names like *.actors.txt, *.verbs.txt)`);
  }
  return loadDictionaryFiles(files);
}

/** Counts of what was read and of lines that were skipped, per file. */
export function dictionarySummary(d: PetrarchDictionaries): string[] {
  const out: string[] = [];
  for (const r of d.actors.reports) out.push(`${r.file}: ${r.entries} actors, ${r.unparsed.length} unparsed lines`);
  for (const r of d.agents.reports) out.push(`${r.file}: ${r.entries} agent phrases, ${r.unparsed.length} unparsed lines`);
  for (const r of d.verbs.reports)
    out.push(`${r.file} (${r.format}): ${r.blocks} blocks, ${r.verbs} verbs, ${r.patterns} patterns, ${r.synsets} synsets, ${r.unparsed.length} unparsed lines`);
  if (d.discards.entries.length) out.push(`discards: ${d.discards.entries.length} phrases`);
  return out;
}
