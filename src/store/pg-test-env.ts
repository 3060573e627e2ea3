// The PostgreSQL that tests use: NEWSGRAPH_TEST_PG (default the local trust-auth `test` database), whether it is
// required (NEWSGRAPH_REQUIRE_PG=1, as CI sets it), and a probe that says why it is unreachable.
import pg from 'pg';

export const PG_URL = process.env.NEWSGRAPH_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test';
export const REQUIRE_PG = process.env.NEWSGRAPH_REQUIRE_PG === '1';

/** Null when the server answers, else the one-line reason. */
export async function probePg(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (e) {
    return e instanceof Error ? e.message.split('\n')[0]! : String(e);
  } finally {
    await client.end().catch(() => undefined);
  }
}
