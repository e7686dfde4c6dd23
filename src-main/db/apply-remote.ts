import type { Database } from 'better-sqlite3';
import { BoucleError } from '../../src-shared/errors';
import type { LogOp } from './change-log';
import { ENTITIES, isCompact, type EntityName, type Row } from './entities';
import { compareClocks, rowClocks, type FieldClock, type RowClocks } from './field-clocks';
import { hlcFromInt } from './hlc';
import { internerOf } from './interned';
import { isProse } from './prose-fields';
import { RemoteLog } from './remote-log';
import { RemoteRows, isSyncedColumn } from './remote-rows';
import { resolveDuplicate, isUniqueViolation } from './remote-duplicates';
import type { Writer } from './write';

// Applying changes that came from the central store: THE write path of the sync. In one SQLite
// transaction it writes the rows and appends log entries that keep the remote transaction, machine
// and clock (remote-log.ts), and moves the local clock past them (hlc.receive), so that history,
// undo and the next sync see a pulled change like a local one.
//
// Per field, the last writer wins: a value replaces the local one only when its (clock, node) is
// greater than the clock of the local value (field-clocks.ts); an equal one is the same change come
// again, so a retried or duplicated page changes nothing. A text field changed on both sides while
// offline (the change's `base`, the clock of the value its author had, is not the local one) keeps
// the losing words as a conflict (sync_conflicts). Fields and entities this version does not know
// (a newer laptop's) wait in sync_held with their clocks and are applied once the schema has them.

export type RemoteOp = LogOp | 'snapshot';

/**
 * In sync_held, beside a row's held values: the row's insert came, filed under a department this
 * laptop does not keep. Not a field, so nothing applies it on its own (knownField is false).
 */
const INSERT_MARK = '(insert)';

export interface RemoteChange {
  /** The remote transaction's id and this change's place in it (its identity across machines). */
  tx: string;
  pos: number;
  node: string;
  hlc: number;
  entity: string;
  row: string;
  op: RemoteOp;
  /** Column → new value, as the author's change log holds it. */
  fields: Record<string, unknown>;
  /** A snapshot's per-field clocks (a row arriving whole in a department it moved into). */
  clocks?: Record<string, [number, string]>;
  /** Per text field: the clock of the value its author replaced (null: none). */
  base?: Record<string, [number, string] | null>;
  /** Who made it (the server's user name). */
  by?: string;
}

export interface ApplyOptions {
  /** Whether rows of this department stay on this laptop (it syncs it and may read it). */
  keeps: (departmentId: string) => boolean;
  /** Fields this version knows; tests play an older version by knowing fewer. */
  knows?: (entity: string, field: string) => boolean;
  /**
   * The changes came before (a checksum repair downloads the department again): conflicts were
   * noted, and perhaps resolved, when they first came; noting them again would bring them back.
   */
  replay?: boolean;
  /** Runs in the same transaction, after the changes (the cursors that say they were applied). */
  alongside?: () => void;
  /** The changes are sync_held's own values applied again (applyHeld), not what a pull delivered. */
  fromHeld?: boolean;
}

export interface ApplyReport {
  applied: number;
  unchanged: number;
  held: number;
  conflicts: number;
  purged: number;
  duplicates: number;
}

interface RowState {
  exists: boolean;
  dep: string | null;
  /** Read again only when a later change of the same page needs its values (a text conflict). */
  row: Row | undefined;
  stale?: boolean;
  clocks: RowClocks;
}

const clockOf = (c: RemoteChange, f: string): FieldClock => {
  const k = c.clocks?.[f];
  return k ? { hlc: k[0], node: k[1] } : { hlc: c.hlc, node: c.node };
};
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const iso = (hlc: number) => new Date(hlcFromInt(hlc).ms).toISOString();

/** Applies `changes` (in the server's order) in one transaction; all or nothing. */
export function applyRemote(ws: { db: Database; writer: Writer }, changes: readonly RemoteChange[], opts: ApplyOptions): ApplyReport {
  if (ws.writer.busy) throw BoucleError.of('conflict', 'write.busy');
  const { db } = ws;
  const applier = new Applier(ws.db, ws.writer, opts);
  // Rows may point at rows of departments this laptop does not read (a gap moved away from its
  // process); the server's order keeps every other reference in place, so the check is off here.
  db.pragma('foreign_keys = OFF');
  try {
    const run = db.transaction(() => {
      for (const c of changes) applier.apply(c);
      applier.finish();
      opts.alongside?.();
      ws.writer.saveClock();
    });
    run.immediate();
    applier.log.end(true);
    return applier.report;
  } catch (e) {
    applier.log.end(false);
    internerOf(db).reset();
    throw e;
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/** Applies what sync_held keeps for fields and entities this version now knows. */
export function applyHeld(ws: { db: Database; writer: Writer }, opts: ApplyOptions): ApplyReport {
  const knows = opts.knows ?? knownField;
  const held = ws.db.prepare(`SELECT * FROM sync_held ORDER BY hlc`).all() as {
    entity: string; row_id: string; field: string; value: string | null; hlc: number; node: string; tx: string;
  }[];
  const ready = held.filter((h) => knows(h.entity, h.field));
  if (!ready.length) return { applied: 0, unchanged: 0, held: 0, conflicts: 0, purged: 0, duplicates: 0 };
  const changes: RemoteChange[] = ready.map((h) => ({
    tx: h.tx, pos: 0, node: h.node, hlc: h.hlc, entity: h.entity, row: h.row_id, op: 'update',
    fields: { [h.field]: h.value === null ? null : JSON.parse(h.value) },
  }));
  const del = ws.db.prepare(`DELETE FROM sync_held WHERE entity = ? AND row_id = ? AND field = ?`);
  return applyRemote(ws, changes, {
    ...opts,
    fromHeld: true,
    alongside: () => {
      // what could not apply yet was held again by the apply itself (same key, same clock)
      const still = ws.db.prepare(`SELECT 1 FROM sync_held WHERE entity = ? AND row_id = ? AND field = ? AND hlc = ? AND node = ?`).pluck();
      for (const h of ready) if (!still.get(h.entity, h.row_id, h.field, h.hlc, h.node)) del.run(h.entity, h.row_id, h.field);
      opts.alongside?.();
    },
  });
}

export function knownField(entity: string, field: string): boolean {
  return entity in ENTITIES && isSyncedColumn(entity as EntityName, field);
}

class Applier {
  readonly report: ApplyReport = { applied: 0, unchanged: 0, held: 0, conflicts: 0, purged: 0, duplicates: 0 };
  readonly log: RemoteLog;
  private readonly rows: RemoteRows;
  private readonly states = new Map<string, RowState>();
  private readonly knows: (entity: string, field: string) => boolean;
  private maxHlc = 0;
  private readonly stmts;
  /** Authors' names already recorded in this apply (a page is mostly one author's). */
  private readonly named = new Set<string>();
  /** Whether sync_held may hold anything: when not, a row that arrives has nothing waiting for it. */
  private anyHeld: boolean;

  constructor(
    private readonly db: Database,
    private readonly writer: Writer,
    private readonly opts: ApplyOptions,
  ) {
    this.log = new RemoteLog(db);
    this.rows = new RemoteRows(db);
    this.knows = opts.knows ?? knownField;
    this.stmts = {
      hold: db.prepare(
        `INSERT INTO sync_held (entity, row_id, field, value, hlc, node, tx, department_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (entity, row_id, field) DO UPDATE SET value = excluded.value, hlc = excluded.hlc, node = excluded.node, tx = excluded.tx
          WHERE excluded.hlc > sync_held.hlc OR (excluded.hlc = sync_held.hlc AND excluded.node > sync_held.node)`,
      ),
      heldFor: db.prepare(`SELECT field, value, hlc, node, tx FROM sync_held WHERE entity = ? AND row_id = ?`),
      dropHeld: db.prepare(`DELETE FROM sync_held WHERE entity = ? AND row_id = ? AND field = ?`),
      heldInsert: db.prepare(`SELECT hlc, node, tx FROM sync_held WHERE entity = ? AND row_id = ? AND field = '${INSERT_MARK}'`),
      conflict: db.prepare(
        `INSERT OR IGNORE INTO sync_conflicts (entity, row_id, department_id, field, kept_value, kept_hlc, kept_node, kept_by, lost_value, lost_hlc, lost_node, lost_by, detected_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT name FROM sync_nodes WHERE node = ?), ?, ?, ?, (SELECT name FROM sync_nodes WHERE node = ?), ?)`,
      ),
      clearConflicts: db.prepare(`DELETE FROM sync_conflicts WHERE entity = ? AND row_id = ? AND field = ? AND kept_hlc = ? AND kept_node = ?`),
      nodeName: db.prepare(`INSERT INTO sync_nodes (node, name) VALUES (?, ?) ON CONFLICT (node) DO UPDATE SET name = excluded.name WHERE name <> excluded.name`),
    };
    this.anyHeld = db.prepare('SELECT 1 FROM sync_held LIMIT 1').pluck().get() !== undefined;
  }

  private state(entity: EntityName, id: string): RowState {
    const key = `${entity}\n${id}`;
    let s = this.states.get(key);
    if (!s) {
      const row = this.rows.get(entity, id);
      s = row
        ? { exists: true, dep: (entity === 'departments' ? id : row.department_id) as string, row, clocks: rowClocks(this.db, entity, id) }
        : { exists: false, dep: null, row: undefined, clocks: { fields: new Map(), created: null } };
      this.states.set(key, s);
    }
    return s;
  }

  private forget(entity: string, id: string) {
    this.states.delete(`${entity}\n${id}`);
  }

  private hold(c: RemoteChange, field: string, value: unknown, clock: FieldClock, dep: string | null) {
    this.stmts.hold.run(c.entity, c.row, field, JSON.stringify(value ?? null), clock.hlc, clock.node, c.tx, dep);
    this.anyHeld = true;
    this.report.held++;
  }

  apply(c: RemoteChange): void {
    if (c.hlc > this.maxHlc) this.maxHlc = c.hlc;
    if (c.by && !this.named.has(`${c.node}\n${c.by}`)) {
      this.stmts.nodeName.run(c.node, c.by);
      this.named.add(`${c.node}\n${c.by}`);
    }
    if (!(c.entity in ENTITIES)) {
      for (const [f, v] of Object.entries(c.fields)) this.hold(c, f, v, clockOf(c, f), (c.fields.department_id as string) ?? null);
      return;
    }
    const entity = c.entity as EntityName;
    const s = this.state(entity, c.row);
    const winners: Record<string, unknown> = {};
    const clocks: Record<string, FieldClock> = {};
    for (const [f, v] of Object.entries(c.fields)) {
      const clock = clockOf(c, f);
      if (clock.hlc > this.maxHlc) this.maxHlc = clock.hlc;
      if (!this.knows(entity, f)) {
        this.hold(c, f, v, clock, s.dep ?? ((c.fields.department_id as string) || null));
        continue;
      }
      const local = s.clocks.fields.get(f);
      const wins = !local || compareClocks(clock, local) > 0;
      if (s.exists && local && isProse(f) && c.base && f in c.base && !this.opts.replay) this.noteConcurrent(c, entity, s, f, v, clock, local, wins);
      if (wins) {
        winners[f] = v;
        clocks[f] = clock;
      }
    }
    if (!Object.keys(winners).length) {
      this.report.unchanged++;
      return;
    }
    const dep = entity === 'departments' ? c.row : ((winners.department_id as string | undefined) ?? s.dep);
    if (!s.exists) {
      // A row arrives whole with its insert (or a snapshot); a lone update of a row this laptop does
      // not have waits for it.
      if (!('department_id' in winners) || (c.op !== 'insert' && c.op !== 'snapshot')) {
        for (const f of Object.keys(winners)) this.hold(c, f, winners[f], clocks[f]!, dep);
        // its insert came first but was filed elsewhere (the row moved here before): now it is whole
        if (!this.opts.fromHeld && 'department_id' in winners && dep && this.opts.keeps(dep) && this.stmts.heldInsert.get(entity, c.row)) this.arriveHeld(entity, c, dep);
        return;
      }
      // Values held for it may be newer than its own: a move that came before the row says where it is.
      this.mergeHeld(entity, c.row, winners, clocks);
      const at = entity === 'departments' ? c.row : ((winners.department_id as string | undefined) ?? dep);
      if (!at || !this.opts.keeps(at)) {
        // not here (yet): kept aside whole, in case a later change of its department brings it here
        for (const f of Object.keys(winners)) this.hold(c, f, winners[f], clocks[f]!, at);
        this.hold(c, INSERT_MARK, null, { hlc: c.hlc, node: c.node }, at);
        return;
      }
      this.stmts.dropHeld.run(entity, c.row, INSERT_MARK);
      this.write(entity, c, winners, clocks, at, true);
      return;
    }
    if (dep && dep !== s.dep && !this.opts.keeps(dep)) {
      // moved to a department this laptop does not read: it leaves the laptop, and where it went stays
      // held, so that an older change of it delivered late cannot bring it back
      this.rows.purge(entity, c.row);
      this.forget(entity, c.row);
      this.hold(c, 'department_id', dep, clocks.department_id!, dep);
      this.report.purged++;
      return;
    }
    this.write(entity, c, winners, clocks, dep, false);
  }

  /** A row whose insert was held (filed under another department) and whose department is now one kept here. */
  private arriveHeld(entity: EntityName, c: RemoteChange, dep: string) {
    const mark = this.stmts.heldInsert.get(entity, c.row) as { hlc: number; node: string; tx: string };
    const winners: Record<string, unknown> = {};
    const clocks: Record<string, FieldClock> = {};
    this.mergeHeld(entity, c.row, winners, clocks);
    this.stmts.dropHeld.run(entity, c.row, INSERT_MARK);
    this.write(entity, { ...c, tx: mark.tx, pos: 0, node: mark.node, hlc: mark.hlc, op: 'insert', fields: winners, clocks: undefined, base: undefined }, winners, clocks, dep, true);
  }

  /** Held values of a row that just arrived (they came before it): those newer than its own. */
  private mergeHeld(entity: EntityName, id: string, winners: Record<string, unknown>, clocks: Record<string, FieldClock>) {
    if (!this.anyHeld) return;
    for (const h of this.stmts.heldFor.all(entity, id) as { field: string; value: string | null; hlc: number; node: string }[]) {
      if (!this.knows(entity, h.field)) continue;
      const clock = { hlc: h.hlc, node: h.node };
      const mine = clocks[h.field];
      if (!mine || compareClocks(clock, mine) > 0) {
        winners[h.field] = h.value === null ? null : JSON.parse(h.value);
        clocks[h.field] = clock;
      }
      this.stmts.dropHeld.run(entity, id, h.field);
    }
  }

  private noteConcurrent(c: RemoteChange, entity: EntityName, s: RowState, f: string, v: unknown, clock: FieldClock, local: FieldClock, wins: boolean) {
    const base = c.base![f];
    const sequential = base != null && base[0] === local.hlc && base[1] === local.node;
    if (sequential) {
      // its author saw the value kept here: what they write settles the conflicts on it
      this.stmts.clearConflicts.run(entity, c.row, f, local.hlc, local.node);
      return;
    }
    if (base == null) return;
    if (s.stale) {
      s.row = this.rows.get(entity, c.row);
      s.stale = false;
    }
    const localValue = this.rows.loggedValue(entity, f, s.row![f]);
    if (same(localValue, v)) return;
    const [kept, keptClock, lost, lostClock] = wins ? [v, clock, localValue, local] : [localValue, local, v, clock];
    const r = this.stmts.conflict.run(
      entity, c.row, s.dep, f,
      JSON.stringify(kept ?? null), keptClock.hlc, keptClock.node, keptClock.node,
      JSON.stringify(lost ?? null), lostClock.hlc, lostClock.node, lostClock.node,
      new Date().toISOString(),
    );
    if (r.changes) this.report.conflicts++;
    if (wins) this.stmts.clearConflicts.run(entity, c.row, f, local.hlc, local.node);
  }

  private write(entity: EntityName, c: RemoteChange, winners: Record<string, unknown>, clocks: Record<string, FieldClock>, dep: string | null, create: boolean) {
    const values = { ...winners };
    if (create && entity === 'measurements') delete values.department_id; // a measurement's is its indicator's
    try {
      const put = () => (create ? this.rows.insert(entity, c.row, values, iso(c.hlc)) : this.rows.update(entity, c.row, values));
      // A failed statement undoes itself; only a measurement written in two statements (its values,
      // then its tombstone) needs a savepoint so that a duplicate leaves neither half behind.
      if (isCompact(entity) && 'deleted_at' in values && Object.keys(values).length > 1) this.db.transaction(put)();
      else put();
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      this.log.close(); // the write path appends local entries: the remote transaction's range ends here
      resolveDuplicate(this.db, this.writer, this.rows, entity, c.row, values, create, c.hlc, c.node, iso(c.hlc));
      this.report.duplicates++;
    }
    // One entry per clock: a change's fields share one (its own), a snapshot's may not.
    let first = true;
    const entry = (clock: FieldClock, fields: Record<string, unknown>) => {
      const op: LogOp = create && first ? 'insert' : c.op === 'snapshot' || c.op === 'insert' ? 'update' : c.op;
      this.log.append(clock.node === c.node && clock.hlc === c.hlc ? c.tx : `${c.tx}/${clock.node}/${clock.hlc}`, c.pos, clock.node, clock.hlc, entity, c.row, dep, op, fields);
      first = false;
    };
    let own = true;
    for (const f in winners) if (clocks[f]!.hlc !== c.hlc || clocks[f]!.node !== c.node) own = false;
    if (own) entry({ hlc: c.hlc, node: c.node }, winners);
    else {
      const groups = new Map<string, string[]>();
      for (const f of Object.keys(winners)) {
        const k = `${clocks[f]!.hlc}\n${clocks[f]!.node}`;
        groups.set(k, [...(groups.get(k) ?? []), f]);
      }
      for (const fields of groups.values()) entry(clocks[fields[0]!]!, Object.fromEntries(fields.map((f) => [f, winners[f]])));
    }
    const s = this.state(entity, c.row);
    if (create) {
      s.exists = true;
      s.clocks.created = clocks.department_id ?? { hlc: c.hlc, node: c.node };
    }
    // most rows of a big pull get no second change: read the row back only if one needs it
    s.stale = true;
    s.dep = dep;
    for (const f of Object.keys(winners)) s.clocks.fields.set(f, clocks[f]!);
    this.report.applied++;
  }

  finish(): void {
    this.log.close();
    if (this.maxHlc) this.writer.observe(this.maxHlc);
  }
}
