import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { BoucleError } from '../../src-shared/errors';
import type { Workspace } from '../db/workspace';
import { DATABASE_FILE, openDatabase, type OpenOptions } from '../db/connection';
import { GuardedWriter } from '../db/guarded-writer';
import { newId } from '../db/ids';
import { acquireWriterLock, describeHolder, type LockHolder, type WriterLock } from '../db/writer-lock';
import { sweepSpools } from '../services/imports/spool';
import { writeBackup } from '../services/workspace/backups';

/** The node id is generated once per installation (per workspace database) and never changes. */
function ensureNodeId(db: Database): string {
  const existing = db.prepare(`SELECT value FROM meta WHERE key = 'node_id'`).pluck().get() as string | undefined;
  if (existing) return existing;
  const id = newId().replace(/-/g, '').slice(-16);
  db.prepare(`INSERT INTO meta (key, value) VALUES ('node_id', ?)`).run(id);
  return id;
}

export interface OpenWorkspaceOptions extends OpenOptions {
  /** Who opens it, in words, for the lock record another process reads ("boucle serve"). */
  program?: string;
  /**
   * When another process holds the writer lock: open read-only (reads work, every write is refused
   * naming the holder), or refuse at once (a CLI command that writes).
   */
  whenHeld?: 'read-only' | 'refuse';
  /** The writer lock, taken already by the caller (a session keeps it across reopenings); not released on close. */
  lock?: WriterLock;
  /** With readOnly: who holds the lock, for the refusals' words. */
  holder?: LockHolder | null;
  /**
   * Open without the quick integrity check, which the caller runs on a worker thread instead; writes
   * are refused until it clears the file (gate.checking). For large files: quick_check reads every page.
   */
  deferQuickCheck?: boolean;
}

/** Above this size quick_check takes more than about a second: it runs on a worker thread after opening. */
export const QUICK_CHECK_INLINE_BYTES = 64 * 1024 * 1024;

/** What stops the writer of this process, checked before every write (GuardedWriter). */
export interface WriteGate {
  /** Set while a worker thread writes on its own connection. */
  worker: { task: string; label: string } | null;
  /** Set when the workspace turns out damaged while open (the daily full check). */
  damaged: string | null;
  /** Set until the quick integrity check run after opening has cleared the file. */
  checking: boolean;
}

/** A workspace opened by this process, with what its session needs to steer it. */
export interface OpenedWorkspace extends Workspace {
  readonly gate: WriteGate;
  readonly lock: WriterLock | null;
  /** A new writer whose clock starts from the database's (after a worker thread wrote). */
  reloadWriter(): void;
}

export function heldError(holder: LockHolder | null): BoucleError {
  return BoucleError.of('read_only', 'workspace.held', { holder: describeHolder(holder) });
}

/**
 * Opens the workspace of `dataDir` for this process: takes the writer lock (or opens read-only,
 * or refuses, when another process holds it), refuses damaged files (DamagedWorkspace) and files of
 * another program or version, backs up before migrating, migrates.
 */
export function openWorkspace(dataDir: string, opts: OpenWorkspaceOptions = {}): OpenedWorkspace {
  const native = opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {};
  const given = opts.lock ?? null;
  const got = opts.readOnly || given ? null : acquireWriterLock(dataDir, { program: opts.program ?? 'Boucle', ...native });
  let lock: WriterLock | null = given;
  let holder: LockHolder | null = opts.holder ?? null;
  if (got?.ok) {
    lock = got.lock;
    sweepSpools(dataDir); // the writer now: what an interrupted import left is no one's
  }
  else if (got) {
    holder = got.heldBy;
    if (opts.whenHeld === 'refuse') throw heldError(holder);
  }
  const readOnly = lock === null;
  // Opening a WAL database, even read-only, creates its -wal and -shm: a damaged workspace is left as
  // it was found, so what the rescue connection created goes again when it closes.
  const file = path.join(dataDir, DATABASE_FILE);
  const createdByUs = opts.rescue ? ['-wal', '-shm'].filter((x) => !fs.existsSync(`${file}${x}`)) : [];
  const tidy = () => {
    for (const x of createdByUs) {
      const f = `${file}${x}`;
      if (x === '-shm' || (fs.existsSync(f) && fs.statSync(f).size === 0)) fs.rmSync(f, { force: true });
    }
  };
  let db: Database;
  try {
    db = openDatabase(dataDir, {
      ...opts,
      readOnly,
      ...(opts.deferQuickCheck ? { skipQuickCheck: true } : {}),
      // The one backup mechanism (checked, described, rotated), before every migration.
      beforeMigrate: (conn) => void writeBackup(conn, dataDir, 'before-migration', { check: 'quick', ...native }),
    });
  } catch (e) {
    tidy();
    if (!given) lock?.release();
    throw e;
  }
  let nodeId: string;
  try {
    nodeId = readOnly
      ? ((db.prepare(`SELECT value FROM meta WHERE key = 'node_id'`).pluck().get() as string | undefined) ?? 'read-only')
      : ensureNodeId(db);
  } catch (e) {
    db.close();
    tidy();
    if (!given) lock?.release();
    throw e;
  }
  const gate: WriteGate = { worker: null, damaged: null, checking: opts.deferQuickCheck === true };
  const guard = () => {
    if (gate.damaged !== null) throw BoucleError.of('damaged', 'workspace.damaged_now', { detail: gate.damaged });
    if (gate.checking) throw BoucleError.of('conflict', 'workspace.checking');
    if (readOnly) throw heldError(holder);
    if (gate.worker) throw BoucleError.of('conflict', 'write.worker_busy', { what: gate.worker.label });
  };
  let writer = new GuardedWriter(db, { nodeId }, guard);
  let closed = false;
  return {
    db,
    get writer() {
      return writer;
    },
    dataDir,
    databaseFile: path.join(dataDir, DATABASE_FILE),
    nodeId,
    readOnly,
    holder,
    ...native,
    gate,
    lock,
    reloadWriter() {
      writer = new GuardedWriter(db, { nodeId }, guard);
    },
    close() {
      if (closed) return;
      closed = true;
      db.close();
      tidy();
      if (!given) lock?.release();
    },
  };
}
