import type { Database } from 'better-sqlite3';
import { LOG_OPS, internedField, type LogOp } from './change-log';
import { formatHlc, hlcFromInt } from './hlc';
import { blobToUuid, uuidToBlob } from './ids';
import { internerOf } from './interned';
import { prepared } from './statements';

// Reading the change log (change-log.ts) back as names and values: what history, undo and the gap
// closings replay, and what the sync will push.

export interface LogEntry {
  seq: number;
  txId: string;
  nodeId: string;
  /** The clock as stored (ms × 1024 + counter) and as text (sortable, with the node). */
  hlc: number;
  hlcText: string;
  /** When, from the clock: ISO date-time. */
  at: string;
  entity: string;
  rowId: string;
  departmentId: string | null;
  op: LogOp;
  /** Column name → new value, in the order the write path logged them. */
  fields: Record<string, unknown>;
}

interface Raw {
  seq: number;
  uuid: string;
  node: number;
  /** The entry's clock: stored, or the transaction's first plus its place in it. */
  hlc: number;
  entity: number;
  row: Buffer;
  dep: number | null;
  op: number;
  fields: string;
}

const COLUMNS = `e.seq, t.uuid, t.node, COALESCE(e.hlc, t.hlc + e.seq - t.first_seq) AS hlc, e.entity, e.row, e.dep, e.op, e.fields`;
const FROM = `log_entries e JOIN log_txs t ON t.id = e.tx`;

function decoder(db: Database) {
  const names = internerOf(db);
  const shapes = new Map<number, string[]>();
  const shapeOf = (id: number) => {
    let s = shapes.get(id);
    if (!s) shapes.set(id, (s = (JSON.parse(names.text(id)) as number[]).map((f) => names.text(f))));
    return s;
  };
  return (r: Raw): LogEntry => {
    const fields: Record<string, unknown> = {};
    const flat = JSON.parse(r.fields) as unknown[];
    const shape = shapeOf(flat[0] as number);
    for (let i = 0; i < shape.length; i++) {
      const field = shape[i]!;
      const v = flat[i + 1];
      fields[field] = v !== null && internedField(field) ? names.text(v as number) : v;
    }
    const nodeId = names.text(r.node);
    const clock = hlcFromInt(r.hlc);
    return {
      seq: r.seq,
      txId: r.uuid,
      nodeId,
      hlc: r.hlc,
      hlcText: formatHlc(clock, nodeId),
      at: new Date(clock.ms).toISOString(),
      entity: names.text(r.entity),
      rowId: blobToUuid(r.row),
      departmentId: r.dep === null ? null : names.text(r.dep),
      op: LOG_OPS[r.op]!,
      fields,
    };
  };
}

/** Every change of one row, oldest first. */
export function rowLog(db: Database, entity: string, rowId: string): LogEntry[] {
  const ent = internerOf(db).find(entity);
  if (ent === undefined) return [];
  const rows = prepared(db, `SELECT ${COLUMNS} FROM ${FROM} WHERE e.row = ? AND e.entity = ? ORDER BY e.seq`).all(uuidToBlob(rowId), ent) as Raw[];
  return rows.map(decoder(db));
}

/** Every change of the given rows of some entities, oldest first. */
export function rowsLog(db: Database, entities: readonly string[], rowIds: readonly string[]): LogEntry[] {
  const ents = entities.map((e) => internerOf(db).find(e)).filter((e): e is number => e !== undefined);
  if (!ents.length || !rowIds.length) return [];
  const rows = prepared(
    db,
    `SELECT ${COLUMNS} FROM ${FROM}
      WHERE e.row IN (SELECT unhex(replace(value, '-', '')) FROM json_each(?)) AND e.entity IN (SELECT value FROM json_each(?))
      ORDER BY e.seq`,
  ).all(JSON.stringify(rowIds), JSON.stringify(ents)) as Raw[];
  return rows.map(decoder(db));
}

/** The entries of one transaction, in order. */
export function txLog(db: Database, txId: string): LogEntry[] {
  const rows = prepared(
    db,
    `SELECT ${COLUMNS} FROM log_txs t JOIN log_entries e ON e.seq BETWEEN t.first_seq AND t.last_seq WHERE t.uuid = ? ORDER BY e.seq`,
  ).all(txId) as Raw[];
  return rows.map(decoder(db));
}

/** The last entry's seq: how many row changes the log holds (it is append-only, seq is its rowid). */
export function lastSeq(db: Database): number {
  return prepared(db, `SELECT COALESCE(MAX(seq), 0) FROM log_entries`).pluck().get() as number;
}

/** The interned id of an entity name, for SQL that filters entries; null when it was never logged. */
export function entityCode(db: Database, entity: string): number | null {
  return internerOf(db).find(entity) ?? null;
}
