import { afterEach, describe, expect, it } from 'vitest';
import { createDemo } from '../../src-main/core/demo/generate';
import { layoutMap, pathSegments, type MapLayout, type Rect } from '../../src-shared/processes/map-layout';
import { wrapText } from '../../src-shared/processes/map-drawing';
import type { MapStep, ProcessMap } from '../../src-shared/processes/map';
import type { StepFlow } from '../../src-shared/processes/map';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

// No flow of the swimlane map runs across a name, and no flow's label covers a box or a decision's name: a step's inside its box, a decision's under its
// diamond (the app's map-svg.tsx and the report's swimlane-map.ts draw them where the layout says).
// Over every process of the demo, in both languages, and over generated processes full of
// branches, decisions and loops (back into the same lane, across lanes, out of and into decisions).

let t: TestWorkspace | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

type Segment = [number, number, number, number];

/** Does an axis-parallel segment pass through the inside of the rectangle? */
function crosses([x1, y1, x2, y2]: Segment, r: Rect): boolean {
  const [lx, hx] = [Math.min(x1, x2), Math.max(x1, x2)];
  const [ly, hy] = [Math.min(y1, y2), Math.max(y1, y2)];
  return lx < r.x + r.w && hx > r.x && ly < r.y + r.h && hy > r.y;
}

/** Every (flow, step) pair whose path crosses the step's name. */
function crossings(l: MapLayout): string[] {
  const out: string[] = [];
  for (const e of l.edges) {
    for (const seg of pathSegments(e.d)) {
      for (const p of l.steps) {
        if (crosses(seg, p.label.box)) out.push(`${e.loop ? 'loop' : 'flow'} ${e.from}→${e.to} crosses the name of ${p.step.name} (${p.step.kind}) at ${seg.join(',')}`);
      }
    }
  }
  return out;
}

/** Where a flow's label is drawn (map-svg.tsx: 11 px type, at most one line of `labelMax` characters). */
function edgeLabelBox(e: MapLayout['edges'][number]): Rect | null {
  if (!e.label) return null;
  const w = wrapText(e.label, Math.min(24, e.labelMax), 1)[0]!.length * 6;
  const x = e.labelAnchor === 'start' ? e.labelX : e.labelAnchor === 'end' ? e.labelX - w : e.labelX - w / 2;
  return { x, y: e.labelY - 9, w, h: 11 };
}

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && a.x + a.w > b.x && a.y < b.y + b.h && a.y + a.h > b.y;

/** Every (flow, step) pair whose label covers the step's box or a decision's name. */
function labelsOverNames(l: MapLayout): string[] {
  const out: string[] = [];
  for (const e of l.edges) {
    const box = edgeLabelBox(e);
    if (!box) continue;
    for (const p of l.steps) {
      if (p.step.kind === 'gateway' && overlap(box, p.label.box)) out.push(`label of ${e.from}→${e.to} "${e.label}" covers the name of ${p.step.name}`);
      if (overlap(box, { x: p.x, y: p.y, w: p.w, h: p.h })) out.push(`label of ${e.from}→${e.to} "${e.label}" covers the box of ${p.step.name}`);
    }
  }
  return out;
}

/** A small deterministic generator (mulberry32). */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** A process of `n` steps over three lanes, a third of them decisions, with branches and loops. */
function generated(seed: number, n: number): ProcessMap {
  const r = rng(seed);
  const laneNames = ['Accounts payable', 'Controller', 'Supplier'];
  const steps = Array.from({ length: n }, (_, i) => {
    const gateway = i > 0 && r() < 0.35;
    return {
      id: `s${i}`,
      processId: 'p',
      name: gateway ? `Approved within the delegated limit ${i}?` : `Check and record the invoice ${i}`,
      kind: gateway ? 'gateway' : 'task',
      lane: laneNames[Math.floor(r() * 3)]!,
      system: null,
      parentStepId: null,
      depth: 0,
      position: i,
      gaps: { openGaps: 0, worstSeverity: null },
    } as unknown as MapStep;
  });
  const flows: StepFlow[] = [];
  const flow = (from: number, to: number, label: string | null) =>
    flows.push({ id: `f${flows.length}`, fromStepId: `s${from}`, toStepId: `s${to}`, label, kind: label ? 'conditional' : 'sequence' } as unknown as StepFlow);
  // A decision's two branches run side by side (both one column on, stacked when in one lane) and meet again.
  const parallel = new Set<number>();
  steps.forEach((s, i) => {
    if (s.kind === 'gateway' && i + 3 < n && !parallel.has(i - 1)) parallel.add(i + 1);
  });
  for (let i = 1; i < n; i++) {
    if (parallel.has(i - 1)) flow(i - 1, i + 1, null);
    else flow(i - 1, i, steps[i - 1]!.kind === 'gateway' ? (r() < 0.5 ? 'Yes' : 'Yes, within the delegated limit') : null);
  }
  steps.forEach((s, i) => {
    if (s.kind !== 'gateway') return;
    // A decision branches forward and loops back to an earlier step or decision.
    // Some branch labels as long as a flow label gets (24 characters are drawn), to check where they go.
    if (i + 2 < n) flow(i, i + 2, r() < 0.5 ? 'No' : 'No: over the delegated limit');
    const back = Math.floor(r() * i);
    flow(i, back, r() < 0.5 ? 'Rework' : 'Rework with the requester');
    if (r() < 0.3) flow(i, i, 'Retry');
  });
  // Loops from plain steps too, some into decisions.
  for (let k = 0; k < n / 4; k++) {
    const from = 1 + Math.floor(r() * (n - 1));
    flow(from, Math.floor(r() * from), r() < 0.5 ? 'Back' : null);
  }
  const lanes = laneNames.map((name) => ({ name, stepCount: steps.filter((s) => s.lane === name).length }));
  return {
    process: { id: 'p', name: 'Generated', laneOrder: null } as unknown as ProcessMap['process'],
    lanes,
    steps,
    flows,
    processGaps: { openGaps: 0, worstSeverity: null },
    totalGaps: { openGaps: 0, worstSeverity: null },
  } as unknown as ProcessMap;
}

describe('process map: no flow across a name', () => {
  it.each(['en', 'fr'] as const)('holds for every demo process (%s), which has decisions and loops', async (lang) => {
    t = openTestWorkspace();
    createDemo(t.ws, { seed: 1, today: '2026-06-15', lang });
    const processes = await t.ok('processes.list', { limit: 1000 });
    let decisions = 0;
    let loops = 0;
    for (const p of processes.items) {
      const l = layoutMap(await t.ok('processes.map', { processId: p.id }));
      decisions += l.steps.filter((s) => s.step.kind === 'gateway').length;
      loops += l.edges.filter((e) => e.loop).length;
      expect(crossings(l), p.name).toEqual([]);
      expect(labelsOverNames(l), p.name).toEqual([]);
    }
    // The check means something only if the demo draws both.
    expect(decisions).toBeGreaterThan(0);
    expect(loops).toBeGreaterThan(0);
  });

  it('holds for generated processes with branches, decisions and loops, and keeps every name inside its lane', () => {
    const seen = { loopsOutOfDecisions: 0, loopsIntoDecisions: 0, loopsAcrossLanes: 0, stacked: 0 };
    for (let seed = 1; seed <= 40; seed++) {
      const l = layoutMap(generated(seed, 8 + (seed % 10)));
      const at = new Map(l.steps.map((s) => [s.step.id, s]));
      for (const e of l.edges.filter((x) => x.loop)) {
        if (at.get(e.from)!.step.kind === 'gateway') seen.loopsOutOfDecisions++;
        if (at.get(e.to)!.step.kind === 'gateway') seen.loopsIntoDecisions++;
        if (at.get(e.from)!.laneIndex !== at.get(e.to)!.laneIndex) seen.loopsAcrossLanes++;
      }
      seen.stacked += l.steps.filter((s) => s.stack > 0).length;
      expect(crossings(l), `seed ${seed}`).toEqual([]);
      expect(labelsOverNames(l), `seed ${seed}`).toEqual([]);
      for (const p of l.steps) {
        const lane = l.lanes[p.laneIndex]!;
        expect(p.label.box.y + p.label.box.h, `seed ${seed} ${p.step.name}`).toBeLessThanOrEqual(lane.y + lane.h);
      }
    }
    // The generated maps exercise every kind of route.
    for (const [what, n] of Object.entries(seen)) expect(n, what).toBeGreaterThan(0);
  });

  it('finds a crossing or a covered name when one is there (the checks themselves)', () => {
    const l = layoutMap(generated(3, 10));
    const gateway = l.steps.find((s) => s.step.kind === 'gateway')!;
    const b = gateway.label.box;
    // A path straight down through the decision's name.
    const fake = { ...l, edges: [...l.edges, { ...l.edges[0]!, d: `M${b.x + b.w / 2},${b.y - 5} V${b.y + b.h + 5}` }] };
    expect(crossings(fake).length).toBe(1);
    // A label written across the decision's name.
    const over = { ...l, edges: [{ ...l.edges[0]!, label: 'Approved', labelX: b.x + 2, labelY: b.y + 10, labelAnchor: 'start' as const }] };
    expect(labelsOverNames(over).some((m) => m.includes(`covers the name of ${gateway.step.name}`))).toBe(true);
  });
});
