import { afterEach, describe, expect, it } from 'vitest';
import { formatMessage } from '../../src-shared/messages';
import { methodSentences } from '../../src-shared/messages/method';
import { D } from '../fixtures/impact/datasets';
import { expectClose } from '../helpers/expect-close';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

// Benefits from the data (benefitModels.derive): from a measured impact — only an improvement the
// Impact tab calls one, × what the user says a unit is worth — or from a closed gap's monthly cost;
// the model keeps where it came from.

let t: TestWorkspace;
afterEach(() => t?.cleanup());

const month = (i: number) => `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;

async function setup() {
  t = openTestWorkspace();
  const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN', loadedHourlyRateCents: 7800 });
  const p = await t.ok('processes.create', { departmentId: d.id, name: 'Procure-to-pay' });
  const itv = await t.ok('interventions.create', { departmentId: d.id, title: 'Supplier status page', kind: 'shared_workspace', startDate: month(24), rampUpMonths: 0, oneOffCostCents: 900_000 });
  // Status e-mails a month: 400 − 10 × dataset D, a fall of 22.88 e-mails at the start (R's D × 10).
  const mails = await t.ok('indicators.create', { departmentId: d.id, name: 'Supplier status e-mails', unit: 'e-mails', direction: 'lower' });
  await t.ok('measurements.upsertMany', { indicatorId: mails.id, values: D.map((v, i) => ({ period: month(i), value: Number((400 - 10 * v).toFixed(1)) })) });
  await t.ok('links.indicator.add', { indicatorId: mails.id, target: 'intervention', targetId: itv.id });
  return { d, p, itv, mails };
}

describe('benefitModels.derive', () => {
  it('from a measured impact: the improvement × hours per unit, previewed, saved with where it came from', async () => {
    const { d, itv, mails } = await setup();
    const input = { source: 'impact', interventionId: itv.id, indicatorId: mails.id, as: 'time_released', hoursPerUnit: 0.25, label: 'Status e-mails no longer answered' } as const;
    const preview = await t.ok('benefitModels.derive', { ...input, dryRun: true });
    expect(preview.saved).toBe(false);
    expect(await t.ok('benefitModels.list', { interventionId: itv.id })).toHaveLength(0);
    // Lower is better: the improvement is −effect = 10 × 2.28846 = 22.8846 e-mails a month; × 0.25 h.
    expect(preview.model).toMatchObject({ kind: 'time_released', classification: 'soft', hoursPerMonth: 5.7211, indicatorId: mails.id, label: 'Status e-mails no longer answered' });
    const from = preview.model.derivedFrom;
    if (from?.source !== 'impact') throw new Error('derived from an impact');
    // R (dataset D × 10, mirrored): effect 2.2884586956521691, 95% interval 1.4832876148155656 to 3.0936297764887728.
    expectClose([from.improvement, from.low, from.high], [22.884586956521691, 14.832876148155655, 30.93629776488773], 1e-8);
    expect(from).toMatchObject({ method: 'interrupted_time_series', window: { from: month(0), to: month(35) }, perUnit: { hours: 0.25 }, unit: 'e-mails' });

    const saved = await t.ok('benefitModels.derive', input);
    if (!saved.saved) throw new Error('saved');
    expect(saved.model.derivedFrom).toEqual(preview.model.derivedFrom);
    const roi = await t.ok('roi.intervention', { interventionId: itv.id, from: month(24), to: '2024-12-31' });
    expect(roi.models[0]).toMatchObject({ benefitModelId: saved.model.id, derivedFrom: { source: 'impact', indicatorName: 'Supplier status e-mails' } });
    // 5.7211 h × 78.00 × 12 months = 5,355.95.
    expect(roi.benefit.softCents).toBe(Math.round(5.7211 * 7800 * 12));
    expect(methodSentences(roi.method, 'en').at(-1)).toBe('1 model was derived from measured data: its figures carry the uncertainty of the measured effect shown with it.');
    const dep = await t.ok('roi.department', { departmentId: d.id });
    expect(dep.method.uncertainty!.fr).toBe('1 modèle a été dérivé de données mesurées\u00a0: ses chiffres portent l\'incertitude de l\'effet mesuré affiché avec lui.');
    // Editing the derived figures makes it a typed model again.
    expect((await t.ok('benefitModels.update', { id: saved.model.id, label: 'Renamed' })).derivedFrom).not.toBeNull();
    expect((await t.ok('benefitModels.update', { id: saved.model.id, hoursPerMonth: 6 })).derivedFrom).toBeNull();
  });

  it('refuses what the Impact tab does not call an improvement, an unlinked indicator, days that are not days, a missing worth', async () => {
    const { d, itv, mails } = await setup();
    const base = { source: 'impact', interventionId: itv.id, indicatorId: mails.id } as const;
    expect(await t.core.call('benefitModels.derive', { ...base, as: 'time_released' })).toMatchObject({ ok: false, error: { field: 'hoursPerUnit', key: 'derive.needs.hoursPerUnit' } });
    expect(await t.core.call('benefitModels.derive', { ...base, as: 'cash_released', annualRevenueCents: 1e9, financingRatePct: 5 })).toMatchObject({
      ok: false, error: { field: 'as', key: 'derive.not_days' },
    });
    await t.ok('indicators.update', { id: mails.id, direction: 'higher' });
    const worse = await t.core.call('benefitModels.derive', { ...base, as: 'cost_avoided', amountPerUnitCents: 500 });
    expect(worse).toMatchObject({ ok: false, error: { field: 'indicatorId', key: 'derive.no_improvement', params: { verdict: 'worsened' } } });
    if (worse.ok) throw new Error('refused');
    expect(worse.error.message).toBe('No benefit to derive: the impact on "Supplier status e-mails" is "worsened", not a measured improvement');
    expect(formatMessage('derive.no_improvement', worse.error.params, 'fr')).toBe(
      'Aucun bénéfice à dériver\u00a0: l\'impact sur «\u00a0Supplier status e-mails\u00a0» est «\u00a0dégradé\u00a0», pas une amélioration mesurée',
    );
    const other = await t.ok('indicators.create', { departmentId: d.id, name: 'DSO', unit: 'days', direction: 'lower' });
    expect(await t.core.call('benefitModels.derive', { ...base, indicatorId: other.id, as: 'time_released', hoursPerUnit: 1 })).toMatchObject({
      ok: false, error: { field: 'indicatorId', key: 'derive.indicator_not_linked' },
    });
    expect(t.ws.db.prepare(`SELECT COUNT(*) FROM benefit_models`).pluck().get()).toBe(0);
  });

  it('from a closed gap: the hours it no longer loses, at the department’s rate', async () => {
    const { p, itv } = await setup();
    const gap = await t.ok('gaps.create', { processId: p.id, title: 'Suppliers chase payment status', type: 'information', frequencyPerMonth: 310, hoursLostPerOccurrence: 0.2, foundOn: '2023-06-01' });
    const input = { source: 'gap', interventionId: itv.id, gapId: gap.id } as const;
    expect(await t.core.call('benefitModels.derive', input)).toMatchObject({ ok: false, error: { field: 'gapId', key: 'derive.gap_not_linked' } });
    await t.ok('links.gapIntervention.add', { gapId: gap.id, interventionId: itv.id });
    expect(await t.core.call('benefitModels.derive', input)).toMatchObject({ ok: false, error: { field: 'gapId', key: 'derive.gap_not_closed' } });
    await t.ok('gaps.close', { id: gap.id, evidence: { kind: 'override', justification: 'Suppliers now read their status on the portal page.' } });
    const r = await t.ok('benefitModels.derive', input);
    if (!r.saved) throw new Error('saved');
    // 310 × 0.2 h = 62 h a month; the cost when derived: 62 × 78.00 = 4,836.00.
    expect(r.model).toMatchObject({ kind: 'time_released', classification: 'soft', hoursPerMonth: 62, hourlyRateCents: null });
    expect(r.model.derivedFrom).toMatchObject({ source: 'gap', gapId: gap.id, gapTitle: 'Suppliers chase payment status', frequencyPerMonth: 310, hoursLostPerOccurrence: 0.2, monthlyCostCents: 483_600 });
  });
});
