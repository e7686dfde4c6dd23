import type { Database, Statement } from 'better-sqlite3';
import { OP_CODE, payloadValue, shapeId, type LogOp } from './change-log';
import { uuidToBlob } from './ids';
import { internerOf, type Interner } from './interned';

// The change log's entries for changes that came from the server (db/apply-remote.ts), in the same
// compact shape as the write path's (change-log.ts) but keeping the REMOTE transaction id, machine
// and clock, so that history, undo and the next sync see a pulled change like a local one.
//
// A transaction's entries are consecutive in the log; a remote transaction that arrives in several
// pages (a big import) gets one log_txs row per page, the later ones under `<uuid>~<place>`.

export class RemoteLog {
  private readonly interner: Interner;
  private readonly insertEntry: Statement;
  private readonly insertTx: Statement;
  private readonly rangeTx: Statement;
  private readonly txExists: Statement;
  private readonly shapes = new Map<string, number>();
  private open: { key: string; id: number; hlc: number; first: number; last: number; count: number } | null = null;

  constructor(db: Database) {
    this.interner = internerOf(db);
    this.insertEntry = db.prepare(`INSERT INTO log_entries (tx, hlc, entity, row, dep, op, fields) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.insertTx = db.prepare(`INSERT INTO log_txs (uuid, node, hlc, first_seq, last_seq) VALUES (?, ?, ?, 0, 0)`);
    this.rangeTx = db.prepare(`UPDATE log_txs SET first_seq = ?, last_seq = ? WHERE id = ?`);
    this.txExists = db.prepare(`SELECT 1 FROM log_txs WHERE uuid = ?`).pluck();
  }

  private shape(fields: readonly string[]): number {
    const key = fields.join(',');
    let id = this.shapes.get(key);
    if (id === undefined) this.shapes.set(key, (id = shapeId(this.interner, fields)));
    return id;
  }

  /** One entry of remote transaction `tx` (made on `node`), at clock `hlc`. */
  append(tx: string, pos: number, node: string, hlc: number, entity: string, rowId: string, dep: string | null, op: LogOp, fields: Record<string, unknown>): void {
    const key = `${tx}\n${node}`;
    if (this.open?.key !== key) {
      this.close();
      const uuid = this.txExists.get(tx) === undefined ? tx : `${tx}~${pos}~${hlc}`;
      const id = Number(this.insertTx.run(uuid, this.interner.id(node), hlc).lastInsertRowid);
      this.open = { key, id, hlc, first: 0, last: 0, count: 0 };
    }
    const t = this.open!;
    const names = Object.keys(fields);
    const payload: unknown[] = [this.shape(names)];
    for (const f of names) payload.push(payloadValue(this.interner, f, fields[f]));
    const stored = hlc === t.hlc + t.count ? null : hlc;
    const seq = Number(
      this.insertEntry.run(t.id, stored, this.interner.id(entity), uuidToBlob(rowId), dep ? this.interner.id(dep) : null, OP_CODE[op], JSON.stringify(payload))
        .lastInsertRowid,
    );
    if (t.first === 0) t.first = seq;
    t.last = seq;
    t.count = seq - t.first + 1;
  }

  /** Ends the open transaction (its range of entries); call before COMMIT. */
  close(): void {
    if (this.open) this.rangeTx.run(this.open.first, this.open.last, this.open.id);
    this.open = null;
  }

  /** After the COMMIT or ROLLBACK of the apply. */
  end(committed: boolean): void {
    this.open = null;
    if (committed) this.interner.commit();
    else {
      this.interner.rollback();
      this.shapes.clear();
    }
  }
}
