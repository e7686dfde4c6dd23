import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemo } from '../../src-main/core/demo/generate';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

// processes.counts gives the list of processes its two figures per row in one call: the same numbers
// as counting each process's steps and open gaps through steps.list and gaps.list.

let t: TestWorkspace;
beforeAll(() => {
  t = openTestWorkspace();
  createDemo(t.ws, { seed: 1, today: '2026-06-15' });
});
afterAll(() => t.cleanup());

async function countedOneByOne(departmentId?: string) {
  const page = await t.ok('processes.list', { limit: 1000, ...(departmentId ? { departmentId } : {}) });
  return Promise.all(
    page.items.map(async (p) => ({
      processId: p.id,
      steps: (await t.ok('steps.list', { processId: p.id, limit: 1 })).total,
      openGaps: (await t.ok('gaps.list', { processId: p.id, status: ['open', 'addressing'], limit: 1 })).total,
    })),
  );
}

const sorted = <T extends { processId: string }>(xs: T[]) => [...xs].sort((a, b) => a.processId.localeCompare(b.processId));

describe('processes.counts', () => {
  it('counts live steps and open or addressed gaps per process, for all and for one department', async () => {
    const all = await t.ok('processes.counts', {});
    expect(all.some((c) => c.openGaps > 0)).toBe(true);
    expect(sorted(all)).toEqual(sorted(await countedOneByOne()));

    // A deleted step and a closed gap no longer count.
    const withGaps = all.find((c) => c.openGaps > 0)!;
    const steps = await t.ok('steps.list', { processId: withGaps.processId, limit: 1000 });
    const lastStep = steps.items.at(-1)!;
    const gaps = await t.ok('gaps.list', { processId: withGaps.processId, status: ['open', 'addressing'], limit: 1000 });
    await t.ok('gaps.update', { id: gaps.items[0]!.id, status: 'dismissed' });
    await t.ok('steps.delete', { id: lastStep.id });
    const after = (await t.ok('processes.counts', {})).find((c) => c.processId === withGaps.processId)!;
    expect(after.steps).toBe(withGaps.steps - 1);
    expect(after.openGaps).toBeLessThan(withGaps.openGaps);
    expect(sorted(await t.ok('processes.counts', {}))).toEqual(sorted(await countedOneByOne()));

    const dep = (await t.ok('departments.list', { limit: 10 })).items[0]!;
    const mine = await t.ok('processes.counts', { departmentId: dep.id });
    expect(mine.length).toBeGreaterThan(0);
    expect(sorted(mine)).toEqual(sorted(await countedOneByOne(dep.id)));
  });
});
