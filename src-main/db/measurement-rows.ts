import type { Database, Statement } from 'better-sqlite3';
import { BoucleError } from '../../src-shared/errors';
import type { Row } from './entities';
import { uuidToBlob } from './ids';
import { internerOf, type Interner } from './interned';

// Measurements are the one entity of which a workspace holds millions (five years of daily ERP data
// for dozens of indicators), so they are stored compactly in measurement_rows and shown as the
// `measurements` view with the columns every other table has: the id as its 16 bytes, the indicator
// as a small integer (indicator_keys), the department taken from the indicator rather than repeated
// on each row, the import source interned, the timestamps as milliseconds. Only the write path
// (write.ts) writes them, through this file.

export const MEASUREMENT_COLUMNS = ['indicator_id', 'period', 'value', 'source', 'note'] as const;

const ms = (iso: string): number => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`Not an ISO date-time: ${iso}`);
  return t;
};

export class MeasurementRows {
  private readonly interner: Interner;
  private readonly keyOf: Statement;
  private readonly insertRow: Statement;
  private readonly tombstone: Statement;
  private readonly updates = new Map<string, Statement>();

  constructor(private readonly db: Database) {
    this.interner = internerOf(db);
    this.keyOf = db.prepare(`SELECT k.num, i.department_id FROM indicator_keys k JOIN indicators i ON i.id = k.id WHERE k.id = ?`);
    this.insertRow = db.prepare(
      `INSERT INTO measurement_rows (uid, ind, period, value, source, note, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.tombstone = db.prepare(`UPDATE measurement_rows SET deleted_at = ?, updated = ? WHERE uid = ?`);
  }

  /** The indicator's small key and department; the measurement's department must be the indicator's. */
  indicator(indicatorId: unknown, departmentId?: unknown): { num: number; departmentId: string } {
    const k = typeof indicatorId === 'string' ? (this.keyOf.get(indicatorId) as { num: number; department_id: string } | undefined) : undefined;
    if (!k) throw BoucleError.of('not_found', 'notFound.indicators', undefined, 'indicatorId');
    if (departmentId !== undefined && departmentId !== k.department_id) {
      throw new Error(`A measurement belongs to its indicator's department (${k.department_id}), not ${String(departmentId)}`);
    }
    return { num: k.num, departmentId: k.department_id };
  }

  source(text: unknown): number | null {
    return typeof text === 'string' ? this.interner.id(text) : null;
  }

  insert(id: string, values: Row, createdAt: string, updatedAt: string): void {
    const ind = this.indicator(values.indicator_id, values.department_id);
    this.insertRow.run(
      uuidToBlob(id),
      ind.num,
      values.period,
      values.value,
      this.source(values.source),
      values.note ?? null,
      ms(createdAt),
      updatedAt === createdAt ? null : ms(updatedAt),
    );
  }

  update(id: string, values: Row, updatedAt: string): void {
    const cols = Object.keys(values);
    const key = cols.join(',');
    let stmt = this.updates.get(key);
    if (!stmt) {
      const sets = cols.map((c) => `${c === 'indicator_id' ? 'ind' : c} = ?`);
      stmt = this.db.prepare(`UPDATE measurement_rows SET ${[...sets, 'updated = ?'].join(', ')} WHERE uid = ?`);
      this.updates.set(key, stmt);
    }
    const bound = cols.map((c) => {
      if (c === 'indicator_id') return this.indicator(values[c]).num;
      if (c === 'source') return this.source(values[c]);
      return values[c] ?? null;
    });
    stmt.run(...bound, ms(updatedAt), uuidToBlob(id));
  }

  setTombstone(id: string, deletedAt: string | null, updatedAt: string): void {
    this.tombstone.run(deletedAt, ms(updatedAt), uuidToBlob(id));
  }
}
