import type { Database } from 'better-sqlite3';
import { BoucleError } from '../../src-shared/errors';
import type { Page } from '../../src-shared/common';
import { prepared } from './statements';
import { ENTITIES, byIdWhere, rowToDto, snake, type EntityName, type Row } from './entities';

// Read helpers shared by the services. Filters name columns from a fixed list given by the calling
// service; every value is bound, never spliced into SQL.

export const label = (entity: EntityName) => entity.replace(/_/g, ' ').replace(/s$/, '');

export function findLive(db: Database, entity: EntityName, id: string): Row | undefined {
  const table = ENTITIES[entity].table;
  const by = byIdWhere(entity);
  // Prepared once per connection: every service reads rows by id, often many in one call.
  return prepared(db, `SELECT * FROM ${table} WHERE ${by.sql} AND deleted_at IS NULL`).get(by.bind(id)) as Row | undefined;
}

/** The live row, or a not_found error naming `field` (so the UI shows it where the id was chosen). */
export function requireLive(db: Database, entity: EntityName, id: string, field?: string): Row {
  const row = findLive(db, entity, id);
  if (!row) {
    throw BoucleError.of('not_found', `notFound.${entity}`, undefined, field);
  }
  return row;
}

export function getDto<T>(db: Database, entity: EntityName, id: string): T {
  return rowToDto<T>(entity, requireLive(db, entity, id));
}

/** camelCase DTO fields → snake_case columns, keeping only those present (undefined = not given). */
export function toColumns(values: Record<string, unknown>, skip: string[] = ['id']): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || skip.includes(k)) continue;
    out[snake(k)] = v;
  }
  return out;
}

export interface ListQuery {
  /** column → value equality filters; undefined values are ignored. */
  where?: Record<string, unknown>;
  /** extra SQL conditions with their bound parameters, written by the service. */
  extra?: { sql: string; params: unknown[] }[];
  search?: { columns: string[]; text?: string };
  orderBy: string;
  limit: number;
  offset: number;
}

export function listPage<T>(db: Database, entity: EntityName, q: ListQuery): Page<T> {
  const table = ENTITIES[entity].table;
  const conds = ['deleted_at IS NULL'];
  const params: unknown[] = [];
  for (const [col, v] of Object.entries(q.where ?? {})) {
    if (v === undefined) continue;
    conds.push(`${col} = ?`);
    params.push(v);
  }
  for (const e of q.extra ?? []) {
    conds.push(e.sql);
    params.push(...e.params);
  }
  if (q.search?.text?.trim()) {
    const like = `%${q.search.text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(`(${q.search.columns.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
    for (let i = 0; i < q.search.columns.length; i++) params.push(like);
  }
  const where = conds.join(' AND ');
  const total = db.prepare(`SELECT COUNT(*) FROM ${table} WHERE ${where}`).pluck().get(...params) as number;
  const rows = db
    .prepare(`SELECT * FROM ${table} WHERE ${where} ORDER BY ${q.orderBy} LIMIT ? OFFSET ?`)
    .all(...params, q.limit, q.offset) as Row[];
  return { items: rows.map((r) => rowToDto<T>(entity, r)), total, limit: q.limit, offset: q.offset };
}
