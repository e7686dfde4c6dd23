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
/** As migration 0005 creates it. */
const INDEX_SQL = `CREATE UNIQUE INDEX measurement_rows_period ON measurement_rows (ind, period) WHERE deleted_at IS NULL`;

/** Rows already stored, of all indicators: what decides whether rebuilding the index at the end pays. */
export function storedMeasurements(db: Database): number {
  return db.prepare(`SELECT COUNT(*) FROM measurement_rows`).pluck().get() as number;
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
   * (indicator, period) index while the rows go in and build it again once, sorted, at the end
   * (restoreIndex), instead of keeping it up to date at forty places at once — faster, and half
   * the size on disk. Inside the write path's transaction, so a rollback brings it back as it was;
   * the rebuild checks uniqueness again.
   */
  deferIndex(): void {
    this.db.exec(`DROP INDEX measurement_rows_period`);
    this.indexDeferred = true;
  }

  restoreIndex(): void {
    if (!this.indexDeferred) return;
    this.flush();
    this.db.exec(INDEX_SQL);
    this.indexDeferred = false;
  }

  private indexDeferred = false;

  indicator(id: string): BulkIndicator {
    const k = this.keyOf.get(id) as { num: number; department_id: string } | undefined;
    if (!k) throw BoucleError.of('not_found', 'notFound.indicators', undefined, 'indicatorId');
    const interner = internerOf(this.db);
    return { num: k.num, indicator: interner.id(id), department: interner.id(k.department_id) };
  }

  add(ind: BulkIndicator, period: string, value: number, note: string | null): void {
    if (!Number.isFinite(value)) throw new Error(`Not a finite value: ${value}`);
    const uid = this.uids.subarray(this.n * 16, this.n * 16 + 16);
    this.ids.next(this.uids, this.n * 16);
    const now = Date.now();
    this.rowArgs.push(uid, ind.num, period, value, this.source, note, now);
    const fields = `[${this.shape},${ind.department},${ind.indicator},"${period}",${String(value)},${this.source},${note === null ? 'null' : JSON.stringify(note)}]`;
    const hlc = this.nextHlc();
    const tx = this.log.open(hlc);
    // Consecutive clocks need not be stored: the entry's is the transaction's first plus its place.
    this.logArgs.push(tx, hlc === this.log.implicitHlc() + this.n ? null : hlc, this.entity, uid, ind.department, OP_CODE.insert, fields);
    if (++this.n === ROWS_PER_STATEMENT) this.flush();
  }

  /** Writes what was added; call before the transaction ends (and as often as wanted). */
  flush(): void {
    if (!this.n) return;
    const s = this.statementsFor(this.n);
    s.rows.run(this.rowArgs);
    const last = Number(s.log.run(this.logArgs).lastInsertRowid);
    this.log.noteRange(last - this.n + 1, last);
    this.rowArgs.length = 0;
    this.logArgs.length = 0;
    this.n = 0; // the statements copied the bound ids: the buffer can take the next ones
  }

  private statementsFor(n: number) {
    let s = this.statements.get(n);
    if (!s) {
      const values = (k: number) => Array.from({ length: n }, () => `(${Array(k).fill('?').join(', ')})`).join(', ');
      s = {
        rows: this.db.prepare(`INSERT INTO measurement_rows (uid, ind, period, value, source, note, created) VALUES ${values(7)}`),
        log: this.db.prepare(`INSERT INTO log_entries (tx, hlc, entity, row, dep, op, fields) VALUES ${values(7)}`),
      };
      this.statements.set(n, s);
    }
    return s;
  }
}
