import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryFieldChange, HistoryLinkChange } from '../../src-shared/history/schemas';
import { Writer } from '../../src-main/db/write';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

let t: TestWorkspace;
afterEach(() => t?.cleanup());

const fields = (changes: (HistoryFieldChange | HistoryLinkChange)[]) =>
  Object.fromEntries(changes.filter((c): c is HistoryFieldChange => c.kind === 'field').map((c) => [c.field, [c.oldValue, c.newValue]]));

describe('history from the change log', () => {
  it('shows a gap\'s changes newest first: when, which field, old → new, which machine, and its links', async () => {
    t = openTestWorkspace();
    const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN', loadedHourlyRateCents: 6500 });
    const p = await t.ok('processes.create', { departmentId: d.id, name: 'Procure-to-pay' });
    const g = await t.ok('gaps.create', { processId: p.id, title: 'Missing PO', type: 'information', severity: 2, frequencyPerMonth: 10 });
    await t.ok('gaps.update', { id: g.id, severity: 4 });
    await t.ok('gaps.update', { id: g.id, severity: 5, title: 'Invoices without PO' });
    const i = await t.ok('interventions.create', { departmentId: d.id, title: 'Buying Q&A', kind: 'qa_forum', status: 'running', startDate: '2026-01-01' });
    await t.ok('links.gapIntervention.add', { gapId: g.id, interventionId: i.id });
    await t.ok('links.gapIntervention.remove', { gapId: g.id, interventionId: i.id });

    const h = await t.ok('history.list', { entity: 'gaps', id: g.id });
    expect(h.localNodeId).toBe(t.ws.nodeId);
    expect(h.total).toBe(5);
    expect(h.entries.map((e) => e.action)).toEqual(['changed', 'changed', 'changed', 'changed', 'created']);
    const [unlinked, linked, second, first, created] = h.entries;

    // The link: removed, with the gap going back to open in the same transaction.
    expect(unlinked!.changes).toContainEqual({ kind: 'link_removed', link: 'gap_interventions', linkId: expect.any(String), target: { entity: 'interventions', id: i.id, title: 'Buying Q&A' } });
    expect(fields(unlinked!.changes)).toEqual({ status: ['addressing', 'open'] });
    expect(linked!.changes).toContainEqual(expect.objectContaining({ kind: 'link_added', target: expect.objectContaining({ id: i.id }) }));
    expect(fields(linked!.changes)).toEqual({ status: ['open', 'addressing'] });

    // Old values come from the previous entry of the same field.
    expect(fields(second!.changes)).toEqual({ severity: [4, 5], title: ['Missing PO', 'Invoices without PO'] });
    expect(fields(first!.changes)).toEqual({ severity: [2, 4] });
    expect(fields(created!.changes)).toMatchObject({ title: [null, 'Missing PO'], severity: [null, 2], departmentId: [null, d.id], status: [null, 'open'] });

    for (const e of h.entries) {
      expect(e).toMatchObject({ nodeId: t.ws.nodeId, local: true });
      expect(e.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(e.hlc.endsWith(t.ws.nodeId)).toBe(true);
    }
    expect(Date.parse(h.entries[0]!.at)).toBeGreaterThanOrEqual(Date.parse(h.entries[4]!.at));
    // Newest first, limited.
    const last2 = await t.ok('history.list', { entity: 'gaps', id: g.id, limit: 2 });
    expect(last2.entries.map((e) => e.txId)).toEqual([unlinked!.txId, linked!.txId]);
    expect(last2.total).toBe(5);
  });

  it('shows closing, reopening, deletion and a change made on another machine', async () => {
    t = openTestWorkspace();
    const d = await t.ok('departments.create', { name: 'HR', code: 'HR' });
    const p = await t.ok('processes.create', { departmentId: d.id, name: 'Onboarding' });
    const g = await t.ok('gaps.create', { processId: p.id, title: 'Who grants access?', type: 'expertise', foundOn: '2026-01-05' });
    await t.ok('gaps.close', { id: g.id, evidence: { kind: 'override', justification: 'Access is now granted by the HRIS workflow.' }, closedOn: '2026-03-02' });
    await t.ok('gaps.reopen', { id: g.id, reason: 'New hires wait again' });
    // A change made on another laptop (as the sync writes it): same log, another node id.
    const remoteTx = new Writer(t.ws.db, { nodeId: 'remote0001' }).write((tx) => {
      tx.update('gaps', g.id, { owner: 'Léa' });
      return tx.txId;
    });
    await t.ok('gaps.delete', { id: g.id });

    const h = await t.ok('history.list', { entity: 'gaps', id: g.id });
    const byTx = new Map(h.entries.map((e) => [e.txId, e]));
    const remote = byTx.get(remoteTx)!;
    expect(remote).toMatchObject({ nodeId: 'remote0001', local: false, action: 'changed' });
    expect(fields(remote.changes)).toEqual({ owner: [null, 'Léa'] });
    const actions = h.entries.map((e) => e.action);
    expect(actions).toContain('deleted');
    const closing = h.entries.find((e) => fields(e.changes).status?.[1] === 'closed')!;
    expect(fields(closing.changes)).toMatchObject({
      status: ['open', 'closed'], closedOn: [null, '2026-03-02'], closureKind: [null, 'override'], closureNote: [null, 'Access is now granted by the HRIS workflow.'],
    });
    const reopening = h.entries.find((e) => fields(e.changes).reopenReason)!;
    expect(fields(reopening.changes)).toMatchObject({
      status: ['closed', 'open'], reopenReason: [null, 'New hires wait again'], closureNote: ['Access is now granted by the HRIS workflow.', null],
    });
  });

  it('works for interventions, processes, steps and indicators, and refuses what has no history', async () => {
    t = openTestWorkspace();
    const d = await t.ok('departments.create', { name: 'Supply chain', code: 'SC' });
    const p = await t.ok('processes.create', { departmentId: d.id, name: 'S&OP' });
    await t.ok('processes.update', { id: p.id, name: 'Sales & operations planning' });
    const s = await t.ok('steps.create', { processId: p.id, name: 'Demand review' });
    await t.ok('steps.update', { id: s.id, lane: 'Demand planner' });
    const g = await t.ok('gaps.create', { processId: p.id, stepId: s.id, title: 'Forecast inputs arrive late', type: 'coordination' });
    const i = await t.ok('interventions.create', { departmentId: d.id, title: 'Demand CoP', kind: 'community_of_practice' });
    await t.ok('interventions.update', { id: i.id, status: 'planned' });
    await t.ok('links.gapIntervention.add', { gapId: g.id, interventionId: i.id });
    const ind = await t.ok('indicators.create', { departmentId: d.id, name: 'Forecast accuracy', unit: '%', direction: 'higher' });
    await t.ok('links.indicator.add', { indicatorId: ind.id, target: 'intervention', targetId: i.id });
    await t.ok('indicators.update', { id: ind.id, targetValue: 80 });

    const ih = await t.ok('history.list', { entity: 'interventions', id: i.id });
    expect(ih.entries.map((e) => e.action)).toEqual(['links', 'links', 'changed', 'created']);
    expect(ih.entries[0]!.changes[0]).toMatchObject({ kind: 'link_added', target: { entity: 'indicators', id: ind.id, title: 'Forecast accuracy' } });
    expect(ih.entries[1]!.changes[0]).toMatchObject({ kind: 'link_added', target: { entity: 'gaps', id: g.id, title: 'Forecast inputs arrive late' } });
    expect(fields(ih.entries[2]!.changes)).toEqual({ status: ['idea', 'planned'] });

    expect(fields((await t.ok('history.list', { entity: 'processes', id: p.id })).entries[0]!.changes)).toEqual({ name: ['S&OP', 'Sales & operations planning'] });
    expect(fields((await t.ok('history.list', { entity: 'steps', id: s.id })).entries[0]!.changes)).toEqual({ lane: [null, 'Demand planner'] });
    const indh = await t.ok('history.list', { entity: 'indicators', id: ind.id });
    expect(fields(indh.entries[0]!.changes)).toEqual({ targetValue: [null, 80] });
    expect(indh.entries[1]!.changes[0]).toMatchObject({ kind: 'link_added', target: { entity: 'interventions', id: i.id } });

    expect(await t.core.call('history.list', { entity: 'gaps', id: i.id })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } });
    expect(await t.core.call('history.list', { entity: 'departments', id: d.id })).toMatchObject({ ok: false, error: { field: 'entity' } });
  });
});
