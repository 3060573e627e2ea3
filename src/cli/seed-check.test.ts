// The shared seed scorer (../shared/seed/check.mjs) run as CI would: the article part must pass every check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const check = join(root, '../shared/seed/check.mjs');
const missing = existsSync(check) ? false : `seed scorer not found at ${check}`;
if (missing) console.log(`# skipped: ${missing}`);

test('seed article: every article check passes', { skip: missing }, () => {
  const r = spawnSync(process.execPath, [check, '--only', 'article'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, / 0 failed$/m);
});
