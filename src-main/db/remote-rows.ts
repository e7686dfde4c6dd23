import type { Database, Statement } from 'better-sqlite3';
import { ENTITIES, byIdWhere, isCompact, type EntityDef, type EntityName, type Row } from './entities';
import { uuidToBlob } from './ids';
import { MeasurementRows } from './measurement-rows';

// Rows as the sync writes them (db/apply-remote.ts): the values a change carries (as the write path
// logged them: the API's values, JSON as values) into the domain tables, the same encoding as
// write.ts, with no log of their own (apply-remote logs the REMOTE change). Only this layer writes.

/** Columns a change may carry besides those of the registry: the scope and the tombstone. */
export const SYNCED_EXTRA = ['department_id', 'deleted_at'] as const;

export function isSyncedColumn(entity: EntityName, field: string): boolean {
  return (ENTITIES[entity].columns as readonly string[]).includes(field) || (SYNCED_EXTRA as readonly string[]).includes(field);
}

export class RemoteRows {
  private readonly stmts = new Map<string, Statement>();
  private readonly measurements: MeasurementRows;

  constructor(private readonly db: Database) {
    this.measurements = new MeasurementRows(db);
  }

  private stmt(key: string, sql: () => string): Statement {
    let s = this.stmts.get(key);
    if (!s) this.stmts.set(key, (s = this.db.prepare(sql())));
    return s;
  }

  /** A column's value as the table stores it (JSON columns as text, booleans as 0/1). */
  stored(entity: EntityName, col: string, v: unknown): unknown {
    const json = (ENTITIES[entity] as EntityDef).json;
    if (json?.includes(col)) return v === null || v === undefined ? null : JSON.stringify(v);
    if (typeof v === 'boolean') return v ? 1 : 0;
    return v === undefined ? null : v;
  }

  /** A stored value back as the change log carries it. */
  loggedValue(entity: EntityName, col: string, v: unknown): unknown {
    const json = (ENTITIES[entity] as EntityDef).json;
    if (json?.includes(col) && typeof v === 'string') return JSON.parse(v);
    return v ?? null;
  }

  get(entity: EntityName, id: string): Row | undefined {
    const by = byIdWhere(entity);
    // the measurements view decodes every column; most rows of a big pull are new: ask the key first
    if (isCompact(entity) && this.stmt('has:m', () => `SELECT 1 FROM measurement_rows WHERE uid = ?`).pluck().get(by.bind(id)) === undefined) return undefined;
    const table = ENTITIES[entity].table;
    return this.stmt(`get:${entity}`, () => `SELECT * FROM ${table} WHERE ${by.sql}`).get(by.bind(id)) as Row | undefined;
  }

  /** A row this laptop did not have; `createdAt` from the change's clock (timestamps do not sync). */
  insert(entity: EntityName, id: string, values: Row, createdAt: string): void {
    const now = new Date().toISOString();
    if (isCompact(entity)) {
      this.measurements.insert(id, values, createdAt, now);
      if (values.deleted_at) this.measurements.setTombstone(id, values.deleted_at as string, now);
      return;
    }
    const cols = Object.keys(values).filter((c) => c !== 'department_id' && isSyncedColumn(entity, c));
    const dep = entity === 'departments' ? id : values.department_id;
    const all = ['id', 'department_id', ...cols, 'created_at', 'updated_at'];
    const table = ENTITIES[entity].table;
    const ins = this.stmt(`ins:${entity}:${cols.join(',')}`, () => `INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`);
    const args = [id, dep, ...cols.map((c) => this.stored(entity, c, values[c])), createdAt, now];
    try {
      ins.run(...args);
    } catch (e) {
      // A row lost behind the app's back (the checksum repair brings it again) can leave its search
      // entry behind; the search trigger then cannot index it again. Drop the stale entry, retry once.
      if ((e as { code?: string }).code !== 'SQLITE_CONSTRAINT_PRIMARYKEY' || !this.dropStaleSearch(entity, id)) throw e;
      ins.run(...args);
    }
  }

  private dropStaleSearch(entity: EntityName, id: string): boolean {
    const at = this.stmt('stale-search', () => `SELECT fts_rowid FROM search_rows WHERE entity = ? AND row_id = ?`).pluck().get(entity, id);
    if (at === undefined) return false;
    this.stmt('stale-fts', () => `DELETE FROM search_fts WHERE rowid = ?`).run(at);
    this.stmt('purge-search', () => `DELETE FROM search_rows WHERE entity = ? AND row_id = ?`).run(entity, id);
    return true;
  }

  update(entity: EntityName, id: string, values: Row): void {
    const now = new Date().toISOString();
    if (isCompact(entity)) {
      const { deleted_at: deletedAt, department_id: _dep, ...rest } = values;
      if (Object.keys(rest).length) this.measurements.update(id, rest, now);
      if (deletedAt !== undefined) this.measurements.setTombstone(id, (deletedAt as string | null) ?? null, now);
      return;
    }
    const cols = Object.keys(values).filter((c) => isSyncedColumn(entity, c) && !(entity === 'departments' && c === 'department_id'));
    if (!cols.length) return;
    const table = ENTITIES[entity].table;
    const sets = [...cols, 'updated_at'].map((c) => `${c} = ?`).join(', ');
    this.stmt(`upd:${entity}:${cols.join(',')}`, () => `UPDATE ${table} SET ${sets} WHERE id = ?`).run(
      ...cols.map((c) => this.stored(entity, c, values[c])),
      now,
      id,
    );
  }

  /**
   * Takes a row off this laptop, as if it had never come: the row, its search entry and its log.
   * Not a delete (that would sync): the row lives on in departments this laptop may not read.
   */
  purge(entity: EntityName, id: string): void {
    const table = ENTITIES[entity].table;
    if (isCompact(entity)) {
      this.stmt('purge:m', () => `DELETE FROM measurement_rows WHERE uid = ?`).run(uuidToBlob(id));
    } else {
      // the tombstone first, so the search triggers take the row out of the index
      this.stmt(`purge-tomb:${entity}`, () => `UPDATE ${table} SET deleted_at = coalesce(deleted_at, ?) WHERE id = ?`).run(new Date().toISOString(), id);
      this.stmt(`purge:${entity}`, () => `DELETE FROM ${table} WHERE id = ?`).run(id);
      this.stmt('purge-search', () => `DELETE FROM search_rows WHERE entity = ? AND row_id = ?`).run(entity, id);
    }
    this.stmt('purge-log', () => `DELETE FROM log_entries WHERE row = ?`).run(uuidToBlob(id));
    this.stmt('purge-conflicts', () => `DELETE FROM sync_conflicts WHERE entity = ? AND row_id = ?`).run(entity, id);
    this.stmt('purge-held', () => `DELETE FROM sync_held WHERE entity = ? AND row_id = ?`).run(entity, id);
  }
}
