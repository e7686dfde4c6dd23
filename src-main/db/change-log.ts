import type { Database, Statement } from 'better-sqlite3';
import { internerOf, type Interner } from './interned';
import { uuidToBlob } from './ids';

// The change log (ARCHITECTURE.md §4) in its compact shape. One ENTRY per row change — an insert, an
// update of some fields, a tombstone set or cleared — carrying every field it changed and the new
// values. Entity and field names, node ids, department ids and the ids a row points at are small
// integers (interned.ts); the row is its UUID's 16 bytes.
//
// The fields: a JSON array [shape, value, value, …] where `shape` is the interned list of the
// fields' names ("[3,4,7]": their interned ids, in the order they were logged), so that the names
// of a million entries of one import are stored once.
//
// The clock: the transaction (log_txs: its UUID, machine, first clock and range of entries) is
// recorded once; within it each entry's clock is the transaction's first plus the entry's place in
// it (its seq − first_seq), and only an entry whose clock is not that stores it (log_entries.hlc,
// otherwise NULL). So every field's value and clock stay recoverable — history, undo, audit and a
// per-field last-writer-wins sync read them here — at no cost per entry.
//
// `change_log` is a view of the same log one field per row, as it was stored before, for people
// and tools that read it in SQL.

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

/** The interned id of a list of field names (the shape of an entry's fields). */
export function shapeId(interner: Interner, fields: readonly string[]): number {
  return interner.id(`[${fields.map((f) => interner.id(f)).join(',')}]`);
}

/** Appends the entries of the write path's transactions. One instance per connection (the Writer's). */
export class LogWriter {
  private readonly interner: Interner;
  private readonly insertEntry: Statement;
  private readonly insertTx: Statement;
  private readonly rangeTx: Statement;
  private readonly shapes = new Map<string, number>();
  private tx: { uuid: string; id: number | null; hlc: number; count: number; firstSeq: number; lastSeq: number } | null = null;

  constructor(
    readonly db: Database,
    private readonly node: string,
  ) {
    this.interner = internerOf(db);
    this.insertEntry = db.prepare(`INSERT INTO log_entries (tx, hlc, entity, row, dep, op, fields) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.insertTx = db.prepare(`INSERT INTO log_txs (uuid, node, hlc, first_seq, last_seq) VALUES (?, ?, ?, 0, 0)`);
    this.rangeTx = db.prepare(`UPDATE log_txs SET first_seq = ?, last_seq = ? WHERE id = ?`);
  }

  /** A transaction of the write path starts; nothing is written until its first entry. */
  begin(uuid: string): void {
    this.tx = { uuid, id: null, hlc: 0, count: 0, firstSeq: 0, lastSeq: 0 };
  }

  /** The id of a name or value, interned in this transaction when new. */
  intern(text: string): number {
    return this.interner.id(text);
  }

  shape(fields: readonly string[]): number {
    const key = fields.join(',');
    let id = this.shapes.get(key);
    if (id === undefined) {
      id = shapeId(this.interner, fields);
      this.shapes.set(key, id);
    }
    return id;
  }

  /** One row change; `fields` maps column names to their new values (as the API gave them). */
  append(entity: string, rowId: string, departmentId: string | null, op: LogOp, hlc: number, fields: Record<string, unknown>): void {
    const names = Object.keys(fields);
    const payload: unknown[] = [this.shape(names)];
    for (const f of names) payload.push(payloadValue(this.interner, f, fields[f]));
    const dep = departmentId ? this.interner.id(departmentId) : null;
    const txId = this.open(hlc);
    const stored = hlc === this.tx!.hlc + this.tx!.count ? null : hlc;
    this.noteSeq(Number(this.insertEntry.run(txId, stored, this.interner.id(entity), uuidToBlob(rowId), dep, OP_CODE[op], JSON.stringify(payload)).lastInsertRowid));
  }

  /**
   * The id of the open transaction's row, written with its first entry (whose clock, `hlc`, becomes
   * the transaction's), so that a transaction that changed nothing leaves nothing in the log.
   */
  open(hlc: number): number {
    const tx = this.tx;
    if (!tx) throw new Error('No transaction of the write path is open');
    if (tx.id === null) {
      tx.id = Number(this.insertTx.run(tx.uuid, this.interner.id(this.node), hlc).lastInsertRowid);
      tx.hlc = hlc;
    }
    return tx.id;
  }

  /** The clock the next entry gets when it stores none: the transaction's first plus its place. */
  implicitHlc(): number {
    return this.tx!.hlc + this.tx!.count;
  }

  /** An entry was appended with this seq (entries of a transaction are consecutive). */
  noteSeq(seq: number): void {
    this.noteRange(seq, seq);
  }

  /** Entries `first`..`last` were appended by one statement. */
  noteRange(first: number, last: number): void {
    const tx = this.tx!;
    if (tx.firstSeq === 0) tx.firstSeq = first;
    tx.lastSeq = last;
    tx.count += last - first + 1;
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
    else {
      this.interner.rollback();
      this.shapes.clear(); // a shape interned by the rolled-back transaction is gone with it
    }
  }
}
