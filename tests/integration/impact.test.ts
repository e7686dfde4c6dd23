import { afterEach, describe, expect, it } from 'vitest';
import { B, D } from '../fixtures/impact/datasets';
import { expectClose } from '../helpers/expect-close';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

// impact.compute through the API on real SQLite: the windows the core cuts from the data (ramp-up,
// the intervention's end, the next and previous interventions, missing periods, overlaps) fed to
// the interrupted-time-series engine, whose figures are R's (tests/unit/impact/reference.test.ts
// holds the same datasets' figures from R 4.2 sandwich/nlme and statsmodels).

let t: TestWorkspace;
afterEach(() => t?.cleanup());

const month = (i: number) => `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;

async function setup(direction: 'higher' | 'lower', values: number[], opts: { unit?: string; skip?: number[] } = {}) {
  t = openTestWorkspace();
  const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
  const ind = await t.ok('indicators.create', { departmentId: d.id, name: 'Invoice-to-payment days', unit: opts.unit ?? 'days', direction });
  for (const [i, value] of values.entries()) {
    if (!opts.skip?.includes(i)) await t.ok('measurements.create', { indicatorId: ind.id, period: month(i), value });
  }
  const intervention = async (input: Record<string, unknown>) => {
    const itv = await t.ok('interventions.create', { departmentId: d.id, kind: 'qa_forum', ...input } as never);
    await t.ok('links.indicator.add', { indicatorId: ind.id, target: 'intervention', targetId: itv.id });
    return itv;
  };
  return { ind, intervention };
}

describe('impact.compute', () => {
  it('a clear step: improved, with the effect and its Newey–West interval as R computes them', async () => {
    const { ind, intervention } = await setup('higher', D);
    const itv = await intervention({ title: 'AP Q&A forum', startDate: month(24), rampUpMonths: 0 });
    const r = await t.ok('impact.compute', { interventionId: itv.id, indicatorId: ind.id });
    expect(r).toMatchObject({ verdict: 'improved', reason: null, reasons: [], overlapping: [], rampUp: { months: 0, source: 'intervention', periods: [] } });
    // R: lm + sandwich::NeweyWest(lag 3, prewhite = FALSE, adjust = TRUE), effect at h = 5.5.
    expectClose([r.effect!.estimate, r.effect!.se, r.effect!.low, r.effect!.high], [2.2884586956521691, 0.39528592500178433, 1.4832876148155656, 3.0936297764887728], 1e-9);
    expect(r.its!.window).toMatchObject({ before: 24, after: 12, beforeFrom: { period: '2022-01-01' }, afterTo: { period: '2024-12-01' } });
    expect(r.its!.placebo).toMatchObject({ status: 'passed', tried: 11, significant: 2, allowed: 4 });
    // Welch stays as a secondary figure.
    expect(r.its!.welch!.low).toBeGreaterThan(0);
    expect(r.bounds).toEqual({ beforeFrom: { by: 'first_measurement', period: '2022-01-01' }, afterTo: { by: 'last_measurement', period: '2024-12-01' } });
    expect(r.method.window).toEqual({ from: '2022-01-01', to: '2024-12-01' });
    expect(r.method.used).toEqual({ count: 36, unit: 'points' });
    expect(r.method.text.en[0]).toMatch(/^Method: interrupted time series/);
    expect(r.method.text.fr[0]).toMatch(/^Méthode\u00a0: série temporelle interrompue/);
    expect(r.method.text.en.some((s) => s.startsWith('Placebo check: the same model at 11 earlier pseudo-starts'))).toBe(true);
    expect(r.method.uncertainty!.en).toBe(
      'Effect 2.29 days, 95% interval 1.48 to 3.09 (Newey–West, robust to autocorrelation, lag 3); with AR(1) errors 1.41 to 2.83. The verdict needs both to exclude zero on the same side, and the placebo check to pass.',
    );
    expect(r.xmr!.effect).toMatchObject({ effect: 'favourable' });
    // Lower is better: the same rise is a worsening.
    await t.ok('indicators.update', { id: ind.id, direction: 'lower' });
    expect((await t.ok('impact.compute', { interventionId: itv.id, indicatorId: ind.id })).verdict).toBe('worsened');
  });

  it('cuts the windows at the previous intervention’s end, the ramp-up and its own end, as R’s case B', async () => {
    const { ind, intervention } = await setup('lower', B);
    const pilot = await intervention({ title: 'Earlier pilot', startDate: '2021-06-01', endDate: month(2), status: 'done' });
    const itv = await intervention({ title: 'AP Q&A forum', startDate: month(24), endDate: month(36), status: 'done', rampUpMonths: 2 });
    const r = await t.ok('impact.compute', { interventionId: itv.id, indicatorId: ind.id });
    // R's case B: before from index 2, ramp-up 24–25, after 26–35 (36–38 are past the end).
    expect(r.its!.window).toMatchObject({ before: 22, after: 10, beforeFrom: { period: month(2) }, afterFrom: { period: month(26) }, afterTo: { period: month(35) } });
    expect(r.rampUp).toEqual({ months: 2, source: 'intervention', periods: [month(24), month(25)] });
    expectClose([r.effect!.estimate, r.effect!.low, r.effect!.high], [-4.2540502540937393, -7.9181674145782974, -0.58993309360918111], 1e-9);
    expectClose([r.its!.ar1!.effect.low, r.its!.ar1!.effect.high], [-8.255043637521478, 0.66010058652284709], 1e-7);
    // Newey–West excludes 0, the AR(1) interval does not: no clear effect, and the reason says why.
    expect(r).toMatchObject({ verdict: 'no_clear_effect', reason: 'interval_includes_zero' });
    expect(r.bounds.beforeFrom).toMatchObject({ by: 'previous_intervention', period: month(2), intervention: { interventionId: pilot.id } });
    expect(r.bounds.afterTo).toMatchObject({ by: 'intervention_end', period: month(35) });
    expect(r.method.text.en).toContain('The "before" window starts after "Earlier pilot" ended on 2022-03-01: its period is not this intervention\'s baseline.');
    expect(r.method.text.en.at(-1)).toMatch(/^Verdict: “no clear effect” — the Newey–West interval \(-7\.92 to -0\.59\) excludes zero but the AR\(1\) one/);
    expect(r.method.text.fr.at(-1)).toMatch(/^Verdict\u00a0: «\u00a0pas d’effet net\u00a0» — l’intervalle de Newey–West/);

    // The same window when the next intervention on the indicator starts instead of this one ending.
    const itv2 = await intervention({ title: 'Forum, second site', startDate: month(24), rampUpMonths: 2, status: 'running' });
    await t.ok('interventions.delete', { id: itv.id });
    const next = await intervention({ title: 'Supplier portal', startDate: month(36) });
    const r2 = await t.ok('impact.compute', { interventionId: itv2.id, indicatorId: ind.id });
    expect(r2.bounds.afterTo).toMatchObject({ by: 'next_intervention', period: month(35), intervention: { interventionId: next.id } });
    expectClose(r2.effect!.estimate, -4.2540502540937393, 1e-9);
    expect(r2.method.text.en).toContain(
      'The "after" window stops when "Supplier portal" starts on the same indicator (2025-01-01): what follows is not this intervention\'s alone.',
    );
  });

  it('two interventions running together are not separately attributable', async () => {
    const { ind, intervention } = await setup('higher', D);
    const a = await intervention({ title: 'Forum', startDate: month(20), status: 'running' });
    const b = await intervention({ title: 'Expert directory', startDate: month(24), status: 'running' });
    const r = await t.ok('impact.compute', { interventionId: b.id, indicatorId: ind.id });
    expect(r).toMatchObject({ verdict: 'no_clear_effect', reason: 'not_separately_attributable', its: null, effect: null });
    expect(r.overlapping).toEqual([{ interventionId: a.id, title: 'Forum', startDate: month(20), endDate: null }]);
    expect(r.method.text.en.at(-1)).toBe(
      'Verdict: "no clear effect" — not separately attributable: "Forum" was already running on this indicator when this intervention started on 2024-01-01, and no series can tell their effects apart.',
    );
    // The earlier one is judged up to the later one's start.
    const ra = await t.ok('impact.compute', { interventionId: a.id, indicatorId: ind.id });
    expect(ra.bounds.afterTo).toMatchObject({ by: 'next_intervention', intervention: { interventionId: b.id } });
    expect(ra.reasons).not.toContain('not_separately_attributable');
  });

  it('a plain trend is no clear effect, where Welch’s before/after would claim one', async () => {
    // 36 months falling 0.2 a month with small wiggles, no break at all.
    const values = Array.from({ length: 36 }, (_, i) => Number((50 - 0.2 * i + 0.4 * Math.sin(i * 2.1)).toFixed(2)));
    const { ind, intervention } = await setup('lower', values);
    const itv = await intervention({ title: 'Placebo forum', startDate: '2024-01-15', kind: 'expert_directory' });
    const r = await t.ok('impact.compute', { interventionId: itv.id, indicatorId: ind.id });
    expect(r.its!.welch!.high).toBeLessThan(0); // the means fell: Welch alone says "improved"
    expect(r.verdict).toBe('no_clear_effect');
    expect(r.reasons).toContain('interval_includes_zero');
    expect(r.its!.preTrend).toMatchObject({ significant: true });
    // A mid-month start: January holds days before and after, so it is ramp-up with the kind's one month.
    expect(r.rampUp).toEqual({ months: 1, source: 'kind', periods: ['2024-01-01', '2024-02-01'] });
    expect(r.its!.window).toMatchObject({ beforeTo: { period: '2023-12-01' }, afterFrom: { period: '2024-03-01' } });
  });

  it('a missing period bounds the window; not enough points says so in words', async () => {
    const { ind, intervention } = await setup('higher', D, { skip: [5] });
    const itv = await intervention({ title: 'Forum', startDate: month(24), rampUpMonths: 0 });
    const r = await t.ok('impact.compute', { interventionId: itv.id, indicatorId: ind.id });
    expect(r.bounds.beforeFrom).toEqual({ by: 'missing_period', period: month(6), missing: month(5) });
    expect(r.its!.window.before).toBe(18);
    expect(r.method.text.en).toContain('A period without a value (2022-06-01) bounds the "before" window: the model needs one value per period.');

    const late = await intervention({ title: 'Late', startDate: month(33), rampUpMonths: 0 });
    const short = await t.ok('impact.compute', { interventionId: late.id, indicatorId: ind.id });
    // Its "before" starts after nothing (Forum runs on): overlapping.
    expect(short.reason).toBe('not_separately_attributable');
    await t.ok('interventions.delete', { id: itv.id });
    const alone = await t.ok('impact.compute', { interventionId: late.id, indicatorId: ind.id });
    expect(alone).toMatchObject({ verdict: 'no_clear_effect', reason: 'not_enough_data' });
    expect(alone.method.text.en.at(-1)).toMatch(/there are 27 points before the start and 3 after the ramp-up, and at least 8 before and 6 after are needed/);
    expect(alone.method.uncertainty!.en).toBe('No interval: there are not enough points to fit the model.');
    const noStart = await intervention({ title: 'Idea' });
    expect(await t.core.call('impact.compute', { interventionId: noStart.id, indicatorId: ind.id })).toMatchObject({ ok: false, error: { field: 'interventionId', key: 'impact.no_start' } });
  });
});
