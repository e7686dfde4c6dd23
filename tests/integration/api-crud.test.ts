import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

let t: TestWorkspace;
beforeEach(() => {
  t = openTestWorkspace();
});
afterEach(() => t.cleanup());

async function twoDepartments() {
  const fin = await t.ok('departments.create', { name: 'Finance', code: 'FIN', loadedHourlyRateCents: 7000 });
  const hr = await t.ok('departments.create', { name: 'Human resources', code: 'HR', currency: 'GBP' });
  return { fin, hr };
}

describe('the typed API: create, update, delete, get and list for every entity', () => {
  it('departments', async () => {
    const { fin } = await twoDepartments();
    expect(fin).toMatchObject({ name: 'Finance', code: 'FIN', colour: '#1c7ed6', currency: 'EUR', loadedHourlyRateCents: 7000 });
    const dup = await t.core.call('departments.create', { name: 'Fin 2', code: 'fin' });
    expect(dup).toEqual({ ok: false, error: { code: 'conflict', message: 'Another department already uses the code fin', field: 'code', key: 'department.code_clash', params: { code: 'fin' } } });
    const upd = await t.ok('departments.update', { id: fin.id, colour: '#aa0000' });
    expect(upd.colour).toBe('#aa0000');
    expect((await t.ok('departments.get', { id: fin.id })).colour).toBe('#aa0000');
    const page = await t.ok('departments.list', { limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(page.items.map((d) => d.code)).toEqual(['HR']);
    expect((await t.ok('departments.list', { search: 'human' })).items.map((d) => d.code)).toEqual(['HR']);
  });

  it('processes and steps, with ordering, reordering and filtering by department', async () => {
    const { fin, hr } = await twoDepartments();
    const p2p = await t.ok('processes.create', { departmentId: fin.id, name: 'Procure-to-pay', referenceId: '10.2.3', systems: ['ERP', 'ECM'] });
    await t.ok('processes.create', { departmentId: hr.id, name: 'Recruiting' });
    expect((await t.ok('processes.list', { departmentId: fin.id })).items.map((p) => p.name)).toEqual(['Procure-to-pay']);
    expect(p2p.systems).toEqual(['ERP', 'ECM']);

    const a = await t.ok('steps.create', { processId: p2p.id, name: 'Receive invoice', lane: 'AP clerk', system: 'ECM' });
    const c = await t.ok('steps.create', { processId: p2p.id, name: 'Pay', lane: 'Treasury' });
    const b = await t.ok('steps.create', { processId: p2p.id, name: 'Match PO', lane: 'AP clerk', position: 1 });
    const names = async () => (await t.ok('steps.list', { processId: p2p.id })).items.map((s) => `${s.position}:${s.name}`);
    expect(await names()).toEqual(['0:Receive invoice', '1:Match PO', '2:Pay']);
    await t.ok('steps.update', { id: c.id, position: 0 });
    expect(await names()).toEqual(['0:Pay', '1:Receive invoice', '2:Match PO']);
    await t.ok('steps.delete', { id: a.id });
    expect(await names()).toEqual(['0:Pay', '1:Match PO']);
    expect(b.departmentId).toBe(fin.id);
    expect((await t.ok('steps.list', { departmentId: hr.id })).total).toBe(0);

    const renamed = await t.ok('processes.update', { id: p2p.id, name: 'P2P', owner: 'Head of AP' });
    expect(renamed).toMatchObject({ name: 'P2P', owner: 'Head of AP' });
    await t.ok('processes.delete', { id: p2p.id });
    expect((await t.ok('steps.list', { processId: p2p.id })).total).toBe(0);
    expect(await t.core.call('steps.create', { processId: p2p.id, name: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'processId' },
    });
  });

  it('gaps: monthly cost from the department rate, step rules, filters', async () => {
    const { fin, hr } = await twoDepartments();
    const p = await t.ok('processes.create', { departmentId: fin.id, name: 'Order-to-cash' });
    const s = await t.ok('steps.create', { processId: p.id, name: 'Dunning' });
    const other = await t.ok('processes.create', { departmentId: hr.id, name: 'Onboarding' });
    const os = await t.ok('steps.create', { processId: other.id, name: 'Accounts' });
    // 12 times a month × 1.5 h × 70.00 €/h = 1,260.00 €
    const g = await t.ok('gaps.create', {
      processId: p.id, stepId: s.id, title: 'Disputes reach collectors late', type: 'information',
      severity: 4, frequencyPerMonth: 12, hoursLostPerOccurrence: 1.5, foundOn: '2026-03-02',
    });
    expect(g).toMatchObject({ status: 'open', departmentId: fin.id, monthlyCostCents: 126000, currency: 'EUR', foundOn: '2026-03-02' });
    const hrGap = await t.ok('gaps.create', { processId: other.id, title: 'Who grants access?', type: 'expertise', frequencyPerMonth: 3, hoursLostPerOccurrence: 2 });
    expect(hrGap.monthlyCostCents).toBeNull(); // HR has no loaded rate yet: no invented zero
    expect(await t.core.call('gaps.create', { processId: p.id, stepId: os.id, title: 'x', type: 'feedback' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'stepId' },
    });
    expect((await t.ok('gaps.list', { departmentId: fin.id })).items.map((x) => x.id)).toEqual([g.id]);
    expect((await t.ok('gaps.list', { type: 'expertise' })).items.map((x) => x.id)).toEqual([hrGap.id]);
    const upd = await t.ok('gaps.update', { id: g.id, frequencyPerMonth: 20 });
    expect(upd.monthlyCostCents).toBe(210000);
    await t.ok('steps.delete', { id: s.id });
    expect((await t.ok('gaps.get', { id: g.id })).stepId).toBeNull(); // the gap survives its step
    await t.ok('gaps.delete', { id: g.id });
    expect((await t.ok('gaps.list', {})).total).toBe(1);
  });

  it('interventions, links, indicators and measurements', async () => {
    const { fin } = await twoDepartments();
    const p = await t.ok('processes.create', { departmentId: fin.id, name: 'Order-to-cash' });
    const g = await t.ok('gaps.create', { processId: p.id, title: 'Disputes reach collectors late', type: 'information' });
    const i = await t.ok('interventions.create', {
      departmentId: fin.id, title: 'Collections Q&A on Teams', kind: 'qa_forum', platform: 'Teams',
      startDate: '2026-01-05', oneOffCostCents: 250000, recurringCostCents: 40000,
    });
    expect(i).toMatchObject({ status: 'idea', currency: 'EUR', oneOffCostCents: 250000 });
    expect(await t.core.call('interventions.update', { id: i.id, endDate: '2025-12-01' })).toMatchObject({
      ok: false,
      error: { field: 'endDate' },
    });
    await t.ok('links.gapIntervention.add', { gapId: g.id, interventionId: i.id });
    await t.ok('links.gapIntervention.add', { gapId: g.id, interventionId: i.id }); // idempotent
    expect(await t.ok('links.gapIntervention.list', { gapId: g.id })).toHaveLength(1);
    expect((await t.ok('interventions.list', { gapId: g.id })).items.map((x) => x.id)).toEqual([i.id]);

    const ind = await t.ok('indicators.create', {
      departmentId: fin.id, processId: p.id, name: 'DSO', unit: 'days', direction: 'lower', category: 'financial',
      baselineValue: 52, baselineDate: '2025-12-31', targetValue: 45, targetDate: '2026-12-31',
    });
    expect(ind).toMatchObject({ tolerancePct: 10, frequency: 'monthly', source: 'manual' });
    await t.ok('links.indicator.add', { indicatorId: ind.id, target: 'intervention', targetId: i.id });
    await t.ok('links.indicator.add', { indicatorId: ind.id, target: 'gap', targetId: g.id });
    expect(await t.ok('links.indicator.list', { indicatorId: ind.id })).toHaveLength(2);

    const m1 = await t.ok('measurements.create', { indicatorId: ind.id, period: '2026-01-31', value: 51.2 });
    await t.ok('measurements.create', { indicatorId: ind.id, period: '2026-02-28', value: 49.5, note: 'after Q&A launch' });
    expect(await t.core.call('measurements.create', { indicatorId: ind.id, period: '2026-01-31', value: 1 })).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'period' },
    });
    expect((await t.ok('measurements.list', { indicatorId: ind.id, from: '2026-02-01' })).items.map((m) => m.value)).toEqual([49.5]);
    await t.ok('measurements.update', { id: m1.id, value: 50.8 });
    expect((await t.ok('measurements.get', { id: m1.id })).value).toBe(50.8);

    await t.ok('interventions.delete', { id: i.id });
    expect(await t.ok('links.gapIntervention.list', { gapId: g.id })).toHaveLength(0);
    expect(await t.ok('links.indicator.list', { indicatorId: ind.id })).toHaveLength(1);
    await t.ok('indicators.delete', { id: ind.id });
    expect((await t.ok('measurements.list', {})).total).toBe(0);
    await t.ok('links.gapIntervention.add', { gapId: g.id, interventionId: (await t.ok('interventions.create', { departmentId: fin.id, title: 'Wiki', kind: 'shared_workspace' })).id });
    await t.ok('departments.delete', { id: fin.id });
    const info = await t.ok('workspace.info', {});
    expect(info.counts).toMatchObject({ processes: 0, gaps: 0, interventions: 0, gap_interventions: 0, departments: 1 });
    // Deleted rows leave their history (tombstones sync); the file holds it all.
    const logged = t.ws.db.prepare(`SELECT COUNT(*) FROM log_entries`).pluck().get() as number;
    expect(info.historyEntries).toBe(logged);
    expect(logged).toBeGreaterThan(20);
    expect(info.historyBytes).toBeGreaterThan(0);
    expect(info.databaseBytes).toBeGreaterThan(4096);
  });
});

describe('typed errors', () => {
  it('names the field for a wrong type, a missing value and an unknown field', async () => {
    expect(await t.core.call('departments.create', { name: 42, code: 'X' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'name' },
    });
    expect(await t.core.call('departments.create', { code: 'X' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'name', message: 'Required' },
    });
    expect(await t.core.call('departments.create', { name: 'A', code: 'A', admin: true })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: 'Unknown field: admin' },
    });
    expect(await t.core.call('gaps.create', { processId: 'not-an-id', title: 'x', type: 'information' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'processId' },
    });
    expect(await t.core.call('gaps.list', { limit: 1e9 })).toMatchObject({ ok: false, error: { field: 'limit' } });
    expect(await t.core.call('measurements.create', { indicatorId: '01900000-0000-7000-8000-000000000000', period: '2026-02-30', value: 1 })).toMatchObject({
      ok: false,
      error: { field: 'period', message: 'This date does not exist' },
    });
    expect(await t.core.callUnknown('nope.nothing', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await t.core.callUnknown({ toString: () => 'x' }, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await t.core.call('departments.create', 'a string')).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(t.ws.db.prepare(`SELECT COUNT(*) FROM change_log`).pluck().get()).toBe(0);
  });

  it('stores hostile strings as plain data', async () => {
    const name = `Robert'); DROP TABLE gaps; -- <script>alert(1)</script> % _ \\`;
    const d = await t.ok('departments.create', { name, code: 'EVIL' });
    expect((await t.ok('departments.get', { id: d.id })).name).toBe(name);
    expect((await t.ok('departments.list', { search: "'); DROP" })).items).toHaveLength(1);
    expect((await t.ok('departments.list', { search: '%' })).items).toHaveLength(1);
    expect((await t.ok('departments.list', { search: '_x' })).items).toHaveLength(0);
    expect(t.ws.db.prepare(`SELECT COUNT(*) FROM gaps`).pluck().get()).toBe(0);
  });
});

describe('deletes take what hangs on them', () => {
  it('removes the flows of a deleted step, process and department', async () => {
    const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
    const p = await t.ok('processes.create', { departmentId: d.id, name: 'P2P' });
    const [a, b, c] = [
      await t.ok('steps.create', { processId: p.id, name: 'A' }),
      await t.ok('steps.create', { processId: p.id, name: 'B' }),
      await t.ok('steps.create', { processId: p.id, name: 'C' }),
    ];
    await t.ok('flows.create', { fromStepId: a.id, toStepId: b.id });
    await t.ok('flows.create', { fromStepId: b.id, toStepId: c.id });
    await t.ok('flows.create', { fromStepId: a.id, toStepId: c.id });
    const live = () => t.ws.db.prepare(`SELECT COUNT(*) FROM step_flows WHERE deleted_at IS NULL`).pluck().get();
    await t.ok('steps.delete', { id: b.id });
    expect(live()).toBe(1);
    await t.ok('processes.delete', { id: p.id });
    expect(live()).toBe(0);
    const p2 = await t.ok('processes.create', { departmentId: d.id, name: 'O2C' });
    const x = await t.ok('steps.create', { processId: p2.id, name: 'X' });
    const y = await t.ok('steps.create', { processId: p2.id, name: 'Y' });
    await t.ok('flows.create', { fromStepId: x.id, toStepId: y.id });
    await t.ok('departments.delete', { id: d.id });
    expect(live()).toBe(0);
    expect((await t.ok('workspace.info', {})).counts).toMatchObject({ step_flows: 0, steps: 0 });
  });
});

describe('deleting a department', () => {
  it('leaves no live row of any kind behind', async () => {
    const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
    await t.ok('templates.apply', { template: 'finance', departmentId: d.id });
    const p = (await t.ok('processes.list', { departmentId: d.id })).items[0]!;
    await t.ok('savedViews.create', { name: 'Costly', departmentId: d.id, filters: { processId: p.id } });
    await t.ok('vocabulary.add', { departmentId: d.id, kind: 'platform', label: 'Workplace' });
    const before = (await t.ok('workspace.info', {})).counts;
    expect(before.saved_views).toBe(1);
    expect(before.steps).toBeGreaterThan(0);
    await t.ok('departments.delete', { id: d.id });
    const after = (await t.ok('workspace.info', {})).counts;
    for (const [entity, n] of Object.entries(after)) expect([entity, n]).toEqual([entity, 0]);
  });
});

describe('benefit models follow what they value', () => {
  it('go with a deleted intervention, and lose their citation of a deleted indicator, so the export stays loadable', async () => {
    const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN', loadedHourlyRateCents: 6000 });
    const i = await t.ok('interventions.create', { departmentId: d.id, title: 'Q&A', kind: 'qa_forum', startDate: '2026-01-05' });
    const keep = await t.ok('interventions.create', { departmentId: d.id, title: 'Wiki', kind: 'shared_workspace', startDate: '2026-01-05' });
    const ind = await t.ok('indicators.create', { departmentId: d.id, name: 'DSO', unit: 'days', direction: 'lower' });
    await t.ok('benefitModels.create', { interventionId: i.id, kind: 'cost_avoided', amountCents: 50000 });
    const cited = await t.ok('benefitModels.create', { interventionId: keep.id, kind: 'cost_avoided', amountCents: 20000, indicatorId: ind.id });
    await t.ok('interventions.delete', { id: i.id });
    expect(t.ws.db.prepare(`SELECT COUNT(*) FROM benefit_models WHERE intervention_id = ? AND deleted_at IS NULL`).pluck().get(i.id)).toBe(0);
    await t.ok('indicators.delete', { id: ind.id });
    const left = await t.ok('benefitModels.list', { interventionId: keep.id });
    expect(left.map((m) => [m.id, m.indicatorId])).toEqual([[cited.id, null]]);
  });
});
