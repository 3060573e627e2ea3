// `npm run bench`: every stage's throughput beside a baseline measured in the same run.
// Each bench runs in its own process so memory and warm-up do not leak between them.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const benches: [string, string[]][] = [
  ['extraction (ours vs @mozilla/readability + jsdom)', ['extract.js']],
  ['analysis (ours vs compromise)', ['analyze.js']],
  ['store (ours vs bare SQLite insert)', ['store.js']],
  ['WARC reader (10,000 synthetic responses, + extraction)', ['warc.js']],
];
let failed = 0;
for (const [title, [file, ...args]] of benches) {
  console.log(`\n== ${title}`);
  const r = spawnSync(process.execPath, [fileURLToPath(new URL(file!, import.meta.url)), ...args], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
