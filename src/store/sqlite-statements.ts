// Prepared statements of generated SQL, cached by their text: one cache per database connection, shared by the
// store and its query modules (search, annotation queries).
import type Database from 'better-sqlite3';

/** Beyond this many distinct texts the cache starts over (generated filters make the set open-ended). */
const MAX_STATEMENTS = 500;

export class Statements {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  get(text: string): Database.Statement {
    let st = this.cache.get(text);
    if (!st) {
      st = this.db.prepare(text);
      if (this.cache.size >= MAX_STATEMENTS) this.cache.clear();
      this.cache.set(text, st);
    }
    return st;
  }
}
