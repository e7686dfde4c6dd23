import type { Database, Statement } from 'better-sqlite3';

// Strings that recur across many rows — node ids, entity and field names, the ids that change-log
// entries and measurements point at, import sources — stored once in `interned` and referred to by
// a small integer. The table only grows (an id never changes meaning), so a cache per connection is
// safe; what a rolled-back transaction added is forgotten with it.

export class Interner {
  private readonly ids = new Map<string, number>();
  private readonly texts = new Map<number, string>();
  private pending: string[] = [];
  private readonly select: Statement;
  private readonly selectText: Statement;
  private readonly insert: Statement;

  constructor(db: Database) {
    this.select = db.prepare(`SELECT id FROM interned WHERE text = ?`).pluck();
    this.selectText = db.prepare(`SELECT text FROM interned WHERE id = ?`).pluck();
    this.insert = db.prepare(`INSERT INTO interned (text) VALUES (?)`);
  }

  /** The id of `text`, added when new: only inside a write transaction. */
  id(text: string): number {
    const known = this.find(text);
    if (known !== undefined) return known;
    const id = Number(this.insert.run(text).lastInsertRowid);
    this.remember(text, id);
    this.pending.push(text);
    return id;
  }

  /** The id of `text` if it was ever interned. */
  find(text: string): number | undefined {
    const cached = this.ids.get(text);
    if (cached !== undefined) return cached;
    const id = this.select.get(text) as number | undefined;
    if (id !== undefined) this.remember(text, id);
    return id;
  }

  text(id: number): string {
    const cached = this.texts.get(id);
    if (cached !== undefined) return cached;
    const text = this.selectText.get(id) as string | undefined;
    if (text === undefined) throw new Error(`No interned string ${id}`);
    this.remember(text, id);
    return text;
  }

  /** The transaction that added `pending` committed: keep them. */
  commit(): void {
    this.pending = [];
  }

  /** It rolled back: the rows are gone, so must their ids be. */
  rollback(): void {
    for (const text of this.pending) {
      const id = this.ids.get(text);
      this.ids.delete(text);
      if (id !== undefined) this.texts.delete(id);
    }
    this.pending = [];
  }

  /** Forgets every cached id (after a rollback whose additions are not all known). */
  reset(): void {
    this.ids.clear();
    this.texts.clear();
    this.pending = [];
  }

  private remember(text: string, id: number) {
    this.ids.set(text, id);
    this.texts.set(id, text);
  }
}

const perConnection = new WeakMap<Database, Interner>();

/** The interner of a connection: the writer and every reader of that connection share it. */
export function internerOf(db: Database): Interner {
  let i = perConnection.get(db);
  if (!i) {
    i = new Interner(db);
    perConnection.set(db, i);
  }
  return i;
}
