import type { Database } from 'better-sqlite3';
import { uuidToBlob } from './ids';
import { internerOf } from './interned';
import { prepared } from './statements';

// The clock of every field of a row, read back from the change log (change-log.ts): each field's
// value was last written by the newest entry that carries it. Per-field last-writer-wins (the sync)
// compares a remote change's clock with these; the node id breaks ties between equal clocks.

export interface FieldClock {
  hlc: number;
  node: string;
}

/** (hlc, node) order: the clock, then the node id as text. */
export function compareClocks(a: FieldClock, b: FieldClock): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  return a.node < b.node ? -1 : a.node > b.node ? 1 : 0;
}

export interface RowClocks {
  fields: Map<string, FieldClock>;
  /** The clock of the row's first entry (its creation), for choosing between duplicates. */
  created: FieldClock | null;
}

/** Every field's clock for one row; empty when the log holds nothing of it. */
export function rowClocks(db: Database, entity: string, rowId: string): RowClocks {
  const names = internerOf(db);
  const ent = names.find(entity);
  const fields = new Map<string, FieldClock>();
  if (ent === undefined) return { fields, created: null };
  const rows = prepared(
    db,
    `SELECT t.node AS node, COALESCE(e.hlc, t.hlc + e.seq - t.first_seq) AS hlc, e.fields ->> '$[0]' AS shape
       FROM log_entries e JOIN log_txs t ON t.id = e.tx WHERE e.row = ? AND e.entity = ? ORDER BY e.seq`,
  ).all(uuidToBlob(rowId), ent) as { node: number; hlc: number; shape: number }[];
  let created: FieldClock | null = null;
  for (const r of rows) {
    const clock = { hlc: r.hlc, node: names.text(r.node) };
    if (!created || compareClocks(clock, created) < 0) created = clock;
    for (const f of JSON.parse(names.text(r.shape)) as number[]) {
      const field = names.text(f);
      const known = fields.get(field);
      if (!known || compareClocks(clock, known) > 0) fields.set(field, clock);
    }
  }
  return { fields, created };
}

/** Whether the log has any entry of this row (cheaper than its clocks, for rows the sync creates). */
export function rowLogged(db: Database, rowId: string): boolean {
  return prepared(db, `SELECT 1 FROM log_entries WHERE row = ? LIMIT 1`).pluck().get(uuidToBlob(rowId)) !== undefined;
}
