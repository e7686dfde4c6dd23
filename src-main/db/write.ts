import type { Database, Statement } from 'better-sqlite3';
import { BoucleError } from '../../src-shared/errors';
import { ENTITIES, type EntityName, type Row } from './entities';
import { formatHlc, tick, type HlcState } from './hlc';
import { newId, nowIso } from './ids';

// THE write path (ARCHITECTURE.md §4). Every change to a domain table goes through `Writer.write`,
// which in one SQLite transaction writes the rows, appends one change_log entry per changed field
// and advances the clock and cursor kept in `meta`. If anything throws, nothing of it remains.

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
  readonly txId: string;
  readonly db: Database;
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

const encode = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));

export class Writer {
  private readonly stmts = new Map<string, Statement>();
  private readonly logStmt: Statement;
  private readonly nodeId: string;
  private readonly now: () => number;
  private clock: HlcState;

  constructor(
    readonly db: Database,
    opts: WriterOptions,
  ) {
    this.nodeId = opts.nodeId;
    this.now = opts.now ?? Date.now;
    this.logStmt = db.prepare(
      `INSERT INTO change_log (hlc, node_id, tx_id, entity, row_id, field, value, department_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
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
        this.persistClock();
        return result;
      } finally {
        this.current = undefined;
      }
    });
    try {
      return run.immediate();
    } catch (e) {
      this.clock = before; // the transaction rolled back, so must the clock in memory
      throw e;
    }
  }

  private current: WriteTx | undefined;
  private bulkOpen = false;

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
        this.persistClock();
        this.db.exec('COMMIT');
        this.bulkOpen = false;
        return;
      }
      this.bulkOpen = false;
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.clock = before;
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

  private nextHlc(): string {
    this.clock = tick(this.clock, this.now());
    return formatHlc(this.clock, this.nodeId);
  }

  private persistClock(): void {
    const setMeta = this.stmt(
      'meta',
      () => `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
    );
    setMeta.run('hlc', JSON.stringify(this.clock));
    const seq = this.stmt('seq', () => `SELECT COALESCE(MAX(seq), 0) FROM change_log`).pluck().get() as number;
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
    return this.stmt(`get:${table}`, () => `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
  }

  private makeTx(txId: string): WriteTx {
    const log = (entity: EntityName, rowId: string, field: string, value: unknown, dep: string, hlc: string) =>
      this.logStmt.run(hlc, this.nodeId, txId, entity, rowId, field, encode(value), dep);

    const tx: WriteTx = {
      txId,
      db: this.db,
      insert: (entity, values, givenId) => {
        const id = givenId ?? newId();
        const table = ENTITIES[entity].table;
        const depId = entity === 'departments' ? id : values.department_id;
        const { created_at: createdAt, updated_at: updatedAt, ...rest } = values;
        const cols = this.columnsOf(entity, rest);
        const ts = nowIso();
        const all = ['id', 'department_id', ...cols, 'created_at', 'updated_at'];
        const sql = () => `INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`;
        this.stmt(`ins:${table}:${cols.join(',')}`, sql).run(
          id,
          depId,
          ...cols.map((c) => this.stored(entity, c, values[c])),
          typeof createdAt === 'string' ? createdAt : ts,
          typeof updatedAt === 'string' ? updatedAt : ts,
        );
        const hlc = this.nextHlc();
        log(entity, id, 'department_id', depId, depId, hlc);
        for (const c of cols) log(entity, id, c, values[c] ?? null, depId, hlc);
        return id;
      },
      update: (entity, id, values) => {
        const table = ENTITIES[entity].table;
        const old = this.getRow(entity, id);
        if (!old || old.deleted_at) throw new BoucleError('not_found', `No such ${entity.replace(/_/g, ' ')} (${id})`);
        const cols = this.columnsOf(entity, values).filter(
          (c) => this.stored(entity, c, values[c]) !== old[c],
        );
        if (cols.length === 0) return [];
        const sets = [...cols, 'updated_at'].map((c) => `${c} = ?`).join(', ');
        this.stmt(`upd:${table}:${cols.join(',')}`, () => `UPDATE ${table} SET ${sets} WHERE id = ?`).run(
          ...cols.map((c) => this.stored(entity, c, values[c])),
          nowIso(),
          id,
        );
        const hlc = this.nextHlc();
        const dep = old.department_id as string;
        for (const c of cols) log(entity, id, c, values[c] ?? null, dep, hlc);
        return cols;
      },
      remove: (entity, id) => {
        const table = ENTITIES[entity].table;
        const old = this.getRow(entity, id);
        if (!old || old.deleted_at) throw new BoucleError('not_found', `No such ${entity.replace(/_/g, ' ')} (${id})`);
        const ts = nowIso();
        this.stmt(`del:${table}`, () => `UPDATE ${table} SET deleted_at = ?, updated_at = ? WHERE id = ?`).run(ts, ts, id);
        log(entity, id, 'deleted_at', ts, old.department_id as string, this.nextHlc());
      },
      restore: (entity, id) => {
        const table = ENTITIES[entity].table;
        const old = this.getRow(entity, id);
        if (!old) throw new BoucleError('not_found', `No such ${entity.replace(/_/g, ' ')} (${id})`);
        if (!old.deleted_at) return;
        this.stmt(`rst:${table}`, () => `UPDATE ${table} SET deleted_at = NULL, updated_at = ? WHERE id = ?`).run(nowIso(), id);
        log(entity, id, 'deleted_at', null, old.department_id as string, this.nextHlc());
      },
    };
    return tx;
  }
}
