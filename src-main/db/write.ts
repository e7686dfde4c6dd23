import type { Database, Statement } from 'better-sqlite3';
import { BoucleError } from '../../src-shared/errors';
import { LogWriter } from './change-log';
import { ENTITIES, byIdWhere, isCompact, type EntityName, type Row } from './entities';
import { hlcFromInt, hlcToInt, receive, tick, type HlcState } from './hlc';
import { MeasurementBulk } from './measurement-bulk';
import { MeasurementRows } from './measurement-rows';
import { newId, nowIso } from './ids';

// THE write path (ARCHITECTURE.md §4). Every change to a domain table goes through `Writer.write`,
// which in one SQLite transaction writes the rows, appends one change-log entry per row change with
// the fields it changed (change-log.ts), and advances the clock and cursor kept in `meta`. If
// anything throws, nothing of it remains.

export interface WriteTx {
  /**
   * Inserts a row; returns its new UUIDv7 id. `values` uses column names (snake_case). A restore
   * (import of an export) may pass the original id and created_at/updated_at to keep them.
   */
  insert(entity: EntityName, values: Row & { department_id: string }, id?: string): string;
  /** Updates the given columns; logs only those whose value really changed. Returns that list. */
  update(entity: EntityName, id: string, values: Row): string[];
  /** Soft delete: sets the tombstone so the deletion can sync. */
  remove(entity: EntityName, id: string): void;
  /** Clears the tombstone of a soft-deleted row (undo). */
  restore(entity: EntityName, id: string): void;
  /**
   * Moves a row to another department (its department_id: the unit of sync scope). Logged as an
   * update of department_id under the NEW department, so that its readers receive the row.
   */
  move(entity: EntityName, id: string, departmentId: string): void;
  readonly txId: string;
  readonly db: Database;
  /** This transaction's change log, for bulk writers that append entries themselves. */
  readonly log: LogWriter;
  /** The next tick of the clock, as the log stores it. */
  nextHlc(): number;
  /** Inserts of measurements by the hundred, for imports (measurement-bulk.ts); same rows and log as insert. */
  measurementBulk(source: string | null): MeasurementBulk;
}

/** See Writer.beginBulk. */
export interface BulkWrite {
  apply<T>(fn: (tx: WriteTx) => T): T;
  commit(): void;
  /** Idempotent; a no-op after commit. */
  rollback(): void;
}

export interface WriterOptions {
  nodeId: string;
  /** Injectable for tests of the clock; defaults to Date.now. */
  now?: () => number;
}

export class Writer {
  private readonly stmts = new Map<string, Statement>();
  private readonly now: () => number;
  private readonly log: LogWriter;
  private readonly measurements: MeasurementRows;
  private clock: HlcState;

  constructor(
    readonly db: Database,
    opts: WriterOptions,
  ) {
    this.now = opts.now ?? Date.now;
    this.log = new LogWriter(db, opts.nodeId);
    this.measurements = new MeasurementRows(db);
    const saved = db.prepare(`SELECT value FROM meta WHERE key = 'hlc'`).pluck().get() as string | undefined;
    this.clock = saved ? (JSON.parse(saved) as HlcState) : { ms: 0, counter: 0 };
  }

  /** Runs `fn` as one transaction of the write path. Nested calls join the outer transaction. */
  write<T>(fn: (tx: WriteTx) => T): T {
    if (this.db.inTransaction && this.current) return fn(this.current);
    if (this.bulkOpen) throw BoucleError.of('conflict', 'write.import_running');
    const before = { ...this.clock };
    const run = this.db.transaction(() => {
      const tx = this.makeTx(newId());
      this.current = tx;
      try {
        const result = fn(tx);
        this.finish();
        return result;
      } finally {
        this.current = undefined;
      }
    });
    try {
      const result = run.immediate();
      this.log.end(true);
      return result;
    } catch (e) {
      this.clock = before; // the transaction rolled back, so must the clock in memory
      this.log.end(false);
      throw e;
    }
  }

  private current: WriteTx | undefined;
  private bulkOpen = false;

  /** A write or a streaming import holds the connection (the sync waits for it to end). */
  get busy(): boolean {
    return this.bulkOpen || (this.db.inTransaction && this.current !== undefined);
  }

  /**
   * The sync applied changes stamped `remote` (db/apply-remote.ts): the clock moves past it, so that
   * every later local change orders after what this machine has seen. Saved with that transaction.
   */
  observe(remote: number): void {
    this.clock = receive(this.clock, hlcFromInt(remote), this.now());
  }

  /** The next local clock for a change the database layer makes itself while applying a sync. */
  tickLocal(): number {
    this.clock = tick(this.clock, this.now());
    return hlcToInt(this.clock);
  }

  /** Saves the clock and the log's last seq in meta, inside the caller's transaction. */
  saveClock(): void {
    this.saveMeta();
  }

  /**
   * ONE write-path transaction held open across awaits, for a bulk import that streams a file too
   * big to hold in memory: `apply` runs a batch of writes in it (same insert/update/log as `write`,
   * one tx id for the whole import), then `commit` or `rollback` ends it. If a batch throws, all of
   * it is rolled back. While it is open, `write` refuses other writers (conflict) instead of letting
   * them join a transaction that may still roll back; reads on this connection see its rows.
   */
  beginBulk(): BulkWrite {
    if (this.db.inTransaction || this.bulkOpen) throw BoucleError.of('conflict', 'write.busy');
    this.db.exec('BEGIN IMMEDIATE');
    this.bulkOpen = true;
    const before = { ...this.clock };
    const tx = this.makeTx(newId());
    const end = (commit: boolean) => {
      if (!this.bulkOpen) return;
      if (commit) {
        this.finish();
        this.db.exec('COMMIT');
        this.bulkOpen = false;
        this.log.end(true);
        return;
      }
      this.bulkOpen = false;
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.clock = before;
      this.log.end(false);
    };
    return {
      apply: (fn) => {
        if (!this.bulkOpen) throw new Error('This bulk write has ended');
        this.current = tx;
        try {
          return fn(tx);
        } catch (e) {
          end(false);
          throw e;
        } finally {
          this.current = undefined;
        }
      },
      commit: () => {
        try {
          end(true);
        } catch (e) {
          end(false);
          throw e;
        }
      },
      rollback: () => end(false),
    };
  }

  private stmt(key: string, sql: () => string): Statement {
    let s = this.stmts.get(key);
    if (!s) {
      s = this.db.prepare(sql());
      this.stmts.set(key, s);
    }
    return s;
  }

  /** The transaction has not logged anything yet: its first clock follows the wall clock. */
  private fresh = false;

  /**
   * The clock of the next change. The first of a transaction follows the wall clock; the others
   * come one after the other, so that the log need not store them (change-log.ts).
   */
  private nextHlc(): number {
    this.clock = tick(this.clock, this.fresh ? this.now() : 0);
    this.fresh = false;
    return hlcToInt(this.clock);
  }

  /** Inside the transaction, before it commits: the log's range, the clock and the sync cursor. */
  private finish(): void {
    this.log.finish();
    this.saveMeta();
  }

  private saveMeta(): void {
    const setMeta = this.stmt(
      'meta',
      () => `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
    );
    setMeta.run('hlc', JSON.stringify(this.clock));
    const seq = this.stmt('seq', () => `SELECT COALESCE(MAX(seq), 0) FROM log_entries`).pluck().get() as number;
    setMeta.run('change_seq', String(seq));
  }

  private columnsOf(entity: EntityName, values: Row): string[] {
    const allowed = ENTITIES[entity].columns as readonly string[];
    const cols = Object.keys(values).filter((k) => k !== 'department_id');
    for (const c of cols) {
      if (!allowed.includes(c)) throw new Error(`Column ${c} is not writable on ${entity}`);
    }
    return cols;
  }

  private stored(entity: EntityName, col: string, v: unknown): unknown {
    const json = (ENTITIES[entity] as { json?: readonly string[] }).json;
    if (json?.includes(col)) return v === null || v === undefined ? null : JSON.stringify(v);
    if (typeof v === 'boolean') return v ? 1 : 0;
    return v === undefined ? null : v;
  }

  private getRow(entity: EntityName, id: string): Row | undefined {
    const table = ENTITIES[entity].table;
    const by = byIdWhere(entity);
    return this.stmt(`get:${table}`, () => `SELECT * FROM ${table} WHERE ${by.sql}`).get(by.bind(id)) as Row | undefined;
  }

  private requireRow(entity: EntityName, id: string, live: boolean): Row {
    const old = this.getRow(entity, id);
    if (!old || (live && old.deleted_at)) throw new BoucleError('not_found', `No such ${entity.replace(/_/g, ' ')} (${id})`);
    return old;
  }

  private makeTx(txId: string): WriteTx {
    this.log.begin(txId);
    this.fresh = true;
    const tx: WriteTx = {
      txId,
      db: this.db,
      log: this.log,
      nextHlc: () => this.nextHlc(),
      measurementBulk: (source) => new MeasurementBulk(this.db, this.log, () => this.nextHlc(), source),
      insert: (entity, values, givenId) => {
        const id = givenId ?? newId();
        const table = ENTITIES[entity].table;
        const { created_at: createdAt, updated_at: updatedAt, ...rest } = values;
        const cols = this.columnsOf(entity, rest);
        const ts = nowIso();
        const created = typeof createdAt === 'string' ? createdAt : ts;
        const updated = typeof updatedAt === 'string' ? updatedAt : ts;
        let depId = entity === 'departments' ? id : values.department_id;
        if (isCompact(entity)) {
          this.measurements.insert(id, values, created, updated);
          depId = this.measurements.indicator(values.indicator_id).departmentId;
        } else {
          const all = ['id', 'department_id', ...cols, 'created_at', 'updated_at'];
          const sql = () => `INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`;
          this.stmt(`ins:${table}:${cols.join(',')}`, sql).run(id, depId, ...cols.map((c) => this.stored(entity, c, values[c])), created, updated);
        }
        const fields: Row = { department_id: depId };
        for (const c of cols) fields[c] = values[c] ?? null;
        this.log.append(entity, id, depId, 'insert', this.nextHlc(), fields);
        return id;
      },
      update: (entity, id, values) => {
        const table = ENTITIES[entity].table;
        const old = this.requireRow(entity, id, true);
        const cols = this.columnsOf(entity, values).filter((c) => this.stored(entity, c, values[c]) !== old[c]);
        if (cols.length === 0) return [];
        const ts = nowIso();
        if (isCompact(entity)) {
          this.measurements.update(id, Object.fromEntries(cols.map((c) => [c, values[c]])), ts);
        } else {
          const sets = [...cols, 'updated_at'].map((c) => `${c} = ?`).join(', ');
          this.stmt(`upd:${table}:${cols.join(',')}`, () => `UPDATE ${table} SET ${sets} WHERE id = ?`).run(
            ...cols.map((c) => this.stored(entity, c, values[c])),
            ts,
            id,
          );
        }
        const fields: Row = {};
        for (const c of cols) fields[c] = values[c] ?? null;
        this.log.append(entity, id, old.department_id as string, 'update', this.nextHlc(), fields);
        return cols;
      },
      remove: (entity, id) => {
        const old = this.requireRow(entity, id, true);
        const ts = nowIso();
        this.setTombstone(entity, id, ts, ts);
        this.log.append(entity, id, old.department_id as string, 'remove', this.nextHlc(), { deleted_at: ts });
      },
      move: (entity, id, departmentId) => {
        if (isCompact(entity) || entity === 'departments') throw new Error(`A ${entity} row cannot move: its department is not its own`);
        const old = this.requireRow(entity, id, true);
        if (old.department_id === departmentId) return;
        this.requireRow('departments', departmentId, true);
        const table = ENTITIES[entity].table;
        this.stmt(`move:${table}`, () => `UPDATE ${table} SET department_id = ?, updated_at = ? WHERE id = ?`).run(departmentId, nowIso(), id);
        this.log.append(entity, id, departmentId, 'update', this.nextHlc(), { department_id: departmentId });
      },
      restore: (entity, id) => {
        const old = this.requireRow(entity, id, false);
        if (!old.deleted_at) return;
        this.setTombstone(entity, id, null, nowIso());
        this.log.append(entity, id, old.department_id as string, 'restore', this.nextHlc(), { deleted_at: null });
      },
    };
    return tx;
  }

  private setTombstone(entity: EntityName, id: string, deletedAt: string | null, ts: string) {
    if (isCompact(entity)) return this.measurements.setTombstone(id, deletedAt, ts);
    const table = ENTITIES[entity].table;
    this.stmt(`tomb:${table}`, () => `UPDATE ${table} SET deleted_at = ?, updated_at = ? WHERE id = ?`).run(deletedAt, ts, id);
  }
}
