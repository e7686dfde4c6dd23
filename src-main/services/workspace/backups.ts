import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { BoucleError } from '../../../src-shared/errors';
import { BACKUP_REASONS, type BackupInfo, type BackupList, type BackupReason } from '../../../src-shared/workspace/schemas';
import { copyDatabase } from '../../db/backup';
import { DATABASE_FILE } from '../../db/files';

// Backups of a workspace, in the `backups` folder of its data folder (private to the user, 0700):
// written automatically on the first open of each day, before every migration, before a restore and
// before a large import, and on demand (Settings → Back up now, `boucle backup`). Each is checked as
// soon as it is written (db/backup.ts) and described by a small JSON file beside it. Kept by
// rotation: everything from the last 24 hours, then the newest of each of the last 7 days, of each of
// the last 4 weeks and of each of the last 12 months.

export const BACKUP_FOLDER = 'backups';
const NAME = /^boucle-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-([a-z-]+)\.sqlite$/;
const KEEP = { recentHours: 24, recentMax: 20, days: 7, weeks: 4, months: 12 };

interface Sidecar {
  reason: BackupReason;
  createdAt: string;
  schemaVersion: number;
  counts: Record<string, number>;
  checked: 'quick' | 'full';
}

export const backupFolderOf = (dataDir: string) => path.join(dataDir, BACKUP_FOLDER);

function ensureFolder(dataDir: string): string {
  const dir = backupFolderOf(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

export function freeBytes(dir: string): number | null {
  try {
    const s = fs.statfsSync(dir);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return null;
  }
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('.', '');

function info(dir: string, name: string): BackupInfo | null {
  const m = NAME.exec(name);
  let bytes: number;
  try {
    bytes = fs.statSync(path.join(dir, name)).size;
  } catch {
    return null;
  }
  let side: Sidecar | null = null;
  try {
    side = JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) as Sidecar;
  } catch {
    // a file copied into the folder by hand: listed, checked only when restored
  }
  const createdAt = m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z` : fs.statSync(path.join(dir, name)).mtime.toISOString();
  const reason = (BACKUP_REASONS as readonly string[]).includes(m?.[8] ?? '') ? (m![8] as BackupReason) : 'copied';
  return {
    name,
    reason: side?.reason ?? reason,
    createdAt: side?.createdAt ?? createdAt,
    bytes,
    schemaVersion: side?.schemaVersion ?? null,
    counts: side?.counts ?? null,
    checked: side !== null,
  };
}

/** The backups of a workspace, newest first. */
export function listBackups(dataDir: string): BackupList {
  const dir = backupFolderOf(dataDir);
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir).filter((n) => /^boucle-.*\.sqlite$/.test(n));
  } catch {
    // no backup yet
  }
  const items = names.map((n) => info(dir, n)).filter((b): b is BackupInfo => b !== null);
  items.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  return { folder: dir, items, totalBytes: items.reduce((n, b) => n + b.bytes, 0), freeBytes: freeBytes(fs.existsSync(dir) ? dir : dataDir) };
}

/** A backup named by the app (never a path): its file in the backups folder. */
export function backupFile(dataDir: string, name: string): string {
  if (!/^boucle-[0-9A-Za-z-]{1,80}\.sqlite$/.test(name)) throw BoucleError.of('validation', 'backup.bad_name', undefined, 'name');
  const file = path.join(backupFolderOf(dataDir), name);
  if (!fs.existsSync(file)) throw BoucleError.of('not_found', 'backup.no_such', { name }, 'name');
  return file;
}

/** The newest backup that was checked when written (the one "restore the latest good backup" offers). */
export function latestGoodBackup(dataDir: string): BackupInfo | null {
  return listBackups(dataDir).items.find((b) => b.checked) ?? null;
}

function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}

/** True when no backup was written today (local time): the first open of the day makes one. */
export function needsDailyBackup(dataDir: string, now = new Date()): boolean {
  const today = localDay(now.toISOString());
  return !listBackups(dataDir).items.some((b) => b.checked && localDay(b.createdAt) === today);
}

export interface WriteBackupOptions {
  /** integrity_check (every index against its table) or quick_check of the copy. */
  check?: 'quick' | 'full';
  /** A file outside the folder (`boucle backup --out FILE`): not rotated, no sidecar. */
  out?: string;
  now?: Date;
  nativeBinding?: string;
  /** Rotate the folder afterwards (default true; a restore rotates only once it is done). */
  rotate?: boolean;
}

/** Writes a checked backup of `db`, then rotates the folder. Refuses when the disk cannot hold it. */
export function writeBackup(db: Database, dataDir: string, reason: BackupReason, opts: WriteBackupOptions = {}): BackupInfo & { file: string } {
  const now = opts.now ?? new Date();
  const dir = opts.out ? path.dirname(path.resolve(opts.out)) : ensureFolder(dataDir);
  const name = opts.out ? path.basename(opts.out) : `boucle-${stamp(now)}-${reason}.sqlite`;
  const file = path.join(dir, name);
  if (fs.existsSync(file)) throw BoucleError.of('conflict', 'backup.exists', { file });
  const source = path.join(dataDir, DATABASE_FILE);
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
  const needed = size(source) + size(`${source}-wal`) + 16 * 1024 * 1024;
  const free = freeBytes(dir);
  if (free !== null && free < needed) throw BoucleError.of('conflict', 'backup.no_space', { needed, free, dir });
  const check = opts.check ?? 'full';
  const result = copyDatabase(db, file, { check, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
  const side: Sidecar = { reason, createdAt: now.toISOString(), schemaVersion: result.schemaVersion, counts: result.counts, checked: check };
  if (!opts.out) {
    fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(side, null, 2), { mode: 0o600 });
    if (opts.rotate !== false) rotateBackups(dataDir, now);
  }
  return { file, name, reason, createdAt: side.createdAt, bytes: size(file), schemaVersion: result.schemaVersion, counts: result.counts, checked: true };
}

const isoWeek = (d: Date) => {
  const t = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const year = t.getUTCFullYear();
  return `${year}-W${Math.ceil(((t.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7)}`;
};

/** Which backups the rotation keeps, by name (pure, for tests): see the header. */
export function backupsToKeep(items: Pick<BackupInfo, 'name' | 'createdAt'>[], now: Date): Set<string> {
  const keep = new Set<string>();
  const sorted = [...items].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  const recent = sorted.filter((b) => now.getTime() - new Date(b.createdAt).getTime() < KEEP.recentHours * 3600_000);
  recent.slice(0, KEEP.recentMax).forEach((b) => keep.add(b.name));
  const newestPer = (key: (d: Date) => string, count: number) => {
    const seen = new Set<string>();
    for (const b of sorted) {
      const k = key(new Date(b.createdAt));
      if (seen.has(k)) continue;
      seen.add(k);
      if (seen.size > count) break;
      keep.add(b.name);
    }
  };
  newestPer((d) => localDay(d.toISOString()), KEEP.days);
  newestPer(isoWeek, KEEP.weeks);
  newestPer((d) => `${d.getFullYear()}-${d.getMonth()}`, KEEP.months);
  return keep;
}

/** Deletes the backups the rotation does not keep; returns their names. Files copied in by hand stay. */
export function rotateBackups(dataDir: string, now = new Date()): string[] {
  const dir = backupFolderOf(dataDir);
  const ours = listBackups(dataDir).items.filter((b) => b.checked && NAME.test(b.name));
  const keep = backupsToKeep(ours, now);
  const removed: string[] = [];
  for (const b of ours) {
    if (keep.has(b.name)) continue;
    fs.rmSync(path.join(dir, b.name), { force: true });
    fs.rmSync(path.join(dir, `${b.name}.json`), { force: true });
    removed.push(b.name);
  }
  return removed;
}
