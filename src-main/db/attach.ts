import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from './files';
import { GuardedWriter } from './guarded-writer';
import type { Workspace } from './workspace';

/**
 * A second connection to a workspace already opened (and migrated, and locked) by this process:
 * what a worker thread uses. Its writer is created from the clock the database holds when write
 * access is granted (`refreshWriter`), so the stamps of the two threads follow one another.
 */
export function attachWorkspace(
  ref: { dataDir: string; nodeId: string; nativeBinding?: string },
  guard: () => void,
): Workspace & { refreshWriter(): void } {
  const file = path.join(ref.dataDir, DATABASE_FILE);
  const db = new Database(file, { fileMustExist: true, ...(ref.nativeBinding ? { nativeBinding: ref.nativeBinding } : {}) });
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  let writer: GuardedWriter | null = null;
  const make = () => new GuardedWriter(db, { nodeId: ref.nodeId }, guard);
  let closed = false;
  return {
    db,
    get writer() {
      writer ??= make();
      return writer;
    },
    dataDir: ref.dataDir,
    databaseFile: file,
    nodeId: ref.nodeId,
    readOnly: false,
    holder: null,
    ...(ref.nativeBinding ? { nativeBinding: ref.nativeBinding } : {}),
    refreshWriter() {
      writer = make();
    },
    close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
