import { afterEach, describe, expect, it } from 'vitest';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

// Benefit models and ROI through the API, against examples worked out by hand (cents throughout).

let t: TestWorkspace;
afterEach(() => t?.cleanup());

async function department(rate: number | null = 6500) {
  t = openTestWorkspace();
  return t.ok('departments.create', { name: 'Finance', code: 'FIN', ...(rate === null ? {} : { loadedHourlyRateCents: rate }) });
}

describe('roi.intervention', () => {
  it('time released and cost avoided against one-off and recurring costs, with payback', async () => {
    const d = await department(6500);
    const itv = await t.ok('interventions.create', {
      departmentId: d.id, title: 'AP community', kind: 'community_of_practice',
      startDate: '2025-01-01', oneOffCostCents: 500_000, recurringCostCents: 100_000,
    });
    // 20 h/month × 65.00 (the department's rate) × 80% = 104,000 per month, soft by default.
    const time = await t.ok('benefitModels.create', { interventionId: itv.id, kind: 'time_released', hoursPerMonth: 20, realisationPct: 80 });
    expect(time).toMatchObject({ classification: 'soft', hourlyRateCents: null });
    // 1,500.00 of late-payment fees avoided per month, hard by default.
    await t.ok('benefitModels.create', { interventionId: itv.id, kind: 'cost_avoided', amountCents: 150_000 });

    const r = await t.ok('roi.intervention', { interventionId: itv.id, from: '2025-01-01', to: '2025-06-30' });
    // Six months: cost 500,000 + 6 × 100,000 = 1,100,000; hard 6 × 150,000 = 900,000;
    // soft 6 × 104,000 = 624,000; total 1,524,000.
    expect(r.costCents).toBe(1_100_000);
    expect(r.oneOffCostCents).toBe(500_000);
    expect(r.recurringCostCents).toBe(600_000);
    expect(r.benefit).toEqual({ hardCents: 900_000, softCents: 624_000, totalCents: 1_524_000 });
    // ROI = (1,524,000 − 1,100,000) ÷ 1,100,000 = 38.5454…%; hard only: −200,000 ÷ 1,100,000 = −18.18…%.
    expect(r.roiPct.total).toBeCloseTo(38.545454545, 6);
    expect(r.roiPct.hard).toBeCloseTo(-18.181818182, 6);
    // Cumulative benefit vs cost: Jan 254,000/600,000, Feb 508,000/700,000, Mar 762,000/800,000,
    // Apr 1,016,000/900,000 → pays back in month 4. Hard alone (150,000 a month) never catches up.
    expect(r.paybackMonths).toEqual({ total: 4, hard: null });
    expect(r.months.map((m) => [m.month, m.cumulativeBenefitCents, m.cumulativeCostCents])).toEqual([
      ['2025-01', 254_000, 600_000],
      ['2025-02', 508_000, 700_000],
      ['2025-03', 762_000, 800_000],
      ['2025-04', 1_016_000, 900_000],
      ['2025-05', 1_270_000, 1_000_000],
      ['2025-06', 1_524_000, 1_100_000],
    ]);
    const line = r.models.find((m) => m.kind === 'time_released')!;
    expect(line).toMatchObject({ benefitCents: 624_000, missingRate: false });
    expect(line.formula).toBe('20 h/month × 65.00 EUR/h × 80% × 6 months');
  });

  it('prorates part months, counts cash released once or as financing saved, and custom amounts per year', async () => {
    const d = await department();
    // Runs 16 January → 15 March at 3,100.00 a month: 16/31 × 310,000 = 160,000, then 310,000,
    // then 15/31 × 310,000 = 150,000 → 620,000.
    const itv = await t.ok('interventions.create', {
      departmentId: d.id, title: 'DSO war room', kind: 'shared_workspace',
      startDate: '2025-01-16', endDate: '2025-03-15', recurringCostCents: 310_000,
    });
    // DSO 5 days better on 3,650,000.00 of revenue: 365,000,000 ÷ 365 × 5 = 5,000,000 cash, once (January).
    await t.ok('benefitModels.create', { interventionId: itv.id, kind: 'cash_released', annualRevenueCents: 365_000_000, daysImproved: 5 });
    // The same cash financed at 6%: 5,000,000 × 6% ÷ 12 = 25,000 a month from 16 January, no end:
    // 16/31 × 25,000 + 11 × 25,000 = 287,903.23.
    await t.ok('benefitModels.create', { interventionId: itv.id, kind: 'cash_released', annualRevenueCents: 365_000_000, daysImproved: 5, financingRatePct: 6 });
    // 500.00 avoided once, on 10 February.
    await t.ok('benefitModels.create', { interventionId: itv.id, kind: 'cost_avoided', amountCents: 50_000, amountPer: 'one_off', startDate: '2025-02-10' });
    // 12,000.00 a year, soft, July to September only: 3 × 100,000 = 300,000.
    await t.ok('benefitModels.create', {
      interventionId: itv.id, kind: 'custom', label: 'Supplier goodwill', amountCents: 1_200_000, amountPer: 'year',
      startDate: '2025-07-01', endDate: '2025-09-30',
    });
    const r = await t.ok('roi.intervention', { interventionId: itv.id, from: '2025-01-01', to: '2025-12-31' });
    expect(r.costCents).toBe(620_000);
    expect(r.months.slice(0, 4).map((m) => m.costCents)).toEqual([160_000, 310_000, 150_000, 0]);
    // hard = 5,000,000 + 287,903.23 + 50,000 = 5,337,903.23 → 5,337,903; soft 300,000.
    expect(r.benefit).toEqual({ hardCents: 5_337_903, softCents: 300_000, totalCents: 5_637_903 });
    expect(r.models.map((m) => m.benefitCents)).toEqual([5_000_000, 287_903, 50_000, 300_000]);
    expect(r.roiPct.total).toBeCloseTo(((5_637_903 - 620_000) / 620_000) * 100, 9);
    expect(r.roiPct.hard).toBeCloseTo(((5_337_903 - 620_000) / 620_000) * 100, 9);
    expect(r.paybackMonths).toEqual({ total: 1, hard: 1 });
    expect(r.months[7]).toMatchObject({ month: '2025-08', benefitSoftCents: 100_000, benefitHardCents: 25_000 });
    expect(r.models[1]!.formula).toBe('3650000.00 EUR ÷ 365 × 5 days × 6%/year ÷ 12 × 11.52 months');
  });

  it('has no ROI without cost, no start date → a field error, and a missing rate is said', async () => {
    const d = await department(null);
    const itv = await t.ok('interventions.create', { departmentId: d.id, title: 'Mentoring', kind: 'mentoring', startDate: '2025-01-01' });
    await t.ok('benefitModels.create', { interventionId: itv.id, kind: 'time_released', hoursPerMonth: 10 });
    const r = await t.ok('roi.intervention', { interventionId: itv.id, from: '2025-01-01', to: '2025-03-31' });
    expect(r).toMatchObject({ costCents: 0, roiPct: { hard: null, total: null }, paybackMonths: { hard: null, total: null } });
    expect(r.models[0]).toMatchObject({ benefitCents: 0, missingRate: true });
    const idea = await t.ok('interventions.create', { departmentId: d.id, title: 'Later', kind: 'mentoring' });
    expect(await t.core.call('roi.intervention', { interventionId: idea.id, from: '2025-01-01', to: '2025-03-31' })).toMatchObject({
      ok: false, error: { code: 'validation', field: 'interventionId' },
    });
    expect(await t.core.call('roi.intervention', { interventionId: itv.id, from: '2025-03-01', to: '2025-01-31' })).toMatchObject({
      ok: false, error: { field: 'to' },
    });
  });
});

describe('roi.department', () => {
  it('totals per currency, hard and soft apart, and lists the interventions left out', async () => {
    const d = await department(6500);
    const a = await t.ok('interventions.create', { departmentId: d.id, title: 'A', kind: 'qa_forum', startDate: '2025-01-01', oneOffCostCents: 100_000 });
    await t.ok('benefitModels.create', { interventionId: a.id, kind: 'cost_avoided', amountCents: 30_000, classification: 'hard' });
    const b = await t.ok('interventions.create', { departmentId: d.id, title: 'B', kind: 'qa_forum', startDate: '2025-02-01', recurringCostCents: 10_000 });
    await t.ok('benefitModels.create', { interventionId: b.id, kind: 'time_released', hoursPerMonth: 2, hourlyRateCents: 5_000 });
    await t.ok('interventions.create', { departmentId: d.id, title: 'C', kind: 'qa_forum', startDate: '2025-03-01', oneOffCostCents: 70_000, currency: 'USD' });
    const idea = await t.ok('interventions.create', { departmentId: d.id, title: 'D', kind: 'qa_forum' });
    const r = await t.ok('roi.department', { departmentId: d.id, from: '2025-01-01', to: '2025-03-31' });
    expect(r.interventions.map((i) => i.title)).toEqual(['A', 'B', 'C']);
    expect(r.skipped).toEqual([{ interventionId: idea.id, title: 'D', reason: 'no_start_date' }]);
    // EUR: A costs 100,000 and avoids 3 × 30,000 = 90,000 (hard); B costs 2 × 10,000 = 20,000 and
    // releases 2 × (2 h × 50.00) = 20,000 (soft). Hard 90,000, soft 20,000, cost 120,000.
    // Months: Jan 30,000/100,000, Feb 70,000/110,000, Mar 110,000/120,000 → no payback yet.
    expect(r.totals).toEqual([
      {
        currency: 'EUR',
        benefit: { hardCents: 90_000, softCents: 20_000, totalCents: 110_000 },
        costCents: 120_000,
        oneOffCostCents: 100_000,
        recurringCostCents: 20_000,
        roiPct: { hard: ((90_000 - 120_000) / 120_000) * 100, total: ((110_000 - 120_000) / 120_000) * 100 },
        paybackMonths: { hard: null, total: null },
      },
      {
        currency: 'USD',
        benefit: { hardCents: 0, softCents: 0, totalCents: 0 },
        costCents: 70_000,
        oneOffCostCents: 70_000,
        recurringCostCents: 0,
        roiPct: { hard: -100, total: -100 },
        paybackMonths: { hard: null, total: null },
      },
    ]);
  });
});

describe('benefitModels', () => {
  it('refuses what a kind lacks, dates in the wrong order, another department’s indicator; checks updates merged', async () => {
    const d = await department();
    const other = await t.ok('departments.create', { name: 'HR', code: 'HR' });
    const foreign = await t.ok('indicators.create', { departmentId: other.id, name: 'Time to fill', direction: 'lower' });
    const itv = await t.ok('interventions.create', { departmentId: d.id, title: 'X', kind: 'qa_forum', startDate: '2025-01-01' });
    const bad = (input: Record<string, unknown>) => t.core.call('benefitModels.create', { interventionId: itv.id, ...input });
    expect(await bad({ kind: 'time_released' })).toMatchObject({ ok: false, error: { code: 'validation', field: 'hoursPerMonth' } });
    expect(await bad({ kind: 'cash_released', annualRevenueCents: 100 })).toMatchObject({ ok: false, error: { field: 'daysImproved' } });
    expect(await bad({ kind: 'custom', amountCents: 100, startDate: '2025-05-01', endDate: '2025-04-01' })).toMatchObject({ ok: false, error: { field: 'endDate' } });
    expect(await bad({ kind: 'custom', amountCents: 10.5 })).toMatchObject({ ok: false, error: { field: 'amountCents' } });
    expect(await bad({ kind: 'custom', amountCents: 100, indicatorId: foreign.id })).toMatchObject({ ok: false, error: { field: 'indicatorId' } });
    expect(t.ws.db.prepare('SELECT COUNT(*) FROM benefit_models').pluck().get()).toBe(0);

    const m = await t.ok('benefitModels.create', { interventionId: itv.id, kind: 'custom', amountCents: 100 });
    expect(m).toMatchObject({ amountPer: 'month', classification: 'soft' });
    expect(await t.core.call('benefitModels.update', { id: m.id, amountCents: null })).toMatchObject({ ok: false, error: { field: 'amountCents' } });
    expect(await t.core.call('benefitModels.update', { id: m.id, kind: 'time_released' })).toMatchObject({ ok: false, error: { field: 'hoursPerMonth' } });
    const up = await t.ok('benefitModels.update', { id: m.id, kind: 'time_released', hoursPerMonth: 4, classification: 'hard' });
    expect(up).toMatchObject({ kind: 'time_released', hoursPerMonth: 4, classification: 'hard' });
    expect(await t.ok('benefitModels.list', { interventionId: itv.id })).toHaveLength(1);
    await t.ok('benefitModels.delete', { id: m.id });
    expect(await t.ok('benefitModels.list', { interventionId: itv.id })).toHaveLength(0);
    // Every change went through the write path.
    expect(t.ws.db.prepare(`SELECT COUNT(*) FROM change_log WHERE entity = 'benefit_models'`).pluck().get()).toBeGreaterThan(3);
  });
});
