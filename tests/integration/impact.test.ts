import { afterEach, describe, expect, it } from 'vitest';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

// impact.compute through the API: before vs after an intervention's start, Welch's 95% interval,
// direction-aware verdict, XmR signals, and "not enough data" below the minimum.

let t: TestWorkspace;
afterEach(() => t?.cleanup());

const month = (i: number) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;

async function setup(direction: 'higher' | 'lower', values: number[], startDate: string | null = '2024-07-01') {
  t = openTestWorkspace();
  const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
  const ind = await t.ok('indicators.create', { departmentId: d.id, name: 'Invoices paid late', unit: '%', direction });
  for (const [i, value] of values.entries()) await t.ok('measurements.create', { indicatorId: ind.id, period: month(i), value });
  const itv = await t.ok('interventions.create', { departmentId: d.id, title: 'AP Q&A forum', kind: 'qa_forum', startDate });
  return { ind, itv };
}

// The hand-worked example of indicator-formulas.test.ts: before 10 12 11 13 12 14 (Jan–Jun 2024),
// after 9 8 10 9 7 8 (Jul–Dec 2024); means 12 and 8.5; change −3.5 = −29.17% of 12;
// Welch 95% interval [−5.1200637, −1.8799363] (df 9.2226, t 2.2538597).
const VALUES = [10, 12, 11, 13, 12, 14, 9, 8, 10, 9, 7, 8];

describe('impact.compute', () => {
  it('lower is better: a drop whose interval excludes 0 is an improvement', async () => {
    const { ind, itv } = await setup('lower', VALUES);
    const r = await t.ok('impact.compute', { interventionId: itv.id, indicatorId: ind.id });
    if (r.status !== 'ok') throw new Error(JSON.stringify(r));
    expect(r.before).toMatchObject({ n: 6, mean: 12, from: '2024-01-01', to: '2024-06-01' });
    expect(r.before.sd).toBeCloseTo(Math.sqrt(2), 12);
    expect(r.after).toMatchObject({ n: 6, mean: 8.5, from: '2024-07-01', to: '2024-12-01' });
    expect(r.after.sd).toBeCloseTo(Math.sqrt(1.1), 12);
    expect(r.change).toBeCloseTo(-3.5, 12);
    expect(r.changePct).toBeCloseTo((-3.5 / 12) * 100, 10);
    expect(r.interval.low).toBeCloseTo(-5.1200637127, 6);
    expect(r.interval.high).toBeCloseTo(-1.8799362873, 6);
    expect(r.interval.df).toBeCloseTo(9.2226487524, 8);
    expect(r.verdict).toBe('improved');
    expect(r.excluded).toEqual([]);
    // XmR on the six points before (centre 12, LNPL 7.744): November's 7 is a favourable signal.
    expect(r.xmr.limits.centre).toBe(12);
    expect(r.xmr.signals).toContainEqual({ rule: 'beyond_limits', side: 'below', effect: 'favourable', periods: ['2024-11-01'] });
  });

  it('higher is better: the same drop is a worsening', async () => {
    const { ind, itv } = await setup('higher', VALUES);
    const r = await t.ok('impact.compute', { interventionId: itv.id, indicatorId: ind.id });
    expect(r).toMatchObject({ status: 'ok', verdict: 'worsened' });
  });

  it('an interval that straddles 0 is no clear change', async () => {
    // after 11 13 12 14 10 12 (mean 12): change 0.
    const { ind, itv } = await setup('lower', [10, 12, 11, 13, 12, 14, 11, 13, 12, 14, 10, 12]);
    const r = await t.ok('impact.compute', { interventionId: itv.id, indicatorId: ind.id });
    if (r.status !== 'ok') throw new Error('expected numbers');
    expect(r.interval.low).toBeLessThan(0);
    expect(r.interval.high).toBeGreaterThan(0);
    expect(r.verdict).toBe('no_clear_change');
  });

  it('leaves out the period that straddles a mid-month start', async () => {
    // Start 15 July: July holds days before and after, so it is neither side.
    const { ind, itv } = await setup('lower', [...VALUES, 8], '2024-07-15');
    const r = await t.ok('impact.compute', { interventionId: itv.id, indicatorId: ind.id });
    if (r.status !== 'ok') throw new Error('expected numbers');
    expect(r.excluded).toEqual(['2024-07-01']);
    expect(r.before.n).toBe(6);
    expect(r.after).toMatchObject({ n: 6, from: '2024-08-01', to: '2025-01-01' });
  });

  it('says "not enough data" instead of a number below the minimum on either side', async () => {
    const { ind, itv } = await setup('lower', VALUES.slice(1)); // 6 before (Jan–Jun), 5 after (Jul–Nov)
    const r = await t.ok('impact.compute', { interventionId: itv.id, indicatorId: ind.id });
    expect(r).toEqual({ status: 'not_enough_data', needed: 6, have: { before: 6, after: 5 }, interventionId: itv.id, indicatorId: ind.id, startDate: '2024-07-01' });
    const relaxed = await t.ok('impact.compute', { interventionId: itv.id, indicatorId: ind.id, minPoints: 5 });
    expect(relaxed.status).toBe('ok');
  });

  it('refuses an intervention with no start date, naming the field', async () => {
    const { ind, itv } = await setup('lower', VALUES, null);
    const r = await t.core.call('impact.compute', { interventionId: itv.id, indicatorId: ind.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', field: 'interventionId' } });
  });
});
