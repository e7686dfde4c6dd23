import { afterEach, describe, expect, it } from 'vitest';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

let t: TestWorkspace;
afterEach(() => t?.cleanup());

describe('smoke', () => {
  it('creates a department, process, step and gap', async () => {
    t = openTestWorkspace();
    const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN', loadedHourlyRateCents: 6500 });
    const p = await t.ok('processes.create', { departmentId: d.id, name: 'Procure-to-pay' });
    const s = await t.ok('steps.create', { processId: p.id, name: 'Receive invoice', lane: 'AP clerk' });
    const g = await t.ok('gaps.create', { processId: p.id, stepId: s.id, title: 'Missing PO', type: 'information', frequencyPerMonth: 40, hoursLostPerOccurrence: 0.5 });
    expect(g.monthlyCostCents).toBe(130000);
    const bad = await t.core.call('gaps.create', { processId: p.id, title: 'x', type: 'information', severity: 9 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', field: 'severity' } });
  });
});
