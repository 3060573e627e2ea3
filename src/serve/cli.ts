// `newsgraph serve` (and the end of `newsgraph demo`): the HTTP API and web UI over a store until interrupted.
import { existsSync } from 'node:fs';
import { NewsgraphError } from '../errors.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { checkProcesses, isServeWorker, runServeCluster } from './cluster.js';
import { buildServer } from './server.js';

export interface ServeOptions {
  host: string;
  port: number;
}

export function checkPort(v: string | number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new NewsgraphError(`--port must be an integer 0 to 65535, found '${v}'`);
  return n;
}

/** Serves a store until SIGINT/SIGTERM; resolves when the server has closed (the caller closes the store). */
export async function serveStore(store: Store, o: ServeOptions, say: (line: string) => void = (l) => process.stderr.write(l + '\n')): Promise<void> {
  const app = await buildServer({ store });
  let address: string;
  try {
    address = await app.listen({ host: o.host, port: o.port });
  } catch (e) {
    await app.close();
    const code = (e as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new NewsgraphError(`port ${o.port} on ${o.host} is in use; pick another with --port`);
    throw new NewsgraphError(`cannot listen on ${o.host}:${o.port} (${e instanceof Error ? e.message : String(e)})`);
  }
  const url = address.replace('://127.0.0.1', '://localhost').replace(/\/$/, '') + '/';
  if (!isServeWorker()) say(`newsgraph: serving ${url}  (API: ${url}api/articles, OpenAPI: ${url}api/openapi.json; Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void app.close().then(() => resolve());
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export async function cmdServe(o: { db: string; host: string; port: string | number; processes?: string | number }): Promise<number> {
  if (o.db !== ':memory:' && !/^postgres/i.test(o.db) && !existsSync(o.db)) {
    throw new NewsgraphError(`${o.db}: no such store; run \`newsgraph ingest\` or \`newsgraph demo\` first`);
  }
  const port = checkPort(o.port);
  const processes = checkProcesses(o.processes);
  if (processes > 1 && o.db === ':memory:') throw new NewsgraphError('--processes > 1 needs a store file or PostgreSQL: each process would have its own :memory: store');
  if (processes > 1 && !isServeWorker()) return runServeCluster(processes, o.host, (l) => process.stderr.write(l + '\n'));
  const store = await openStore(o.db);
  try {
    await serveStore(store, { host: o.host, port });
  } finally {
    await store.close();
    // A forked server process stays alive while its channel to the primary is open.
    if (isServeWorker()) process.disconnect?.();
  }
  return 0;
}
