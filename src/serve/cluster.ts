// `newsgraph serve --processes N`: N server processes share one port (node:cluster), so API requests are answered on
// every core. Each process opens its own store connection: SQLite in WAL mode serves many readers, and the search
// cache notices other processes' writes. The primary only starts, restarts and stops the workers.
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { NewsgraphError } from '../errors.js';

/** `--processes`: 1 to 64, or `auto` for one per core. */
export function checkProcesses(v: string | number | undefined): number {
  if (v === 'auto') return Math.min(64, availableParallelism());
  const n = Number(v ?? 1);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new NewsgraphError(`--processes must be an integer 1 to 64 or auto, found '${v}'`);
  return n;
}

/** True in a process the primary forked: it serves, and leaves the URL line to the primary. */
export function isServeWorker(): boolean {
  return cluster.isWorker;
}

/**
 * Runs in the primary: forks `n` workers (each re-runs this command line and serves), prints the URL once they
 * listen, restarts a worker that dies, and stops them all on SIGINT/SIGTERM. Resolves when every worker has exited.
 */
export async function runServeCluster(n: number, host: string, say: (line: string) => void): Promise<number> {
  let stopping = false;
  let listening = 0;
  let failures = 0;
  const workers = new Set<Worker>();
  const fork = () => {
    const w = cluster.fork();
    workers.add(w);
    w.on('listening', (addr) => {
      failures = 0;
      if (++listening === n) {
        const shown = host === '127.0.0.1' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
        const url = `http://${shown}:${addr.port}/`;
        say(`newsgraph: serving ${url} from ${n} processes  (API: ${url}api/articles, OpenAPI: ${url}api/openapi.json; Ctrl-C to stop)`);
      }
    });
  };
  return new Promise<number>((resolve) => {
    let code = 0;
    cluster.on('exit', (w, exitCode, signal) => {
      workers.delete(w);
      if (!stopping) {
        // A worker that fails at once (port in use, bad store) would fail again: give up after a few in a row.
        if (++failures > 3) {
          say(`newsgraph: server processes keep exiting (last: ${signal ?? `code ${exitCode}`}); stopping`);
          code = 1;
          stop();
        } else {
          say(`newsgraph: a server process exited (${signal ?? `code ${exitCode}`}); starting another`);
          fork();
        }
      }
      if (workers.size === 0 && stopping) resolve(code);
    });
    const stop = () => {
      if (stopping) return;
      stopping = true;
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      for (const w of workers) w.process.kill('SIGTERM');
      if (workers.size === 0) resolve(code);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    for (let i = 0; i < n; i++) fork();
  });
}
