import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CHECKPOINT_BYTES } from '../../src-main/db/connection';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

// What a user's click pays for the write-ahead log: the commit that fills it copies it back into
// the file. Many small writes must keep it small, so that no single one pays for a big copy.

let t: TestWorkspace;
afterEach(() => t?.cleanup());

describe('the write-ahead log of the connection that answers calls', () => {
  it('stays near CHECKPOINT_BYTES across hundreds of everyday writes (no 16 MB copy for one click)', async () => {
    t = openTestWorkspace();
    const dep = await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
    const proc = await t.ok('processes.create', { departmentId: dep.id, name: 'Procure-to-pay' });
    const wal = `${t.ws.databaseFile}-wal`;
    let largest = 0;
    for (let i = 0; i < 300; i++) {
      const gap = await t.ok('gaps.create', { processId: proc.id, title: `Gap ${i}`, type: 'information', severity: 3 });
      await t.ok('gaps.update', { id: gap.id, severity: 1 + (i % 5), owner: `Owner ${i}` });
      largest = Math.max(largest, fs.statSync(wal).size);
    }
    // 600 writes of ~20 pages of 16 KiB each: ~190 MB went through the log.
    expect(largest).toBeGreaterThan(CHECKPOINT_BYTES / 2);
    expect(largest).toBeLessThan(2 * CHECKPOINT_BYTES);
    expect(t.ws.db.prepare(`SELECT COUNT(*) FROM gaps`).pluck().get()).toBe(300);
    expect(t.ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
