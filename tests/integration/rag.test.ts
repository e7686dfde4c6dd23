import { afterEach, describe, expect, it } from 'vitest';
import { ragOf } from '../../src-main/services/indicators/rag';
import { methodSentences } from '../../src-shared/messages/method';
import { mulberry32, normals } from '../helpers/impact-prng';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

// RAG that resists noise: the status is judged on the median of the last 5 points (of the current
// XmR phase when a shift started one), one point out of band is a "watch", and the rule is said.
// And the XmR chart by phase that the status and the Impact tab read.

let t: TestWorkspace;
afterEach(() => t?.cleanup());

const month = (i: number) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;

async function indicator(values: number[], opts: { direction?: 'higher' | 'lower'; target?: number; tolerancePct?: number } = {}) {
  t = openTestWorkspace();
  const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
  const ind = await t.ok('indicators.create', {
    departmentId: d.id, name: 'Invoice-to-payment days', unit: 'days', direction: opts.direction ?? 'lower',
    targetValue: opts.target ?? 30, tolerancePct: opts.tolerancePct ?? 10,
  });
  await t.ok('measurements.upsertMany', { indicatorId: ind.id, values: values.map((value, i) => ({ period: month(i), value })) });
  return { d, ind };
}

/** A fixed pseudo-random normal sequence: the same on every run. */
function gaussian(n: number, seed: number): number[] {
  const next = normals(mulberry32(seed));
  return Array.from({ length: n }, next);
}

describe('indicators.status', () => {
  it('one point out of band is a watch, not red; three of five change the colour', async () => {
    const { ind } = await indicator([28, 29, 28.5, 29.2, 40]);
    const s = await t.ok('indicators.status', { indicatorId: ind.id, asOf: '2023-06-15' });
    expect(s).toMatchObject({ status: 'green', latestStatus: 'red', watch: true, latest: { period: '2023-05-01', value: 40 }, deltaToTarget: -1 });
    expect(s.judged).toMatchObject({ rule: 'median_last_points', value: 29, wanted: 5 });
    expect(s.method.text.en).toEqual([
      'Judged on the median of the last 5 points (2023-01-01 to 2023-05-01): 29 days. One noisy point does not change the colour.',
      'Lower is better: green at or below the target (30 days), amber up to 33 days (the target plus 10%), red above.',
      'Watch: the latest point (40 days, 2023-05-01) alone would be off target, while the median is on target; the next points will confirm it or not.',
    ]);
    expect(s.method.text.fr[2]).toBe(
      'À surveiller\u00a0: le dernier point (40 days, 01/05/2023) serait à lui seul hors cible, alors que la médiane est dans la cible\u00a0; les prochains points le confirmeront ou non.',
    );
    expect(methodSentences(s.method, 'en').at(-1)).toBe('No interval: the status compares the median with the target and its tolerance band.');
    expect(s.method.used).toEqual({ count: 5, unit: 'points', periods: [month(0), month(1), month(2), month(3), month(4)] });

    await t.ok('measurements.upsertMany', { indicatorId: ind.id, values: [{ period: month(5), value: 41 }, { period: month(6), value: 39 }] });
    const red = await t.ok('indicators.status', { indicatorId: ind.id, asOf: '2023-08-15' });
    expect(red).toMatchObject({ status: 'red', latestStatus: 'red', watch: false });
  });

  it('on a noisy level near the target, changes colour far less often than the latest point would', async () => {
    // 36 months at 29.2 days (target 30, lower is better) with noise of sd 0.8: one point in six
    // lands above the target by chance.
    const values = gaussian(36, 20260115).map((z) => Number((29.2 + 0.8 * z).toFixed(1)));
    const { ind } = await indicator(values);
    const byLatest: string[] = [];
    const byRule: string[] = [];
    for (let i = 4; i < values.length; i++) {
      byLatest.push(ragOf({ direction: 'lower', targetValue: 30, tolerancePct: 10, value: values[i]! }).status);
      byRule.push((await t.ok('indicators.status', { indicatorId: ind.id, asOf: `${month(i).slice(0, 7)}-28` })).status);
    }
    const changes = (xs: string[]) => xs.slice(1).filter((x, i) => x !== xs[i]).length;
    expect(changes(byLatest)).toBe(11);
    expect(changes(byRule)).toBe(0);
    expect(new Set(byRule)).toEqual(new Set(['green']));
  });

  it('judges within the current XmR phase once a sustained shift started one', async () => {
    // 12 months around 40 days, an intervention, then 4 months around 29: three of four beyond the
    // half-way line start a new phase at the first of them.
    const base = [40, 41, 39, 40, 41, 39, 40, 40, 41, 39, 40, 41];
    const { d, ind } = await indicator([...base, 29, 28.5, 29.4, 28.8]);
    const itv = await t.ok('interventions.create', { departmentId: d.id, title: 'AP forum', kind: 'qa_forum', startDate: month(12) });
    await t.ok('links.indicator.add', { indicatorId: ind.id, target: 'intervention', targetId: itv.id });
    const s = await t.ok('indicators.status', { indicatorId: ind.id, asOf: '2024-05-15' });
    expect(s).toMatchObject({ status: 'green', judged: { rule: 'median_current_phase', value: 28.9 } });
    expect(s.judged!.points.map((p) => p.period)).toEqual([month(12), month(13), month(14), month(15)]);
    expect(s.method.text.en[0]).toBe(
      'Judged on the median of the last 4 points of the current process-behaviour phase, which began on 2024-01-01 (2024-01-01 to 2024-04-01): 28.9 days. One noisy point does not change the colour.',
    );
  });
});

describe('indicators.xmr by phase', () => {
  it('limits from the baseline, a new phase at a sustained shift, the effect as the difference of centre lines, ranges above the limit flagged', async () => {
    // Baseline: mean 121/12, mR̄ 13/11 (URL 3.268 × 13/11 = 3.862); then 8 points above the centre
    // line around 13 (a run of 8 starts a new phase), then a jump of 5 and back (above the URL).
    const base = [10, 11, 9, 10, 11, 9, 10, 10, 11, 9, 10, 11];
    const after = [13, 12.5, 13.5, 13, 12.6, 13.2, 12.8, 13.1, 13, 18, 13];
    const { d, ind } = await indicator([...base, ...after], { direction: 'higher', target: 12 });
    const itv = await t.ok('interventions.create', { departmentId: d.id, title: 'Forum', kind: 'qa_forum', startDate: month(12) });
    await t.ok('links.indicator.add', { indicatorId: ind.id, target: 'intervention', targetId: itv.id });
    const x = await t.ok('indicators.xmr', { indicatorId: ind.id });
    if (x.status !== 'ok') throw new Error('expected limits');
    expect(x.phases.map((p) => [p.trigger, p.from.period, p.n])).toEqual([['baseline', month(0), 12], ['run_of_8', month(12), 11]]);
    expect(x.phases[0]!.limits.centre).toBeCloseTo(121 / 12, 12);
    expect(x.phases[0]!.limits.url).toBeCloseTo((3.268 * 13) / 11, 12);
    const afterMean = after.reduce((a, b) => a + b, 0) / after.length;
    expect(x.phases[1]!.limits.centre).toBeCloseTo(afterMean, 12);
    expect(x.effect).toMatchObject({ phase: 1, effect: 'favourable' });
    expect(x.effect!.difference).toBeCloseTo(afterMean - 121 / 12, 12);
    // Within the new phase: 18 after 13 (range 5) and 13 after 18 (range 5), above its URL.
    expect(x.rangesAboveLimit.map((r) => r.period)).toEqual([month(21), month(22)]);
    expect(x.points.map((p) => p.phase)).toEqual([...base.map(() => 0), ...after.map(() => 1)]);
    expect(x.method.text.en).toContain(`Phase 2 from 2024-01-01 (8 points in a row on one side of the centre line): centre ${Math.round(afterMean * 1e4) / 1e4} days, limits ${Math.round(x.phases[1]!.limits.lnpl * 1e4) / 1e4} to ${Math.round(x.phases[1]!.limits.unpl * 1e4) / 1e4} days.`);
    expect(x.method.text.fr[2]).toMatch(/^2 phases\u00a0: une nouvelle phase ne commence que là où un décalage est durable/);
  });
});
