import type { Database } from 'better-sqlite3';
import { Writer, type BulkWrite, type WriteTx, type WriterOptions } from './write';

/**
 * The write path with a gate in front: `guard` throws, at once and in words, when this connection
 * must not write now — the workspace is read-only (another process holds the writer lock, or it is
 * damaged), or a worker thread is writing a long import on its own connection. Without the gate a
 * write would wait for SQLite's lock and fail seconds later with "database is locked".
 */
export class GuardedWriter extends Writer {
  constructor(
    db: Database,
    opts: WriterOptions,
    private readonly guard: () => void,
  ) {
    super(db, opts);
  }

  override write<T>(fn: (tx: WriteTx) => T): T {
    if (!this.db.inTransaction) this.guard(); // a nested write joins the outer one, already let through
    return super.write(fn);
  }

  override beginBulk(): BulkWrite {
    this.guard();
    return super.beginBulk();
  }
}
