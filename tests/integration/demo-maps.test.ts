import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemo } from '../../src-main/core/demo/generate';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

// The demo's processes are real maps, not straight lines: every process has its flows, decisions
// branch with labels, and loops run back (rework, claims, no agreement).

let t: TestWorkspace;
beforeAll(() => {
  t = openTestWorkspace();
  createDemo(t.ws, { today: '2026-06-15' });
});
afterAll(() => t?.cleanup());

describe('the demo maps', () => {
  it('gives every process flows, branches out of decisions and at least one loop', async () => {
    const processes = (await t.ok('processes.list', { limit: 100 })).items;
    expect(processes).toHaveLength(7);
    let decisions = 0;
    let loops = 0;
    for (const p of processes) {
      const map = await t.ok('processes.map', { processId: p.id });
      expect(map.flows.length, p.name).toBeGreaterThanOrEqual(map.steps.length - 1);
      const order = new Map(map.steps.map((s, i) => [s.id, i]));
      // Every step is reached or leaves somewhere: no island on the map.
      for (const s of map.steps) {
        expect(map.flows.some((f) => f.fromStepId === s.id || f.toStepId === s.id), `${p.name} / ${s.name}`).toBe(true);
      }
      for (const g of map.steps.filter((s) => s.kind === 'gateway')) {
        decisions++;
        const out = map.flows.filter((f) => f.fromStepId === g.id);
        expect(out.length, g.name).toBeGreaterThanOrEqual(2);
        for (const f of out) expect(f.label, g.name).toBeTruthy();
        expect(out.map((f) => f.kind).sort()).toEqual(['conditional', 'default']);
      }
      const hasLoop = map.flows.some((f) => order.get(f.toStepId)! <= order.get(f.fromStepId)!);
      if (hasLoop) loops++;
      // A process with more than one way through: some step has two flows out.
      const outs = new Map<string, number>();
      for (const f of map.flows) outs.set(f.fromStepId, (outs.get(f.fromStepId) ?? 0) + 1);
      expect(Math.max(...outs.values()), p.name).toBeGreaterThanOrEqual(2);
    }
    expect(decisions).toBeGreaterThanOrEqual(4);
    expect(loops).toBe(7);
  });
});
