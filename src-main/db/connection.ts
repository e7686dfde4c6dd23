import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BoucleError } from '../../src-shared/errors';
import { incompatibility, migrate } from './migrations';

export const DATABASE_FILE = 'boucle.sqlite';

export interface OpenOptions {
  /** Path to the native better-sqlite3 addon; the Electron shell passes its Electron-ABI build. */
  nativeBinding?: string;
}

/**
 * Opens (creating if needed) the workspace database in `dataDir`: refuses files we must not touch,
 * then WAL, foreign keys, and pending migrations.
 */
export function openDatabase(dataDir: string, opts: OpenOptions = {}): Database.Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE);
  const native = opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {};

  if (fs.existsSync(file) && fs.statSync(file).size > 0) {
    // Check read-only first: a refused database must be left exactly as it was.
    let probe: Database.Database;
    try {
      probe = new Database(file, { readonly: true, fileMustExist: true, ...native });
    } catch (e) {
      throw new BoucleError('database', `Cannot open ${file}: ${(e as Error).message}`);
    }
    try {
      const why = incompatibility(probe);
      if (why) throw new BoucleError('database', `${why} (${file})`);
    } catch (e) {
      if (e instanceof BoucleError) throw e;
      throw new BoucleError('database', `${file} is not a readable Boucle workspace: ${(e as Error).message}`);
    } finally {
      probe.close();
    }
  }

  const db = new Database(file, native);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
