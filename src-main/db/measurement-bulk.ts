import type { Database, Statement } from 'better-sqlite3';
import { BoucleError } from '../../src-shared/errors';
import { OP_CODE, type LogWriter } from './change-log';
import { internerOf } from './interned';
import { Uuid7Bytes } from './uuid7';

// The write path for a bulk import of measurements: the same rows and change-log entries that
// WriteTx.insert would write one by one (measurement-rows.ts, change-log.ts) — an insert entry with
// department_id, indicator_id, period, value, source and note — written a few hundred at a time by
// multi-row statements prepared once, with ids made as bytes. It is only ever used inside the
// transaction of the write path (Writer.beginBulk), so it is all or nothing like any write.

const ROWS_PER_STATEMENT = 200;
/** The indexes a large import builds once at the end, as migration 0005 creates them. */
const DEFERRABLE = {
  measurement_rows_period: `CREATE UNIQUE INDEX measurement_rows_period ON measurement_rows (ind, period) WHERE deleted_at IS NULL`,
  log_entries_row: `CREATE INDEX log_entries_row ON log_entries (row)`,
};

/**
 * What rebuilding the indexes would cost: the rows they hold (measurements and log entries). The
 * log's last seq is its size (it only grows); counting measurements reads their smallest index.
 */
export function indexedRows(db: Database): number {
  const log = db.prepare(`SELECT COALESCE(MAX(seq), 0) FROM log_entries`).pluck().get() as number;
  return Math.max(log, db.prepare(`SELECT COUNT(*) FROM measurement_rows`).pluck().get() as number);
}

export interface BulkIndicator {
  /** The indicator's small key (indicator_keys.num). */
  num: number;
  /** Interned ids of the indicator and its department, as the log keeps them. */
  indicator: number;
  department: number;
}

export class MeasurementBulk {
  private readonly ids = new Uuid7Bytes();
  /** The entry's fields, in the order WriteTx.insert logs them. */
  private readonly shape: number;
  private readonly entity: number;
  private readonly source: number | null;
  private readonly rowArgs: unknown[] = [];
  private readonly logArgs: unknown[] = [];
  private readonly uids = Buffer.allocUnsafe(16 * ROWS_PER_STATEMENT);
  private n = 0;
  /** What the statement's rows share: their creation time (its first row's), their transaction. */
  private created = 0;
  private tx = 0;
  private readonly keyOf: Statement;
  private readonly statements = new Map<number, { rows: Statement; log: Statement }>();

  constructor(
    private readonly db: Database,
    private readonly log: LogWriter,
    private readonly nextHlc: () => number,
    source: string | null,
  ) {
    const interner = internerOf(db);
    this.entity = interner.id('measurements');
    this.shape = log.shape(['department_id', 'indicator_id', 'period', 'value', 'source', 'note']);
    this.source = source === null ? null : interner.id(source);
    this.keyOf = db.prepare(`SELECT k.num, i.department_id FROM indicator_keys k JOIN indicators i ON i.id = k.id WHERE k.id = ?`);
  }

  /**
   * For an import of only new values that is large next to what the workspace holds: drop the
   * indexes the rows and their log entries would keep up to date one by one — (indicator, period)
   * on the measurements, the row index of the change log — and build them again once, from sorted
   * keys, at the end (restoreIndexes): half the work, and the (indicator, period) index half the
   * size, because forty indicators' rows arrive interleaved. Inside the write path's transaction, so
   * a rollback brings them back as they were; the rebuild checks uniqueness again.
   */
  deferIndexes(): void {
    for (const name of Object.keys(DEFERRABLE)) this.db.exec(`DROP INDEX ${name}`);
    this.indexesDeferred = true;
  }

  restoreIndexes(): void {
    if (!this.indexesDeferred) return;
    this.flush();
    for (const sql of Object.values(DEFERRABLE)) this.db.exec(sql);
    this.indexesDeferred = false;
  }

  private indexesDeferred = false;

  indicator(id: string): BulkIndicator {
    const k = this.keyOf.get(id) as { num: number; department_id: string } | undefined;
    if (!k) throw BoucleError.of('not_found', 'notFound.indicators', undefined, 'indicatorId');
    const interner = internerOf(this.db);
    return { num: k.num, indicator: interner.id(id), department: interner.id(k.department_id) };
  }

  add(ind: BulkIndicator, period: string, value: number, note: string | null): void {
    if (!Number.isFinite(value)) throw new Error(`Not a finite value: ${value}`);
    this.ids.next(this.uids, this.n * 16);
    if (this.n === 0) this.created = Date.now();
    this.rowArgs.push(ind.num, period, value, note);
    const fields = `[${this.shape},${ind.department},${ind.indicator},"${period}",${String(value)},${this.source},${note === null ? 'null' : JSON.stringify(note)}]`;
    const hlc = this.nextHlc();
    this.tx = this.log.open(hlc);
    // Consecutive clocks need not be stored: the entry's is the transaction's first plus its place.
    const stored = hlc === this.log.implicitHlc() + this.n ? null : hlc;
    this.logArgs.push(ind.department, fields, stored);
    if (++this.n === ROWS_PER_STATEMENT) this.flush();
  }

  /** Writes what was added; call before the transaction ends (and as often as wanted). */
  flush(): void {
    if (!this.n) return;
    const s = this.statementsFor(this.n);
    const uids = this.uids.subarray(0, 16 * this.n);
    s.rows.run(this.rowArgs, { uids, source: this.source, created: this.created });
    const last = Number(s.log.run(this.logArgs, { uids, tx: this.tx, entity: this.entity, op: OP_CODE.insert }).lastInsertRowid);
    this.log.noteRange(last - this.n + 1, last);
    this.rowArgs.length = 0;
    this.logArgs.length = 0;
    this.n = 0; // the statements copied the bound ids: the buffer can take the next ones
  }

  // What every row of a statement shares (the ids' bytes as one blob, the source, the time, the
  // transaction, the entity, the operation) is bound once by name, not once per row: binding is most
  // of what a multi-row insert costs in JavaScript (a 1M-row import binds 7 values a row, not 14).
  private statementsFor(n: number) {
    let s = this.statements.get(n);
    if (!s) {
      const uid = (k: number) => `substr(@uids, ${16 * k + 1}, 16)`;
      const rows = Array.from({ length: n }, (_, k) => `(${uid(k)}, ?, ?, ?, @source, ?, @created)`).join(', ');
      const log = Array.from({ length: n }, (_, k) => `(@tx, ?, @entity, ${uid(k)}, @op, ?, ?)`);
      s = {
        rows: this.db.prepare(`INSERT INTO measurement_rows (uid, ind, period, value, source, note, created) VALUES ${rows}`),
        // Per row: dep, fields, then the stored clock (NULL when implied), the order logArgs holds them in.
        log: this.db.prepare(`INSERT INTO log_entries (tx, dep, entity, row, op, fields, hlc) VALUES ${log.join(', ')}`),
      };
      this.statements.set(n, s);
    }
    return s;
  }
}
