import { describe, expect, it } from 'vitest';
import { localRows } from '../../src-main/services/sync/pull';
import { runSync } from '../../src-main/services/sync/run';
import { departmentRows, laptop, type TestStore } from '../helpers/sync-store';
import { useTestStore } from '../helpers/sync-store-hooks';
import { openTestWorkspace } from '../helpers/workspace';

// The fail-safe of the pull: a download that would take out more than half of the rows this laptop
// holds of a department asks first and changes nothing of it until a person confirms; a smaller
// one goes through. Real PostgreSQL, the real server, real SQLite files.

let t: TestStore;
let url: string;
useTestStore((store, served) => {
  t = store;
  url = served;
});

const live = (w: Awaited<ReturnType<typeof laptop>>, dep: string) =>
  w.ws.db.prepare('SELECT count(*) FROM gaps WHERE department_id = ? AND deleted_at IS NULL').pluck().get(dep) as number;

describe('fail-safe', () => {
  it('a pull that would delete more than half of a department asks first', async () => {
    const a = await laptop(url, await t.user('ana', [['FIN', 'write']]));
    const b = await laptop(url, await t.user('bob', [['FIN', 'write']]));
    try {
      const dep = await a.ok('departments.create', { name: 'Finance', code: 'FIN' });
      const proc = await a.ok('processes.create', { departmentId: dep.id, name: 'Close the books' });
      const gaps = [];
      for (let i = 0; i < 14; i++) gaps.push(await a.ok('gaps.create', { processId: proc.id, title: `Gap ${i}`, type: 'information' }));
      expect((await runSync(a.ws)).ok).toBe(true);
      expect((await runSync(b.ws)).ok).toBe(true);
      expect(live(b, dep.id)).toBe(14);

      // 3 of 15 rows: under half, it goes through without a question
      for (const g of gaps.slice(0, 3)) await a.ok('gaps.delete', { id: g.id });
      expect((await runSync(a.ws)).ok).toBe(true);
      expect(await runSync(b.ws)).toMatchObject({ ok: true });
      expect(live(b, dep.id)).toBe(11);

      // 9 of the 12 rows b holds: it asks, and nothing of FIN changes on b
      for (const g of gaps.slice(3, 12)) await a.ok('gaps.delete', { id: g.id });
      expect((await runSync(a.ws)).ok).toBe(true);
      const before = departmentRows(b, dep.id);
      const cursor = b.ws.db.prepare('SELECT cursor FROM sync_departments WHERE id = ?').pluck().get(dep.id);
      const asked = await runSync(b.ws);
      expect(asked.ok).toBe(false);
      expect(asked.confirm).toMatchObject({ reason: 'mass_delete' });
      expect(asked.confirm!.message).toContain('9 of the 12 rows');
      expect(asked.pulled).toBe(0);
      expect(departmentRows(b, dep.id)).toEqual(before);
      expect(b.ws.db.prepare('SELECT cursor FROM sync_departments WHERE id = ?').pluck().get(dep.id)).toBe(cursor);
      expect((await b.ok('sync.status', {})).lastError).toContain('Confirm');
      // asking again asks again: it never goes ahead on its own
      expect((await runSync(b.ws)).confirm?.reason).toBe('mass_delete');
      expect(live(b, dep.id)).toBe(11);

      // a person confirms: it applies, and the two laptops agree
      expect(await runSync(b.ws, { confirm: true })).toMatchObject({ ok: true });
      expect(live(b, dep.id)).toBe(2);
      expect(departmentRows(b, dep.id)).toEqual(departmentRows(a, dep.id));
      expect(await runSync(b.ws)).toMatchObject({ ok: true, pulled: 0 });
    } finally {
      a.cleanup();
      b.cleanup();
    }
  });

  it('counts the local rows only as far as the question needs, measurements through their indicators', async () => {
    const w = openTestWorkspace();
    try {
      const dep = await w.ok('departments.create', { name: 'Finance', code: 'FIN' });
      const other = await w.ok('departments.create', { name: 'Sales', code: 'SAL' });
      const proc = await w.ok('processes.create', { departmentId: dep.id, name: 'Close the books' });
      for (let i = 0; i < 3; i++) await w.ok('gaps.create', { processId: proc.id, title: `Gap ${i}`, type: 'information' });
      const ids: string[] = [];
      for (const d of [dep, other]) {
        const ind = await w.ok('indicators.create', { departmentId: d.id, name: 'Days to close', direction: 'lower', frequency: 'daily' });
        w.ws.writer.write((tx) => {
          for (let n = 0; n < 40; n++) {
            const id = tx.insert('measurements', { department_id: d.id, indicator_id: ind.id, period: new Date(Date.UTC(2010, 0, 1 + n)).toISOString().slice(0, 10), value: n });
            if (d === dep) ids.push(id);
          }
        });
      }
      w.ws.writer.write((tx) => tx.remove('measurements', ids[0]!));
      // 1 process, 3 gaps, 1 indicator, 39 live measurements (the other department's are not counted)
      const viewCount = w.ws.db.prepare('SELECT count(*) FROM measurements WHERE department_id = ? AND deleted_at IS NULL').pluck().get(dep.id);
      expect(viewCount).toBe(39);
      expect(localRows(w.ws, dep.id)).toBe(44);
      expect(localRows(w.ws, dep.id, 44)).toBe(44);
      expect(localRows(w.ws, dep.id, 20)).toBe(20);
      expect(localRows(w.ws, dep.id, 3)).toBe(3);
      expect(localRows(w.ws, other.id)).toBe(41);
    } finally {
      w.cleanup();
    }
  });
});
