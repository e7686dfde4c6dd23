import type { Database, Statement } from 'better-sqlite3';

// Prepared statements of the read paths that run on every keystroke or page (search, register),
// kept per connection. Only fixed SQL text built from code lists is cached, never user input.
const cache = new WeakMap<Database, Map<string, Statement>>();

export function prepared(db: Database, sql: string): Statement {
  let byText = cache.get(db);
  if (!byText) {
    byText = new Map();
    cache.set(db, byText);
  }
  let s = byText.get(sql);
  if (!s) {
    s = db.prepare(sql);
    byText.set(sql, s);
  }
  return s;
}
