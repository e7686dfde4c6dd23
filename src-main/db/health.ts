import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from './files';

// What state the files of a workspace are in, before anything opens them for writing. A missing
// database is a new workspace; anything else that is not a sound SQLite file is damage, never
// "new": a 0-byte boucle.sqlite (a copy cut short, a full disk), one that cannot be read, or a
// write-ahead log without its database (the log holds the last changes; SQLite would delete it
// when creating a new file). Damage is reported, and the files are left exactly as they are.

export type DamageKind = 'empty_file' | 'unreadable' | 'wal_without_database' | 'not_a_database' | 'corrupt';

export interface Damage {
  kind: DamageKind;
  /** What SQLite or the file system said, or the first problems integrity_check found. */
  detail: string;
}

export type FileState = { state: 'new' } | { state: 'present' } | { state: 'damaged'; damage: Damage };

const size = (file: string): number | null => {
  try {
    return fs.statSync(file).size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
};

/** Looks at the files only (no SQLite): new, present, or damaged in a way a look shows. */
export function inspectFiles(dataDir: string): FileState {
  const file = path.join(dataDir, DATABASE_FILE);
  let dbSize: number | null;
  let walSize: number | null;
  try {
    dbSize = size(file);
    walSize = size(`${file}-wal`);
  } catch (e) {
    return { state: 'damaged', damage: { kind: 'unreadable', detail: (e as Error).message } };
  }
  if (dbSize === null) {
    if (walSize !== null && walSize > 0) {
      return { state: 'damaged', damage: { kind: 'wal_without_database', detail: `${DATABASE_FILE}-wal (${walSize} bytes) has no ${DATABASE_FILE}` } };
    }
    return { state: 'new' };
  }
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return { state: 'damaged', damage: { kind: 'unreadable', detail: `${file} is not a file` } };
    fs.accessSync(file, fs.constants.R_OK);
    if (dbSize === 0) return { state: 'damaged', damage: { kind: 'empty_file', detail: `${DATABASE_FILE} is 0 bytes` } };
    const head = Buffer.alloc(16);
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, head, 0, 16, 0);
    } finally {
      fs.closeSync(fd);
    }
    if (head.toString('latin1') !== 'SQLite format 3\u0000') {
      return { state: 'damaged', damage: { kind: 'not_a_database', detail: `${DATABASE_FILE} does not start with the SQLite header` } };
    }
  } catch (e) {
    return { state: 'damaged', damage: { kind: 'unreadable', detail: (e as Error).message } };
  }
  return { state: 'present' };
}

/** SQLite's own words for a file it cannot use, as damage; null for errors that are not about the file. */
export function damageOf(e: unknown): Damage | null {
  const code = (e as { code?: unknown }).code;
  const detail = e instanceof Error ? e.message : String(e);
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_CORRUPT_INDEX' || code === 'SQLITE_CORRUPT_SEQUENCE') return { kind: 'corrupt', detail };
  if (code === 'SQLITE_NOTADB') return { kind: 'not_a_database', detail };
  if (code === 'SQLITE_IOERR' || (typeof code === 'string' && code.startsWith('SQLITE_IOERR')) || code === 'SQLITE_CANTOPEN') {
    return { kind: 'unreadable', detail };
  }
  return null;
}

/**
 * PRAGMA quick_check (b-tree structure, every page reachable once, records well formed; no index
 * cross-check) or integrity_check (also every index against its table). Problems, or [] when sound.
 */
export function checkIntegrity(db: Database.Database, kind: 'quick' | 'full', maxProblems = 20): string[] {
  const rows = db.pragma(`${kind === 'quick' ? 'quick_check' : 'integrity_check'}(${maxProblems})`, { simple: false }) as Record<string, string>[];
  const problems = rows.map((r) => Object.values(r)[0] ?? '').filter((p) => p !== 'ok');
  if (kind === 'full' && problems.length === 0) {
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length) problems.push(`${fk.length} row(s) point to rows that do not exist (foreign_key_check)`);
  }
  return problems;
}

/** Opens `file` read-only and runs the check; damage when it cannot even be read. */
export function checkFile(file: string, kind: 'quick' | 'full', nativeBinding?: string): Damage | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const problems = checkIntegrity(db, kind);
    return problems.length ? { kind: 'corrupt', detail: problems.slice(0, 5).join('; ') } : null;
  } catch (e) {
    return damageOf(e) ?? { kind: 'unreadable', detail: e instanceof Error ? e.message : String(e) };
  } finally {
    db?.close();
  }
}
