// Scores the dictionary coder on PETRARCH2's unit-test suite (../shared/data/petrarch-unittest):
//   node dist/eval/petrarch.js [--show-failures N] [--data DIR] [--verbs petrarch1|petrarch2]
// Prints exact (source, target, code) precision/recall/F1 and the share of sentences whose event set is exactly the
// expected set, overall and by category. Skips with a reason when the data is absent.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeSentence, type CodeTrace } from '../analyze/events/petrarch/coder.js';
import { dictionarySummary, loadDictionaryFiles } from '../analyze/events/petrarch/dictionaries.js';
import { parseRecords, type UnitRecord } from '../analyze/events/petrarch/records.js';
import { optionOf } from './args.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name: string) => optionOf(args, name);
const showFailures = Number(opt('--show-failures') ?? 0);
const dataDir = resolve(opt('--data') ?? join(here, '..', '..', '..', 'shared', 'data', 'petrarch-unittest'));
const verbsFormat = opt('--verbs') === 'petrarch2' ? 'petrarch2' : 'petrarch1';

const recordsFile = join(dataDir, 'petrarch2.PETR.UnitTest.records.xml');
if (!existsSync(recordsFile)) {
  console.log(`petrarch eval skipped: ${recordsFile} not found (the PETRARCH unit-test data lives in ../shared/data/petrarch-unittest)`);
  process.exit(0);
}

const dicts = loadDictionaryFiles({
  actors: [join(dataDir, 'PETR.Validate.actors.txt')],
  agents: [join(dataDir, 'PETR.Validate.agents.txt')],
  verbs: [join(dataDir, verbsFormat === 'petrarch2' ? 'PETR.Validate.verbs.2.0.txt' : 'PETR.Validate.verbs.txt')],
  discards: [join(dataDir, 'PETR.Validate.discards.txt')],
});
const records = parseRecords(readFileSync(recordsFile, 'utf8'));

interface Tally {
  n: number;
  exact: number;
  tp: number;
  fp: number;
  fn: number;
}
const blank = (): Tally => ({ n: 0, exact: 0, tp: 0, fp: 0, fn: 0 });
const key = (e: { source: string; target: string; code: string }): string => `${e.source}|${e.target}|${e.code}`;

const all = blank();
const active = blank();
const byCat = new Map<string, Tally>();
const failures: string[] = [];
const started = Date.now();
for (const r of records) {
  if (r.id === 'FINAL-RECORD') continue;
  const trace: CodeTrace = { discarded: null, verbs: [] };
  const requireDyad = (r.config['require_dyad'] ?? 'true') !== 'false';
  const got = codeSentence(r.text, r.date, dicts, { requireDyad }, trace);
  const want = new Set(r.expected.map(key));
  const have = new Set(got.map(key));
  let tp = 0;
  for (const k of have) if (want.has(k)) tp++;
  const exact = tp === want.size && tp === have.size;
  const cat = r.category.toUpperCase().replace(/S$/, '').replace(/X$/, '') || '-';
  const tallies = [all, byCat.get(cat) ?? blank()];
  byCat.set(cat, tallies[1]!);
  if (r.sentenceAttr !== 'false') tallies.push(active);
  for (const t of tallies) {
    t.n++;
    if (exact) t.exact++;
    t.tp += tp;
    t.fp += have.size - tp;
    t.fn += want.size - tp;
  }
  if (!exact) failures.push(describe(r, got, trace));
}
const ms = Date.now() - started;

function describe(r: UnitRecord, got: { source: string; target: string; code: string }[], trace: CodeTrace): string {
  const fmt = (es: { source: string; target: string; code: string }[]): string => (es.length ? es.map((e) => `${e.source}→${e.target} ${e.code}`).join(', ') : 'none');
  const verbs = trace.verbs.map((v) => `${v.text}[${v.code}]${v.pattern ? ` via "${v.pattern}"` : ''}${v.skipped ? ` (${v.skipped})` : ''}`).join('; ');
  return [
    `${r.id} (${r.category}, ${r.date}${r.sentenceAttr === 'false' ? ', sentence="false"' : ''}${r.config['require_dyad'] === 'false' ? ', require_dyad=false' : ''})`,
    `  text:     ${r.text}`,
    `  expected: ${r.errors.length ? `(error: ${r.errors.join(', ')}) ` : ''}${fmt(r.expected)}`,
    `  got:      ${fmt(got)}`,
    `  verbs:    ${verbs || '-'}${trace.discarded ? `  discarded by "${trace.discarded}"` : ''}`,
  ].join('\n');
}

const pct = (a: number, b: number): string => (b ? ((100 * a) / b).toFixed(1) : '-').padStart(5);
function line(name: string, t: Tally): string {
  const p = t.tp / (t.tp + t.fp || 1);
  const rc = t.tp / (t.tp + t.fn || 1);
  const f = p + rc ? (2 * p * rc) / (p + rc) : 0;
  return `${name.padEnd(28)} ${String(t.n).padStart(4)}  ${pct(t.exact, t.n)}%  ${pct(t.tp, t.tp + t.fp)}  ${pct(t.tp, t.tp + t.fn)}  ${(100 * f).toFixed(1).padStart(5)}`;
}

console.log(`PETRARCH unit-test records: ${recordsFile}`);
for (const s of dictionarySummary(dicts)) console.log(`  ${s}`);
console.log('');
console.log(`${'records'.padEnd(28)} ${'n'.padStart(4)}  exact%      P      R     F1`);
console.log(line('all', all));
console.log(line('without sentence="false"', active));
for (const [cat, t] of [...byCat].sort()) console.log(line(`  ${cat}`, t));
console.log(`\ncoded ${all.n} sentences in ${ms} ms`);
if (showFailures > 0) {
  console.log(`\nfailures (${failures.length}; first ${Math.min(showFailures, failures.length)}):`);
  for (const f of failures.slice(0, showFailures)) console.log(f);
}
