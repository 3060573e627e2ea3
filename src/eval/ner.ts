// Entity recognition on UNER English-EWT (../shared/data/ner-dev): exact-span precision, recall and F1 for PER, ORG
// and LOC, ours beside compromise's people/places/organizations in the same run.
// Usage: node dist/eval/ner.js [--split dev|test] [--errors N] [--json]
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import '../index.js';
import { analyzeBody } from '../analyze/body.js';
import { normalizeBlock } from '../extract/normalize.js';
import { optionOf } from './args.js';
import { isNameMention } from './spans.js';

type Tag = 'PER' | 'ORG' | 'LOC';
interface Span {
  start: number;
  end: number;
  tag: Tag;
}
interface Doc {
  id: string;
  text: string;
  gold: Span[];
}

const args = process.argv.slice(2);
const opt = (name: string) => optionOf(args, name);

/** Reads IOB2 sentences into documents whose text joins sentences by blank lines, with gold character spans. */
export function readIob2(file: string): Doc[] {
  const docs: Doc[] = [];
  let cur: Doc | null = null;
  let sentText = '';
  let rows: [string, string][] = [];
  const flush = () => {
    if (!rows.length) return;
    cur ??= { id: `doc${docs.length}`, text: '', gold: [] };
    if (!docs.includes(cur)) docs.push(cur);
    const base = cur.text ? cur.text.length + 2 : 0;
    cur.text += (cur.text ? '\n\n' : '') + sentText;
    // Align tokens to the sentence text.
    let pos = 0;
    let open: Span | null = null;
    for (const [tok, tag] of rows) {
      const at = sentText.indexOf(tok, pos);
      const s = at >= 0 ? at : pos;
      const e = s + tok.length;
      pos = e;
      if (tag.startsWith('B-')) {
        if (open) cur.gold.push(open);
        open = { start: base + s, end: base + e, tag: tag.slice(2) as Tag };
      } else if (tag.startsWith('I-') && open) open.end = base + e;
      else if (open) {
        cur.gold.push(open);
        open = null;
      }
    }
    if (open) cur.gold.push(open);
    rows = [];
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('# newdoc')) {
      flush();
      cur = { id: line.split('=')[1]?.trim() ?? `doc${docs.length}`, text: '', gold: [] };
    } else if (line.startsWith('# text =')) sentText = normalizeBlock(line.slice(8));
    else if (line.startsWith('#')) continue;
    else if (!line.trim()) flush();
    else {
      const cols = line.split('\t');
      rows.push([cols[1]!, cols[2] ?? 'O']);
    }
  }
  flush();
  return docs;
}

const TYPE_TAG: Record<string, Tag | undefined> = { person: 'PER', organization: 'ORG', location: 'LOC', facility: 'LOC' };
// Pronouns and role nominals ("the president", "his envoy") resolve to entities but are not names. Whole words only:
// "Hezbollah", "Henry" and "Sheila" are names.

function ours(text: string): Span[] {
  const doc = analyzeBody(text, null);
  const out: Span[] = [];
  for (const e of doc.entities) {
    const tag = TYPE_TAG[e.type];
    if (!tag) continue;
    for (const m of e.mentions) if (isNameMention(m.text)) out.push({ start: m.start, end: m.end, tag });
  }
  return out;
}

type Nlp = ((text: string) => {
  people(): { json(o: object): { offset: { start: number; length: number } }[] };
  places(): { json(o: object): { offset: { start: number; length: number } }[] };
  organizations(): { json(o: object): { offset: { start: number; length: number } }[] };
});

function compromise(nlp: Nlp, text: string): Span[] {
  const d = nlp(text);
  const out: Span[] = [];
  const take = (list: { offset: { start: number; length: number } }[], tag: Tag) => {
    for (const x of list) {
      let s = x.offset.start;
      let e = s + x.offset.length;
      // compromise includes trailing punctuation and possessives in its offsets; trim them for exact spans.
      while (e > s && /[\s.,;:!?'’")]/.test(text[e - 1]!)) e--;
      if (/['’]s$/.test(text.slice(s, e))) e -= 2;
      while (s < e && /[\s"'(“]/.test(text[s]!)) s++;
      out.push({ start: s, end: e, tag });
    }
  };
  take(d.people().json({ offset: true }), 'PER');
  take(d.places().json({ offset: true }), 'LOC');
  take(d.organizations().json({ offset: true }), 'ORG');
  return out;
}

interface Score {
  tp: number;
  fp: number;
  fn: number;
}
const f1 = (s: Score) => {
  const p = s.tp / Math.max(1, s.tp + s.fp);
  const r = s.tp / Math.max(1, s.tp + s.fn);
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

function score(gold: Span[], pred: Span[], byTag: Map<string, Score>, errors?: string[], text?: string): void {
  const key = (s: Span) => `${s.start}:${s.end}:${s.tag}`;
  const g = new Set(gold.map(key));
  const p = new Set(pred.map(key));
  for (const tag of ['PER', 'ORG', 'LOC', 'ALL']) if (!byTag.has(tag)) byTag.set(tag, { tp: 0, fp: 0, fn: 0 });
  for (const k of p) {
    const tag = k.split(':')[2]!;
    const hit = g.has(k);
    byTag.get(tag)!.tp += hit ? 1 : 0;
    byTag.get(tag)!.fp += hit ? 0 : 1;
    byTag.get('ALL')!.tp += hit ? 1 : 0;
    byTag.get('ALL')!.fp += hit ? 0 : 1;
    if (!hit && errors && text) {
      const [s, e] = k.split(':').map(Number) as [number, number];
      errors.push(`FP ${tag} "${text.slice(s, e)}"`);
    }
  }
  for (const k of g) {
    if (p.has(k)) continue;
    const tag = k.split(':')[2]!;
    byTag.get(tag)!.fn++;
    byTag.get('ALL')!.fn++;
    if (errors && text) {
      const [s, e] = k.split(':').map(Number) as [number, number];
      errors.push(`FN ${tag} "${text.slice(s, e)}"`);
    }
  }
}

function main(): void {
  const split = opt('--split') ?? 'dev';
  const file = join(process.cwd(), `../shared/data/ner-dev/uner-en-ewt/en_ewt-ud-${split}.iob2`);
  if (!existsSync(file)) {
    console.log(`skipped: ${file} not found (the shared evaluation data is absent)`);
    return;
  }
  const docs = readIob2(file);
  const require = createRequire(import.meta.url);
  const nlp = require('compromise') as Nlp;
  const oursScore = new Map<string, Score>();
  const theirs = new Map<string, Score>();
  const errors: string[] = [];
  let words = 0;
  let tOurs = 0;
  let tTheirs = 0;
  for (const d of docs) {
    words += d.text.split(/\s+/).length;
    let t = performance.now();
    const a = ours(d.text);
    tOurs += performance.now() - t;
    t = performance.now();
    const b = compromise(nlp, d.text);
    tTheirs += performance.now() - t;
    score(d.gold, a, oursScore, errors, d.text);
    score(d.gold, b, theirs);
  }
  const rows = ['PER', 'ORG', 'LOC', 'ALL'].map((tag) => {
    const a = f1(oursScore.get(tag)!);
    const b = f1(theirs.get(tag)!);
    return { tag, ours: a, compromise: b };
  });
  if (args.includes('--json')) {
    console.log(JSON.stringify({ split, docs: docs.length, rows }, null, 2));
    return;
  }
  console.log(`UNER English-EWT ${split}: ${docs.length} documents, ${words} words; exact-span scores`);
  console.log('type   ours P / R / F1            compromise P / R / F1');
  const fmt = (x: { p: number; r: number; f: number }) => `${x.p.toFixed(3)} / ${x.r.toFixed(3)} / ${x.f.toFixed(3)}`;
  for (const r of rows) console.log(`${r.tag.padEnd(6)} ${fmt(r.ours)}      ${fmt(r.compromise)}`);
  console.log(`speed: ours ${Math.round(words / (tOurs / 1000))} words/s, compromise ${Math.round(words / (tTheirs / 1000))} words/s (ratio ${(tTheirs / tOurs).toFixed(1)}x)`);
  const n = Number(opt('--errors') ?? 0);
  if (n) {
    const counts = new Map<string, number>();
    for (const e of errors) counts.set(e, (counts.get(e) ?? 0) + 1);
    for (const [e, c] of [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${String(c).padStart(4)} ${e}`);
  }
}

// Run only as a script, so the reader and scorer can be imported.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
