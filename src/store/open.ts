// One entry point from a --db spec to a Store: a file path or ":memory:" → SQLite; postgres:// → PostgreSQL.
import { existsSync } from 'node:fs';
import { NewsgraphError } from '../errors.js';
import { PostgresStore } from './postgres.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export const DEFAULT_STORE = './newsgraph.db';

export async function openStore(spec: string = DEFAULT_STORE): Promise<Store> {
  const s = spec.trim() || DEFAULT_STORE;
  if (/^postgres(ql)?:\/\//i.test(s)) {
    return openPostgres(s);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) {
    throw new NewsgraphError(`unsupported store '${s.replace(/\/\/[^@/]*@/, '//…@')}': give a SQLite file path or :memory:`);
  }
  return new SqliteStore(s);
}

/** Refuses a SQLite path that does not exist, for commands that only read a store (search, show, export). */
export function requireStore(spec: string): void {
  if (spec !== ':memory:' && !/^postgres(ql)?:\/\//i.test(spec) && !existsSync(spec)) {
    throw new NewsgraphError(`${spec}: no such store; run \`newsgraph ingest\` or \`newsgraph demo\` first`);
  }
}

/** Opens the store, runs `f` with it, and closes it whatever happens. */
export async function withStore<T>(spec: string, f: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(spec);
  try {
    return await f(store);
  } finally {
    await store.close();
  }
}

/**
 * A connected, migrated PostgresStore. `?schema=name` in the URL selects (and creates) a schema; the other parameters
 * go to the driver. A connection failure is a one-line NewsgraphError naming the host, never the password.
 */
async function openPostgres(spec: string): Promise<Store> {
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    throw new NewsgraphError('invalid PostgreSQL URL (expected postgres://user@host:port/database)');
  }
  const schema = url.searchParams.get('schema') ?? undefined;
  url.searchParams.delete('schema');
  return PostgresStore.open(url.toString(), schema ? { schema } : {});
}
