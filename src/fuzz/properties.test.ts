// Property-based tests: each fuzz target (src/fuzz/arbitraries.ts TARGETS) for a fixed number of runs with a fixed,
// printed seed. Replay a failure with FUZZ_SEED=<seed>; run longer with FUZZ_RUNS_SCALE=10 or `node dist/fuzz/run.js`.
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TARGETS, fuzzSeed, runScale } from './arbitraries.js';

describe('fuzz: properties of extraction, decoding, analysis and batch parsing', () => {
  const seed = fuzzSeed();
  for (const target of TARGETS) {
    it(`${target.name}: ${Math.round(target.testRuns * runScale())} runs`, { timeout: 120_000 }, async (t) => {
      const numRuns = Math.round(target.testRuns * runScale());
      const t0 = performance.now();
      await fc.assert(target.property(), { seed, numRuns, includeErrorInReport: true });
      t.diagnostic(`${target.name}: seed ${seed}, ${numRuns} runs, ${(performance.now() - t0).toFixed(0)} ms`);
    });
  }
});
