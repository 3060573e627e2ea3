// The long fuzzer: each target of src/fuzz/arbitraries.ts for a time budget, with fresh seeds batch after batch.
//
//   node dist/fuzz/run.js [--seconds 60] [--target extractHtml[,pipeline-html]] [--seed N]
//
// Prints "target: N iterations, F failures" per target (and each failure's seed, path and counterexample, so that
// `FUZZ_SEED=<seed>` or fc's `path` can replay it), then exits 1 if anything failed.
import fc from 'fast-check';
import { TARGETS, type Target } from './arbitraries.js';

interface Args {
  seconds: number;
  targets: Target[];
  seed: number;
}

function parseArgs(argv: string[]): Args {
  let seconds = 60;
  let names: string[] | null = null;
  let seed = Date.now() % 2 ** 31;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = () => {
      const x = argv[++i];
      if (x == null) throw new Error(`${a} needs a value`);
      return x;
    };
    if (a === '--seconds') seconds = Number(v());
    else if (a === '--target') names = v().split(',');
    else if (a === '--seed') seed = Number(v());
    else if (a === '--help' || a === '-h') {
      console.log(`usage: node dist/fuzz/run.js [--seconds 60] [--target ${TARGETS.map((t) => t.name).join(',')}] [--seed N]`);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('--seconds must be a positive number');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  const targets = names ? names.map((n) => TARGETS.find((t) => t.name === n) ?? fail(`unknown target ${n}; known: ${TARGETS.map((t) => t.name).join(', ')}`)) : TARGETS;
  return { seconds, targets, seed };
}

function fail(msg: string): never {
  throw new Error(msg);
}

function clip(s: string, n = 600): string {
  return s.length > n ? `${s.slice(0, n)}... (${s.length} chars)` : s;
}

async function fuzzTarget(target: Target, seconds: number, seed0: number): Promise<{ iterations: number; failures: number }> {
  const deadline = performance.now() + seconds * 1000;
  let iterations = 0;
  let failures = 0;
  let batch = 25;
  for (let k = 0; performance.now() < deadline; k++) {
    const seed = (seed0 + k * 7919) | 0;
    const t0 = performance.now();
    const details = await fc.check(target.property(), { seed, numRuns: batch, includeErrorInReport: true });
    iterations += details.numRuns;
    if (details.failed) {
      failures++;
      const err = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      console.log(`  FAILURE in ${target.name}: seed ${seed}, path "${details.counterexamplePath}"`);
      console.log(`    error: ${clip(err.split('\n').slice(0, 3).join(' | '))}`);
      console.log(`    counterexample: ${clip(fc.stringify(details.counterexample))}`);
      if (failures >= 20) break;
    }
    // Aim for batches of ~1 s, so that the budget is kept and seeds change often.
    const ms = performance.now() - t0;
    if (!details.failed && ms > 0) batch = Math.max(5, Math.min(2000, Math.round((batch * 1000) / ms)));
  }
  return { iterations, failures };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  console.log(`fuzzing ${args.targets.length} target(s), ${args.seconds} s each, seed ${args.seed}`);
  let failed = 0;
  const lines: string[] = [];
  for (const target of args.targets) {
    const t0 = performance.now();
    const r = await fuzzTarget(target, args.seconds, args.seed);
    const line = `${target.name}: ${r.iterations} iterations, ${r.failures} failures (${((performance.now() - t0) / 1000).toFixed(1)} s)`;
    console.log(line);
    lines.push(line);
    failed += r.failures;
  }
  console.log('\nsummary');
  for (const l of lines) console.log(`  ${l}`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.error(`fuzz: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
});
