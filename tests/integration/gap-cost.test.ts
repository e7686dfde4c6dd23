import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatMessage } from '../../src-shared/messages';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

// A gap's monthly cost follows the indicator that counts its occurrences (the mean of its last 3
// periods, per month), else it is the typed estimate with the day it was made.

let t: TestWorkspace;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-02-10T09:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
  t?.cleanup();
});

describe('gap cost', () => {
  it('follows a linked indicator that counts the occurrences, in the register and its sort, else shows the estimate date', async () => {
    t = openTestWorkspace();
    const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN', loadedHourlyRateCents: 6500 });
    const p = await t.ok('processes.create', { departmentId: d.id, name: 'Procure-to-pay' });
    const gap = await t.ok('gaps.create', { processId: p.id, title: 'Blocked invoices wait for buyers', type: 'coordination', frequencyPerMonth: 120, hoursLostPerOccurrence: 0.5, foundOn: '2025-06-01' });
    const other = await t.ok('gaps.create', { processId: p.id, title: 'Status e-mails', type: 'information', frequencyPerMonth: 300, hoursLostPerOccurrence: 0.25 });
    // Typed: 120 × 0.5 h × 65.00 = 3,900.00 a month, estimated today.
    expect(gap).toMatchObject({ monthlyCostCents: 390_000, frequencyIndicatorId: null, costEstimatedOn: '2026-02-10', costBasis: { source: 'estimate', estimatedOn: '2026-02-10' } });

    const count = await t.ok('indicators.create', { departmentId: d.id, name: 'Invoices blocked', unit: 'invoices', direction: 'lower', frequency: 'weekly' });
    const refused = await t.core.call('gaps.update', { id: gap.id, frequencyIndicatorId: count.id });
    expect(refused).toMatchObject({ ok: false, error: { field: 'frequencyIndicatorId', key: 'gap.frequency_indicator_not_linked' } });
    if (refused.ok) throw new Error('refused');
    expect(formatMessage(refused.error.key as never, refused.error.params, 'fr')).toBe(
      'Liez d\'abord «\u00a0Invoices blocked\u00a0» à cette lacune\u00a0: son coût ne peut suivre qu\'un indicateur qui la mesure',
    );
    await t.ok('links.indicator.add', { indicatorId: count.id, target: 'gap', targetId: gap.id });
    // No value yet: the typed estimate stands.
    expect(await t.ok('gaps.update', { id: gap.id, frequencyIndicatorId: count.id })).toMatchObject({ monthlyCostCents: 390_000, costBasis: { source: 'estimate' } });

    // Weekly counts; the last three are 30, 33 and 36: 33 a week × 365.25 ÷ 7 ÷ 12 = 143.491… a month,
    // × 0.5 h × 65.00 = 4,663.46 a month.
    await t.ok('measurements.upsertMany', {
      indicatorId: count.id,
      values: [['2026-01-05', 20], ['2026-01-12', 30], ['2026-01-19', 33], ['2026-01-26', 36]].map(([period, value]) => ({ period, value })),
    });
    const followed = await t.ok('gaps.get', { id: gap.id });
    expect(followed.monthlyCostCents).toBe(Math.round(((33 * 365.25) / 7 / 12) * 0.5 * 6500));
    expect(followed.monthlyCostCents).toBe(466_346);
    expect(followed.costBasis).toMatchObject({ source: 'indicator', indicatorId: count.id, indicatorName: 'Invoices blocked', points: 3, from: '2026-01-12', to: '2026-01-26' });
    if (followed.costBasis?.source !== 'indicator') throw new Error('follows');
    expect(followed.costBasis.frequencyPerMonth).toBeCloseTo((33 * 365.25) / 7 / 12, 10);
    // The register sorts on the same cost, in SQL: 4,663.46 ranks below 300 × 0.25 h × 65.00 = 4,875.00.
    const sorted = await t.ok('gaps.list', { departmentId: d.id, sortBy: 'cost', sortDir: 'desc' });
    expect(sorted.items.map((g) => [g.title, g.monthlyCostCents])).toEqual([['Status e-mails', 487_500], ['Blocked invoices wait for buyers', 466_346]]);
    await t.ok('measurements.create', { indicatorId: count.id, period: '2026-02-02', value: 60 });
    const more = await t.ok('gaps.list', { departmentId: d.id, sortBy: 'cost', sortDir: 'desc' });
    // 33, 36, 60 → 43 a week: 6,076.96 a month, now first.
    expect(more.items.map((g) => [g.title, g.monthlyCostCents])).toEqual([['Blocked invoices wait for buyers', Math.round(((43 * 365.25) / 7 / 12) * 0.5 * 6500)], ['Status e-mails', 487_500]]);
    const priorities = await t.ok('gaps.priorities', { departmentId: d.id });
    expect(priorities.items[0]!.gap.id).toBe(gap.id);

    // Unlinked, the cost is the estimate again; a new estimate is dated.
    await t.ok('links.indicator.remove', { indicatorId: count.id, target: 'gap', targetId: gap.id });
    expect(await t.ok('gaps.get', { id: gap.id })).toMatchObject({ monthlyCostCents: 390_000, costBasis: { source: 'estimate', estimatedOn: '2026-02-10' } });
    vi.setSystemTime(new Date('2026-03-02T09:00:00Z'));
    expect(await t.ok('gaps.update', { id: other.id, title: 'Supplier status e-mails' })).toMatchObject({ costEstimatedOn: '2026-02-10' });
    expect(await t.ok('gaps.update', { id: other.id, hoursLostPerOccurrence: 0.2 })).toMatchObject({ costEstimatedOn: '2026-03-02', monthlyCostCents: 390_000 });
  });
});
