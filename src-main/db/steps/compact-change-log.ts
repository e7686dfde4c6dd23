import type { Database } from 'better-sqlite3';
import { OP_CODE, internedField, type LogOp } from '../change-log';
import { HLC_COUNTER_SPAN, parseHlc } from '../hlc';
import { uuidToBlob } from '../ids';
import type { StepProgress } from '../migration-steps';

// Migration 0005: the old change log, one row per changed field, becomes one entry per row change
// (db/change-log.ts). The fields one write of one row logged share its transaction, clock and row,
// and follow each other: consecutive old rows with the same (tx_id, hlc, entity, row_id) are one
// entry, their fields in the order they were logged. Nothing is lost: every old row is a field of an
// entry with its value, clock, machine, transaction and department.

interface OldRow {
  hlc: string;
  node_id: string;
  tx_id: string;
  entity: string;
  row_id: string;
  field: string;
  value: string | null;
  department_id: string | null;
}

const PROGRESS_EVERY = 50_000;
const PAGE = 20_000;

export function compactChangeLog(db: Database, progress: StepProgress): void {
  const total = db.prepare(`SELECT COUNT(*) FROM change_log`).pluck().get() as number;
  checkMeasurementDepartments(db);
  const ids = new Map<string, number>();
  const findName = db.prepare(`SELECT id FROM interned WHERE text = ?`).pluck();
  const addName = db.prepare(`INSERT INTO interned (text) VALUES (?)`);
  const intern = (text: string): number => {
    let id = ids.get(text);
    if (id === undefined) {
      id = (findName.get(text) as number | undefined) ?? Number(addName.run(text).lastInsertRowid);
      ids.set(text, id);
    }
    return id;
  };
  const addTx = db.prepare(`INSERT INTO log_txs (uuid, node, hlc, first_seq, last_seq) VALUES (?, ?, ?, 0, 0)`);
  const setRange = db.prepare(`UPDATE log_txs SET first_seq = ?, last_seq = ? WHERE id = ?`);
  const addEntry = db.prepare(`INSERT INTO log_entries (tx, hlc, entity, row, dep, op, fields) VALUES (?, ?, ?, ?, ?, ?, ?)`);

  // Memory stays bounded however long the log: only the current transaction is held; one already
  // finished is found again through log_txs' unique uuid, and whether a row had an earlier entry through
  // the old log's (entity, row_id, seq) index, rather than a Set of every row seen (816 MB at 1M rows).
  type Tx = { uuid: string; id: number; hlc: number; count: number; first: number; last: number };
  let current: Tx | null = null;
  const finishedTx = db.prepare(`SELECT 1 FROM log_txs WHERE uuid = ?`).pluck();
  const earlierEntry = db.prepare(`SELECT 1 FROM change_log WHERE entity = ? AND row_id = ? AND seq < ? LIMIT 1`).pluck();
  const closeTx = () => {
    if (current) setRange.run(current.first, current.last, current.id);
  };
  const shapes = new Map<string, number>();
  const shape = (names: string[]) => {
    const key = names.join(',');
    let id = shapes.get(key);
    if (id === undefined) shapes.set(key, (id = intern(`[${names.map(intern).join(',')}]`)));
    return id;
  };
  let entry = null as { key: string; seq: number; first: OldRow; stored: unknown[]; names: string[]; values: unknown[] } | null;
  let lastHlc = 0;
  let read = 0;

  const flush = () => {
    if (!entry) return;
    const e = entry.first;
    const { ms, counter } = parseHlc(e.hlc);
    // ms × 1024 + counter; a counter beyond the span (a clock stepped back for long) keeps the order.
    const hlc = Math.max(lastHlc + 1, ms * HLC_COUNTER_SPAN + Math.min(counter, HLC_COUNTER_SPAN - 1));
    lastHlc = hlc;
    let op: LogOp = 'update';
    // A row with an entry already: a later department_id is a move, not a creation.
    if (entry.names.includes('department_id') && earlierEntry.get(e.entity, e.row_id, entry.seq) === undefined) op = 'insert';
    else if (entry.names.length === 1 && entry.names[0] === 'deleted_at') op = entry.values[0] === null ? 'restore' : 'remove';
    if (current?.uuid !== e.tx_id) {
      // The write path never interleaves transactions: a range of entries per transaction relies on it.
      if (finishedTx.get(e.tx_id) !== undefined) {
        throw new Error(`The change log interleaves transaction ${e.tx_id} with another: the workspace was left as it was`);
      }
      closeTx();
      current = { uuid: e.tx_id, id: Number(addTx.run(e.tx_id, intern(e.node_id), hlc).lastInsertRowid), hlc, count: 0, first: 0, last: 0 };
    }
    const tx = current;
    const dep = e.department_id ? intern(e.department_id) : null;
    // A clock that follows from the transaction's first is not stored (change-log.ts).
    const stored = hlc === tx.hlc + tx.count ? null : hlc;
    const fields = JSON.stringify([shape(entry.names), ...entry.stored]);
    const seq = Number(addEntry.run(tx.id, stored, intern(e.entity), uuidToBlob(e.row_id), dep, OP_CODE[op], fields).lastInsertRowid);
    if (!tx.first) tx.first = seq;
    tx.last = seq;
    tx.count++;
    entry = null;
  };

  // Read in pages: better-sqlite3 cannot run the inserts while a query is still being iterated.
  const page = db.prepare(
    `SELECT seq, hlc, node_id, tx_id, entity, row_id, field, value, department_id FROM change_log WHERE seq > ? ORDER BY seq LIMIT ${PAGE}`,
  );
  for (let after = 0; ; ) {
    const rows = page.all(after) as (OldRow & { seq: number })[];
    if (!rows.length) break;
    after = rows.at(-1)!.seq;
    for (const r of rows) {
      const key = `${r.tx_id}|${r.hlc}|${r.entity}|${r.row_id}`;
      if (entry?.key !== key) {
        flush();
        entry = { key, seq: r.seq, first: r, stored: [], names: [], values: [] };
      }
      const value: unknown = r.value === null ? null : JSON.parse(r.value);
      const stored = value !== null && internedField(r.field) ? intern(String(value)) : value;
      entry.stored.push(stored);
      entry.names.push(r.field);
      entry.values.push(value);
      if (++read % PROGRESS_EVERY === 0) progress('converting the change log', read, total);
    }
  }
  flush();
  closeTx();
  const seq = db.prepare(`SELECT COALESCE(MAX(seq), 0) FROM log_entries`).pluck().get() as number;
  db.prepare(`INSERT INTO meta (key, value) VALUES ('change_seq', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(String(seq));
  if (total >= PROGRESS_EVERY) progress('converting the change log', total, total);
}

/** Measurements take their department from their indicator from now on: refuse to lose a difference. */
function checkMeasurementDepartments(db: Database) {
  const odd = db
    .prepare(`SELECT COUNT(*) FROM measurements m JOIN indicators i ON i.id = m.indicator_id WHERE m.department_id <> i.department_id`)
    .pluck()
    .get() as number;
  if (odd > 0) throw new Error(`${odd} measurement(s) belong to another department than their indicator: the workspace was left as it was`);
}
