// PostgreSQL for the queue tests: a probe (skip with the reason, or fail under NEWSGRAPH_REQUIRE_PG=1), a fresh schema
// per run (the store's and the queue's), dropped afterwards.
import pg from 'pg';
import { PG_URL } from '../store/pg-test-env.js';

export { PG_URL, probePg, REQUIRE_PG } from '../store/pg-test-env.js';

/** A unique schema name and the --db spec selecting it. */
export function freshSchema(tag: string): { schema: string; spec: string } {
  const schema = `ng_w_${tag}_${process.pid}_${Date.now()}`;
  const u = new URL(PG_URL);
  u.searchParams.set('schema', schema);
  return { schema, spec: u.toString() };
}

/** Runs SQL with a short-lived client. */
export async function pgQuery<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Drops the store's schema and the queue's. */
export async function dropSchemas(schema: string): Promise<void> {
  await pgQuery(`DROP SCHEMA IF EXISTS "${schema}" CASCADE; DROP SCHEMA IF EXISTS "${schema}_queue" CASCADE`);
}
