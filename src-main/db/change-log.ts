import type { Database, Statement } from 'better-sqlite3';
import { internerOf, type Interner } from './interned';
import { uuidToBlob } from './ids';

// The change log (ARCHITECTURE.md §4) in its compact shape. One ENTRY per row change — an insert, an
// update of some fields, a tombstone set or cleared — carrying every field it changed and the new
// values; entity and field names, node ids, department ids and the ids a row points at are small
// integers (interned.ts); the row is its UUID's 16 bytes; the clock an integer (hlc.ts). The
// transaction (its UUID and machine) is recorded once, in log_txs, with the range of its entries.
// Each field's value and clock stay recoverable (the entry's clock is the field's), so history, undo,
// audit and a per-field last-writer-wins sync all read from here. The fields are a flat JSON array
// [field, value, field, value, …] in the order they were logged (an object's numeric keys would not
// keep it). `change_log` is a view of the same
// log one field per row, as it was stored before, for people and tools that read it in SQL.

export const LOG_OPS = ['update', 'insert', 'remove', 'restore'] as const;
export type LogOp = (typeof LOG_OPS)[number];
export const OP_CODE: Record<LogOp, number> = { update: 0, insert: 1, remove: 2, restore: 3 };

/** Fields whose values are interned: ids of other rows (…_id) and import sources, repeated across rows. */
export const internedField = (field: string) => field.endsWith('_id') || field === 'source';

/** A change's new value as the payload keeps it (interned fields: the string's id; undefined: null). */
export function payloadValue(interner: Interner, field: string, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (!internedField(field)) return value;
  if (typeof value !== 'string') throw new Error(`The change log keeps ${field} as text, not ${typeof value}`);
  return interner.id(value);
}

/** Appends the entries of the write path's transactions. One instance per connection (the Writer's). */
export class LogWriter {
  private readonly interner: Interner;
  private readonly insertEntry: Statement;
  private readonly insertTx: Statement;
  private readonly rangeTx: Statement;
  private tx: { uuid: string; id: number | null; firstSeq: number; lastSeq: number } | null = null;

  constructor(
    readonly db: Database,
    private readonly node: string,
  ) {
    this.interner = internerOf(db);
    this.insertEntry = db.prepare(`INSERT INTO log_entries (tx, hlc, entity, row, dep, op, fields) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.insertTx = db.prepare(`INSERT INTO log_txs (uuid, node, first_seq, last_seq) VALUES (?, ?, 0, 0)`);
    this.rangeTx = db.prepare(`UPDATE log_txs SET first_seq = ?, last_seq = ? WHERE id = ?`);
  }

  /** A transaction of the write path starts; nothing is written until its first entry. */
  begin(uuid: string): void {
    this.tx = { uuid, id: null, firstSeq: 0, lastSeq: 0 };
  }

  /** The id of a name or value, interned in this transaction when new. */
  intern(text: string): number {
    return this.interner.id(text);
  }

  /** One row change; `fields` maps column names to their new values (as the API gave them). */
  append(entity: string, rowId: string, departmentId: string | null, op: LogOp, hlc: number, fields: Record<string, unknown>): void {
    const payload: unknown[] = [];
    for (const [f, v] of Object.entries(fields)) payload.push(this.interner.id(f), payloadValue(this.interner, f, v));
    const dep = departmentId ? this.interner.id(departmentId) : null;
    this.appendEncoded(this.interner.id(entity), uuidToBlob(rowId), dep, OP_CODE[op], hlc, JSON.stringify(payload));
  }

  /** `append` for callers that encoded the entry themselves (bulk imports). */
  appendEncoded(entity: number, row: Buffer, dep: number | null, op: number, hlc: number, fields: string): void {
    const txId = this.txRowId();
    this.noteSeq(Number(this.insertEntry.run(txId, hlc, entity, row, dep, op, fields).lastInsertRowid));
  }

  /**
   * The id of the open transaction's row, written with its first entry so that a transaction that
   * changed nothing leaves nothing in the log.
   */
  txRowId(): number {
    const tx = this.tx;
    if (!tx) throw new Error('No transaction of the write path is open');
    if (tx.id === null) tx.id = Number(this.insertTx.run(tx.uuid, this.interner.id(this.node)).lastInsertRowid);
    return tx.id;
  }

  /** An entry was appended with this seq (entries of a transaction are consecutive). */
  noteSeq(seq: number): void {
    const tx = this.tx!;
    if (tx.firstSeq === 0) tx.firstSeq = seq;
    tx.lastSeq = seq;
  }

  /** Before the COMMIT: the transaction's range of entries. */
  finish(): void {
    const tx = this.tx;
    if (tx?.id != null) this.rangeTx.run(tx.firstSeq, tx.lastSeq, tx.id);
  }

  /** After the COMMIT or the ROLLBACK. */
  end(committed: boolean): void {
    this.tx = null;
    if (committed) this.interner.commit();
    else this.interner.rollback();
  }
}
