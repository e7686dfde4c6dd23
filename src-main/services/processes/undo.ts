import { BoucleError } from '../../../src-shared/errors';
import type { UndoResult } from '../../../src-shared/processes/map';
import type { Workspace } from '../../db/workspace';
import { ENTITIES, type EntityName, type Row } from '../../db/entities';
import type { WriteTx } from '../../db/write';
import { nowIso } from '../../db/ids';
import { requireLive } from '../../db/read';
import { buildProcessMap } from './map';

// Undo of the last edit on a process map, built on the change log: every write logged the new value
// of each field with its transaction id, so the value before a transaction is the last logged value
// before it. The reversal goes back through the write path (update / restore / remove), so the undo
// is itself logged and syncs like any edit. map_undo remembers which transaction an undo reverted,
// so undoing again goes one edit further back instead of undoing the undo.

/** Tables whose rows an undo of a map edit may revert, all scoped by process_id. */
const SCOPE = ['steps', 'step_flows', 'gaps'] as const satisfies readonly EntityName[];
/** What counts as an edit of the map (gaps are logged from the map, but are not the map). */
const MAP_ENTITIES = ['steps', 'step_flows'] as const;
/**
 * Changes of the process row itself (its name, its lane order) are map edits too, but not its
 * creation: undo empties a map, it never deletes the process.
 */
const PROCESS_ROW = `(entity = 'processes' AND row_id = ? AND tx_id NOT IN
  (SELECT tx_id FROM change_log WHERE entity = 'processes' AND row_id = ? AND field = 'department_id'))`;

interface LogEntry {
  seq: number;
  entity: (typeof SCOPE)[number] | 'processes';
  row_id: string;
  field: string;
  value: string | null;
}

const inProcess = (entity: string) => `(entity = '${entity}' AND row_id IN (SELECT id FROM ${entity} WHERE process_id = ?))`;

function lastMapTx(ws: Workspace, processId: string): string | undefined {
  const scope = [...MAP_ENTITIES.map(inProcess), PROCESS_ROW].join(' OR ');
  return ws.db
    .prepare(
      `SELECT tx_id FROM change_log
        WHERE (${scope})
          AND tx_id NOT IN (SELECT undo_tx_id FROM map_undo)
          AND tx_id NOT IN (SELECT undone_tx_id FROM map_undo WHERE process_id = ?)
        ORDER BY seq DESC LIMIT 1`,
    )
    .pluck()
    .get(...MAP_ENTITIES.map(() => processId), processId, processId, processId) as string | undefined;
}

function entriesOf(ws: Workspace, txId: string, processId: string): LogEntry[] {
  const scope = [...SCOPE.map(inProcess), PROCESS_ROW].join(' OR ');
  return ws.db
    .prepare(`SELECT seq, entity, row_id, field, value FROM change_log WHERE tx_id = ? AND (${scope}) ORDER BY seq`)
    .all(txId, ...SCOPE.map(() => processId), processId, processId) as LogEntry[];
}

/** The value a column gets when an insert does not name it: what it held before any logged change. */
function columnDefault(ws: Workspace, entity: EntityName, field: string): unknown {
  const info = ws.db.prepare(`SELECT dflt_value FROM pragma_table_info(?) WHERE name = ?`).get(ENTITIES[entity].table, field) as
    | { dflt_value: string | null }
    | undefined;
  const text = info?.dflt_value ?? null;
  if (text === null || /^null$/i.test(text)) return null;
  const literal = /^'(.*)'$/s.exec(text);
  const value: unknown = literal ? literal[1]!.replace(/''/g, "'") : Number(text);
  const json = (ENTITIES[entity] as { json?: readonly string[] }).json;
  return json?.includes(field) && typeof value === 'string' ? JSON.parse(value) : value;
}

/** The current value of a column, encoded as the change log encodes values, for comparison. */
function currentEncoded(entity: EntityName, row: Row, field: string): string {
  const json = (ENTITIES[entity] as { json?: readonly string[] }).json;
  const raw = row[field] ?? null;
  return json?.includes(field) && typeof raw === 'string' ? raw : JSON.stringify(raw);
}

export function undoLastMapEdit(ws: Workspace, processId: string): UndoResult {
  requireLive(ws.db, 'processes', processId, 'processId');
  const txId = lastMapTx(ws, processId);
  if (!txId) throw BoucleError.of('not_found', 'map.nothing_to_undo', undefined, 'processId');

  const entries = entriesOf(ws, txId, processId);
  const firstSeq = entries[0]?.seq ?? 0;
  // row → field → the value this transaction left (its last entry for that field)
  const rows = new Map<string, { entity: LogEntry['entity']; id: string; fields: Map<string, string | null> }>();
  for (const e of entries) {
    const key = `${e.entity}:${e.row_id}`;
    const r = rows.get(key) ?? { entity: e.entity, id: e.row_id, fields: new Map() };
    r.fields.set(e.field, e.value);
    rows.set(key, r);
  }
  const previous = ws.db.prepare(
    `SELECT value FROM change_log WHERE entity = ? AND row_id = ? AND field = ? AND seq < ? ORDER BY seq DESC LIMIT 1`,
  );
  const getRow = (entity: EntityName, id: string) =>
    ws.db.prepare(`SELECT * FROM ${ENTITIES[entity].table} WHERE id = ?`).get(id) as Row | undefined;

  let reverted = 0;
  ws.writer.write((tx: WriteTx) => {
    const removals: { entity: LogEntry['entity']; id: string }[] = [];
    const restores: { entity: LogEntry['entity']; id: string }[] = [];
    const updates: { entity: LogEntry['entity']; id: string; values: Row; count: number }[] = [];

    for (const r of rows.values()) {
      const row = getRow(r.entity, r.id);
      if (!row) continue;
      // An insert logs department_id (updates never do): the transaction created this row.
      if (r.fields.has('department_id')) {
        if (!row.deleted_at) removals.push(r);
        continue;
      }
      const values: Row = {};
      let count = 0;
      for (const [field, after] of r.fields) {
        if (currentEncoded(r.entity, row, field) !== (after ?? 'null')) continue; // changed again since: leave it
        const before = previous.pluck().get(r.entity, r.id, field, firstSeq) as string | null | undefined;
        const prior = before === undefined ? columnDefault(ws, r.entity, field) : before === null ? null : JSON.parse(before);
        if (field === 'deleted_at') {
          if (after !== null && after !== 'null' && prior === null) restores.push(r);
          else if ((after === null || after === 'null') && prior !== null) removals.push(r);
          continue;
        }
        values[field] = prior;
        count++;
      }
      if (count) updates.push({ entity: r.entity, id: r.id, values, count });
    }

    for (const r of restores) {
      tx.restore(r.entity, r.id);
      reverted++;
    }
    for (const u of updates) {
      const row = getRow(u.entity, u.id);
      if (!row || row.deleted_at) continue; // removed again later by someone else
      reverted += tx.update(u.entity, u.id, u.values).length;
    }
    for (const r of removals) {
      const row = getRow(r.entity, r.id);
      if (!row || row.deleted_at) continue;
      if (r.entity === 'steps') detachFromStep(ws, tx, r.id);
      tx.remove(r.entity, r.id);
      reverted++;
    }
    tx.db
      .prepare(`INSERT INTO map_undo (undo_tx_id, undone_tx_id, process_id, created_at) VALUES (?, ?, ?, ?)`)
      .run(tx.txId, txId, processId, nowIso());
  });
  return { undoneTxId: txId, reverted, map: buildProcessMap(ws, processId) };
}

/** A step that goes away keeps its gaps on the process (step_id null) and takes its flows with it. */
export function detachFromStep(ws: Workspace, tx: WriteTx, stepId: string) {
  const gaps = ws.db.prepare(`SELECT id FROM gaps WHERE step_id = ? AND deleted_at IS NULL`).pluck().all(stepId) as string[];
  for (const g of gaps) tx.update('gaps', g, { step_id: null });
  const flows = ws.db
    .prepare(`SELECT id FROM step_flows WHERE (from_step_id = ? OR to_step_id = ?) AND deleted_at IS NULL`)
    .pluck()
    .all(stepId, stepId) as string[];
  for (const f of flows) tx.remove('step_flows', f);
}
