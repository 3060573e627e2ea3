// Locating and reading our versioned knowledge files under data/.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NewsgraphError } from '../errors.js';

/** Absolute path of a file under the package's data/ folder. */
export function dataPath(rel: string): string {
  return fileURLToPath(new URL(`../../data/${rel}`, import.meta.url));
}

/** Non-empty, non-comment lines of a line-based data file ('#' starts a comment at line start). */
export function readDataLines(path: string): { line: number; text: string }[] {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    throw new NewsgraphError(`cannot read data file ${path}: ${(e as Error).message}`);
  }
  const out: { line: number; text: string }[] = [];
  raw.split(/\r?\n/).forEach((l, i) => {
    const t = l.trim();
    if (t && !t.startsWith('#')) out.push({ line: i + 1, text: t });
  });
  return out;
}

/** A list cell of a TSV data file: values separated by "|", trimmed, each once, in order; "-" or empty is none. */
export function listCell(cell: string): string[] {
  if (cell === '-' || cell === '') return [];
  return [...new Set(cell.split('|').map((x) => x.trim()).filter(Boolean))];
}
