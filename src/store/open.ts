// One entry point from a --db spec to a Store: a file path or ":memory:" → SQLite; postgres:// → (later) PostgreSQL.
import { NewsgraphError } from '../errors.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export const DEFAULT_STORE = './newsgraph.db';

export async function openStore(spec: string = DEFAULT_STORE): Promise<Store> {
  const s = spec.trim() || DEFAULT_STORE;
  if (/^postgres(ql)?:\/\//i.test(s)) {
    throw new NewsgraphError('PostgreSQL store not available yet; use a SQLite file path for --db');
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) {
    throw new NewsgraphError(`unsupported store '${s.replace(/\/\/[^@/]*@/, '//…@')}': give a SQLite file path or :memory:`);
  }
  return new SqliteStore(s);
}
