import { describe, expect, it } from 'vitest';
import { A, asPoints, B, C, D, E } from '../../fixtures/impact/datasets';
import { analyseImpact, MIN_AFTER, MIN_BEFORE, placeboAllowed, resolveHorizon, segmentedDesign } from '../../../src-main/services/impact/its';
import { mulberry32, noise, normals } from '../../helpers/impact-prng';
import { expectClose } from '../../helpers/expect-close';

// Behaviour of the verdict, windows, horizons and placebo on the fixed datasets (their numbers are
// checked against R and statsmodels in reference.test.ts) and on simple constructed series.

describe('verdict', () => {
  it('D: a clear step is "improved" when higher is better, "worsened" when lower is', () => {
    const up = analyseImpact({ points: asPoints(D), start: 24, direction: 'higher' });
    expect(up.verdict).toBe('improved');
    expect(up.reason).toBeNull();
    expect(up.reasons).toEqual([]);
    expect(up.placebo).toMatchObject({ status: 'passed', tried: 11, significant: 2, allowed: 4 });
    expect(up.effect!.low).toBeGreaterThan(0);
    expect(up.ar1!.effect.low).toBeGreaterThan(0);
    const down = analyseImpact({ points: asPoints(D), start: 24, direction: 'lower' });
    expect(down.verdict).toBe('worsened');
    expect(down.effect).toEqual(up.effect);
  });

  it('lower is better: a fall is "improved" (D mirrored)', () => {
    const r = analyseImpact({ points: asPoints(D.map((v) => 100 - v)), start: 24, direction: 'lower' });
    expect(r.verdict).toBe('improved');
    expect(r.effect!.high).toBeLessThan(0);
  });

  it('A: the interval includes 0 (the step is lost in autocorrelated noise)', () => {
    const r = analyseImpact({ points: asPoints(A), start: 24, direction: 'higher' });
    expect(r.verdict).toBe('no_clear_effect');
    expect(r.reasons).toEqual(['interval_includes_zero']);
    expect(r.preTrend!.significant).toBe(true); // the indicator was already rising
    // Welch, the old method, would have credited the trend: its interval is far from 0.
    expect(r.welch!.low).toBeGreaterThan(4);
  });

  it('B: HAC excludes 0 but the AR(1) interval does not, so no clear effect', () => {
    const r = analyseImpact({ points: asPoints(B), from: 2, start: 24, rampUp: 2, end: 35, direction: 'lower' });
    expect(r.effect!.high).toBeLessThan(0);
    expect(r.ar1!.effect.high).toBeGreaterThan(0);
    expect(r.verdict).toBe('no_clear_effect');
    expect(r.reasons).toEqual(['interval_includes_zero']);
  });

  it('C: too short for a placebo check', () => {
    const r = analyseImpact({ points: asPoints(C), start: 10, direction: 'higher' });
    expect(r.placebo).toMatchObject({ status: 'not_possible', tried: 0 });
    expect(r.reasons).toEqual(['interval_includes_zero', 'placebo_not_possible']);
  });

  it('E: a curve bending at the start: placebo fails and the AR(1) ρ runs to 1', () => {
    const r = analyseImpact({ points: asPoints(E), start: 20, direction: 'lower' });
    expect(r.effect!.high).toBeLessThan(0); // HAC alone would have said "improved"
    expect(r.reasons).toEqual(['autocorrelation_too_strong', 'placebo_failed']);
    expect(r.reason).toBe('autocorrelation_too_strong');
    expect(r.placebo).toMatchObject({ status: 'failed', tried: 7, significant: 4, allowed: 2 });
  });

  it('not enough data: no fit, and the counts behind it', () => {
    const r = analyseImpact({ points: asPoints(D.slice(17)), start: 7, direction: 'higher' });
    expect(r.verdict).toBe('no_clear_effect');
    expect(r.reason).toBe('not_enough_data');
    expect(r.window).toMatchObject({ before: 7, after: 12 });
    expect(r.needed).toEqual({ before: MIN_BEFORE, after: MIN_AFTER });
    expect(r.model).toBeNull();
    expect(r.effect).toBeNull();
    const after = analyseImpact({ points: asPoints(D), start: 24, rampUp: 7, direction: 'higher' });
    expect(after.window.after).toBe(5);
    expect(after.reason).toBe('not_enough_data');
  });

  it('a constant series: a perfect fit, effect exactly 0, no clear effect, placebo passes', () => {
    const r = analyseImpact({ points: asPoints(new Array(30).fill(5)), start: 20, direction: 'higher' });
    expect(r.model!.perfectFit).toBe(true);
    expect(r.effect).toMatchObject({ estimate: 0, se: 0, low: 0, high: 0, p: 1 });
    expect(r.placebo).toMatchObject({ status: 'passed', significant: 0 });
    expect(r.reasons).toEqual(['interval_includes_zero']);
    expect(r.ar1).toBeNull();
  });

  it('an exact step with no noise: a perfect fit, a certain effect, improved', () => {
    const r = analyseImpact({ points: asPoints([...new Array(20).fill(0.9), ...new Array(10).fill(1)]), start: 20, direction: 'higher' });
    expect(r.model!.perfectFit).toBe(true);
    expect(r.effect!.estimate).toBeCloseTo(0.1, 12);
    expect(r.effect!.se).toBe(0);
    expect(r.verdict).toBe('improved');
  });
});

describe('windows, ramp-up and horizons', () => {
  it('B: from, ramp-up and end shape the window', () => {
    const r = analyseImpact({ points: asPoints(B), from: 2, start: 24, rampUp: 2, end: 35, direction: 'lower' });
    expect(r.window).toEqual({
      beforeFrom: { index: 2, period: 'p2' },
      beforeTo: { index: 23, period: 'p23' },
      start: { index: 24, period: 'p24' },
      afterFrom: { index: 26, period: 'p26' },
      afterTo: { index: 35, period: 'p35' },
      before: 22,
      after: 10,
      rampUp: ['p24', 'p25'],
    });
    expect(r.model!.n).toBe(32);
    expect(r.effect!.horizon).toBe(4.5);
    // Pseudo-starts from from + 8 = 10 to start − 6 − rampUp = 16, each with its own ramp-up.
    expect(r.placebo.starts.map((s) => s.index)).toEqual([10, 11, 12, 13, 14, 15, 16]);
  });

  it('horizons: start = level change, end = b₂ + b₃·(end − T₁), a number as given', () => {
    const base = { points: asPoints(D), start: 24, direction: 'higher' as const };
    const start = analyseImpact({ ...base, horizon: 'start' });
    expect(start.effect!.estimate).toBe(start.levelChange!.estimate);
    expect(start.effect!.se).toBe(start.levelChange!.se);
    expect(start.effect!.period).toBe('p24');
    const end = analyseImpact({ ...base, horizon: 'end' });
    const [, , b2, b3] = end.model!.coef as [number, number, number, number];
    expectClose(end.effect!.estimate, b2 + 11 * b3, 1e-12);
    expect(end.effect).toMatchObject({ horizon: 11, horizonRule: 'end', period: 'p35' });
    const three = analyseImpact({ ...base, horizon: 3 });
    expect(three.effect).toMatchObject({ horizon: 3, horizonRule: 'given', period: 'p27' });
    // se² = c'Vc with c = (0, 0, 1, h).
    const V = three.model!.cov;
    expectClose(three.effect!.se ** 2, V[2]![2]! + 2 * 3 * V[2]![3]! + 9 * V[3]![3]!, 1e-12);
  });

  it('resolveHorizon and the design rows', () => {
    expect(resolveHorizon('mid', 26, 35)).toEqual({ h: 4.5, rule: 'mid' });
    expect(segmentedDesign([22, 23, 26, 27], 26)).toEqual([
      [1, -4, 0, -0],
      [1, -3, 0, -0],
      [1, 0, 1, 0],
      [1, 1, 1, 1],
    ]);
  });

  it('rejects indexes outside the series and non-finite values', () => {
    const points = asPoints(D);
    expect(() => analyseImpact({ points, start: 40, direction: 'higher' })).toThrow(RangeError);
    expect(() => analyseImpact({ points, start: 10, from: 12, direction: 'higher' })).toThrow(RangeError);
    expect(() => analyseImpact({ points, start: 10, end: 36, direction: 'higher' })).toThrow(RangeError);
    expect(() => analyseImpact({ points, start: 10, rampUp: -1, direction: 'higher' })).toThrow(RangeError);
    expect(() => analyseImpact({ points, start: 10, lag: 1.5, direction: 'higher' })).toThrow(RangeError);
    const bad = points.map((p, i) => (i === 3 ? { ...p, value: Number.NaN } : p));
    expect(() => analyseImpact({ points: bad, start: 24, direction: 'higher' })).toThrow(/index 3/);
    // A bad value outside the window is not the analysis's business.
    expect(analyseImpact({ points: bad, from: 4, start: 24, direction: 'higher' }).verdict).toBe('improved');
  });
});

describe('placebo rule', () => {
  it('allows max(1, ⌊0.4·tried⌋)', () => {
    expect([1, 2, 3, 4, 5, 7, 10, 11, 20].map(placeboAllowed)).toEqual([1, 1, 1, 1, 2, 2, 4, 4, 8]);
  });

  it('uses pre-period data only: changing the after window does not move it', () => {
    const a = analyseImpact({ points: asPoints(D), start: 24, direction: 'higher' });
    const b = analyseImpact({ points: asPoints([...D.slice(0, 24), ...D.slice(24).map((v) => v + 50)]), start: 24, direction: 'higher' });
    expect(b.placebo).toEqual(a.placebo);
  });

  it('an earlier shift: the HAC pseudo-intervals light up around it, the AR(1) ones absorb it', () => {
    const normal = normals(mulberry32(7));
    const values = noise(normal, 36, { phi: 0, sd: 0.5 }).map((e, t) => 10 + (t >= 14 ? 4 : 0) + e);
    const r = analyseImpact({ points: asPoints(values), start: 26, direction: 'higher' });
    const hacHits = r.placebo.starts.filter((s) => s.low > 0 || s.high < 0).map((s) => s.index);
    expect(hacHits).toEqual([9, 10, 11, 12, 13, 14, 15]);
    // Misfit pseudo-lines read as ρ near 1, so only the pseudo-start at the shift itself counts…
    expect(r.placebo.starts.filter((s) => s.significant).map((s) => s.index)).toEqual([14]);
    expect(r.placebo.status).toBe('passed');
    // …and the main verdict is held back by its own AR(1) interval instead.
    expect(r.verdict).toBe('no_clear_effect');
    expect(r.reasons).toEqual(['interval_includes_zero']);
  });

  it('a curve bends the pre-period line: many pseudo-starts count (E)', () => {
    const r = analyseImpact({ points: asPoints(E), start: 20, direction: 'lower' });
    expect(r.placebo.significant).toBeGreaterThan(r.placebo.allowed);
  });
});
