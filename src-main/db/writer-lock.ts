import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

// One writer per workspace. Two processes writing one SQLite file lock each other out for the
// length of a big write and, sharing one node id, can stamp two changes with the same clock value.
// So the process that writes holds a lock, and any other opens the workspace read-only.
//
// The lock is an OS file lock, taken through SQLite on a small file beside the database
// (boucle.lock, EXCLUSIVE locking mode: once written, SQLite never lets go of it until the
// connection closes). The OS drops it when the process ends, however it ends — a crash, a SIGKILL,
// a power cut — so a stale lock cannot outlive its holder, and a reused pid cannot fake one. Who
// holds it (process, host, program, since when) is in boucle.lock.json beside it, written by the
// holder once it has the lock; a process that finds the lock taken reads it to name the holder.

export const LOCK_FILE = 'boucle.lock';
export const HOLDER_FILE = 'boucle.lock.json';

export interface LockHolder {
  pid: number;
  host: string;
  /** What holds it, in words: "the Boucle app", "boucle serve", "boucle import measurements". */
  program: string;
  startedAt: string;
}

export interface WriterLock {
  readonly holder: LockHolder;
  /** The previous holder's record, when it died holding the lock (its record was left behind). */
  readonly tookOverFrom: LockHolder | null;
  release(): void;
}

export type LockResult = { ok: true; lock: WriterLock } | { ok: false; heldBy: LockHolder | null };

export interface LockOptions {
  program: string;
  nativeBinding?: string;
  /** How long to retry while the lock changes hands (a holder closing, another process taking over). */
  settleMs?: number;
}

function readHolder(dataDir: string): LockHolder | null {
  try {
    const h = JSON.parse(fs.readFileSync(path.join(dataDir, HOLDER_FILE), 'utf8')) as LockHolder;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? h : null;
  } catch {
    return null;
  }
}

/** Whether a process of this host is running (a process of another host cannot be asked). */
export function holderAlive(h: LockHolder): boolean | null {
  if (h.host !== os.hostname()) return null;
  try {
    process.kill(h.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryLock(file: string, nativeBinding: string | undefined): Database.Database | null {
  const db = new Database(file, nativeBinding ? { nativeBinding } : {});
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('journal_mode = DELETE');
    db.pragma('locking_mode = EXCLUSIVE');
    // The write takes the EXCLUSIVE lock; in this locking mode it is kept after the commit.
    db.exec(`CREATE TABLE IF NOT EXISTS writer (id INTEGER PRIMARY KEY CHECK (id = 1), since TEXT NOT NULL)`);
    db.prepare(`INSERT INTO writer (id, since) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET since = excluded.since`).run(new Date().toISOString());
    return db;
  } catch (e) {
    db.close();
    if ((e as { code?: string }).code === 'SQLITE_BUSY' || (e as { code?: string }).code === 'SQLITE_LOCKED') return null;
    throw e;
  }
}

function sleepSync(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Takes the writer lock of `dataDir`, or says who holds it. Never waits longer than `settleMs`. */
export function acquireWriterLock(dataDir: string, opts: LockOptions): LockResult {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const deadline = Date.now() + (opts.settleMs ?? 1000);
  for (;;) {
    const db = tryLock(file, opts.nativeBinding);
    if (db) {
      const previous = readHolder(dataDir);
      const holder: LockHolder = { pid: process.pid, host: os.hostname(), program: opts.program, startedAt: new Date().toISOString() };
      const partial = path.join(dataDir, `${HOLDER_FILE}.${process.pid}.partial`);
      fs.writeFileSync(partial, JSON.stringify(holder), { mode: 0o600 });
      fs.renameSync(partial, path.join(dataDir, HOLDER_FILE));
      let released = false;
      return {
        ok: true,
        lock: {
          holder,
          tookOverFrom: previous && !(previous.pid === holder.pid && previous.host === holder.host) ? previous : null,
          release() {
            if (released) return;
            released = true;
            // The record first: a process that then finds the lock still taken retries instead of
            // naming us after we are gone.
            const now = readHolder(dataDir);
            if (now && now.pid === holder.pid && now.host === holder.host && now.startedAt === holder.startedAt) {
              fs.rmSync(path.join(dataDir, HOLDER_FILE), { force: true });
            }
            db.close();
          },
        },
      };
    }
    const heldBy = readHolder(dataDir);
    // No record, or the record of a dead process: the lock is changing hands; look again shortly.
    const settled = heldBy !== null && holderAlive(heldBy) !== false;
    if (settled || Date.now() >= deadline) return { ok: false, heldBy };
    sleepSync(25);
  }
}

/** "boucle serve (process 4242 on laptop, since 2026-03-02 09:14)". */
export function describeHolder(h: LockHolder | null): string {
  if (!h) return 'another Boucle';
  const since = h.startedAt.replace('T', ' ').slice(0, 16);
  return `${h.program} (process ${h.pid} on ${h.host}, since ${since} UTC)`;
}
