import { BoucleError } from '../../src-shared/errors';
import type { BackupInfo, BackupReason, DamageKindName, RestoreResult, WorkspaceHealth } from '../../src-shared/workspace/schemas';
import { DamagedWorkspace } from '../db/connection';
import { acquireWriterLock, type LockHolder, type WriterLock } from '../db/writer-lock';
import { backupFile, latestGoodBackup, needsDailyBackup, rotateBackups } from '../services/workspace/backups';
import { rescueExport } from '../services/workspace/rescue';
import { runTask, type RunOptions } from '../workers/pool';
import type { TaskInput, TaskName, TaskOutput } from '../workers/tasks';
import { checkRestorable, placeRestoredDatabase, readCarriedState } from './restore';
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE } from '../db/files';
import { lastSeq } from '../db/log-read';
import { heldError, openWorkspace, QUICK_CHECK_INLINE_BYTES, type OpenedWorkspace } from './workspace';

// A workspace as a shell holds it (the app, `serve`, a CLI command): opened whatever state its files
// are in — writable; read-only when another process holds the writer lock; damaged, read-only at
// most, with what can be done about it — and reopened after a restore or on another folder. Long
// work runs on worker threads through it, so that writes of the two threads never overlap. It does
// the daily care in the background: a checked backup on the first open of the day, and a full
// integrity check.

export interface SessionOptions {
  /** Who holds the workspace, in words, for another process's refusals ("boucle serve"). */
  program: string;
  nativeBinding?: string;
  /**
   * The daily care in the background: a checked backup and a full integrity check ('full', the
   * default: the app, serve), the backup only ('backup': a CLI command, short-lived), or none.
   */
  maintenance?: 'full' | 'backup' | false;
  /** Told what a long opening is doing (a migration of a big workspace). */
  onProgress?: (message: string) => void;
  /**
   * Measurement imports of files up to this size run on this thread, larger ones on a worker
   * (default: WORKER_IMPORT_BYTES). A CLI command answers no one else meanwhile, and a worker
   * thread's start is about a quarter of a 100k-row import; a large one still gets the worker's
   * smaller young generation (peak RSS).
   */
  inlineImportBytes?: number;
}

interface Damage {
  kind: DamageKindName;
  detail: string;
}

export class WorkspaceSession {
  private current: OpenedWorkspace | null = null;
  private lock: WriterLock | null = null;
  private holder: LockHolder | null = null;
  private damage: Damage | null = null;
  private readonly running = new Set<Promise<unknown>>();
  private lastFullCheck: string | null = null;
  /** The daily care started by the last opening; settles, never rejects. */
  maintenance: Promise<void> = Promise.resolve();
  /** Settles once the integrity check of the last opening is done (at once for a small file). */
  ready: Promise<void> = Promise.resolve();

  private constructor(
    public dataDir: string,
    private readonly opts: SessionOptions,
    /** False for a workspace opened by someone else (tests, createCore(ws)): never closed here. */
    private readonly owned = true,
  ) {}

  /** Files up to this size are imported on this thread (SessionOptions.inlineImportBytes). */
  get inlineImportBytes(): number | undefined {
    return this.opts.inlineImportBytes;
  }

  /** A session around a workspace its caller opened and will close. */
  static of(ws: OpenedWorkspace): WorkspaceSession {
    const s = new WorkspaceSession(ws.dataDir, { program: 'Boucle', maintenance: false as const, ...(ws.nativeBinding ? { nativeBinding: ws.nativeBinding } : {}) }, false);
    s.current = ws;
    s.lock = ws.lock;
    s.holder = ws.holder;
    return s;
  }

  static open(dataDir: string, opts: SessionOptions): WorkspaceSession {
    const s = new WorkspaceSession(dataDir, opts);
    s.openHere();
    return s;
  }

  private get native() {
    return this.opts.nativeBinding ? { nativeBinding: this.opts.nativeBinding } : {};
  }

  private openHere(): void {
    this.damage = null;
    this.holder = null;
    if (!this.lock) {
      const got = acquireWriterLock(this.dataDir, { program: this.opts.program, ...this.native });
      if (got.ok) this.lock = got.lock;
      else this.holder = got.heldBy;
    }
    let size = 0;
    try {
      size = fs.statSync(path.join(this.dataDir, DATABASE_FILE)).size;
    } catch {
      // new, or unreadable: the opening says which
    }
    const deferQuickCheck = size > QUICK_CHECK_INLINE_BYTES;
    try {
      this.current = this.lock
        ? openWorkspace(this.dataDir, {
            lock: this.lock,
            program: this.opts.program,
            deferQuickCheck,
            ...this.native,
            ...(this.opts.onProgress ? { onProgress: this.opts.onProgress } : {}),
          })
        : openWorkspace(this.dataDir, { readOnly: true, holder: this.holder, deferQuickCheck, ...this.native });
    } catch (e) {
      if (!(e instanceof BoucleError) || (e.code !== 'damaged' && e.code !== 'database')) throw e;
      this.damage = e instanceof DamagedWorkspace ? { kind: e.damage.kind, detail: e.damage.detail } : { kind: 'refused', detail: e.message };
      this.current = null;
      if (e instanceof DamagedWorkspace && e.damage.kind === 'corrupt') {
        // Read what can be read; never write.
        try {
          this.current = openWorkspace(this.dataDir, { readOnly: true, rescue: true, ...this.native });
          this.current.gate.damaged = e.damage.detail;
        } catch {
          this.current = null;
        }
      }
    }
    this.ready = this.current?.gate.checking ? this.checkAfterOpening(this.current) : Promise.resolve();
    if (this.current && !this.current.readOnly && this.opts.maintenance !== false) this.maintenance = this.ready.then(() => this.dailyCare());
  }

  /** quick_check on a worker thread; until it is done, reads answer and writes are refused in words. */
  private async checkAfterOpening(ws: OpenedWorkspace): Promise<void> {
    try {
      const problems = await this.runTask('workspace.check', { kind: 'quick' });
      if (problems.length) ws.gate.damaged = problems.slice(0, 5).join('; ');
    } catch (e) {
      const damage = e instanceof BoucleError && e.code === 'damaged';
      ws.gate.damaged = damage ? e.message : null;
      if (!damage) console.error(`[boucle] integrity check of ${this.dataDir}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      ws.gate.checking = false;
    }
  }

  /** The open workspace; a typed "damaged" error when there is none to read. */
  get workspace(): OpenedWorkspace {
    if (!this.current) {
      const d = this.damage ?? { kind: 'unreadable', detail: 'closed' };
      throw BoucleError.of('damaged', 'workspace.damaged', { kind: d.kind, detail: d.detail });
    }
    return this.current;
  }

  /** The holder whose process had died holding the lock when this session took it over. */
  get tookOverFrom(): LockHolder | null {
    return this.lock?.tookOverFrom ?? null;
  }

  get workspaceOrNull(): OpenedWorkspace | null {
    return this.current;
  }

  health(): WorkspaceHealth {
    const dataDir = this.dataDir;
    const damage = this.damage ?? (this.current?.gate.damaged ? { kind: 'corrupt' as const, detail: this.current.gate.damaged } : null);
    if (damage) {
      let latest: BackupInfo | null = null;
      try {
        latest = latestGoodBackup(dataDir);
      } catch {
        // an unreadable backups folder offers nothing
      }
      return { state: 'damaged', dataDir, kind: damage.kind, detail: damage.detail, readable: this.current !== null, latestBackup: latest };
    }
    if (!this.lock) return { state: 'read_only', dataDir, holder: this.holder };
    return { state: 'ok', dataDir, lastFullCheck: this.lastFullCheck };
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.running.add(p);
    const done = () => this.running.delete(p);
    p.then(done, done);
    return p;
  }

  /**
   * Runs long work on a worker thread. `write` names the work for the refusals its writes cause:
   * while it writes, this thread's writes are refused at once (never left waiting on SQLite's lock),
   * and afterwards this thread's clock carries on from the worker's.
   */
  runTask<K extends TaskName>(
    task: K,
    input: TaskInput<K>,
    opts: { write?: string; onProgress?: RunOptions['onProgress']; signal?: AbortSignal } = {},
  ): Promise<TaskOutput<K>> {
    const ws = this.workspace;
    const grantWrite = () => {
      if (ws.gate.damaged !== null) throw BoucleError.of('damaged', 'workspace.damaged_now', { detail: ws.gate.damaged });
      if (ws.readOnly) throw heldError(this.holder);
      if (ws.gate.worker) throw BoucleError.of('conflict', 'write.worker_busy', { what: ws.gate.worker.label });
      if (ws.db.inTransaction) throw BoucleError.of('conflict', 'write.busy');
      ws.gate.worker = { task, label: opts.write ?? task };
      return () => {
        ws.gate.worker = null;
        ws.reloadWriter();
      };
    };
    return this.track(
      runTask(task, input, {
        workspace: { dataDir: ws.dataDir, nodeId: ws.nodeId, ...this.native },
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.write ? { grantWrite } : {}),
      }),
    );
  }

  /** A checked backup, written off this thread; the app goes on meanwhile. */
  backupNow(reason: BackupReason = 'manual', extra: { out?: string; check?: 'quick' | 'full'; rotate?: boolean } = {}): Promise<BackupInfo & { file: string }> {
    if (this.damage || this.current?.gate.damaged) {
      return Promise.reject(BoucleError.of('damaged', 'backup.damaged'));
    }
    return this.runTask('workspace.backup', { reason, check: extra.check ?? 'full', ...(extra.out ? { out: extra.out } : {}), rotate: extra.rotate ?? true });
  }

  private async dailyCare(): Promise<void> {
    const ws = this.current;
    if (!ws) return;
    try {
      const meta = ws.db.prepare(`SELECT value FROM meta WHERE key = ?`).pluck();
      this.lastFullCheck = (meta.get('last_full_check') as string | undefined) ?? null;
      const hasContent = lastSeq(ws.db) > 0;
      if (hasContent && needsDailyBackup(this.dataDir)) await this.backupNow('daily', { check: this.opts.maintenance === 'backup' ? 'quick' : 'full' });
      const today = new Date().toISOString().slice(0, 10);
      if (this.opts.maintenance === 'backup') return;
      if (hasContent && (this.lastFullCheck ?? '').slice(0, 10) !== today) {
        const problems = await this.runTask('workspace.check', { kind: 'full' });
        if (this.current !== ws) return;
        if (problems.length) {
          ws.gate.damaged = problems.slice(0, 5).join('; ');
          return;
        }
        this.lastFullCheck = new Date().toISOString();
        if (!ws.gate.worker) {
          ws.db.prepare(`INSERT INTO meta (key, value) VALUES ('last_full_check', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(this.lastFullCheck);
        }
      }
    } catch (e) {
      // The daily care never stops the app; what it could not do is tried again at the next opening.
      console.error(`[boucle] daily backup/check of ${this.dataDir}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Waits for the work under way (worker threads, the daily care). */
  async settle(): Promise<void> {
    await this.ready;
    await this.maintenance;
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  /**
   * Restores a backup of the folder (by name) or any Boucle workspace file: checks it, backs up the
   * database it replaces when that can be read, keeps its files aside, puts the copy in, reopens.
   */
  async restore(source: { name: string } | { file: string }): Promise<RestoreResult> {
    if (!this.lock) throw heldError(this.holder);
    if (!this.owned) throw BoucleError.of('conflict', 'backup.not_here');
    if (this.running.size) throw BoucleError.of('conflict', 'backup.busy');
    const file = 'name' in source ? backupFile(this.dataDir, source.name) : source.file;
    const plan = checkRestorable(this.dataDir, file, this.opts.nativeBinding);
    const ws = this.current;
    const carried = ws ? readCarriedState(ws.db) : { hlc: null, nodeId: null };
    if (ws && !this.damage && !ws.gate.damaged) await this.backupNow('before-restore', { check: 'quick', rotate: false });
    await this.maintenance;
    ws?.close();
    this.current = null;
    const aside = placeRestoredDatabase(this.dataDir, plan, carried, this.opts.nativeBinding);
    this.openHere();
    rotateBackups(this.dataDir);
    return { restored: plan.info, keptAside: aside, health: this.health() };
  }

  /** "Export what can be read" of a damaged workspace (or any): a JSON export in the data folder. */
  rescue() {
    return rescueExport(this.workspace);
  }

  /** Closes this workspace (waiting for its work) and opens the one of `dataDir`. */
  async switchTo(dataDir: string): Promise<WorkspaceHealth> {
    if (!this.owned) throw BoucleError.of('conflict', 'backup.not_here');
    await this.settle();
    this.closeNow();
    this.dataDir = dataDir;
    this.openHere();
    return this.health();
  }

  private closeNow(): void {
    if (!this.owned) return;
    this.current?.close();
    this.current = null;
    this.lock?.release();
    this.lock = null;
  }

  async close(): Promise<void> {
    await this.settle();
    this.closeNow();
  }
}
