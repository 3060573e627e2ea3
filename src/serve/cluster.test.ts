// `newsgraph serve --processes 2` as a user runs it: both processes answer on one port, and SIGTERM stops them all.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { testDoc } from '../store/contract.js';
import { SqliteStore } from '../store/sqlite.js';
import { checkProcesses } from './cluster.js';

const bin = fileURLToPath(new URL('../../bin/newsgraph.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-cluster-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('checkProcesses: 1 to 64 or auto (one per core), with a message naming what was found', () => {
  assert.equal(checkProcesses('4'), 4);
  assert.equal(checkProcesses(undefined), 1);
  assert.equal(checkProcesses('auto'), Math.min(64, availableParallelism()));
  assert.throws(() => checkProcesses('0'), /--processes must be an integer 1 to 64 or auto, found '0'/);
  assert.throws(() => checkProcesses('two'), /found 'two'/);
});

test('serve --processes 2: one URL printed once, requests answered on it, all stop on SIGTERM', { timeout: 60_000 }, async () => {
  const db = join(dir, 'store.db');
  const store = new SqliteStore(db);
  await store.put(testDoc({ title: 'Ceasefire talks resume', paragraphs: ['Envoys met in Geneva to discuss a ceasefire.'] }));
  await store.close();

  const child = spawn(process.execPath, [bin, 'serve', '--db', db, '--port', '0', '--processes', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no URL printed: ${err}`)), 30_000);
      child.stderr.on('data', () => {
        const m = /serving (http:\/\/\S+) from 2 processes/.exec(err);
        if (m) {
          clearTimeout(t);
          resolve(m[1]!);
        }
      });
    });
    assert.equal(err.match(/serving http/g)?.length, 1, 'the URL is printed once, by the primary');
    // Many requests on fresh connections: each is answered, whichever process takes it.
    for (let i = 0; i < 20; i++) {
      const r = await fetch(`${url}api/search?q=ceasefire`, { headers: { connection: 'close' } });
      assert.equal(r.status, 200);
      const body = (await r.json()) as { total: number };
      assert.equal(body.total, 1);
    }
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exited, 0, `primary exit code (stderr: ${err})`);
});

test('serve --processes 2 refuses an in-memory store', () => {
  return new Promise<void>((resolve) => {
    const child = spawn(process.execPath, [bin, 'serve', '--db', ':memory:', '--processes', '2'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('exit', (code) => {
      assert.notEqual(code, 0);
      assert.match(err, /--processes > 1 needs a store file or PostgreSQL/);
      resolve();
    });
  });
});
