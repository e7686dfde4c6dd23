import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rowLog } from '../../src-main/db/log-read';
import { trackedWorkspaces } from '../helpers/safety';

// The bulk write of an import (db/measurement-bulk.ts) must log each new measurement exactly as the
// write path logs one created through the API: one insert entry with the row's department,
// indicator, period, value, source and note, clocks rising in log order, all in one transaction.
// History, undo and the sync read these entries, so a value that differs here is lost for them.

const tracked = trackedWorkspaces('boucle-import-log-');
afterEach(() => tracked.cleanup());

interface MeasurementRow {
  id: string;
  department_id: string;
  indicator_id: string;
  period: string;
  value: number;
  source: string | null;
  note: string | null;
}

describe('the change-log entries of an imported measurement', () => {
  it('hold every value of the row, as an API-created measurement’s do, across full and partial statements', async () => {
    const t = tracked.session(tracked.dir());
    const dep = await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
    const inds = [];
    for (let k = 0; k < 3; k++) inds.push(await t.ok('indicators.create', { departmentId: dep.id, name: `KPI ${k}`, direction: 'lower', frequency: 'daily' }));
    // 457 rows: two full multi-row statements and a partial one; awkward values and notes.
    const values = [0.1 + 0.2, -0, 1e-300, 1234567.0123456789, -42, 5e21, 2 / 3];
    const notes = [null, 'plain', 'with "quotes", a comma', 'accents « écart » — 日本', ''];
    const lines = ['indicator;date;value;note'];
    const expected = new Map<string, { value: number; note: string | null }>();
    for (let n = 0; n < 457; n++) {
      const ind = `KPI ${n % 3}`;
      const day = new Date(Date.UTC(2020, 0, 1 + Math.floor(n / 3))).toISOString().slice(0, 10);
      const value = values[n % values.length]!;
      const note = notes[n % notes.length]!;
      lines.push(`${ind};${day};${String(value)};${note === null ? '' : `"${note.replaceAll('"', '""')}"`}`);
      expected.set(`${ind}|${day}`, { value, note: note === '' ? null : note });
    }
    const file = path.join(t.dir, 'awkward.csv');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const preview = await t.ok('imports.measurements.preview', { path: file });
    const { jobId } = await t.ok('imports.measurements.start', { path: file, mapping: preview.mapping, dateFormat: 'iso', onExisting: 'keep' });
    let job = await t.ok('imports.jobs.get', { jobId });
    while (job.phase === 'validating' || job.phase === 'writing') {
      await new Promise((r) => setTimeout(r, 10));
      job = await t.ok('imports.jobs.get', { jobId });
    }
    expect(job.phase).toBe('done');
    expect(job.message).toMatch(/457/);

    const created = await t.ok('measurements.create', { indicatorId: inds[0]!.id, period: '2031-01-01', value: 1.5, source: 'typed', note: 'by hand' });
    const db = t.session.workspace.db;
    const apiEntry = rowLog(db, 'measurements', created.id)[0]!;

    const rows = db
      .prepare(`SELECT m.id, m.department_id, m.indicator_id, m.period, m.value, m.source, m.note, i.name FROM measurements m JOIN indicators i ON i.id = m.indicator_id WHERE m.period < '2031-01-01'`)
      .all() as (MeasurementRow & { name: string })[];
    expect(rows).toHaveLength(457);
    const txs = new Set<string>();
    const clocks: [number, number][] = [];
    for (const r of rows) {
      const want = expected.get(`${r.name}|${r.period}`)!;
      expect(Object.is(r.value, want.value) || r.value === want.value).toBe(true);
      expect(r.note).toBe(want.note);
      const log = rowLog(db, 'measurements', r.id);
      expect(log).toHaveLength(1);
      const e = log[0]!;
      expect(e.op).toBe('insert');
      expect(e.departmentId).toBe(dep.id);
      expect(Object.keys(e.fields)).toEqual(Object.keys(apiEntry.fields));
      expect(e.fields).toEqual({ department_id: dep.id, indicator_id: r.indicator_id, period: r.period, value: r.value, source: 'awkward.csv', note: r.note });
      txs.add(e.txId);
      clocks.push([e.seq, e.hlc]);
    }
    expect(txs.size).toBe(1);
    clocks.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < clocks.length; i++) expect(clocks[i]![1]).toBeGreaterThan(clocks[i - 1]![1]);
    expect(apiEntry.hlc).toBeGreaterThan(clocks.at(-1)![1]);
  });
});
