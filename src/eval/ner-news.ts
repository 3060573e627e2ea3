// Entity recognition on news sentences we wrote in wire style (src/eval/ner-news/sentences.txt, format and
// conventions in its README.md): exact-span precision, recall and F1 for PER, ORG and LOC and overall, ours beside
// compromise's people/places/organizations on the same sentences. Each line is analysed on its own.
// Usage: node dist/eval/ner-news.js [--set FILE] [--errors N] [--json]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import '../index.js';
import { compromiseSpans, newTally, ourSpans, prf, scoreSpans, TAGS, type Nlp, type Span, type SpanError, type Tag, type Tally } from './spans.js';
import { optionOf } from './args.js';

export interface Sentence {
  /** 1-based line number in the file. */
  line: number;
  text: string;
  gold: Span[];
}

const OPEN = /^\[(PER|ORG|LOC) /;

/**
 * Parses one annotated line: `[PER Olaf Scholz] met [ORG NATO] leaders in [LOC Vilnius].` gives the plain text and
 * the gold spans as offsets into it. Brackets are reserved for annotations: a `[` that does not open one, a nested
 * or unclosed annotation, a stray `]` and an empty or space-padded span are errors.
 */
export function parseAnnotated(line: string): { text: string; gold: Span[] } {
  let text = '';
  const gold: Span[] = [];
  let open: { tag: Tag; start: number } | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '[') {
      const m = OPEN.exec(line.slice(i));
      if (!m) throw new Error(`'[' at column ${i + 1} does not open [PER …], [ORG …] or [LOC …]`);
      if (open) throw new Error(`nested annotation at column ${i + 1}`);
      open = { tag: m[1] as Tag, start: text.length };
      i += m[0].length - 1;
    } else if (c === ']') {
      if (!open) throw new Error(`']' without an annotation at column ${i + 1}`);
      const span = text.slice(open.start);
      if (!span.trim() || span !== span.trim()) throw new Error(`empty or space-padded ${open.tag} span at column ${i + 1}`);
      gold.push({ start: open.start, end: text.length, tag: open.tag });
      open = null;
    } else text += c;
  }
  if (open) throw new Error(`unclosed ${open.tag} annotation`);
  return { text, gold };
}

/** Reads the sentences file: one annotated item a line; blank lines and lines starting with `#` are skipped. */
export function readSentences(file: string): Sentence[] {
  const out: Sentence[] = [];
  readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith('#')) return;
      try {
        out.push({ line: i + 1, ...parseAnnotated(line) });
      } catch (e) {
        throw new Error(`${file}:${i + 1}: ${(e as Error).message}`);
      }
    });
  return out;
}

export interface NewsReport {
  sentences: number;
  gold: Record<Tag, number>;
  ours: Tally;
  compromise: Tally;
  errors: (SpanError & { line: number; sentence: string })[];
}

export function evaluate(sentences: Sentence[], nlp: Nlp): NewsReport {
  const ours = newTally();
  const theirs = newTally();
  const errors: NewsReport['errors'] = [];
  const gold = { PER: 0, ORG: 0, LOC: 0 };
  for (const s of sentences) {
    for (const g of s.gold) gold[g.tag]++;
    for (const e of scoreSpans(s.text, s.gold, ourSpans(s.text), ours)) errors.push({ ...e, line: s.line, sentence: s.text });
    scoreSpans(s.text, s.gold, compromiseSpans(nlp, s.text), theirs);
  }
  return { sentences: sentences.length, gold, ours, compromise: theirs, errors };
}

function main(): void {
  const args = process.argv.slice(2);
  const opt = (name: string) => optionOf(args, name);
  const here = dirname(fileURLToPath(import.meta.url));
  const file = opt('--set') ?? join(here, '../../src/eval/ner-news/sentences.txt');
  const sentences = readSentences(file);
  const nlp = createRequire(import.meta.url)('compromise') as Nlp;
  const r = evaluate(sentences, nlp);
  const n = Number(opt('--errors') ?? 0);
  const rows = [...TAGS, 'ALL' as const].map((tag) => ({ tag, ours: prf(r.ours[tag]), compromise: prf(r.compromise[tag]) }));
  if (args.includes('--json')) {
    console.log(JSON.stringify({ sentences: r.sentences, gold: r.gold, rows, errors: n ? r.errors : undefined }, null, 2));
    return;
  }
  console.log(`news sentences: ${r.sentences} items (${file.replace(/^.*\/src\//, 'src/')}), gold PER ${r.gold.PER}, ORG ${r.gold.ORG}, LOC ${r.gold.LOC}; exact-span scores`);
  console.log('type   ours P / R / F1            compromise P / R / F1');
  const fmt = (x: { p: number; r: number; f: number }) => `${x.p.toFixed(3)} / ${x.r.toFixed(3)} / ${x.f.toFixed(3)}`;
  for (const row of rows) console.log(`${row.tag.padEnd(6)} ${fmt(row.ours)}      ${fmt(row.compromise)}`);
  if (!n) return;
  for (const kind of ['missed', 'spurious'] as const) {
    const list = r.errors.filter((e) => e.kind === kind);
    console.log(`\n${kind} (${list.length}${list.length > n ? `, first ${n}` : ''}):`);
    for (const e of list.slice(0, n)) {
      const over = e.overlap.length ? `  [${kind === 'missed' ? 'predicted' : 'gold'}: ${e.overlap.join(', ')}]` : '';
      console.log(`  line ${String(e.line).padStart(3)}  ${e.tag} "${e.text}"${over}`);
    }
  }
}

// Run only as a script, so the parser can be imported by tests.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
