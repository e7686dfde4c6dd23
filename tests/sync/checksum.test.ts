import { describe, expect, it } from 'vitest';
import { uuidToBlob } from '../../src-main/db/ids';
import { runSync, VERIFY_CHANGED_MS } from '../../src-main/services/sync/run';
import { departmentRows, laptop, type TestStore } from '../helpers/sync-store';
import { useTestStore } from '../helpers/sync-store-hooks';

// The per-department checksum: a laptop whose copy was damaged behind the sync's back (a row lost
// by a restore, a tool that wrote to the file) finds out at its next sync, downloads the department
// again and says so; a healthy laptop never does. Real PostgreSQL, the real server, real SQLite.

let t: TestStore;
let url: string;
useTestStore((store, served) => {
  t = store;
  url = served;
});

describe('checksum after the pull', () => {
  it('a damaged copy is detected and repaired; a healthy one is left alone', async () => {
    const a = await laptop(url, await t.user('ana', [['FIN', 'write']]));
    const b = await laptop(url, await t.user('bob', [['FIN', 'read']]));
    try {
      const dep = await a.ok('departments.create', { name: 'Finance', code: 'FIN' });
      const proc = await a.ok('processes.create', { departmentId: dep.id, name: 'Close the books' });
      const gaps = [];
      for (let i = 0; i < 5; i++) gaps.push(await a.ok('gaps.create', { processId: proc.id, title: `Gap ${i}`, type: 'information' }));
      await a.ok('gaps.delete', { id: gaps[4]!.id }); // a tombstone counts too
      const ind = await a.ok('indicators.create', { departmentId: dep.id, name: 'Days to close', direction: 'lower', frequency: 'daily' });
      const m = await a.ok('measurements.create', { indicatorId: ind.id, period: '2026-01-01', value: 4 });
      expect(await runSync(a.ws)).toMatchObject({ ok: true, repaired: [] });
      expect(await runSync(b.ws)).toMatchObject({ ok: true, repaired: [] });
      // asked to compare with nothing new: equal copies stay as they are
      expect(await runSync(b.ws, { verify: true })).toMatchObject({ ok: true, repaired: [], pulled: 0 });
      expect(await runSync(a.ws, { verify: true })).toMatchObject({ ok: true, repaired: [], pulled: 0 });
      const healthy = departmentRows(b, dep.id);

      // a gap and a measurement vanish from b's file behind the sync's back
      b.ws.db.pragma('foreign_keys = OFF');
      b.ws.db.prepare('DELETE FROM gaps WHERE id = ?').run(gaps[1]!.id);
      b.ws.db.prepare('DELETE FROM measurement_rows WHERE uid = ?').run(uuidToBlob(m.id));
      b.ws.db.pragma('foreign_keys = ON');
      expect(departmentRows(b, dep.id)).not.toEqual(healthy);

      // a sync right after that brings a change is not compared again (the check reads the whole
      // department: at most every five minutes for one that changed)
      await a.ok('gaps.update', { id: gaps[0]!.id, severity: 4 });
      expect((await runSync(a.ws)).ok).toBe(true);
      expect(await runSync(b.ws)).toMatchObject({ ok: true, repaired: [], pulled: 1 });
      // the next one that brings a change of FIN five minutes later compares, finds the difference
      // and downloads FIN again
      await a.ok('gaps.update', { id: gaps[0]!.id, severity: 3 });
      expect((await runSync(a.ws)).ok).toBe(true);
      const rb = await runSync(b.ws, { now: Date.now() + VERIFY_CHANGED_MS });
      expect(rb).toMatchObject({ ok: true, repaired: ['FIN'] });
      expect(departmentRows(b, dep.id)).toEqual(departmentRows(a, dep.id));
      expect((await b.ok('gaps.get', { id: gaps[1]!.id })).title).toBe('Gap 1');
      const status = await b.ok('sync.status', {});
      expect(status).toMatchObject({ repaired: ['FIN'], stillDiffer: [] });
      expect(b.ws.db.pragma('integrity_check', { simple: true })).toBe('ok');

      // damage again with nothing new on the server: a verifying sync finds it too
      b.ws.db.pragma('foreign_keys = OFF');
      b.ws.db.prepare('DELETE FROM gaps WHERE id = ?').run(gaps[2]!.id);
      b.ws.db.pragma('foreign_keys = ON');
      expect(await runSync(b.ws, { verify: true })).toMatchObject({ ok: true, repaired: ['FIN'] });
      expect(departmentRows(b, dep.id)).toEqual(departmentRows(a, dep.id));
      // and then it is quiet again
      expect(await runSync(b.ws, { verify: true })).toMatchObject({ ok: true, repaired: [], pulled: 0 });
      expect((await b.ok('sync.status', {})).repaired).toEqual([]);
    } finally {
      a.cleanup();
      b.cleanup();
    }
  });
});
