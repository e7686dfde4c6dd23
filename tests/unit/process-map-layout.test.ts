import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BOX_H, layoutMap, type MapLayout } from '../../src-shared/processes/map-layout';
import { severityFill, wrapText } from '../../src-shared/processes/map-drawing';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import { BPMN_FIXTURES as FIXTURES } from '../helpers/bpmn-fixtures';

// The swimlane layout the map draws, on maps the core builds from real BPMN files and from steps
// created through the API: lanes, columns in flow order, loops, stacking, sub-process frames.


let t: TestWorkspace;
afterEach(() => t?.cleanup());

const byName = (l: MapLayout, name: string) => {
  const p = l.steps.find((s) => s.step.name === name);
  if (!p) throw new Error(`no step ${name}`);
  return p;
};

/** Two boxes overlap when their rectangles intersect. */
const overlaps = (a: { x: number; y: number; w: number; h: number }, b: typeof a) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('process map layout', () => {
  it('lays the Camunda invoice out in its lanes, flow order left to right, the clarification loop as a loop', async () => {
    t = openTestWorkspace();
    const xml = fs.readFileSync(path.join(FIXTURES, 'camunda-invoice-v2-lanes-callactivity.bpmn'), 'utf8');
    const summary = await t.ok('bpmn.import', { xml, fileName: 'invoice.bpmn', departmentName: 'Finance' });
    const map = await t.ok('processes.map', { processId: summary.processes[0]!.id });
    const l = layoutMap(map);

    expect(l.lanes.map((x) => x.name)).toEqual(map.lanes.map((x) => x.name));
    // Every step in the row of its lane.
    for (const p of l.steps) {
      const lane = l.lanes[p.laneIndex]!;
      expect(lane.name).toBe(p.step.lane);
      expect(p.y).toBeGreaterThanOrEqual(lane.y);
      expect(p.y + p.h).toBeLessThanOrEqual(lane.y + lane.h);
    }
    // Flow order reads left to right.
    const assign = byName(l, 'Assign Approver Group');
    const approve = byName(l, 'Approve Invoice');
    const prepare = l.steps.find((s) => s.step.name.startsWith('Prepare'))!;
    const archive = byName(l, 'Archive Invoice');
    expect(assign.x).toBeLessThan(approve.x);
    expect(approve.x).toBeLessThan(prepare.x);
    expect(prepare.x).toBeLessThan(archive.x);
    // Decisions are diamonds (gateway steps), and the "yes" back to approval is drawn as a loop.
    expect(l.steps.filter((s) => s.step.kind === 'gateway').length).toBeGreaterThanOrEqual(1);
    const loops = l.edges.filter((e) => e.loop);
    expect(loops.length).toBeGreaterThanOrEqual(1);
    expect(loops.some((e) => e.to === approve.step.id)).toBe(true);
    expect(l.edges.length).toBe(map.flows.length);
    // No two boxes overlap.
    for (let i = 0; i < l.steps.length; i++)
      for (let j = i + 1; j < l.steps.length; j++) expect(overlaps(l.steps[i]!, l.steps[j]!)).toBe(false);
  });

  it('reads a process without flows as a sequence, stacks steps sharing a column, frames sub-process steps', async () => {
    t = openTestWorkspace();
    const dep = await t.ok('departments.create', { name: 'HR', code: 'HR' });
    const proc = await t.ok('processes.create', { departmentId: dep.id, name: 'Onboarding' });
    for (const [name, lane] of [['Offer', 'HR'], ['Contract', 'HR'], ['Laptop', 'IT'], ['Badge', null]] as const) {
      await t.ok('steps.create', { processId: proc.id, name, lane });
    }
    const seq = layoutMap(await t.ok('processes.map', { processId: proc.id }));
    expect(seq.steps.map((s) => s.layer)).toEqual([0, 1, 2, 3]);
    expect(seq.edges.filter((e) => e.kind === 'implicit').length).toBe(3);
    expect(seq.lanes.at(-1)!.name).toBeNull(); // the row of steps with no lane comes last

    // Two branches out of one step into the same lane share a column and are stacked.
    const s = (await t.ok('steps.list', { processId: proc.id })).items;
    const [offer, contract, laptop, badge] = s.map((x) => x.id);
    await t.ok('steps.update', { id: laptop, lane: 'HR' });
    await t.ok('flows.create', { fromStepId: offer, toStepId: contract });
    await t.ok('flows.create', { fromStepId: offer, toStepId: laptop });
    await t.ok('flows.create', { fromStepId: contract, toStepId: badge });
    await t.ok('flows.create', { fromStepId: laptop, toStepId: badge });
    const branched = layoutMap(await t.ok('processes.map', { processId: proc.id }));
    const c = branched.steps.find((p) => p.step.id === contract)!;
    const lp = branched.steps.find((p) => p.step.id === laptop)!;
    expect(c.layer).toBe(lp.layer);
    expect(new Set([c.stack, lp.stack])).toEqual(new Set([0, 1]));
    expect(Math.abs(c.y - lp.y)).toBeGreaterThanOrEqual(BOX_H);
    expect(branched.steps.find((p) => p.step.id === badge)!.layer).toBe(c.layer + 1);
    expect(branched.edges.every((e) => !e.loop)).toBe(true);
  });

  it('puts the inner steps of a sub-process after it and inside a frame (nested BPMN file)', async () => {
    t = openTestWorkspace();
    const xml = fs.readFileSync(path.join(FIXTURES, 'camunda-nested-subprocess-no-di.bpmn'), 'utf8');
    const summary = await t.ok('bpmn.import', { xml, departmentName: 'Ops' });
    const map = await t.ok('processes.map', { processId: summary.processes[0]!.id });
    const l = layoutMap(map);
    const inner = l.steps.filter((p) => p.step.depth > 0);
    expect(inner.length).toBeGreaterThan(0);
    expect(l.frames.length).toBeGreaterThan(0);
    for (const p of inner) {
      const parent = l.steps.find((q) => q.step.id === p.step.parentStepId)!;
      expect(p.layer).toBeGreaterThan(parent.layer);
      const frame = l.frames.find((f) => f.parentId === parent.step.id)!;
      expect(p.x).toBeGreaterThan(frame.x);
      expect(p.x + p.w).toBeLessThan(frame.x + frame.w);
    }
  });

  it('colours by worst severity and wraps long names', () => {
    expect([1, 2, 3, 4, 5].map(severityFill)).toEqual(['#fcc419', '#fcc419', '#f76707', '#e03131', '#e03131']);
    expect(wrapText('Match invoice to order and receipt', 21, 3)).toEqual(['Match invoice to', 'order and receipt']);
    expect(wrapText('one two three four five six seven eight', 9, 2)).toEqual(['one two', 'three…']);
  });
});
