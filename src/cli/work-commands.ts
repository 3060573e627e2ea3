// The distributed-processing commands: submit, worker, status, retry (a pg-boss queue beside a PostgreSQL store).
import type { Command } from 'commander';
import { NewsgraphError } from '../errors.js';
import { delayMs } from './source-commands.js';
import { queueStatus, retryFailed } from '../work/status.js';
import { submitPaths } from '../work/submit.js';
import { runWorker } from '../work/worker.js';

function positiveInt(name: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new NewsgraphError(`${name} must be a positive integer, found '${v}'`);
  return n;
}

function needDb(db: string | undefined): string {
  if (!db) throw new NewsgraphError('--db postgres://user@host:port/database is required (the queue lives in PostgreSQL)');
  return db;
}

/** Adds the queue commands to the program; `setExit` records the command's exit code. */
export function addWorkCommands(p: Command, setExit: (code: number) => void): void {
  p.command('submit')
    .description('Queue one ingest job per input file (keyed by content hash) or URL (keyed by the URL): resubmitting is harmless')
    .argument('<inputs...>', 'files, folders, globs or http(s) URLs (fetched by the workers)')
    .option('--db <url>', 'the PostgreSQL store (postgres://…); the queue lives beside it')
    .action(async (paths: string[], o: { db?: string }) => {
      const r = await submitPaths(needDb(o.db), paths);
      for (const e of r.errors) process.stderr.write(`${e.message}\n`);
      const from = [`${r.files} file${r.files === 1 ? '' : 's'}`, ...(r.urls ? [`${r.urls} URL${r.urls === 1 ? '' : 's'}`] : [])].join(' and ');
      process.stdout.write(`submitted ${r.queued} job${r.queued === 1 ? '' : 's'} (${r.already} already queued, ${r.errors.length} failed) from ${from}\n`);
      setExit(r.errors.length ? 1 : 0);
    });

  p.command('worker')
    .description('Process queued ingest jobs (read or fetch → analyse → store) until SIGINT/SIGTERM')
    .option('--db <url>', 'the PostgreSQL store (postgres://…)')
    .option('--concurrency <n>', 'jobs at once in this process', '1')
    .option('--drain', 'exit once the queue is empty')
    .option('--allow-private', 'URL jobs: fetch loopback and private addresses too (refused by default)')
    .option('--delay <seconds>', 'URL jobs: at least this long between two requests to one host, per worker process', '1')
    .action(async (o: { db?: string; concurrency: string; drain?: boolean; allowPrivate?: boolean; delay: string }) => {
      const db = needDb(o.db);
      const concurrency = positiveInt('--concurrency', o.concurrency);
      const minDelayMs = delayMs(o.delay);
      const ac = new AbortController();
      const stop = () => {
        if (ac.signal.aborted) return;
        process.stderr.write('worker: stopping (finishing the jobs in progress)…\n');
        ac.abort();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      try {
        const r = await runWorker(db, { concurrency, signal: ac.signal, drain: !!o.drain, allowPrivate: !!o.allowPrivate, minDelayMs, log: (l) => process.stderr.write(`${l}\n`) });
        process.stdout.write(`worker: ${r.jobs} jobs, ${r.stored} stored, ${r.duplicates} already stored, ${r.failed} failed\n`);
        // Everything of ours is closed now. A timer a library left running (seen once: pg-boss's maintenance timers
        // after stop) must not keep a finished worker alive; unref'd, this fires only if something else would.
        setTimeout(() => {
          process.stderr.write('worker: exiting although something was left running\n');
          process.exit();
        }, 5000).unref();
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
      setExit(0);
    });

  p.command('status')
    .description('Counts of queued, running, failed and done ingest jobs')
    .option('--db <url>', 'the PostgreSQL store (postgres://…)')
    .option('--failed', 'also list the failed jobs with their errors')
    .option('--json', 'print JSON')
    .action(async (o: { db?: string; failed?: boolean; json?: boolean }) => {
      const { counts, failed } = await queueStatus(needDb(o.db), { failed: !!o.failed });
      if (o.json) {
        process.stdout.write(JSON.stringify(o.failed ? { ...counts, failedJobs: failed } : counts) + '\n');
      } else {
        process.stdout.write(`queued ${counts.queued}, running ${counts.running}, failed ${counts.failed}, done ${counts.done}\n`);
        for (const f of failed) process.stdout.write(`failed ${f.id} ${f.input} (${f.attempts} attempt${f.attempts === 1 ? '' : 's'}): ${f.error}\n`);
      }
      setExit(0);
    });

  p.command('retry')
    .description('Re-queue the failed ingest jobs')
    .option('--db <url>', 'the PostgreSQL store (postgres://…)')
    .action(async (o: { db?: string }) => {
      const n = await retryFailed(needDb(o.db));
      process.stdout.write(`re-queued ${n} failed job${n === 1 ? '' : 's'}\n`);
      setExit(0);
    });
}
