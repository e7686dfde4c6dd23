import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BoucleError } from '../../src-shared/errors';
import { DATABASE_FILE } from './files';
import { checkIntegrity, damageOf, inspectFiles, type Damage } from './health';
import { incompatibility, migrate, type Migration } from './migrations';

export { DATABASE_FILE };

export interface OpenOptions {
  /** Path to the native better-sqlite3 addon; the Electron shell passes its Electron-ABI build. */
  nativeBinding?: string;
  /** Open for reading only: no migrations, no writes (another process holds the writer lock, or the file is damaged). */
  readOnly?: boolean;
  /**
   * Runs before pending migrations are applied to an existing workspace: the core writes its checked,
   * rotated backup there (services/workspace/backups.ts). Required to migrate: without it an existing
   * workspace that needs updating is refused rather than changed with no copy kept.
   */
  beforeMigrate?: (db: Database.Database, pending: Migration[]) => void;
  /** Skip the quick integrity check on open (the caller runs it off the thread instead). */
  skipQuickCheck?: boolean;
  /** With readOnly: open a file known to be damaged anyway, to read what can be read (no checks). */
  rescue?: boolean;
  /** Told what a long migration is doing (the CLI prints it, the app shows it). */
  onProgress?: (message: string) => void;
}

/** The workspace's files are damaged: opened for writing never, and left exactly as they are. */
export class DamagedWorkspace extends BoucleError {
  constructor(readonly damage: Damage) {
    super('damaged', `This workspace is damaged (${damage.kind.replace(/_/g, ' ')}): ${damage.detail}. The file was left untouched.`);
  }
}

/**
 * The write-ahead log's size at which a commit of this connection (the one that answers calls)
 * copies it back into the file. SQLite's default is 1,000 pages, meant as 4 MB of 4 KiB pages: with
 * our 16 KiB pages it was 16 MB, and the gap created or edited that filled it paid ~14 ms for the
 * copy and its fsync where the others took ~1 ms (a gap writes ~22 pages: the row, its 9 indexes,
 * the search index, the change log). 2 MB costs a pause of ~3 ms, six times as often.
 */
export const CHECKPOINT_BYTES = 2 * 1024 * 1024;

function checkpointPages(db: Database.Database): number {
  return Math.max(64, Math.round(CHECKPOINT_BYTES / Number(db.pragma('page_size', { simple: true }))));
}

const native = (opts: OpenOptions) => (opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});

/**
 * A new workspace is built beside its final name and linked into place complete, so a crash while
 * creating it never leaves a 0-byte or half-made boucle.sqlite (which would then read as damage).
 */
/** Bytes per page of a new workspace file. */
export const PAGE_SIZE = 16384;

function createNew(dataDir: string, file: string, opts: OpenOptions): void {
  const temp = path.join(dataDir, `${DATABASE_FILE}.new-${process.pid}-${Date.now()}`);
  const db = new Database(temp, native(opts));
  try {
    // Set before the first table, the only time it can be (WAL forbids changing it later). SQLite's
    // default 4 KiB pages made a million-row import write, index and checkpoint four times as many
    // pages: with 16 KiB, its index builds and commit took ~25% less (same rows, same file size). A
    // workspace made before keeps its 4 KiB pages; nothing else depends on the size.
    db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } finally {
    db.close();
  }
  try {
    fs.linkSync(temp, file); // fails if another process created the workspace meanwhile: theirs stays
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST' && !fs.existsSync(file)) fs.renameSync(temp, file); // no hard links here (FAT, some shares)
  } finally {
    fs.rmSync(temp, { force: true });
    fs.rmSync(`${temp}-wal`, { force: true });
    fs.rmSync(`${temp}-shm`, { force: true });
  }
}

/**
 * A rollback journal left by a process killed mid-write ("hot journal") must be rolled back before
 * anything reads the file, and only a connection that may write can do it (a read-only one fails with
 * SQLITE_READONLY_ROLLBACK). SQLite does it on the first read of a writable connection.
 */
function recoverHotJournal(file: string, opts: OpenOptions): void {
  const journal = `${file}-journal`;
  if (!fs.existsSync(journal) || fs.statSync(journal).size === 0) return;
  const db = new Database(file, { fileMustExist: true, ...native(opts) });
  try {
    db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
  } catch {
    // what is wrong with the file, the probe says next
  } finally {
    db.close();
  }
}

/** Read-only look before opening for real: refuses a stranger's or a newer file, finds damage. */
function probe(file: string, opts: OpenOptions): void {
  // Even read-only, SQLite creates the -wal and -shm of a WAL database: a file refused here is left as
  // it was found, so those go again.
  const created = ['-wal', '-shm'].filter((x) => !fs.existsSync(`${file}${x}`));
  const tidy = () => {
    for (const x of created) {
      const f = `${file}${x}`;
      if (x === '-shm' || (fs.existsSync(f) && fs.statSync(f).size === 0)) fs.rmSync(f, { force: true });
    }
  };
  try {
    probeOnce(file, opts);
  } catch (e) {
    tidy();
    throw e;
  }
}

function probeOnce(file: string, opts: OpenOptions): void {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...native(opts) });
  } catch (e) {
    throw new DamagedWorkspace(damageOf(e) ?? { kind: 'unreadable', detail: (e as Error).message });
  }
  try {
    const why = incompatibility(db);
    if (why) throw new BoucleError('database', `${why} (${file})`);
    if (!opts.skipQuickCheck) {
      const problems = checkIntegrity(db, 'quick');
      if (problems.length) throw new DamagedWorkspace({ kind: 'corrupt', detail: problems.slice(0, 5).join('; ') });
    }
  } catch (e) {
    if (e instanceof BoucleError) throw e;
    const damage = damageOf(e);
    if (damage) throw new DamagedWorkspace(damage);
    throw new BoucleError('database', `${file} is not a readable Boucle workspace: ${(e as Error).message}`);
  } finally {
    db.close();
  }
}

/**
 * Opens (creating if needed) the workspace database in `dataDir`: refuses files we must not touch
 * and damaged ones (DamagedWorkspace), then WAL, foreign keys, and pending migrations.
 */
export function openDatabase(dataDir: string, opts: OpenOptions = {}): Database.Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE);
  const state = inspectFiles(dataDir);
  if (state.state === 'damaged') throw new DamagedWorkspace(state.damage);
  if (state.state === 'new') {
    if (opts.readOnly) throw BoucleError.of('not_found', 'workspace.none_yet', { dir: dataDir });
    createNew(dataDir, file, opts);
  } else if (!opts.rescue) {
    if (!opts.readOnly) recoverHotJournal(file, opts);
    probe(file, opts);
  }

  const db = new Database(file, { fileMustExist: true, ...(opts.readOnly ? { readonly: true } : {}), ...native(opts) });
  try {
    if (!opts.readOnly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    if (!opts.readOnly) db.pragma('synchronous = NORMAL');
    if (!opts.readOnly) db.pragma(`wal_autocheckpoint = ${checkpointPages(db)}`);
    db.pragma('busy_timeout = 5000');
    if (!opts.readOnly) {
      migrate(db, {
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
        beforeMigrating: (pending) => {
          if (!opts.beforeMigrate) throw new Error('openDatabase: an existing workspace is migrated only after a backup (pass beforeMigrate)');
          opts.beforeMigrate(db, pending);
        },
      });
    }
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
