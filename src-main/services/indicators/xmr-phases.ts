import type { Direction, SeriesPoint } from '../../../src-shared/impact/its-types';
import type { FlaggedRange, PhaseLimits, PhaseSignal, XmrEffect, XmrPhase, XmrPhasesInput, XmrPhasesResult } from '../../../src-shared/indicators/xmr';
import { limitsOfValues, NPL_FACTOR, xmrSignals } from './xmr';

// XmR (individuals and moving range) chart by phase, after Wheeler ("Understanding Variation";
// "Making Sense of Data"): limits come from a baseline, later points are judged against them, and
// once a shift is established the limits are recomputed from the points of the new phase, so the
// chart shows the process as it now is rather than a string of signals against stale limits.
//
//   centre = mean(x);  mR̄ = mean(|x_i − x_{i−1}|) within the phase;  NPL = centre ± 2.66·mR̄;
//   URL = 3.268·mR̄ (the moving ranges' upper limit);  σ̂ = mR̄ ÷ 1.128.
// Signals (as src-main/services/indicators/xmr.ts): beyond_limits, run_of_8 (eight in a row on one
// side of the centre line), three_of_four (three of four in a row beyond the half-way line
// centre ± 1.33·mR̄, on the same side).
//
// When is a shift "established"? Here, by a signal that is sustained by construction, after the
// baseline: (1) eight successive points on the same side of the current centre line — the new
// phase starts at the first of them; or (2) three of four successive points beyond the same
// half-way line — the new phase starts at the first of those three. A lone point beyond the limits
// is a signal (something happened) but not a new phase (it may be a one-off).
// The new phase's working limits, used to look for the next shift, come from its first
// max(minPoints, 8 or 4 — the signal's length) points, and the search resumes after them; the limits
// reported for a phase are then computed from all its points (the baseline's from the baseline
// points only, since that is what a baseline is for). A phase with fewer than minPoints points
// (default 6) has provisional limits.

/** Fewest points for a phase's limits not to be provisional. */
export const MIN_PHASE_POINTS = 6;

/** Limits from values in time order (at least 2). */
export function phaseLimits(values: readonly number[], minPoints: number): PhaseLimits {
  return { ...limitsOfValues(values), n: values.length, provisional: values.length < minPoints };
}

/** An established shift. */
export interface Shift {
  /** Index of the new phase's first point. */
  start: number;
  /** The sustained signal that established it. */
  trigger: 'run_of_8' | 'three_of_four';
}

/** The earliest shift starting at or after `from` against `limits`, or null. */
export function findShift(values: readonly number[], from: number, limits: PhaseLimits): Shift | null {
  const side = (v: number) => (v > limits.centre ? 1 : v < limits.centre ? -1 : 0);
  const half = (NPL_FACTOR / 2) * limits.mrBar;
  const far = (v: number) => (v > limits.centre + half ? 1 : v < limits.centre - half ? -1 : 0);
  for (let j = from; j < values.length; j++) {
    // (1) run of 8 starting at j.
    const s = side(values[j]!);
    if (s !== 0 && j + 8 <= values.length && values.slice(j, j + 8).every((v) => side(v) === s)) return { start: j, trigger: 'run_of_8' };
    // (2) j is beyond a half-way line and starts three of four beyond the same line: j plus at
    // least two of the next three.
    const f = far(values[j]!);
    if (f !== 0 && j + 4 <= values.length && values.slice(j + 1, j + 4).filter((v) => far(v) === f).length >= 2) {
      return { start: j, trigger: 'three_of_four' };
    }
    // Three of four with the first of the window not beyond (x, F, F, F) is caught at j + 1 by (2).
  }
  return null;
}

/** Signals among the points [from, to] of one phase against its limits: the rules of xmr.ts. */
function phaseSignals(points: readonly SeriesPoint[], from: number, to: number, limits: PhaseLimits, phase: number, direction: Direction): PhaseSignal[] {
  return xmrSignals(points.slice(from, to + 1), limits, direction).map((s) => ({ ...s, phase }));
}

/** The XmR chart by phase. Pure; throws RangeError on indexes outside the series. */
export function xmrPhases(input: XmrPhasesInput): XmrPhasesResult {
  const { points, direction } = input;
  const from = input.baselineFrom ?? 0;
  const baselineEnd = input.baselineEnd;
  const minPoints = input.minPoints ?? MIN_PHASE_POINTS;
  const interventionIndex = input.interventionIndex ?? baselineEnd;
  if (!(from >= 0 && from <= baselineEnd && baselineEnd <= points.length)) throw new RangeError('need 0 ≤ baselineFrom ≤ baselineEnd ≤ points.length');
  if (baselineEnd - from < 2) return { status: 'not_enough_data', needed: 2, have: baselineEnd - from };
  const values = points.map((p) => p.value);
  const last = points.length - 1;

  // Phase boundaries: the baseline, then each established shift.
  const starts: { start: number; trigger: XmrPhase['trigger'] }[] = [{ start: from, trigger: 'baseline' }];
  let working = phaseLimits(values.slice(from, baselineEnd), minPoints);
  let i = baselineEnd;
  for (;;) {
    const shift = findShift(values, i, working);
    if (!shift) break;
    starts.push(shift);
    const k = Math.max(minPoints, shift.trigger === 'run_of_8' ? 8 : 4);
    const end = Math.min(shift.start + k, points.length);
    if (end - shift.start < 2) break; // one point left: no range, no limits, nothing more to find
    working = phaseLimits(values.slice(shift.start, end), minPoints);
    i = end;
  }

  const phases: XmrPhase[] = starts.map((s, n) => {
    const to = n + 1 < starts.length ? starts[n + 1]!.start - 1 : last;
    const limitValues = n === 0 ? values.slice(from, baselineEnd) : values.slice(s.start, to + 1);
    const limits =
      limitValues.length >= 2
        ? phaseLimits(limitValues, minPoints)
        : // A one-point last phase: centre at its value, no spread known yet.
          { ...phaseLimits([limitValues[0]!, limitValues[0]!], minPoints), n: 1, provisional: true };
    return { number: n, trigger: s.trigger, from: { index: s.start, period: points[s.start]!.period }, to: { index: to, period: points[to]!.period }, n: to - s.start + 1, limits };
  });

  const phaseOf = (idx: number) => phases.findIndex((p) => idx >= p.from.index && idx <= p.to.index);
  const charted = points.slice(from).map((p, j) => {
    const idx = from + j;
    return { period: p.period, value: p.value, movingRange: j === 0 ? null : Math.abs(p.value - points[idx - 1]!.value), phase: phaseOf(idx) };
  });
  const rangesAboveLimit: FlaggedRange[] = [];
  charted.forEach((p, j) => {
    const idx = from + j;
    const ph = phases[p.phase]!;
    if (p.movingRange !== null && idx > ph.from.index && p.movingRange > ph.limits.url) {
      rangesAboveLimit.push({ index: idx, period: p.period, movingRange: p.movingRange, url: ph.limits.url, phase: p.phase });
    }
  });
  const signals = phases.flatMap((ph) => phaseSignals(points, ph.from.index, ph.to.index, ph.limits, ph.number, direction));

  const after = phases.find((p) => p.number > 0 && p.from.index >= interventionIndex);
  const base = phases[0]!;
  let effect: XmrEffect | null = null;
  if (after) {
    const difference = after.limits.centre - base.limits.centre;
    effect = {
      baselineCentre: base.limits.centre,
      afterCentre: after.limits.centre,
      difference,
      phase: after.number,
      effect: difference === 0 ? 'none' : (difference > 0) === (direction === 'higher') ? 'favourable' : 'unfavourable',
      provisional: base.limits.provisional || after.limits.provisional,
    };
  }
  return { status: 'ok', phases, points: charted, signals, rangesAboveLimit, effect };
}
