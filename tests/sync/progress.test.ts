import { describe, expect, it } from 'vitest';
import type { SyncProgress } from '../../src-shared/sync/schemas';
import { runSync } from '../../src-main/services/sync/run';
import { syncStatus } from '../../src-main/services/sync/status';
import { laptop, type TestStore } from '../helpers/sync-store';
import { useTestStore } from '../helpers/sync-store-hooks';

// The Sync page's progress bar reads `sync.status` while `sync.run` is still running: the status
// must say, at every step the run reports, what phase it is in and how far of how much. Real
// PostgreSQL, the real server, real SQLite files.

let t: TestStore;
let url: string;
useTestStore((store, served) => {
  t = store;
  url = served;
});

describe('sync progress', () => {
  it('sync.status tells the running phase, done and total, and nothing once the run is over', async () => {
    const a = await laptop(url, await t.user('ana', [['FIN', 'write']]));
    const b = await laptop(url, await t.user('bob', [['FIN', 'read']]));
    try {
      const dep = await a.ok('departments.create', { name: 'Finance', code: 'FIN' });
      const proc = await a.ok('processes.create', { departmentId: dep.id, name: 'Close the books' });
      for (let i = 0; i < 25; i++) await a.ok('gaps.create', { processId: proc.id, title: `Gap ${i}`, type: 'information' });
      const pending = (await a.ok('sync.status', {})).pending;
      expect(pending).toBeGreaterThan(25);
      expect((await a.ok('sync.status', {})).running).toBeNull();

      // what the status said at each step, seen from another call while the run is under way
      const seen = async (w: typeof a) => {
        const steps: { reported: SyncProgress; status: SyncProgress | null }[] = [];
        const run = runSync(w.ws, { onProgress: (p) => steps.push({ reported: p, status: syncStatus(w.ws).running }) });
        let finished = false;
        void run.finally(() => (finished = true));
        const polled: (SyncProgress | null)[] = [];
        const poll = (async () => {
          for (let i = 0; i < 2000 && !finished; i++) {
            polled.push((await w.ok('sync.status', {})).running);
            await new Promise((r) => setTimeout(r, 2));
          }
        })();
        const r = await run;
        await poll;
        return { r, steps, polled };
      };

      const up = await seen(a);
      expect(up.r.ok).toBe(true);
      const pushes = up.steps.filter((s) => s.reported.phase === 'push');
      expect(pushes.length).toBeGreaterThan(0);
      expect(pushes.at(-1)!.reported).toMatchObject({ done: pending, total: pending });
      // at every step, the status says exactly what the run reported
      for (const s of up.steps) expect(s.status).toEqual(s.reported);
      // while it ran, a status call saw it running (never a finished run's progress)
      expect(up.polled.some((p) => p !== null)).toBe(true);
      expect((await a.ok('sync.status', {})).running).toBeNull();

      const down = await seen(b);
      expect(down.r.ok).toBe(true);
      const pulls = down.steps.filter((s) => s.reported.phase === 'pull');
      expect(pulls.length).toBeGreaterThan(0);
      for (const s of pulls) {
        expect(s.reported.department).toBe('FIN');
        expect(s.reported.total).toBeGreaterThan(0);
        expect(s.reported.done).toBeLessThanOrEqual(s.reported.total);
      }
      expect(pulls.at(-1)!.reported.done).toBe(pulls.at(-1)!.reported.total);
      for (const s of down.steps) expect(s.status).toEqual(s.reported);
      for (const p of down.polled.filter((x): x is SyncProgress => x !== null)) {
        expect(['push', 'pull']).toContain(p.phase);
        if (p.total > 0) expect(p.done).toBeLessThanOrEqual(p.total);
      }
      expect((await b.ok('sync.status', {})).running).toBeNull();
    } finally {
      a.cleanup();
      b.cleanup();
    }
  }, 120_000);
});
