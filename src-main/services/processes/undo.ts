import { BoucleError } from '../../../src-shared/errors';
import type { UndoResult } from '../../../src-shared/processes/map';
import type { Workspace } from '../../db/workspace';
import { OP_CODE } from '../../db/change-log';
import { ENTITIES, type EntityName, type Row } from '../../db/entities';
import type { WriteTx } from '../../db/write';
import { SQL_UUID_BLOB, nowIso, uuidToBlob } from '../../db/ids';
import { entityCode, rowLog, txLog, type LogEntry } from '../../db/log-read';
import { requireLive } from '../../db/read';
import { prepared } from '../../db/statements';
import { buildProcessMap } from './map';

// Undo of the last edit on a process map, built on the change log: every write logged the new value
// of each field with its transaction id, so the value before a transaction is the last value logged
// for that field before it. The reversal goes back through the write path (update / restore /
// remove), so the undo is itself logged and syncs like any edit. map_undo remembers which
// transaction an undo reverted, so undoing again goes one edit further back instead of undoing the undo.

/** Tables whose rows an undo of a map edit may revert, all scoped by process_id. */
const SCOPE = ['steps', 'step_flows', 'gaps'] as const satisfies readonly EntityName[];
type ScopeEntity = (typeof SCOPE)[number] | 'processes';

/**
 * The last transaction that edited the map: changed a step or a flow of the process (gaps are logged
 * from the map, but are not the map), or the process row itself (its name, its lane order) but not
 * its creation — undo empties a map, it never deletes the process. Neither an undo nor a
 * transaction already undone counts.
 */
function lastMapTx(ws: Workspace, processId: string): string | undefined {
  const code = (e: string) => entityCode(ws.db, e) ?? -1;
  const rowsOf = (table: string) => `SELECT ${SQL_UUID_BLOB('id')} FROM ${table} WHERE process_id = :p`;
  return prepared(
    ws.db,
    `SELECT t.uuid FROM log_entries e JOIN log_txs t ON t.id = e.tx
      WHERE ((e.entity = :steps AND e.row IN (${rowsOf('steps')}))
          OR (e.entity = :flows AND e.row IN (${rowsOf('step_flows')}))
          OR (e.entity = :processes AND e.row = :prow
              AND e.tx NOT IN (SELECT tx FROM log_entries WHERE row = :prow AND entity = :processes AND op = ${OP_CODE.insert})))
        AND t.uuid NOT IN (SELECT undo_tx_id FROM map_undo)
        AND t.uuid NOT IN (SELECT undone_tx_id FROM map_undo WHERE process_id = :p)
      ORDER BY e.seq DESC LIMIT 1`,
  )
    .pluck()
    .get({ p: processId, prow: uuidToBlob(processId), steps: code('steps'), flows: code('step_flows'), processes: code('processes') }) as
    | string
    | undefined;
}

/** What the transaction changed on the map: its entries for the process's steps, flows and gaps, and the process row. */
function entriesOf(ws: Workspace, txId: string, processId: string): LogEntry[] {
  const inScope = new Set<string>();
  for (const table of SCOPE) {
    for (const id of ws.db.prepare(`SELECT id FROM ${table} WHERE process_id = ?`).pluck().all(processId) as string[]) inScope.add(`${table}:${id}`);
  }
  return txLog(ws.db, txId).filter(
    (e) => inScope.has(`${e.entity}:${e.rowId}`) || (e.entity === 'processes' && e.rowId === processId && e.op !== 'insert'),
  );
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

/** Whether the row still holds the value the change log says the transaction left in `field`. */
function sameAsStored(entity: EntityName, row: Row, field: string, logged: unknown): boolean {
  const json = (ENTITIES[entity] as { json?: readonly string[] }).json;
  const raw = row[field] ?? null;
  const current = json?.includes(field) && typeof raw === 'string' ? raw : JSON.stringify(raw);
  return current === JSON.stringify(logged ?? null);
}

interface Changed {
  entity: ScopeEntity;
  id: string;
  /** The transaction inserted the row. */
  created: boolean;
  /** field → the value the transaction left (its last change of that field) */
  fields: Map<string, unknown>;
}

export function undoLastMapEdit(ws: Workspace, processId: string): UndoResult {
  requireLive(ws.db, 'processes', processId, 'processId');
  const txId = lastMapTx(ws, processId);
  if (!txId) throw BoucleError.of('not_found', 'map.nothing_to_undo', undefined, 'processId');

  const entries = entriesOf(ws, txId, processId);
  const firstSeq = entries[0]?.seq ?? 0;
  const rows = new Map<string, Changed>();
  for (const e of entries) {
    const key = `${e.entity}:${e.rowId}`;
    const r = rows.get(key) ?? { entity: e.entity as ScopeEntity, id: e.rowId, created: false, fields: new Map() };
    if (e.op === 'insert') r.created = true;
    for (const [f, v] of Object.entries(e.fields)) r.fields.set(f, v);
    rows.set(key, r);
  }
  /** The value a field had before the transaction: the last entry of the row before it that set it. */
  const previous = (entity: EntityName, id: string, field: string): { value: unknown } | undefined => {
    let found: { value: unknown } | undefined;
    for (const e of rowLog(ws.db, entity, id)) {
      if (e.seq >= firstSeq) break;
      if (field in e.fields) found = { value: e.fields[field] };
    }
    return found;
  };
  const getRow = (entity: EntityName, id: string) =>
    ws.db.prepare(`SELECT * FROM ${ENTITIES[entity].table} WHERE id = ?`).get(id) as Row | undefined;

  let reverted = 0;
  ws.writer.write((tx: WriteTx) => {
    const removals: Changed[] = [];
    const restores: Changed[] = [];
    const updates: { entity: ScopeEntity; id: string; values: Row }[] = [];

    for (const r of rows.values()) {
      const row = getRow(r.entity, r.id);
      if (!row) continue;
      if (r.created) {
        if (!row.deleted_at) removals.push(r);
        continue;
      }
      const values: Row = {};
      let count = 0;
      for (const [field, after] of r.fields) {
        if (!sameAsStored(r.entity, row, field, after)) continue; // changed again since: leave it
        const before = previous(r.entity, r.id, field);
        const prior = before === undefined ? columnDefault(ws, r.entity, field) : before.value;
        if (field === 'deleted_at') {
          if (after !== null && prior === null) restores.push(r);
          else if (after === null && prior !== null) removals.push(r);
          continue;
        }
        values[field] = prior;
        count++;
      }
      if (count) updates.push({ entity: r.entity, id: r.id, values });
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
