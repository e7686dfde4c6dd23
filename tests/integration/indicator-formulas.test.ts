import { describe, expect, it } from 'vitest';
import { ragOf } from '../../src-main/services/indicators/rag';
import { dayOf, expectedPeriods, isoOfDay, monthSlices, periodEnd, periodStart } from '../../src-main/services/indicators/periods';
import { welchInterval } from '../../src-main/services/impact/welch';
import { xmrLimits, xmrSignals } from '../../src-main/services/indicators/xmr';

// Each formula against an example worked out by hand (the working is in the comments).

describe('periods of a frequency', () => {
  it('names each period by its first day: ISO week from Monday, month, quarter, year', () => {
    // 2025-01-01 is a Wednesday: its ISO week began on Monday 2024-12-30.
    expect(periodStart('weekly', '2025-01-01')).toBe('2024-12-30');
    expect(periodStart('weekly', '2025-01-05')).toBe('2024-12-30'); // Sunday: same week
    expect(periodStart('weekly', '2025-01-06')).toBe('2025-01-06'); // Monday: a new week
    expect(periodEnd('weekly', '2025-01-01')).toBe('2025-01-05');
    expect(periodStart('monthly', '2024-02-29')).toBe('2024-02-01');
    expect(periodEnd('monthly', '2024-02-10')).toBe('2024-02-29'); // leap year
    expect(periodEnd('monthly', '2025-02-10')).toBe('2025-02-28');
    expect(periodStart('quarterly', '2025-08-15')).toBe('2025-07-01');
    expect(periodEnd('quarterly', '2025-08-15')).toBe('2025-09-30');
    expect(periodStart('yearly', '2025-08-15')).toBe('2025-01-01');
    expect(periodStart('daily', '2025-08-15')).toBe('2025-08-15');
    expect(isoOfDay(dayOf('1969-12-31'))).toBe('1969-12-31');
  });

  it('lays out the expected periods between two dates, both ends included', () => {
    expect(expectedPeriods('monthly', '2024-11-15', '2025-02-03')).toEqual(['2024-11-01', '2024-12-01', '2025-01-01', '2025-02-01']);
    expect(expectedPeriods('quarterly', '2024-12-31', '2025-04-01')).toEqual(['2024-10-01', '2025-01-01', '2025-04-01']);
    // Weeks of January 2025: Mondays 30 Dec, 6, 13, 20, 27 Jan.
    expect(expectedPeriods('weekly', '2025-01-01', '2025-01-31')).toEqual(['2024-12-30', '2025-01-06', '2025-01-13', '2025-01-20', '2025-01-27']);
    expect(expectedPeriods('yearly', '2023-06-01', '2025-01-01')).toEqual(['2023-01-01', '2024-01-01', '2025-01-01']);
    expect(expectedPeriods('daily', '2025-01-01', '2025-12-31', 100)).toBeNull(); // over the cap
  });

  it('prorates months: 16 Jan → 15 Mar is 16/31 + 1 + 15/31 months', () => {
    const s = monthSlices('2025-01-16', '2025-03-15');
    expect(s.map((x) => x.month)).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(s.map((x) => x.days)).toEqual([16, 28, 15]);
    expect(s[0]!.fraction).toBeCloseTo(16 / 31, 12);
    expect(s[1]!.fraction).toBe(1);
    expect(s[2]!.fraction).toBeCloseTo(15 / 31, 12);
  });
});

describe('RAG status', () => {
  it('higher is better: target 50, tolerance 10% → green ≥ 50, amber 45…50, red below 45', () => {
    const r = (value: number | null) => ragOf({ direction: 'higher', targetValue: 50, tolerancePct: 10, value });
    expect(r(55).status).toBe('green');
    expect(r(50).status).toBe('green');
    expect(r(49.99).status).toBe('amber');
    expect(r(45).status).toBe('amber'); // 50 − 50 × 10% = 45: the band's edge is still amber
    expect(r(44.99).status).toBe('red');
    expect(r(null).status).toBe('no_data');
    expect(r(50).band).toEqual({ low: 45, high: 50 });
  });

  it('lower is better: target 30, tolerance 10% → green ≤ 30, amber 30…33, red above 33', () => {
    const r = (value: number) => ragOf({ direction: 'lower', targetValue: 30, tolerancePct: 10, value });
    expect(r(12).status).toBe('green');
    expect(r(30).status).toBe('green');
    expect(r(31.5).status).toBe('amber');
    expect(r(33).status).toBe('amber');
    expect(r(33.01).status).toBe('red');
    expect(r(30).band).toEqual({ low: 30, high: 33 });
  });

  it('is exact on a boundary that floating point would miss (0.3 + 10% = 0.33)', () => {
    expect(0.3 + (0.3 * 10) / 100).not.toBe(0.33); // the trap: 0.32999999999999996
    expect(ragOf({ direction: 'lower', targetValue: 0.3, tolerancePct: 10, value: 0.33 }).status).toBe('amber');
  });

  it('uses |target| for a negative target, and has no amber band around a target of 0', () => {
    // Target −20 (a margin to bring up), tolerance 10% → band [−22, −20].
    expect(ragOf({ direction: 'higher', targetValue: -20, tolerancePct: 10, value: -21 }).status).toBe('amber');
    expect(ragOf({ direction: 'higher', targetValue: -20, tolerancePct: 10, value: -22.5 }).status).toBe('red');
    expect(ragOf({ direction: 'lower', targetValue: 0, tolerancePct: 10, value: 0.1 }).status).toBe('red');
  });

  it('says "no target" when there is a value but no target', () => {
    expect(ragOf({ direction: 'lower', targetValue: null, tolerancePct: 10, value: 3 })).toEqual({ status: 'no_target', band: null });
  });
});

describe('XmR limits and signals', () => {
  // 10 12 11 13 12 14: mean 72/6 = 12; moving ranges 2 1 2 1 2, mean 8/5 = 1.6.
  // UNPL = 12 + 2.66 × 1.6 = 16.256; LNPL = 12 − 4.256 = 7.744; URL = 3.268 × 1.6 = 5.2288; σ = 1.6 / 1.128.
  const base = [10, 12, 11, 13, 12, 14].map((value, i) => ({ period: `2024-0${i + 1}-01`, value }));
  const limits = xmrLimits(base)!;

  it('computes the natural process limits from the mean moving range', () => {
    expect(limits.centre).toBe(12);
    expect(limits.mrBar).toBeCloseTo(1.6, 12);
    expect(limits.unpl).toBeCloseTo(16.256, 12);
    expect(limits.lnpl).toBeCloseTo(7.744, 12);
    expect(limits.url).toBeCloseTo(5.2288, 12);
    expect(limits.sigma).toBeCloseTo(1.6 / 1.128, 12);
    expect(limits).toMatchObject({ n: 6, from: '2024-01-01', to: '2024-06-01' });
    expect(xmrLimits(base.slice(0, 1))).toBeNull();
  });

  it('finds a point beyond the limits, a run of 8 on one side, and 3 of 4 near a limit', () => {
    const at = (values: number[]) => values.map((value, i) => ({ period: `2025-${String(i + 1).padStart(2, '0')}-01`, value }));
    // 17 > 16.256 (above), 7 < 7.744 (below); the rest near the centre, alternating sides.
    const beyond = xmrSignals(at([12.5, 17, 11.5, 7, 12.5]), limits, 'lower');
    expect(beyond.filter((s) => s.rule === 'beyond_limits')).toEqual([
      { rule: 'beyond_limits', side: 'above', effect: 'unfavourable', periods: ['2025-02-01'] },
      { rule: 'beyond_limits', side: 'below', effect: 'favourable', periods: ['2025-04-01'] },
    ]);
    // Nine points just below 12 (a run of 9), then one on the centre line, which ends the run.
    const run = xmrSignals(at([11.5, 11, 11.8, 11.2, 11.9, 11.4, 11.6, 11.1, 11.7, 12]), limits, 'higher');
    expect(run.filter((s) => s.rule === 'run_of_8')).toEqual([
      { rule: 'run_of_8', side: 'below', effect: 'unfavourable', periods: at([0, 0, 0, 0, 0, 0, 0, 0, 0]).map((p) => p.period) },
    ]);
    // Seven below then one above: no run of 8.
    expect(xmrSignals(at([11, 11, 11, 11, 11, 11, 11, 13]), limits, 'higher').some((s) => s.rule === 'run_of_8')).toBe(false);
    // Closer to the upper limit than to the centre: beyond 12 + 1.33 × 1.6 = 14.128. 14.5, 15, 12.5, 15.5 → 3 of 4.
    const near = xmrSignals(at([14.5, 15, 12.5, 15.5]), limits, 'higher');
    expect(near.filter((s) => s.rule === 'three_of_four')).toEqual([
      { rule: 'three_of_four', side: 'above', effect: 'favourable', periods: ['2025-01-01', '2025-02-01', '2025-04-01'] },
    ]);
    expect(xmrSignals(at([14.5, 12.5, 12.5, 15.5]), limits, 'higher').some((s) => s.rule === 'three_of_four')).toBe(false);
  });
});

describe("Welch's interval", () => {
  it('matches a hand-worked example and an independent Student t quantile', () => {
    // before 10 12 11 13 12 14: mean 12, s² = (4+0+1+1+0+4)/5 = 2
    // after   9  8 10  9  7  8: mean 8.5, s² = (.25+.25+2.25+.25+2.25+.25)/5 = 1.1
    // d = −3.5; se² = 2/6 + 1.1/6 = 0.516667, se = 0.718795
    // df = 0.516667² / ((1/3)²/5 + (0.183333)²/5) = 0.266944 / 0.028944 = 9.222649
    // t(0.975; 9.222649) = 2.2538597 (SciPy stats.t.ppf, computed separately)
    // interval = −3.5 ± 2.2538597 × 0.718795 = [−5.1200637, −1.8799363]
    const w = welchInterval([10, 12, 11, 13, 12, 14], [9, 8, 10, 9, 7, 8]);
    expect(w.diff).toBeCloseTo(-3.5, 12);
    expect(w.se).toBeCloseTo(0.7187952884, 9);
    expect(w.df).toBeCloseTo(9.2226487524, 8);
    expect(w.t).toBeCloseTo(2.2538596716, 6);
    expect(w.low).toBeCloseTo(-5.1200637127, 6);
    expect(w.high).toBeCloseTo(-1.8799362873, 6);
  });

  it('gives the difference itself when neither side varies', () => {
    const w = welchInterval([5, 5, 5], [7, 7, 7]);
    expect(w).toMatchObject({ diff: 2, se: 0, low: 2, high: 2 });
  });
});
