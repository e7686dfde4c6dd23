import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import { BPMN_FIXTURES } from '../helpers/bpmn-fixtures';

// The map of a process (lanes, steps, flows, gap markers computed in the core), flows, reordering,
// and undo of the last edit through the change log.

let t: TestWorkspace;
let processId: string;
let ids: Record<string, string>;

beforeEach(async () => {
  t = openTestWorkspace();
  const dep = await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
  processId = (await t.ok('processes.create', { departmentId: dep.id, name: 'Procure-to-pay' })).id;
  ids = {};
  for (const [name, lane] of [
    ['Receive invoice', 'AP clerk'],
    ['Match PO', 'AP clerk'],
    ['Approve', 'Budget owner'],
    ['Pay', 'Treasury'],
    ['Archive', null],
  ] as const) {
    ids[name] = (await t.ok('steps.create', { processId, name, lane })).id;
  }
});
afterEach(() => t.cleanup());

const map = () => t.ok('processes.map', { processId });
const names = async () => (await map()).steps.map((s) => s.name);
const logCount = () => t.ws.db.prepare(`SELECT COUNT(*) FROM change_log`).pluck().get() as number;
const lastSeq = () => t.ws.db.prepare(`SELECT COALESCE(MAX(seq), 0) FROM change_log`).pluck().get() as number;

describe('processes.map', () => {
  it('gives lanes in order of first use (no-lane row last), steps in order, and per-step gap markers', async () => {
    const gap = (stepId: string | null, severity: number, title = 'x') =>
      t.ok('gaps.create', { processId, stepId, title, type: 'coordination', severity });
    await gap(ids['Match PO']!, 2);
    await gap(ids['Match PO']!, 4);
    const dismissed = await gap(ids['Match PO']!, 5);
    await t.ok('gaps.update', { id: dismissed.id, status: 'dismissed' });
    const addressing = await gap(ids['Pay']!, 3);
    // An intervention running on it puts a gap in "addressing": still open, still on the map.
    t.ws.writer.write((tx) => tx.update('gaps', addressing.id, { status: 'addressing' }));
    const closed = await gap(ids['Pay']!, 5);
    t.ws.writer.write((tx) => tx.update('gaps', closed.id, { status: 'closed', closed_on: '2026-01-31' }));
    await gap(null, 1, 'On the whole process');

    const m = await map();
    expect(m.process.name).toBe('Procure-to-pay');
    expect(m.lanes).toEqual([
      { name: 'AP clerk', stepCount: 2 },
      { name: 'Budget owner', stepCount: 1 },
      { name: 'Treasury', stepCount: 1 },
      { name: null, stepCount: 1 },
    ]);
    expect(m.steps.map((s) => [s.name, s.position, s.depth, s.parentStepId])).toEqual([
      ['Receive invoice', 0, 0, null],
      ['Match PO', 1, 0, null],
      ['Approve', 2, 0, null],
      ['Pay', 3, 0, null],
      ['Archive', 4, 0, null],
    ]);
    const marker = (name: string) => m.steps.find((s) => s.name === name)!.gaps;
    expect(marker('Match PO')).toEqual({ openGaps: 2, worstSeverity: 4 });
    expect(marker('Pay')).toEqual({ openGaps: 1, worstSeverity: 3 });
    expect(marker('Approve')).toEqual({ openGaps: 0, worstSeverity: null });
    expect(m.processGaps).toEqual({ openGaps: 1, worstSeverity: 1 });
    expect(m.totalGaps).toEqual({ openGaps: 4, worstSeverity: 4 });
  });

  it('puts lanes in the order set by processes.reorderLanes, then lanes not listed', async () => {
    const m = await t.ok('processes.reorderLanes', { processId, lanes: ['Treasury', 'Legal', 'AP clerk'] });
    expect(m.lanes.map((l) => [l.name, l.stepCount])).toEqual([
      ['Treasury', 1],
      ['Legal', 0],
      ['AP clerk', 2],
      ['Budget owner', 1],
      [null, 1],
    ]);
    expect(await t.core.call('processes.reorderLanes', { processId, lanes: ['A', 'A'] })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'lanes', message: 'A lane is listed twice' },
    });
  });

  it('refuses an unknown process with the field', async () => {
    expect(await t.core.call('processes.map', { processId: '01900000-0000-7000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'processId' },
    });
  });
});

describe('flows', () => {
  it('creates branches and joins, lists, updates and deletes them; a deleted step hides its flows', async () => {
    const f1 = await t.ok('flows.create', { fromStepId: ids['Match PO']!, toStepId: ids['Approve']!, label: 'over 5 000', kind: 'conditional', condition: 'amount > 5000' });
    const f2 = await t.ok('flows.create', { fromStepId: ids['Match PO']!, toStepId: ids['Pay']!, label: 'otherwise', kind: 'default' });
    await t.ok('flows.create', { fromStepId: ids['Approve']!, toStepId: ids['Pay']! });
    expect(f1).toMatchObject({ processId, label: 'over 5 000', kind: 'conditional', condition: 'amount > 5000', sourceKey: null });
    expect((await t.ok('flows.list', { processId })).map((f) => f.id)).toHaveLength(3);
    expect(await t.ok('flows.update', { id: f2.id, label: 'up to 5 000' })).toMatchObject({ label: 'up to 5 000', kind: 'default' });

    await t.ok('steps.delete', { id: ids['Approve']! });
    expect((await map()).flows.map((f) => f.id)).toEqual([f2.id]);
    await t.ok('flows.delete', { id: f2.id });
    expect(await t.ok('flows.list', { processId })).toEqual([]);
  });

  it('keeps the sequence a map without flows is drawn as when its first flow is drawn, and one undo takes both back', async () => {
    const pair = (a: string, b: string) => [ids[a], ids[b]];
    const f = await t.ok('flows.create', { fromStepId: ids['Match PO']!, toStepId: ids['Pay']!, label: 'no approval needed', kind: 'conditional', keepSequence: true });
    const flows = (await map()).flows;
    expect(flows.map((x) => [x.fromStepId, x.toStepId])).toEqual(
      expect.arrayContaining([pair('Receive invoice', 'Match PO'), pair('Match PO', 'Approve'), pair('Approve', 'Pay'), pair('Pay', 'Archive'), pair('Match PO', 'Pay')]),
    );
    expect(flows).toHaveLength(5);
    expect(flows.find((x) => x.id === f.id)).toMatchObject({ label: 'no approval needed', kind: 'conditional' });
    // A second flow drawn does not write the sequence again.
    await t.ok('flows.create', { fromStepId: ids['Pay']!, toStepId: ids['Match PO']!, label: 'rework', keepSequence: true });
    expect((await map()).flows).toHaveLength(6);
    await t.ok('processes.undo', { processId });
    await t.ok('processes.undo', { processId });
    expect((await map()).flows).toEqual([]);
  });

  it('refuses a loop on one step, steps of two processes, a duplicate, and an unknown kind', async () => {
    const other = await t.ok('processes.create', { departmentId: (await t.ok('departments.list', {})).items[0]!.id, name: 'Other' });
    const stranger = await t.ok('steps.create', { processId: other.id, name: 'Elsewhere' });
    const before = logCount();
    expect(await t.core.call('flows.create', { fromStepId: ids['Pay']!, toStepId: ids['Pay']! })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'toStepId', message: 'A step cannot flow to itself' },
    });
    expect(await t.core.call('flows.create', { fromStepId: ids['Pay']!, toStepId: stranger.id })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'toStepId', message: 'Both steps must belong to the same process' },
    });
    expect(await t.core.call('flows.create', { fromStepId: ids['Pay']!, toStepId: ids['Archive']!, kind: 'sometimes' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'kind' },
    });
    await t.ok('flows.create', { fromStepId: ids['Pay']!, toStepId: ids['Archive']! });
    const afterOne = logCount();
    expect(await t.core.call('flows.create', { fromStepId: ids['Pay']!, toStepId: ids['Archive']! })).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'toStepId' },
    });
    expect(afterOne).toBeGreaterThan(before);
    expect(logCount()).toBe(afterOne);
  });
});

describe('steps.reorder', () => {
  it('sets the order of every step at once', async () => {
    const m = await t.ok('steps.reorder', {
      processId,
      orderedStepIds: [ids['Archive']!, ids['Pay']!, ids['Receive invoice']!, ids['Match PO']!, ids['Approve']!],
    });
    expect(m.steps.map((s) => s.name)).toEqual(['Archive', 'Pay', 'Receive invoice', 'Match PO', 'Approve']);
    expect(m.steps.map((s) => s.position)).toEqual([0, 1, 2, 3, 4]);
  });

  it('refuses an order that misses, repeats or invents a step, changing nothing', async () => {
    const before = logCount();
    const all = Object.values(ids);
    expect(await t.core.call('steps.reorder', { processId, orderedStepIds: all.slice(1) })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'orderedStepIds', message: 'The new order must list every step of the process once (1 missing)' },
    });
    expect(await t.core.call('steps.reorder', { processId, orderedStepIds: [...all, all[0]] })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'orderedStepIds', message: 'A step is listed twice' },
    });
    const foreign = '01900000-0000-7000-8000-000000000000';
    expect(await t.core.call('steps.reorder', { processId, orderedStepIds: [...all.slice(1), foreign] })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'orderedStepIds', message: `Step ${foreign} is not a step of this process` },
    });
    expect(logCount()).toBe(before);
    expect(await names()).toEqual(['Receive invoice', 'Match PO', 'Approve', 'Pay', 'Archive']);
  });
});

describe('processes.undo', () => {
  it('undoes edits one by one, newest first: rename, reorder, flow, step creation', async () => {
    const flow = await t.ok('flows.create', { fromStepId: ids['Match PO']!, toStepId: ids['Pay']! });
    await t.ok('steps.reorder', { processId, orderedStepIds: [ids['Pay']!, ids['Receive invoice']!, ids['Match PO']!, ids['Approve']!, ids['Archive']!] });
    await t.ok('steps.update', { id: ids['Pay']!, name: 'Pay supplier', lane: 'Treasury ops' });

    const u1 = await t.ok('processes.undo', { processId });
    expect(u1.reverted).toBe(2);
    expect(u1.map.steps.find((s) => s.id === ids['Pay'])).toMatchObject({ name: 'Pay', lane: 'Treasury' });
    expect(u1.map.steps[0]!.name).toBe('Pay'); // still reordered: only the rename was undone

    const u2 = await t.ok('processes.undo', { processId });
    expect(u2.map.steps.map((s) => s.name)).toEqual(['Receive invoice', 'Match PO', 'Approve', 'Pay', 'Archive']);

    const u3 = await t.ok('processes.undo', { processId });
    expect(u3.map.flows).toEqual([]);
    expect(t.ws.db.prepare(`SELECT deleted_at FROM step_flows WHERE id = ?`).pluck().get(flow.id)).not.toBeNull();

    const u4 = await t.ok('processes.undo', { processId });
    expect(u4.map.steps.map((s) => s.name)).toEqual(['Receive invoice', 'Match PO', 'Approve', 'Pay']); // "Archive" was the last step created
  });

  it('brings back a deleted step with its gaps and flows, and the undo itself is in the change log', async () => {
    const gap = await t.ok('gaps.create', { processId, stepId: ids['Approve']!, title: 'Approver on leave', type: 'decision', severity: 5 });
    const flow = await t.ok('flows.create', { fromStepId: ids['Match PO']!, toStepId: ids['Approve']! });
    await t.ok('steps.delete', { id: ids['Approve']! });
    expect((await t.ok('gaps.get', { id: gap.id })).stepId).toBeNull();
    expect((await map()).flows).toEqual([]);

    const logBefore = lastSeq();
    const u = await t.ok('processes.undo', { processId });
    const approve = u.map.steps.find((s) => s.id === ids['Approve'])!;
    expect(approve).toMatchObject({ name: 'Approve', position: 2, gaps: { openGaps: 1, worstSeverity: 5 } });
    expect(u.map.steps.map((s) => s.name)).toEqual(['Receive invoice', 'Match PO', 'Approve', 'Pay', 'Archive']);
    expect((await t.ok('gaps.get', { id: gap.id })).stepId).toBe(ids['Approve']);
    expect(u.map.flows.map((f) => f.id)).toEqual([flow.id]);

    const undoEntries = t.ws.db
      .prepare(`SELECT entity, field FROM change_log WHERE seq > ? ORDER BY seq`)
      .all(logBefore) as { entity: string; field: string }[];
    expect(undoEntries).toContainEqual({ entity: 'steps', field: 'deleted_at' });
    expect(undoEntries).toContainEqual({ entity: 'gaps', field: 'step_id' });
    expect(new Set(t.ws.db.prepare(`SELECT tx_id FROM change_log WHERE seq > ?`).pluck().all(logBefore)).size).toBe(1);
  });

  it('leaves a field alone when it was changed again after the edit being undone', async () => {
    const gap = await t.ok('gaps.create', { processId, stepId: ids['Approve']!, title: 'Approver on leave', type: 'decision' });
    await t.ok('steps.delete', { id: ids['Approve']! }); // the gap goes to the process (step_id null)…
    await t.ok('gaps.update', { id: gap.id, stepId: ids['Pay']! }); // …and the user then puts it on "Pay"
    const u = await t.ok('processes.undo', { processId }); // the gap edit is not a map edit: this undoes the deletion
    expect(u.map.steps.map((s) => s.name)).toContain('Approve');
    expect((await t.ok('gaps.get', { id: gap.id })).stepId).toBe(ids['Pay']); // the user's later choice stands
    expect(u.reverted).toBe(3); // the step's tombstone and the positions of the two steps after it; not the gap
  });

  it('undoes a change of lane order and a rename of the process, but never the creation of the process', async () => {
    await t.ok('processes.reorderLanes', { processId, lanes: ['Treasury', 'AP clerk'] });
    await t.ok('processes.update', { id: processId, name: 'P2P' });
    expect((await t.ok('processes.undo', { processId })).map.process.name).toBe('Procure-to-pay');
    const u = await t.ok('processes.undo', { processId });
    expect(u.map.process.laneOrder).toBeNull();
    expect(u.map.lanes.map((l) => l.name)).toEqual(['AP clerk', 'Budget owner', 'Treasury', null]);
    for (let i = 0; i < 5; i++) await t.ok('processes.undo', { processId }); // the five steps, newest first
    expect(await t.core.call('processes.undo', { processId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await map()).process.name).toBe('Procure-to-pay');
  });

  it('undoes a rename, then the creation before it', async () => {
    await t.ok('steps.update', { id: ids['Pay']!, name: 'Pay supplier', system: 'ERP' });
    const u = await t.ok('processes.undo', { processId });
    expect(u.map.steps.find((s) => s.id === ids['Pay'])).toMatchObject({ name: 'Pay', system: null });
    const again = await t.ok('processes.undo', { processId });
    expect(again.map.steps.map((s) => s.name)).not.toContain('Archive');
  });

  it('undoes the import of a BPMN file for one process only, and says when there is nothing left to undo', async () => {
    const xml = fs.readFileSync(path.join(BPMN_FIXTURES, 'bpmnjs-pizza-collaboration-semantic-prefix.bpmn'), 'utf8');
    const dep = (await t.ok('departments.list', {})).items[0]!;
    const r = await t.ok('bpmn.import', { xml, fileName: 'pizza.bpmn', departmentId: dep.id });
    const [vendor, customer] = r.processes;
    const u = await t.ok('processes.undo', { processId: customer!.id });
    expect(u.map.steps).toEqual([]);
    expect((await t.ok('processes.map', { processId: vendor!.id })).steps).toHaveLength(4);
    expect(await t.core.call('processes.undo', { processId: customer!.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'processId', message: 'There is no edit of this map to undo' },
    });
  });
});
