import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BoucleError } from '../../src-shared/errors';
import type { BackupInfo } from '../../src-shared/workspace/schemas';
import { checkCopy } from '../db/backup';
import { DATABASE_FILE } from '../db/files';
import { backupFolderOf, listBackups } from '../services/workspace/backups';

// Restoring a workspace from a backup (or any Boucle workspace file): the file is checked first —
// a Boucle workspace this version can open, whole under integrity_check — and refused otherwise.
// The database it replaces is never deleted: its files (and their write-ahead log) are moved into
// backups/replaced-<time>/ first. The copy goes in under a temporary name and is renamed into
// place complete. The caller holds the writer lock and has closed every connection to the file.

export interface RestorePlan {
  source: string;
  info: BackupInfo;
}

/** Checks `file` for restoring; refuses it in words when it is not a sound Boucle workspace. */
export function checkRestorable(dataDir: string, file: string, nativeBinding?: string): RestorePlan {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw BoucleError.of('not_found', 'backup.no_file', { file });
  if (path.resolve(file) === path.resolve(dataDir, DATABASE_FILE)) throw BoucleError.of('validation', 'backup.is_current', { file });
  const check = checkCopy(file, 'full', nativeBinding);
  if (check.problems.length) throw BoucleError.of('validation', 'backup.restore_refused', { file, problems: check.problems.slice(0, 3).join('; ') });
  const listed = listBackups(dataDir).items.find((b) => path.join(backupFolderOf(dataDir), b.name) === path.resolve(file));
  const info: BackupInfo = listed ?? {
    name: path.basename(file),
    reason: 'copied',
    createdAt: fs.statSync(file).mtime.toISOString(),
    bytes: fs.statSync(file).size,
    schemaVersion: check.schemaVersion,
    counts: check.counts,
    checked: true,
  };
  return { source: file, info };
}

/** The clock and node id of the database being replaced, to carry over (stamps must never go back). */
export interface CarriedState {
  hlc: string | null;
  nodeId: string | null;
}

export function readCarriedState(db: Database.Database): CarriedState {
  try {
    const get = db.prepare(`SELECT value FROM meta WHERE key = ?`).pluck();
    return { hlc: (get.get('hlc') as string | undefined) ?? null, nodeId: (get.get('node_id') as string | undefined) ?? null };
  } catch {
    return { hlc: null, nodeId: null };
  }
}

const laterClock = (a: string | null, b: string | null): string | null => {
  if (!a) return b;
  if (!b) return a;
  const pa = JSON.parse(a) as { ms: number; counter: number };
  const pb = JSON.parse(b) as { ms: number; counter: number };
  return pa.ms > pb.ms || (pa.ms === pb.ms && pa.counter >= pb.counter) ? a : b;
};

/**
 * Moves the current database aside and puts a copy of `plan.source` in its place. Returns the folder
 * the replaced files went to. Every connection to the workspace must be closed.
 */
export function placeRestoredDatabase(dataDir: string, plan: RestorePlan, carried: CarriedState, nativeBinding?: string): string {
  const file = path.join(dataDir, DATABASE_FILE);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('.', '');
  const aside = path.join(backupFolderOf(dataDir), `replaced-${stamp}`);
  const incoming = path.join(dataDir, `${DATABASE_FILE}.restoring-${process.pid}`);
  fs.rmSync(incoming, { force: true });
  fs.copyFileSync(plan.source, incoming);
  try {
    // The restored file keeps this installation's identity and a clock no earlier than the one it
    // replaces, so no change written after the restore can repeat a stamp written before it.
    const db = new Database(incoming, nativeBinding ? { nativeBinding } : {});
    try {
      // In WAL mode before it takes its name, so that opening it afterwards changes nothing in it.
      db.pragma('journal_mode = WAL');
      const saved = readCarriedState(db);
      const set = db.prepare(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`);
      const hlc = laterClock(saved.hlc, carried.hlc);
      if (hlc) set.run('hlc', hlc);
      if (carried.nodeId) set.run('node_id', carried.nodeId);
    } finally {
      db.close(); // checkpoints and removes its -wal
    }
    const fd = fs.openSync(incoming, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    // Aside first (hard links: instant, no space), so that at every moment one complete copy of the
    // old database exists; then its log goes (it belongs to the old file, and applied to the new one
    // it would corrupt it); then the new file replaces the old in one rename.
    fs.mkdirSync(aside, { recursive: true, mode: 0o700 });
    for (const suffix of ['', '-wal', '-shm']) {
      const from = `${file}${suffix}`;
      if (!fs.existsSync(from)) continue;
      const to = path.join(aside, `${DATABASE_FILE}${suffix}`);
      try {
        fs.linkSync(from, to);
      } catch {
        fs.copyFileSync(from, to);
      }
    }
    fs.rmSync(`${file}-wal`, { force: true });
    fs.rmSync(`${file}-shm`, { force: true });
    fs.renameSync(incoming, file);
  } finally {
    for (const x of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${incoming}${x}`, { force: true });
  }
  return aside;
}
