import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { methodSentences } from '../../src-shared/messages/method';
import type { InterventionRoi, RoiMonth } from '../../src-shared/roi/results';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

// ROI through the API against examples worked out by hand, to the cent: hard ROI as the headline,
// the one-off cost spread over the intervention's life for a period, whole for the lifetime, day
// counts that stop the day before the end, and months that add up to the totals.

let t: TestWorkspace;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2025-07-15T09:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
  t?.cleanup();
});

async function department(rate: number | null = 6500) {
  t = openTestWorkspace();
  return t.ok('departments.create', { name: 'Finance', code: 'FIN', ...(rate === null ? {} : { loadedHourlyRateCents: rate }) });
}

const total = (months: RoiMonth[], k: keyof RoiMonth) => months.reduce((s, m) => s + (m[k] as number), 0);

/** Every column of the months adds up to its total; the model lines add up to hard and soft. */
function expectAddsUp(r: InterventionRoi) {
  expect(total(r.months, 'benefitHardCents')).toBe(r.benefit.hardCents);
  expect(total(r.months, 'benefitSoftCents')).toBe(r.benefit.softCents);
  expect(total(r.months, 'cashReleasedCents')).toBe(r.cashReleasedCents);
  expect(total(r.months, 'oneOffCostCents')).toBe(r.oneOffCostCents);
  expect(total(r.months, 'recurringCostCents')).toBe(r.recurringCostCents);
  expect(total(r.months, 'costCents')).toBe(r.costCents);
  const lines = (c: 'hard' | 'soft') => r.models.filter((m) => m.classification === c).reduce((s, m) => s + m.benefitCents, 0);
  expect(lines('hard')).toBe(r.benefit.hardCents);
  expect(lines('soft')).toBe(r.benefit.softCents);
}

describe('roi.intervention', () => {
  it('hard ROI as the headline, the one-off spread over 36 months for the period and whole for the lifetime', async () => {
    const d = await department(6500);
    const itv = await t.ok('interventions.create', {
      departmentId: d.id, title: 'AP community', kind: 'community_of_practice',
      startDate: '2025-01-01', oneOffCostCents: 500_000, recurringCostCents: 100_000,
    });
    // 20 h/month × 65.00 (the department's rate) × 80% = 104,000 a month, soft by default.
    const time = await t.ok('benefitModels.create', { interventionId: itv.id, kind: 'time_released', hoursPerMonth: 20, realisationPct: 80 });
    expect(time).toMatchObject({ classification: 'soft', hourlyRateCents: null, derivedFrom: null });
    // 1,500.00 of late-payment fees avoided a month, hard by default.
    await t.ok('benefitModels.create', { interventionId: itv.id, kind: 'cost_avoided', amountCents: 150_000 });

    const r = await t.ok('roi.intervention', { interventionId: itv.id, from: '2025-01-01', to: '2025-06-30' });
    // No end date: the one-off is spread over 36 months, 2025-01-01 → 2027-12-31 = 1,095 days; the
    // window holds 181 of them: 500,000 × 181 ÷ 1,095 = 82,648.40 → 82,648.
    expect(r.oneOffSpread).toEqual({ rule: 'default_life', from: '2025-01-01', to: '2027-12-31', days: 1095, totalCents: 500_000, inWindowCents: 82_648 });
    expect(r.oneOffCostCents).toBe(82_648);
    expect(r.recurringCostCents).toBe(600_000);
    expect(r.costCents).toBe(682_648);
    expect(r.benefit).toEqual({ hardCents: 900_000, softCents: 624_000 });
    expect(r.cashReleasedCents).toBe(0);
    // Headline: (900,000 − 682,648) ÷ 682,648 = 31.839…%; with soft: (1,524,000 − 682,648) ÷ 682,648.
    expect(r.roiPct.hard).toBeCloseTo(((900_000 - 682_648) / 682_648) * 100, 9);
    expect(r.roiPct.withSoft).toBeCloseTo(((1_524_000 - 682_648) / 682_648) * 100, 9);
    expect(r.noCost).toBe(false);
    // The spread by month: 31, 28, 31, 30, 31, 30 days of 1,095, rounded on the running total.
    expect(r.months.map((m) => m.oneOffCostCents)).toEqual([14_155, 12_786, 14_155, 13_699, 14_155, 13_698]);
    expectAddsUp(r);

    // Lifetime: 1 January → 30 June (today is 15 July: June is the last complete month), the one-off
    // whole at the start: cost 500,000 + 6 × 100,000 = 1,100,000; hard ROI −18.18…%.
    expect(r.lifetime).toMatchObject({ from: '2025-01-01', to: '2025-06-30', started: true, costCents: 1_100_000, oneOffCostCents: 500_000 });
    expect(r.lifetime.roiPct.hard).toBeCloseTo(((900_000 - 1_100_000) / 1_100_000) * 100, 9);
    // Cumulative hard + soft 254,000 a month against 600k, 700k, 800k, 900k: pays back in month 4;
    // hard alone (150,000 a month) never catches up.
    expect(r.lifetime.paybackMonths).toEqual({ hard: null, withSoft: 4 });

    const line = r.models.find((m) => m.kind === 'time_released')!;
    expect(line).toMatchObject({ benefitCents: 624_000, missing: null, life: { from: '2025-01-01', until: null } });
    expect(line.formula).toEqual({ key: 'roi.formula.time_released', params: { hours: 20, rate: 'EUR 6500', realisation: 80 } });
    const en = methodSentences(r.method, 'en');
    const fr = methodSentences(r.method, 'fr');
    expect(en[0]).toBe('Period 2025-01-01 to 2025-06-30 (both included): 6 calendar months counted.');
    expect(fr[0]).toBe('Période du 01/01/2025 au 30/06/2025 (inclus)\u00a0: 6 mois calendaires comptés.');
    expect(en).toContain(
      'The one-off cost (€5,000.00) is spread evenly over 36 months from the start, as the intervention has no end date (2025-01-01 to 2027-12-31, 1095 days): €826.48 falls in the period. The lifetime ROI counts it whole, at the start.',
    );
    expect(fr.some((s) => s.startsWith('Le coût ponctuel (5\u202f000,00\u00a0€) est étalé uniformément sur 36 mois'))).toBe(true);
    expect(r.method).toMatchObject({ window: { from: '2025-01-01', to: '2025-06-30' }, used: { count: 6, unit: 'months' } });
  });

  it('counts days up to the day before the end: six months at 150.00 are 900.00, not 904.84', async () => {
    const d = await department();
    const itv = await t.ok('interventions.create', {
      departmentId: d.id, title: 'Supplier status page', kind: 'shared_workspace',
      startDate: '2024-01-01', endDate: '2024-07-01', status: 'done', recurringCostCents: 15_000, oneOffCostCents: 900_000,
    });
    const r = await t.ok('roi.intervention', { interventionId: itv.id, from: '2024-01-01', to: '2024-12-31' });
    expect(r.recurringCostCents).toBe(90_000);
    expect(r.months.slice(5, 7).map((m) => m.recurringCostCents)).toEqual([15_000, 0]);
    // With an end date the one-off is spread over the life (182 days), all inside the window.
    expect(r.oneOffSpread).toMatchObject({ rule: 'intervention_life', from: '2024-01-01', to: '2024-06-30', days: 182, inWindowCents: 900_000 });
    expect(r.lifetime).toMatchObject({ from: '2024-01-01', to: '2024-06-30', costCents: 990_000 });
    expectAddsUp(r);

    // Part months: 16 January → 16 March at 3,100.00 a month: 16/31 × 310,000 = 160,000, then
    // 310,000, then 15/31 × 310,000 = 150,000.
    const war = await t.ok('interventions.create', {
      departmentId: d.id, title: 'DSO war room', kind: 'shared_workspace', startDate: '2025-01-16', endDate: '2025-03-16', recurringCostCents: 310_000,
    });
    const w = await t.ok('roi.intervention', { interventionId: war.id, from: '2025-01-01', to: '2025-06-30' });
    expect(w.months.slice(0, 4).map((m) => m.recurringCostCents)).toEqual([160_000, 310_000, 150_000, 0]);
    expect(w.costCents).toBe(620_000);
    expect(w.months[0]).toMatchObject({ month: '2025-01', fraction: 1, complete: true });
  });

  it('keeps cash released apart as balance sheet, its financing saved as the P&L effect, within the life', async () => {
    const d = await department();
    const itv = await t.ok('interventions.create', {
      departmentId: d.id, title: 'Collections forum', kind: 'qa_forum', status: 'done',
      startDate: '2025-01-16', endDate: '2025-03-16', oneOffCostCents: 100_000,
    });
    // DSO 5 days better on 3,650,000.00 of revenue: 365,000,000 ÷ 365 × 5 = 5,000,000 of cash.
    // Financed at 6%: 5,000,000 × 6% ÷ 12 = 25,000 a month, while the forum runs (no lasting).
    const cashOnly = { interventionId: itv.id, kind: 'cash_released', annualRevenueCents: 365_000_000, daysImproved: 5, financingRatePct: 6 };
    const m1 = await t.ok('benefitModels.create', cashOnly);
    expect(m1.classification).toBe('hard');
    const r = await t.ok('roi.intervention', { interventionId: itv.id, from: '2025-01-01', to: '2025-06-30' });
    expect(r.cashReleasedCents).toBe(5_000_000);
    expect(r.months[0]!.cashReleasedCents).toBe(5_000_000);
    // 16/31 × 25,000 = 12,903.23; 25,000; 15/31 × 25,000 = 12,096.77 → 50,000.00 exactly.
    expect(r.benefit.hardCents).toBe(50_000);
    expect(r.months.slice(0, 4).map((m) => m.benefitHardCents)).toEqual([12_903, 25_000, 12_097, 0]);
    expect(r.models[0]).toMatchObject({ benefitCents: 50_000, cashCents: 5_000_000, life: { from: '2025-01-16', until: '2025-03-16' } });
    // The cash is not in the ROI: (50,000 − 100,000) ÷ 100,000 = −50%.
    expect(r.roiPct.hard).toBeCloseTo(-50, 12);
    expect(methodSentences(r.method, 'en')).toContain(
      'Cash released (€50,000.00) is working capital, on the balance sheet: it is not a benefit. Its P&L effect is the financing it saves (cash × the financing rate), in the hard benefit.',
    );

    // The model says the lower DSO lasts 6 months after the forum ends: financing saved until
    // 16 September: 12,903.23 + 7 × 25,000 + 15/30 × 25,000 = 200,403.23 → 200,403.
    await t.ok('benefitModels.update', { id: m1.id, lastsMonthsAfterEnd: 6 });
    const lasting = await t.ok('roi.intervention', { interventionId: itv.id, from: '2025-01-01', to: '2025-12-31' });
    expect(lasting.benefit.hardCents).toBe(200_403);
    expect(lasting.models[0]!.life).toEqual({ from: '2025-01-16', until: '2025-09-16' });
    // The lifetime runs to the end of its last benefit but not past June, the last complete month.
    expect(lasting.lifetime).toMatchObject({ from: '2025-01-16', to: '2025-06-30' });
    expectAddsUp(lasting);

    // A benefit cannot start before its intervention; a cash model needs its financing rate.
    const early = await t.core.call('benefitModels.create', { interventionId: itv.id, kind: 'cost_avoided', amountCents: 100, startDate: '2025-01-01' });
    expect(early).toMatchObject({ ok: false, error: { field: 'startDate', key: 'benefit.before_intervention', params: { start: '2025-01-16' } } });
    const noRate = await t.core.call('benefitModels.create', { ...cashOnly, financingRatePct: undefined });
    expect(noRate).toMatchObject({ ok: false, error: { field: 'financingRatePct' } });
  });

  it('counts nothing after the end unless the model says how long it lasts, nothing before the start', async () => {
    const d = await department();
    const itv = await t.ok('interventions.create', {
      departmentId: d.id, title: 'Idea challenge', kind: 'idea_challenge', status: 'done', startDate: '2025-01-01', endDate: '2025-04-01', oneOffCostCents: 300_000,
    });
    // 12,000.00 a year, soft, from July: the challenge ended in April, so nothing counts…
    const goodwill = await t.ok('benefitModels.create', {
      interventionId: itv.id, kind: 'custom', label: 'Supplier goodwill', amountCents: 1_200_000, amountPer: 'year', startDate: '2025-07-01', endDate: '2025-10-01',
    });
    const none = await t.ok('roi.intervention', { interventionId: itv.id, from: '2025-01-01', to: '2025-12-31' });
    expect(none.benefit.softCents).toBe(0);
    // …until the model says it lasts a year after the end: July → September, 3 × 100,000.
    await t.ok('benefitModels.update', { id: goodwill.id, lastsMonthsAfterEnd: 12 });
    const some = await t.ok('roi.intervention', { interventionId: itv.id, from: '2025-01-01', to: '2025-12-31' });
    expect(some.benefit.softCents).toBe(300_000);
    expect(some.months.slice(6, 10).map((m) => m.benefitSoftCents)).toEqual([100_000, 100_000, 100_000, 0]);
    // A window into the future flags the months not lived yet, and says so.
    expect(some.months.map((m) => m.complete)).toEqual([true, true, true, true, true, true, false, false, false, false, false, false]);
    expect(methodSentences(some.method, 'en')[1]).toBe('6 months have not ended yet: their figures are what the models expect, not what was lived.');
  });

  it('says "no cost" rather than a number, and a missing hourly rate is said', async () => {
    const d = await department(null);
    const itv = await t.ok('interventions.create', { departmentId: d.id, title: 'Mentoring', kind: 'mentoring', startDate: '2025-01-01' });
    await t.ok('benefitModels.create', { interventionId: itv.id, kind: 'time_released', hoursPerMonth: 10 });
    const r = await t.ok('roi.intervention', { interventionId: itv.id, from: '2025-01-01', to: '2025-03-31' });
    expect(r).toMatchObject({ costCents: 0, noCost: true, roiPct: { hard: null, withSoft: null } });
    expect(r.lifetime).toMatchObject({ noCost: true, paybackMonths: { hard: null, withSoft: null } });
    expect(r.models[0]).toMatchObject({ benefitCents: 0, missing: 'hourly_rate' });
    expect(methodSentences(r.method, 'fr')).toContain('Aucun coût\u00a0: un ROI n\'est pas un nombre, aucun n\'est donné.');
    const idea = await t.ok('interventions.create', { departmentId: d.id, title: 'Later', kind: 'mentoring' });
    expect(await t.core.call('roi.intervention', { interventionId: idea.id })).toMatchObject({ ok: false, error: { code: 'validation', field: 'interventionId' } });
    expect(await t.core.call('roi.intervention', { interventionId: itv.id, from: '2025-03-01', to: '2025-01-31' })).toMatchObject({ ok: false, error: { field: 'to' } });
  });

  it('defaults to the 12 last complete months', async () => {
    vi.setSystemTime(new Date('2026-03-10T09:00:00Z'));
    const d = await department();
    const itv = await t.ok('interventions.create', { departmentId: d.id, title: 'Forum', kind: 'qa_forum', startDate: '2025-01-01', recurringCostCents: 1_000 });
    const r = await t.ok('roi.intervention', { interventionId: itv.id });
    expect([r.from, r.to]).toEqual(['2025-03-01', '2026-02-28']);
    expect(r.months).toHaveLength(12);
    expect(r.months.every((m) => m.complete)).toBe(true);
    const dep = await t.ok('roi.department', { departmentId: d.id });
    expect([dep.from, dep.to]).toEqual(['2025-03-01', '2026-02-28']);
  });
});
