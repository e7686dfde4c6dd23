import { afterEach, describe, expect, it } from 'vitest';
import { parseHlc } from '../../src-main/db/hlc';
import { rowLog, txLog } from '../../src-main/db/log-read';
import { openWorkspace } from '../../src-main/core/workspace';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

let t: TestWorkspace;
afterEach(() => t?.cleanup());

const count = (t: TestWorkspace, table: string) =>
  t.ws.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
const lastSeq = (t: TestWorkspace) => t.ws.db.prepare(`SELECT COALESCE(MAX(seq), 0) FROM log_entries`).pluck().get() as number;

interface LogRow {
  seq: number;
  hlc: string;
  node_id: string;
  tx_id: string;
  entity: string;
  row_id: string;
  field: string;
  value: string | null;
  department_id: string;
}
const logOf = (t: TestWorkspace, rowId: string) =>
  t.ws.db.prepare(`SELECT * FROM change_log WHERE row_id = ? ORDER BY seq`).all(rowId) as LogRow[];

describe('the single write path', () => {
  it('logs ONE entry per row change carrying every field it set, with clock, node, transaction and department', async () => {
    t = openTestWorkspace();
    const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
    const p = await t.ok('processes.create', { departmentId: d.id, name: 'Procure-to-pay', systems: ['ERP'] });
    const entries = rowLog(t.ws.db, 'processes', p.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      op: 'insert',
      entity: 'processes',
      rowId: p.id,
      departmentId: d.id,
      nodeId: t.ws.nodeId,
      fields: { department_id: d.id, name: 'Procure-to-pay', systems: ['ERP'], source: 'manual' },
    });
    expect(Object.keys(entries[0]!.fields)).toEqual(['department_id', 'name', 'systems', 'source']);
    // Stored compactly: the row as 16 bytes, names and ids interned, the fields' names as one shape,
    // the transaction once with its clock (the entry's follows from it) and its range of entries.
    const raw = t.ws.db.prepare(`SELECT typeof(row) AS row, length(row) AS len, hlc, typeof(entity) AS entity, typeof(dep) AS dep, fields FROM log_entries WHERE seq = ?`).get(entries[0]!.seq) as Record<string, unknown>;
    expect(raw).toMatchObject({ row: 'blob', len: 16, hlc: null, entity: 'integer', dep: 'integer' });
    const [shape, ...values] = JSON.parse(raw.fields as string) as unknown[];
    expect(typeof shape).toBe('number');
    expect(values).toHaveLength(4);
    expect(raw.fields as string).not.toContain(d.id); // the department id is interned, not repeated
    const tx = t.ws.db.prepare(`SELECT hlc, first_seq, last_seq FROM log_txs WHERE uuid = ?`).get(entries[0]!.txId) as { hlc: number; first_seq: number; last_seq: number };
    expect(tx).toMatchObject({ hlc: entries[0]!.hlc, first_seq: entries[0]!.seq, last_seq: entries[0]!.seq });
    expect(txLog(t.ws.db, entries[0]!.txId).map((e) => e.seq)).toEqual([entries[0]!.seq]);
    expect(parseHlc(entries[0]!.hlcText).nodeId).toBe(t.ws.nodeId);
  });

  it('shows the same log one field per row in the change_log view, as tools read it', async () => {
    t = openTestWorkspace();
    const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
    const p = await t.ok('processes.create', { departmentId: d.id, name: 'Procure-to-pay', systems: ['ERP'] });
    const log = logOf(t, p.id);
    // The fields given (after defaults of the API schema) — columns left to their SQL default are not logged.
    expect(log.map((l) => l.field).sort()).toEqual(['department_id', 'name', 'source', 'systems']);
    expect(new Set(log.map((l) => l.tx_id)).size).toBe(1);
    for (const l of log) {
      expect(l.entity).toBe('processes');
      expect(l.node_id).toBe(t.ws.nodeId);
      expect(l.department_id).toBe(d.id);
      expect(parseHlc(l.hlc).nodeId).toBe(t.ws.nodeId);
    }
    expect(JSON.parse(log.find((l) => l.field === 'systems')!.value!)).toEqual(['ERP']);
    expect(JSON.parse(log.find((l) => l.field === 'name')!.value!)).toBe('Procure-to-pay');
  });

  it('logs only the fields that really changed on update, and nothing for a no-op', async () => {
    t = openTestWorkspace();
    const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
    const before = lastSeq(t);
    await t.ok('departments.update', { id: d.id, name: 'Finance & Accounting', code: 'FIN' });
    const entries = t.ws.db.prepare(`SELECT field, value FROM change_log WHERE seq > ?`).all(before);
    expect(entries).toEqual([{ field: 'name', value: JSON.stringify('Finance & Accounting') }]);
    expect(rowLog(t.ws.db, 'departments', d.id).at(-1)).toMatchObject({ op: 'update', fields: { name: 'Finance & Accounting' } });
    const again = lastSeq(t);
    await t.ok('departments.update', { id: d.id, name: 'Finance & Accounting' });
    expect(lastSeq(t)).toBe(again);
  });

  it('deletes softly, logs the tombstone, and hides the row from reads', async () => {
    t = openTestWorkspace();
    const d = await t.ok('departments.create', { name: 'HR', code: 'HR' });
    await t.ok('departments.delete', { id: d.id });
    const row = t.ws.db.prepare(`SELECT deleted_at FROM departments WHERE id = ?`).get(d.id) as { deleted_at: string };
    expect(row.deleted_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(logOf(t, d.id).at(-1)!.field).toBe('deleted_at');
    expect(rowLog(t.ws.db, 'departments', d.id).at(-1)).toMatchObject({ op: 'remove', fields: { deleted_at: row.deleted_at } });
    expect(await t.core.call('departments.get', { id: d.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await t.ok('departments.list', {})).total).toBe(0);
  });

  it('leaves neither rows nor log entries behind when a multi-row change fails halfway', async () => {
    t = openTestWorkspace();
    const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
    const rows = count(t, 'processes') + count(t, 'steps');
    const logs = count(t, 'log_entries');
    const txs = count(t, 'log_txs');
    const names = count(t, 'interned');
    const hlcBefore = t.ws.db.prepare(`SELECT value FROM meta WHERE key = 'hlc'`).pluck().get();
    expect(() =>
      t.ws.writer.write((tx) => {
        const p = tx.insert('processes', { department_id: d.id, name: 'Order-to-cash', systems: [] });
        tx.insert('steps', { department_id: d.id, process_id: p, name: 'Invoice', position: 0 });
        tx.insert('steps', { department_id: d.id, process_id: p, name: 'Collect', position: 1 });
        // A step pointing to a process that does not exist: the foreign key fails on the third row.
        tx.insert('steps', { department_id: d.id, process_id: '01900000-0000-7000-8000-000000000000', name: 'Bad', position: 2 });
      }),
    ).toThrow(/FOREIGN KEY/);
    expect(count(t, 'processes') + count(t, 'steps')).toBe(rows);
    expect([count(t, 'log_entries'), count(t, 'log_txs'), count(t, 'interned')]).toEqual([logs, txs, names]);
    expect(t.ws.db.prepare(`SELECT value FROM meta WHERE key = 'hlc'`).pluck().get()).toBe(hlcBefore);
    // The writer still works afterwards, and its clock did not skip ahead of what was persisted.
    await t.ok('processes.create', { departmentId: d.id, name: 'Record-to-report' });
    expect(count(t, 'processes')).toBe(1);
  });

  it('rolls back a failure thrown by our own code after some rows were written', async () => {
    t = openTestWorkspace();
    const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
    const logs = count(t, 'change_log');
    expect(() =>
      t.ws.writer.write((tx) => {
        tx.insert('processes', { department_id: d.id, name: 'A', systems: [] });
        tx.update('departments', d.id, { name: 'Changed' });
        throw new Error('stop here');
      }),
    ).toThrow('stop here');
    expect(count(t, 'processes')).toBe(0);
    expect(count(t, 'change_log')).toBe(logs);
    expect((await t.ok('departments.get', { id: d.id })).name).toBe('Finance');
  });

  it('keeps the HLC increasing across writes and across reopening the workspace', async () => {
    t = openTestWorkspace();
    const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
    for (let i = 0; i < 20; i++) await t.ok('departments.update', { id: d.id, name: `Finance ${i}` });
    const nodeId = t.ws.nodeId;
    const last = t.ws.db.prepare(`SELECT MAX(hlc) FROM change_log`).pluck().get() as string;
    t.ws.close();
    const ws2 = openWorkspace(t.dir);
    try {
      expect(ws2.nodeId).toBe(nodeId);
      ws2.writer.write((tx) => tx.update('departments', d.id, { name: 'After reopen' }));
      const hlcs = ws2.db.prepare(`SELECT hlc FROM change_log ORDER BY seq`).pluck().all() as string[];
      expect([...hlcs].sort()).toEqual(hlcs);
      expect(hlcs.at(-1)! > last).toBe(true);
      const entries = ws2.db.prepare(`SELECT COUNT(*) FROM log_entries`).pluck().get() as number;
      expect(ws2.db.prepare(`SELECT value FROM meta WHERE key = 'change_seq'`).pluck().get()).toBe(String(entries));
      const ints = ws2.db.prepare(`SELECT COALESCE(e.hlc, t.hlc + e.seq - t.first_seq) FROM log_entries e JOIN log_txs t ON t.id = e.tx ORDER BY e.seq`).pluck().all() as number[];
      expect(ints.every((h, i) => i === 0 || h > ints[i - 1]!)).toBe(true);
    } finally {
      ws2.close();
    }
  });

  it('refuses columns that are not in the registry', async () => {
    t = openTestWorkspace();
    const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
    expect(() => t.ws.writer.write((tx) => tx.update('departments', d.id, { 'name = 1; --': 'x' }))).toThrow(/not writable/);
  });

  it('stores ids as UUIDv7 and money as integer cents', async () => {
    t = openTestWorkspace();
    const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN', loadedHourlyRateCents: 6550 });
    expect(d.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(t.ws.db.prepare(`SELECT typeof(loaded_hourly_rate_cents) FROM departments`).pluck().get()).toBe('integer');
    const bad = await t.core.call('departments.update', { id: d.id, loadedHourlyRateCents: 65.5 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', field: 'loadedHourlyRateCents' } });
  });
});
