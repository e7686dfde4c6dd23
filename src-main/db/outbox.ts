import type { Database } from 'better-sqlite3';
import { LOG_OPS, internedField, type LogOp } from './change-log';
import { blobToUuid } from './ids';
import { internerOf } from './interned';
import { isProse } from './prose-fields';
import { prepared } from './statements';

// What this laptop has to send to the central store: its OWN entries of the change log (the node of
// their transaction is this machine's), in log order, after a cursor. Entries that came from the
// server carry their author's node and are never sent back. An update of a text field also carries
// its `base`, the clock of the value its author replaced, so that the other ends can tell an edit
// made on top of theirs from one made beside it while offline (a conflict to keep).

export interface OutgoingChange {
  seq: number;
  tx: string;
  pos: number;
  node: string;
  hlc: number;
  entity: string;
  row: string;
  dep: string | null;
  op: LogOp;
  fields: Record<string, unknown>;
  base?: Record<string, [number, string] | null>;
}

interface Raw {
  seq: number;
  uuid: string;
  first: number;
  hlc: number;
  entity: number;
  row: Buffer;
  dep: number | null;
  op: number;
  fields: string;
}

/** Own entries after `afterSeq` (optionally of one department from `afterSeq` on), oldest first. */
export function ownEntries(db: Database, node: string, afterSeq: number, limit: number, dep?: string): OutgoingChange[] {
  const names = internerOf(db);
  const nodeId = names.find(node);
  if (nodeId === undefined) return [];
  const depId = dep === undefined ? undefined : names.find(dep);
  if (dep !== undefined && depId === undefined) return [];
  const rows = prepared(
    db,
    `SELECT e.seq, t.uuid, t.first_seq AS first, COALESCE(e.hlc, t.hlc + e.seq - t.first_seq) AS hlc, e.entity, e.row, e.dep, e.op, e.fields
       FROM log_entries e JOIN log_txs t ON t.id = e.tx
      WHERE e.seq > ? AND t.node = ? AND (? IS NULL OR e.dep = ?) ORDER BY e.seq LIMIT ?`,
  ).all(afterSeq, nodeId, depId ?? null, depId ?? null, limit) as Raw[];
  const shapes = new Map<number, string[]>();
  const shapeOf = (id: number) => {
    let s = shapes.get(id);
    if (!s) shapes.set(id, (s = (JSON.parse(names.text(id)) as number[]).map((f) => names.text(f))));
    return s;
  };
  return rows.map((r) => {
    const flat = JSON.parse(r.fields) as unknown[];
    const shape = shapeOf(flat[0] as number);
    const fields: Record<string, unknown> = {};
    shape.forEach((f, i) => {
      const v = flat[i + 1];
      fields[f] = v !== null && internedField(f) ? names.text(v as number) : v;
    });
    const c: OutgoingChange = {
      seq: r.seq,
      tx: r.uuid,
      pos: r.seq - r.first,
      node,
      hlc: r.hlc,
      entity: names.text(r.entity),
      row: blobToUuid(r.row),
      dep: r.dep === null ? null : names.text(r.dep),
      op: LOG_OPS[r.op]!,
      fields,
    };
    const prose = c.op === 'update' ? shape.filter(isProse) : [];
    if (prose.length) c.base = Object.fromEntries(prose.map((f) => [f, clockBefore(db, r.entity, r.row, f, r.seq)]));
    return c;
  });
}

/** The clock (and node) of the value `field` had before entry `seq`: the newest earlier entry carrying it. */
function clockBefore(db: Database, entity: number, row: Buffer, field: string, seq: number): [number, string] | null {
  const names = internerOf(db);
  const earlier = prepared(
    db,
    `SELECT t.node AS node, COALESCE(e.hlc, t.hlc + e.seq - t.first_seq) AS hlc, e.fields ->> '$[0]' AS shape
       FROM log_entries e JOIN log_txs t ON t.id = e.tx WHERE e.row = ? AND e.entity = ? AND e.seq < ? ORDER BY e.seq DESC`,
  ).all(row, entity, seq) as { node: number; hlc: number; shape: number }[];
  const fieldId = names.find(field);
  let best: [number, string] | null = null;
  for (const e of earlier) {
    if (!(JSON.parse(names.text(e.shape)) as number[]).includes(fieldId!)) continue;
    const node = names.text(e.node);
    if (!best || e.hlc > best[0] || (e.hlc === best[0] && node > best[1])) best = [e.hlc, node];
  }
  return best;
}

/** How many own entries of department `dep` lie in [fromSeq, toSeq] (the ones a push held back). */
export function ownOfDepartment(db: Database, node: string, dep: string, fromSeq: number, toSeq: number): number {
  const names = internerOf(db);
  const nodeId = names.find(node);
  const depId = names.find(dep);
  if (nodeId === undefined || depId === undefined) return 0;
  return prepared(db, `SELECT count(*) FROM log_entries e JOIN log_txs t ON t.id = e.tx WHERE e.seq BETWEEN ? AND ? AND e.dep = ? AND t.node = ?`)
    .pluck()
    .get(fromSeq, toSeq, depId, nodeId) as number;
}

/** How many own entries wait after `afterSeq`. */
export function ownPending(db: Database, node: string, afterSeq: number): number {
  const nodeId = internerOf(db).find(node);
  if (nodeId === undefined) return 0;
  return prepared(db, `SELECT count(*) FROM log_entries e JOIN log_txs t ON t.id = e.tx WHERE e.seq > ? AND t.node = ?`).pluck().get(afterSeq, nodeId) as number;
}
