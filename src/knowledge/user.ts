// User knowledge: a folder of files in our formats (data/README.md) merged over ours, e.g. `--knowledge ./my-kb`
// holding people.tsv with the officials of a newsroom's beat. Rows with the same key as ours replace ours.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NewsgraphError } from '../errors.js';
import { setCountryOverride } from './countries.js';
import { setGivenNameOverride } from './given-names.js';
import { setOrganizationOverride } from './organizations.js';
import { setPeopleOverride } from './people.js';
import { setRegionOverride } from './regions.js';
import { setGroupOverride } from './groups.js';

const SETTERS: Record<string, (file: string | null) => void> = {
  'countries.tsv': setCountryOverride,
  'people.tsv': setPeopleOverride,
  'organizations.tsv': setOrganizationOverride,
  'given-names.tsv': setGivenNameOverride,
  'regions.tsv': setRegionOverride,
  'groups.tsv': setGroupOverride,
};

/** Registers every known file in `dir`; returns the files used. Unknown files are a configuration error. */
export function useKnowledgeDir(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new NewsgraphError(`--knowledge must be a folder, found '${dir}'`);
  const used: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name.toLowerCase() === 'readme.md') continue;
    const set = SETTERS[name];
    if (!set) throw new NewsgraphError(`${join(dir, name)}: not a knowledge file newsgraph reads (expected one of ${Object.keys(SETTERS).join(', ')})`);
    set(join(dir, name));
    used.push(join(dir, name));
  }
  return used;
}

export function knowledgeFileNames(): string[] {
  return Object.keys(SETTERS);
}
