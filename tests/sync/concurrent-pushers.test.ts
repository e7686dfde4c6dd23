import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../src-main/services/sync/run';
import { departmentRows, laptop, startTestStore, type TestStore } from '../helpers/sync-store';
import type { TestWorkspace } from '../helpers/workspace';

// Sixteen laptops pushing into one department at the same moment while a seventeenth pulls again
// and again: the server draws its commit order under a lock, so a pull made during the storm may
// never skip a change committed out of order, nor see one twice. Every accepted change must reach
// the puller exactly once. Real PostgreSQL, the real server over HTTP, real SQLite files.

const PUSHERS = 16;
const GAPS_EACH = 6;

let t: TestStore;
let url: string;
const open: TestWorkspace[] = [];
beforeAll(async () => {
  t = await startTestStore();
  url = (await t.serve()).url;
}, 120_000);
afterAll(async () => {
  for (const w of open) w.cleanup();
  await t?.close();
}, 120_000);

const liveGapTitles = (w: TestWorkspace, dep: string) =>
  (w.ws.db.prepare('SELECT title FROM gaps WHERE department_id = ? AND deleted_at IS NULL ORDER BY title').pluck().all(dep) as string[]);

describe('concurrent pushers', () => {
  it('16 laptops push at once while another pulls: every accepted change arrives exactly once', async () => {
    const owner = await laptop(url, await t.user('owner', [['OPS', 'write']]));
    open.push(owner);
    const dep = await owner.ok('departments.create', { name: 'Operations', code: 'OPS' });
    const proc = await owner.ok('processes.create', { departmentId: dep.id, name: 'Order to cash' });
    expect((await runSync(owner.ws)).ok).toBe(true);

    const pushers: TestWorkspace[] = [];
    for (let i = 0; i < PUSHERS; i++) {
      const w = await laptop(url, await t.user(`pusher${i}`, [['OPS', 'write']]));
      open.push(w);
      expect((await runSync(w.ws)).ok).toBe(true);
      pushers.push(w);
    }
    const puller = await laptop(url, await t.user('reader', [['OPS', 'read']]));
    open.push(puller);
    expect((await runSync(puller.ws)).ok).toBe(true);

    // offline work on every laptop: new gaps, and an edit of one gap each
    for (const [i, w] of pushers.entries()) {
      for (let g = 0; g < GAPS_EACH; g++) {
        const gap = await w.ok('gaps.create', { processId: proc.id, title: `L${String(i).padStart(2, '0')}-G${g}`, type: 'information' });
        if (g === 0) await w.ok('gaps.update', { id: gap.id, description: `edited on laptop ${i}` });
      }
    }

    // the storm: all pushes at once, the puller syncing in a loop until they are done
    let pushing = true;
    const pulls: number[] = [];
    const pulling = (async () => {
      while (pushing) pulls.push((await runSync(puller.ws)).pulled);
    })();
    const results = await Promise.all(pushers.map((w) => runSync(w.ws)));
    pushing = false;
    await pulling;
    for (const r of results) expect(r).toMatchObject({ ok: true, duplicates: 0 });
    const accepted = results.reduce((n, r) => n + r.pushed, 0);
    expect(accepted).toBeGreaterThanOrEqual(PUSHERS * (GAPS_EACH + 1));
    const last = await runSync(puller.ws);
    expect(last.ok).toBe(true);
    expect(pulls.length).toBeGreaterThan(0);

    // on the server: each change of each laptop's transactions once in the feed
    const twice = await t.pool.query(`SELECT tx, pos FROM feed WHERE kind = 0 GROUP BY tx, pos HAVING count(*) > 1`);
    expect(twice.rows).toEqual([]);

    // on the puller: exactly the changes accepted during the storm, each applied once
    const pulledInStorm = pulls.reduce((n, x) => n + x, 0) + last.pulled;
    expect(pulledInStorm).toBe(accepted);
    const expected = pushers.flatMap((_, i) => Array.from({ length: GAPS_EACH }, (__, g) => `L${String(i).padStart(2, '0')}-G${g}`)).sort();
    expect(liveGapTitles(puller, dep.id)).toEqual(expected);
    const edited = puller.ws.db.prepare(`SELECT count(*) FROM gaps WHERE department_id = ? AND description LIKE 'edited on laptop %'`).pluck().get(dep.id);
    expect(edited).toBe(PUSHERS);
    // no transaction recorded twice on the puller either
    const dupTx = puller.ws.db.prepare(`SELECT uuid FROM log_txs GROUP BY uuid HAVING count(*) > 1`).all();
    expect(dupTx).toEqual([]);

    // and everyone converges on the same department
    for (const w of [owner, ...pushers]) expect((await runSync(w.ws)).ok).toBe(true);
    const reference = departmentRows(puller, dep.id);
    for (const w of [owner, ...pushers]) expect(departmentRows(w, dep.id)).toEqual(reference);
  }, 300_000);
});
