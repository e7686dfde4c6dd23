import { describe, expect, it } from 'vitest';
import { asPoints } from '../../fixtures/impact/datasets';
import { expectClose } from '../../helpers/expect-close';
import { findShift, phaseLimits, xmrPhases } from '../../../src-main/services/indicators/xmr-phases';

// XmR by phase on hand-made series whose limits can be worked out on paper (the centre and mean
// moving range arithmetic is also checked against R in reference.test.ts).

// Baseline: 12 points around 10; moving ranges 1,2,1,1,2,1,0,1,2,1,1 → mR̄ = 13/11.
const BASE = [10, 11, 9, 10, 11, 9, 10, 10, 11, 9, 10, 11];
const CENTRE = 121 / 12;
const MRBAR = 13 / 11;

describe('phaseLimits', () => {
  it('Wheeler’s constants', () => {
    const l = phaseLimits(BASE, 6);
    expectClose([l.centre, l.mrBar, l.unpl, l.lnpl, l.url, l.sigma], [CENTRE, MRBAR, CENTRE + 2.66 * MRBAR, CENTRE - 2.66 * MRBAR, 3.268 * MRBAR, MRBAR / 1.128], 1e-14);
    expect(l).toMatchObject({ n: 12, provisional: false });
    expect(phaseLimits([1, 2, 3], 6).provisional).toBe(true);
  });
});

describe('xmrPhases', () => {
  it('a small sustained shift is established by a run of 8, dated to its first point', () => {
    const after = [10.8, 11, 10.6, 10.9, 11.2, 10.7, 10.9, 11.1, 10.8, 11];
    const r = xmrPhases({ points: asPoints([...BASE, ...after]), baselineEnd: 12, direction: 'higher' });
    if (r.status !== 'ok') throw new Error('expected ok');
    expect(r.phases.map((p) => [p.trigger, p.from.index, p.to.index, p.n])).toEqual([
      ['baseline', 0, 11, 12],
      ['run_of_8', 12, 21, 10],
    ]);
    // The baseline's limits come from the baseline only; the new phase's from all its points.
    expectClose(r.phases[0]!.limits.centre, CENTRE, 1e-14);
    const own = phaseLimits(after, 6);
    expectClose([r.phases[1]!.limits.centre, r.phases[1]!.limits.mrBar], [own.centre, own.mrBar], 1e-14);
    expect(r.effect).toMatchObject({ phase: 1, effect: 'favourable', provisional: false });
    expectClose(r.effect!.difference, own.centre - CENTRE, 1e-14);
    // Lower is better: the same shift is unfavourable.
    const low = xmrPhases({ points: asPoints([...BASE, ...after]), baselineEnd: 12, direction: 'lower' });
    expect(low.status === 'ok' && low.effect!.effect).toBe('unfavourable');
  });

  it('a large shift near the end is established by three of four beyond the half-way line', () => {
    const after = [10, 10.5, 14, 13.5, 11, 14.5];
    const r = xmrPhases({ points: asPoints([...BASE, ...after]), baselineEnd: 12, direction: 'higher' });
    if (r.status !== 'ok') throw new Error('expected ok');
    // Half-way line: CENTRE + 1.33·MRBAR ≈ 11.66; points 14 (index 14), 13.5, 14.5 are beyond it.
    expect(r.phases.map((p) => [p.trigger, p.from.index])).toEqual([
      ['baseline', 0],
      ['three_of_four', 14],
    ]);
    expect(r.phases[1]!.limits.provisional).toBe(true); // 4 points < 6
    expect(r.effect!.provisional).toBe(true);
    // Judged against its own limits, the new phase has no point beyond them.
    expect(r.signals.filter((s) => s.rule === 'beyond_limits').map((s) => s.periods)).toEqual([]);
  });

  it('a lone spike: a signal and a flagged moving range, but no new phase', () => {
    const after = [10, 11, 16, 10, 9, 11, 10];
    const r = xmrPhases({ points: asPoints([...BASE, ...after]), baselineEnd: 12, direction: 'lower' });
    if (r.status !== 'ok') throw new Error('expected ok');
    expect(r.phases).toHaveLength(1);
    expect(r.effect).toBeNull();
    expect(r.signals).toEqual([{ rule: 'beyond_limits', side: 'above', effect: 'unfavourable', phase: 0, periods: ['p14'] }]);
    // |16 − 11| = 5 and |10 − 16| = 6 exceed URL = 3.268 × 13/11 ≈ 3.86.
    expect(r.rangesAboveLimit.map((m) => [m.period, m.movingRange])).toEqual([
      ['p14', 5],
      ['p15', 6],
    ]);
  });

  it('up then back down: three phases; the effect is the first phase at or after the intervention', () => {
    const up = [13, 14, 13, 13.5, 14, 13, 13.5, 14, 13, 13.5];
    const down = [10, 9.5, 10.5, 10, 9, 10, 10.5, 9.5, 10];
    const r = xmrPhases({ points: asPoints([...BASE, ...up, ...down]), baselineEnd: 12, direction: 'higher' });
    if (r.status !== 'ok') throw new Error('expected ok');
    expect(r.phases.map((p) => [p.trigger, p.from.index, p.to.index])).toEqual([
      ['baseline', 0, 11],
      ['run_of_8', 12, 21],
      ['run_of_8', 22, 30],
    ]);
    expect(r.effect!.phase).toBe(1);
    expect(r.points[22]).toMatchObject({ period: 'p22', phase: 2, movingRange: 3.5 });
    // The range across a phase boundary (p22: |10 − 13.5|) holds the shift itself: not judged.
    expect(r.rangesAboveLimit).toEqual([]);
  });

  it('a shift before the intervention (chosen baseline) is not the intervention’s effect', () => {
    const up = [13, 14, 13, 13.5, 14, 13, 13.5, 14, 13, 13.5];
    const r = xmrPhases({ points: asPoints([...BASE, ...up]), baselineEnd: 12, interventionIndex: 14, direction: 'higher' });
    expect(r.status === 'ok' && r.effect).toBeNull();
  });

  it('baselineFrom leaves earlier points off the chart', () => {
    const r = xmrPhases({ points: asPoints([50, 60, ...BASE]), baselineFrom: 2, baselineEnd: 14, direction: 'higher' });
    if (r.status !== 'ok') throw new Error('expected ok');
    expect(r.points[0]).toEqual({ period: 'p2', value: 10, movingRange: null, phase: 0 });
    expectClose(r.phases[0]!.limits.centre, CENTRE, 1e-14);
  });

  it('not enough data for a baseline', () => {
    expect(xmrPhases({ points: asPoints([1, 2, 3]), baselineEnd: 1, direction: 'higher' })).toEqual({ status: 'not_enough_data', needed: 2, have: 1 });
    expect(() => xmrPhases({ points: asPoints([1, 2, 3]), baselineEnd: 5, direction: 'higher' })).toThrow(RangeError);
  });

  it('findShift: a run broken by a point on the centre line does not count', () => {
    const l = phaseLimits([0, 1, 0, 1, 0, 1], 6); // centre 0.5, mR̄ 1
    expect(findShift([0.6, 0.7, 0.6, 0.5, 0.6, 0.7, 0.6, 0.7, 0.6], 0, l)).toBeNull();
    expect(findShift([0.4, 0.6, 0.7, 0.6, 0.6, 0.6, 0.7, 0.6, 0.7], 0, l)).toEqual({ start: 1, trigger: 'run_of_8' });
  });
});
