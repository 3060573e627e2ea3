// The CAMEO event code book from data/cameo-codes.tsv: codes, short names, Goldstein values, quad classes and
// keyword hints. The format is documented in data/README.md.
import { NewsgraphError } from '../errors.js';
import { dataPath, readDataLines } from './data-files.js';

/** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
export type QuadClass = 1 | 2 | 3 | 4;

export const QUAD_CLASS_NAMES: Readonly<Record<QuadClass, string>> = {
  1: 'verbal cooperation',
  2: 'material cooperation',
  3: 'verbal conflict',
  4: 'material conflict',
};

export interface CameoCode {
  /** "18" (root), "183" (base code) or "1823" (full code). */
  code: string;
  /** The 2-digit root ("18" for "1823"). */
  root: string;
  /** The code one level up ("183" for "1823", "18" for "183"); null for a root. */
  parent: string | null;
  /** A short label in our words ("Kill by physical assault"). */
  name: string;
  /** Goldstein weight, −10 … +10. */
  goldstein: number;
  quadClass: QuadClass;
  /** Lower-case words or short phrases that hint at the code ("kill", "stab to death"); may be empty. */
  keywords: readonly string[];
}

/** True when the string has the shape of a CAMEO event code: root 01–20, then 0–2 more digits. */
export function isCameoCodeFormat(code: string): boolean {
  return /^(?:0[1-9]|1\d|20)\d{0,2}$/.test(code);
}

/** The quad class CAMEO roots fall into: 01–05 → 1, 06–09 → 2, 10–14 → 3, 15–20 → 4 (as GDELT). */
export function quadClassOfRoot(root: string): QuadClass {
  const r = Number(root);
  if (!/^\d{2}$/.test(root) || r < 1 || r > 20) throw new NewsgraphError(`not a CAMEO root code: '${root}'`);
  // As GDELT groups them: 01-05 verbal cooperation, 06-09 material cooperation, 10-14 verbal conflict, 15-20 material conflict.
  return r <= 5 ? 1 : r <= 9 ? 2 : r <= 14 ? 3 : 4;
}

export class CameoTable {
  private readonly byCode = new Map<string, CameoCode>();

  constructor(readonly codes: readonly CameoCode[]) {
    for (const c of codes) this.byCode.set(c.code, c);
  }

  /** The entry for an exact code string ("042", "1823"); null for unknown or malformed codes ("42", " 042"). */
  get(code: string): CameoCode | null {
    return this.byCode.get(code) ?? null;
  }

  /** The codes one level below ("18" → "180" … "186"; "183" → "1831" …), in file order. */
  children(code: string): CameoCode[] {
    return this.codes.filter((c) => c.parent === code);
  }
}

const KEYWORD = /^[a-z0-9](?:[a-z0-9' -]*[a-z0-9])?$/;

/** Parses and validates a CAMEO codes file; a bad row throws a NewsgraphError naming the file and line. */
export function parseCameoFile(file: string): CameoCode[] {
  const out: CameoCode[] = [];
  const lineOf = new Map<string, number>();
  for (const { line, text } of readDataLines(file)) {
    const bad = (why: string): never => {
      throw new NewsgraphError(`${file}:${line}: ${why}`);
    };
    const cells = text.split('\t').map((c) => c.trim());
    if (cells.length !== 5) bad(`expected 5 tab-separated columns (code, name, goldstein, quad, keywords), found ${cells.length}`);
    const [code, name, g, q, kw] = cells as [string, string, string, string, string];
    if (!isCameoCodeFormat(code)) bad(`code must be a root 01-20 followed by 0 to 2 digits, found '${code}'`);
    const first = lineOf.get(code);
    if (first) bad(`duplicate code ${code} (first on line ${first})`);
    if (!name) bad(`code ${code} has no name`);
    if (!/^[+-]?\d+(?:\.\d+)?$/.test(g)) bad(`Goldstein value of ${code} must be a number, found '${g}'`);
    const goldstein = Number(g);
    if (goldstein < -10 || goldstein > 10) bad(`Goldstein value of ${code} must be between -10 and 10, found ${g}`);
    const root = code.slice(0, 2);
    const expected = quadClassOfRoot(root);
    if (!/^[1-4]$/.test(q)) bad(`quad class of ${code} must be 1, 2, 3 or 4, found '${q}'`);
    if (Number(q) !== expected) bad(`quad class of ${code} is ${q}, but root ${root} is quad class ${expected} (${QUAD_CLASS_NAMES[expected]})`);
    const keywords = kw === '-' ? [] : kw.split('|').map((k) => k.trim());
    for (const k of keywords) if (!KEYWORD.test(k)) bad(`keyword '${k}' of ${code} must be lower-case words`);
    lineOf.set(code, line);
    out.push({ code, root, parent: code.length > 2 ? code.slice(0, -1) : null, name, goldstein, quadClass: expected, keywords });
  }
  // Parents are checked once the whole file is read, so their order does not matter.
  for (const c of out) {
    if (c.parent !== null && !lineOf.has(c.parent)) {
      throw new NewsgraphError(`${file}:${lineOf.get(c.code)}: code ${c.code} has no parent code ${c.parent} in the file`);
    }
  }
  return out;
}

export function loadCameo(file: string = dataPath('cameo-codes.tsv')): CameoTable {
  return new CameoTable(parseCameoFile(file));
}

let table: CameoTable | null = null;

/** Our CAMEO code book, loaded once. */
export function cameo(): CameoTable {
  table ??= loadCameo();
  return table;
}

/** The entry for an exact code string ("042", "0874", "18"); null when the code is not in the code book. */
export const cameoCode = (code: string): CameoCode | null => cameo().get(code);
/** Root of a known code ("18" for "1823"); null for unknown codes. */
export const rootOf = (code: string): string | null => cameo().get(code)?.root ?? null;
/** Quad class of a known code; null for unknown codes. */
export const quadClassOf = (code: string): QuadClass | null => cameo().get(code)?.quadClass ?? null;
/** Goldstein value of a known code; null for unknown codes. */
export const goldsteinOf = (code: string): number | null => cameo().get(code)?.goldstein ?? null;
/** Every code in file order: each root, then its base codes, each followed by its full codes. */
export const allCodes = (): readonly CameoCode[] => cameo().codes;
