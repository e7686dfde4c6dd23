import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BoucleError } from '../../src-shared/errors';
import { incompatibility, migrate, type Migration } from './migrations';

export const DATABASE_FILE = 'boucle.sqlite';

export interface OpenOptions {
  /** Path to the native better-sqlite3 addon; the Electron shell passes its Electron-ABI build. */
  nativeBinding?: string;
  /** Told what a long migration is doing (the CLI prints it, the app shows it). */
  onProgress?: (message: string) => void;
}

/** Where the copy taken before a migration goes: backups/ in the data folder. */
export const BACKUP_DIR = 'backups';

/**
 * A workspace about to be migrated is copied first (VACUUM INTO: a consistent, compact copy), so
 * that whatever happens the user keeps the file as it was; the copy is checked before going on.
 */
function backupBeforeMigrating(db: Database.Database, dataDir: string, pending: Migration[], native: object) {
  const dir = path.join(dataDir, BACKUP_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `boucle-before-schema-${pending.at(-1)!.version}-${stamp}.sqlite`);
  db.prepare('VACUUM INTO ?').run(file);
  const copy = new Database(file, { readonly: true, fileMustExist: true, ...native });
  try {
    const ok = copy.pragma('quick_check', { simple: true });
    if (ok !== 'ok') throw new BoucleError('database', `The copy taken before updating the workspace is damaged (${String(ok)}): nothing was changed`);
  } finally {
    copy.close();
  }
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
    migrate(db, {
      onProgress: opts.onProgress,
      beforeMigrating: (pending) => backupBeforeMigrating(db, dataDir, pending, native),
    });
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
