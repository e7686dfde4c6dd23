import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatMessage } from '../../src-shared/messages';
import { methodSentences } from '../../src-shared/messages/method';
import type { RoiMonth } from '../../src-shared/roi/results';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

// The rules around the ROI arithmetic: one currency per department, totals that add up to the cent
// across interventions and months, amounts that cannot be exact refused, fractional cents said so,
// and the benefit models' own rules.

let t: TestWorkspace;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-01-20T09:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
  t?.cleanup();
});

async function department(rate = 6500) {
  t = openTestWorkspace();
  return t.ok('departments.create', { name: 'Finance', code: 'FIN', loadedHourlyRateCents: rate, currency: 'EUR' });
}

const sum = (months: RoiMonth[], k: keyof RoiMonth) => months.reduce((s, m) => s + (m[k] as number), 0);

describe('one currency per department', () => {
  it('refuses an intervention in another currency without a rate, converts at the rate entered', async () => {
    const d = await department();
    const refused = await t.core.call('interventions.create', { departmentId: d.id, title: 'US forum', kind: 'qa_forum', currency: 'USD', startDate: '2025-01-01' });
    expect(refused).toMatchObject({ ok: false, error: { field: 'fxRate', key: 'intervention.currency_needs_rate', params: { currency: 'USD', department: 'EUR' } } });
    if (refused.ok) throw new Error('refused');
    expect(refused.error.message).toBe('The department works in EUR: an intervention priced in USD needs the rate to convert it (1 USD = ? EUR)');
    expect(formatMessage('intervention.currency_needs_rate', refused.error.params, 'fr')).toBe(
      'La direction travaille en EUR\u00a0: une intervention chiffrée en USD a besoin du taux de conversion (1 USD =\u00a0? EUR)',
    );

    const usd = await t.ok('interventions.create', {
      departmentId: d.id, title: 'US forum', kind: 'qa_forum', currency: 'USD', fxRate: 0.92, startDate: '2025-01-01', endDate: '2025-11-01',
      oneOffCostCents: 100_000, recurringCostCents: 10_000,
    });
    expect(usd).toMatchObject({ currency: 'USD', fxRate: 0.92 });
    // 10 h at the department's EUR rate: the benefit is valued in EUR, never mixed with dollars.
    await t.ok('benefitModels.create', { interventionId: usd.id, kind: 'time_released', hoursPerMonth: 10, classification: 'hard' });
    const r = await t.ok('roi.intervention', { interventionId: usd.id, from: '2025-01-01', to: '2025-12-31' });
    // Costs: 100,000 USD × 0.92 = 92,000 EUR (spread over its 10-month life, all inside the window);
    // 10 months × 10,000 USD × 0.92 = 92,000 EUR. Benefit 10 h × 65.00 × 10 months = 6,500.00 EUR.
    expect(r).toMatchObject({ currency: 'EUR', interventionCurrency: 'USD', fxRate: 0.92, oneOffCostCents: 92_000, recurringCostCents: 92_000 });
    expect(r.benefit.hardCents).toBe(650_000);
    expect(methodSentences(r.method, 'en')).toContain('Priced in USD, converted to EUR at 1 USD = 0.92 EUR, the rate entered on the intervention.');

    // Back to the department's currency: the rate goes.
    expect(await t.ok('interventions.update', { id: usd.id, currency: 'EUR' })).toMatchObject({ currency: 'EUR', fxRate: null });
    // The department changes currency: interventions without a rate are refused, and left out of the department's sums.
    await t.ok('departments.update', { id: d.id, currency: 'GBP' });
    expect(await t.core.call('roi.intervention', { interventionId: usd.id })).toMatchObject({ ok: false, error: { key: 'roi.currency_without_rate', field: 'interventionId' } });
    const dep = await t.ok('roi.department', { departmentId: d.id });
    expect(dep.skipped).toEqual([{ interventionId: usd.id, title: 'US forum', reason: 'currency_without_rate', currency: 'EUR' }]);
    expect(dep.currency).toBe('GBP');
  });
});

describe('to the cent', () => {
  it('department totals are the sums of its interventions, and its months add up to them', async () => {
    const d = await department(6543);
    const specs = [
      { title: 'A', startDate: '2025-01-10', endDate: '2025-11-20', oneOffCostCents: 123_457, recurringCostCents: 100_001, hours: 7.3, real: 87 },
      { title: 'B', startDate: '2025-02-03', endDate: null, oneOffCostCents: 99_999, recurringCostCents: 33_333, hours: 2.9, real: 61 },
      { title: 'C', startDate: '2025-03-17', endDate: '2025-08-09', oneOffCostCents: 7, recurringCostCents: 1, hours: 0.33, real: 33 },
    ];
    for (const s of specs) {
      const itv = await t.ok('interventions.create', {
        departmentId: d.id, title: s.title, kind: 'qa_forum', startDate: s.startDate, endDate: s.endDate, oneOffCostCents: s.oneOffCostCents, recurringCostCents: s.recurringCostCents,
      });
      await t.ok('benefitModels.create', { interventionId: itv.id, kind: 'time_released', hoursPerMonth: s.hours, realisationPct: s.real });
      await t.ok('benefitModels.create', { interventionId: itv.id, kind: 'cost_avoided', amountCents: 77_777, amountPer: 'quarter' });
      await t.ok('benefitModels.create', { interventionId: itv.id, kind: 'cash_released', annualRevenueCents: 123_456_789, daysImproved: 1.7, financingRatePct: 4.25 });
      const r = await t.ok('roi.intervention', { interventionId: itv.id, from: '2025-01-01', to: '2025-12-31' });
      for (const k of ['benefitHardCents', 'benefitSoftCents', 'cashReleasedCents', 'oneOffCostCents', 'recurringCostCents', 'costCents'] as const) {
        const field = { benefitHardCents: r.benefit.hardCents, benefitSoftCents: r.benefit.softCents, cashReleasedCents: r.cashReleasedCents, oneOffCostCents: r.oneOffCostCents, recurringCostCents: r.recurringCostCents, costCents: r.costCents }[k];
        expect(sum(r.months, k), `${s.title} ${k}`).toBe(field);
      }
      expect(r.models.filter((m) => m.classification === 'hard').reduce((a, m) => a + m.benefitCents, 0)).toBe(r.benefit.hardCents);
      expect(r.models.reduce((a, m) => a + m.cashCents, 0)).toBe(r.cashReleasedCents);
    }
    const dep = await t.ok('roi.department', { departmentId: d.id, from: '2025-01-01', to: '2025-12-31' });
    const across = (f: (i: (typeof dep.interventions)[number]) => number) => dep.interventions.reduce((a, i) => a + f(i), 0);
    expect(dep.total.benefit.hardCents).toBe(across((i) => i.benefit.hardCents));
    expect(dep.total.benefit.softCents).toBe(across((i) => i.benefit.softCents));
    expect(dep.total.costCents).toBe(across((i) => i.costCents));
    expect(dep.total.cashReleasedCents).toBe(across((i) => i.cashReleasedCents));
    expect(dep.lifetime.costCents).toBe(across((i) => i.lifetime.costCents));
    expect(sum(dep.months, 'benefitHardCents')).toBe(dep.total.benefit.hardCents);
    expect(sum(dep.months, 'costCents')).toBe(dep.total.costCents);
    expect(dep.months.at(-1)!.cumulativeCostCents).toBe(dep.total.costCents);
    expect(dep.interventions.map((i) => i.title)).toEqual(['A', 'B', 'C']);
    expect(methodSentences(dep.method, 'en')[1]).toBe('The sum of 3 interventions, each in EUR: the rows add up to the totals to the cent.');
  });

  it('refuses amounts that cannot be exact and says when an amount has a fraction of a cent', async () => {
    const d = await department();
    const itv = await t.ok('interventions.create', { departmentId: d.id, title: 'Huge', kind: 'qa_forum', startDate: '2025-01-01' });
    // 10,000,000,000,000.00 of revenue × 3,650 days ÷ 365 = 10^16 cents of cash: past 2^43 cents.
    await t.ok('benefitModels.create', { interventionId: itv.id, kind: 'cash_released', annualRevenueCents: 1e15, daysImproved: 3650, financingRatePct: 5 });
    const r = await t.core.call('roi.intervention', { interventionId: itv.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', key: 'roi.not_exact' } });
    if (r.ok) throw new Error('refused');
    expect(r.error.message).toBe(
      'The amounts of "Huge" go beyond €87,960,930,222.08: past that, day-by-day sums can no longer be exact to the cent. Check its costs and benefit models',
    );
    const dep = await t.core.call('roi.department', { departmentId: d.id });
    expect(dep).toMatchObject({ ok: false, error: { key: 'roi.not_exact' } });

    const frac = await t.core.call('benefitModels.create', { interventionId: itv.id, kind: 'custom', amountCents: 12.5 });
    expect(frac).toMatchObject({ ok: false, error: { field: 'amountCents', key: 'common.fractional_cents', params: { value: 12.5 } } });
    if (frac.ok) throw new Error('refused');
    expect(frac.error.message).toBe('Amounts are whole cents: 12.5 cents has a fraction of a cent (at most 2 decimals in the currency)');
    expect(formatMessage('common.fractional_cents', frac.error.params, 'fr')).toBe(
      'Les montants sont en centimes entiers\u00a0: 12,5 centimes comporte une fraction de centime (2 décimales au plus dans la devise)',
    );
    const cost = await t.core.call('interventions.create', { departmentId: d.id, title: 'X', kind: 'qa_forum', oneOffCostCents: 0.5 });
    expect(cost).toMatchObject({ ok: false, error: { field: 'oneOffCostCents', key: 'common.fractional_cents' } });
    expect(await t.core.call('interventions.create', { departmentId: d.id, title: 'X', kind: 'qa_forum', oneOffCostCents: 2 ** 53 + 2 })).toMatchObject({
      ok: false, error: { field: 'oneOffCostCents', key: 'common.amount_too_large' },
    });
    // A fractional integer field elsewhere is not "Required" either.
    const p = await t.ok('processes.create', { departmentId: d.id, name: 'P2P' });
    const sev = await t.core.call('gaps.create', { processId: p.id, title: 'Gap', type: 'coordination', severity: 2.5 });
    expect(sev).toMatchObject({ ok: false, error: { field: 'severity' } });
    if (sev.ok) throw new Error('refused');
    expect(sev.error.message).not.toBe('Required');
    expect(t.ws.db.prepare(`SELECT COUNT(*) FROM interventions`).pluck().get()).toBe(1);
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
    expect(await bad({ kind: 'cash_released', annualRevenueCents: 100, daysImproved: 3 })).toMatchObject({ ok: false, error: { field: 'financingRatePct' } });
    expect(await bad({ kind: 'custom', amountCents: 100, startDate: '2025-05-01', endDate: '2025-05-01' })).toMatchObject({ ok: false, error: { field: 'endDate', key: 'benefit.end_not_after_start' } });
    expect(await bad({ kind: 'custom', amountCents: 10.5 })).toMatchObject({ ok: false, error: { field: 'amountCents' } });
    expect(await bad({ kind: 'custom', amountCents: 100, lastsMonthsAfterEnd: 1.5 })).toMatchObject({ ok: false, error: { field: 'lastsMonthsAfterEnd' } });
    expect(await bad({ kind: 'custom', amountCents: 100, indicatorId: foreign.id })).toMatchObject({ ok: false, error: { field: 'indicatorId' } });
    expect(t.ws.db.prepare('SELECT COUNT(*) FROM benefit_models').pluck().get()).toBe(0);

    const m = await t.ok('benefitModels.create', { interventionId: itv.id, kind: 'custom', amountCents: 100 });
    expect(m).toMatchObject({ amountPer: 'month', classification: 'soft', lastsMonthsAfterEnd: null, derivedFrom: null });
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
