import type { z } from 'zod';
import type * as X from '../../../src-shared/indicators/xmr';
import type { KeyedMessage } from '../../../src-shared/messages';
import { keyedMethod, sentence } from '../../../src-shared/messages/method';
import type { Workspace } from '../../db/workspace';
import { loadIndicator, loadPoints, splitAt, type IndicatorRow, type Point } from './series';
import { withMovingRanges, xmrLimits, xmrSignals } from './xmr';
import { xmrPhases } from './xmr-phases';

// The XmR chart of an indicator (indicators.xmr): limits from the points before its first linked
// intervention when there are enough of them (else every point, or the points chosen), signals
// after them, and the chart by phase (xmr-phases.ts): a new phase where a shift is sustained.

/** Fewest points the limits are computed on; fewer gives "not enough data". */
export const MIN_POINTS = 6;

/** The earliest start date of the interventions linked to the indicator, if any. */
function firstLinkedStart(ws: Workspace, indicatorId: string): string | null {
  return (
    (ws.db
      .prepare(
        `SELECT MIN(i.start_date) FROM indicator_links l JOIN interventions i ON i.id = l.intervention_id
          WHERE l.indicator_id = ? AND l.deleted_at IS NULL AND i.deleted_at IS NULL AND i.start_date IS NOT NULL`,
      )
      .pluck()
      .get(indicatorId) as string | null) ?? null
  );
}

const r4 = (n: number) => Math.round(n * 10_000) / 10_000;

interface Basis {
  basis: 'before_intervention' | 'all' | 'chosen';
  /** Index range of the baseline in the points: [from, end). */
  from: number;
  end: number;
}

function basisOf(ws: Workspace, ind: IndicatorRow, points: Point[], input: z.output<typeof X.indicatorXmrInput>): Basis {
  if (input.limitsFrom || input.limitsTo) {
    const inside = (p: Point) => (!input.limitsFrom || p.period >= input.limitsFrom) && (!input.limitsTo || p.period <= input.limitsTo);
    const from = points.findIndex(inside);
    const last = points.findLastIndex(inside);
    return { basis: 'chosen', from: Math.max(from, 0), end: from < 0 ? 0 : last + 1 };
  }
  const start = firstLinkedStart(ws, ind.id);
  const before = start ? splitAt(ind, points, start).before.length : 0;
  return before >= MIN_POINTS ? { basis: 'before_intervention', from: 0, end: before } : { basis: 'all', from: 0, end: points.length };
}

/** Where the current XmR phase began, when a sustained shift started one after the baseline; else null. */
export function currentPhaseStart(ws: Workspace, ind: IndicatorRow, points: Point[]): string | null {
  const b = basisOf(ws, ind, points, { indicatorId: ind.id });
  if (b.basis === 'all' || b.end - b.from < MIN_POINTS) return null;
  const phased = xmrPhases({ points, baselineFrom: b.from, baselineEnd: b.end, direction: ind.direction });
  return phased.status === 'ok' && phased.phases.length > 1 ? phased.phases.at(-1)!.from.period : null;
}

export function indicatorXmr(ws: Workspace, input: z.output<typeof X.indicatorXmrInput>): X.IndicatorXmr {
  const ind = loadIndicator(ws, input.indicatorId, 'indicatorId');
  const points = loadPoints(ws, ind.id, { from: input.from, to: input.to });
  const b = basisOf(ws, ind, points, input);
  const base = points.slice(b.from, b.end);
  if (base.length < MIN_POINTS) {
    return {
      status: 'not_enough_data',
      needed: MIN_POINTS,
      have: base.length,
      indicatorId: ind.id,
      method: keyedMethod({ window: null, used: null, uncertainty: null, sentences: [sentence('xmr.method.not_enough', { have: base.length, needed: MIN_POINTS })] }),
    };
  }
  const limits = xmrLimits(base)!;
  const watched = b.basis === 'all' ? points : points.filter((p) => p.period > limits.to);
  const phased = xmrPhases({ points, baselineFrom: b.from, baselineEnd: b.end, direction: ind.direction });
  if (phased.status !== 'ok') throw new Error('xmr: a baseline of 6 points has moving ranges');
  const phaseOf = new Map(phased.points.map((p) => [p.period, p.phase]));
  return {
    status: 'ok',
    indicatorId: ind.id,
    basis: b.basis,
    limits,
    points: withMovingRanges(points).map((p) => ({ ...p, phase: phaseOf.get(p.period) ?? 0 })),
    signals: xmrSignals(watched, limits, ind.direction),
    phases: phased.phases,
    phaseSignals: phased.signals,
    rangesAboveLimit: phased.rangesAboveLimit,
    effect: phased.effect,
    method: xmrMethod(ind, b, limits, phased),
  };
}

function xmrMethod(ind: IndicatorRow, b: Basis, limits: X.XmrLimits, phased: Extract<X.XmrPhasesResult, { status: 'ok' }>) {
  const unit = ind.unit ? ` ${ind.unit}` : '';
  const s: KeyedMessage[] = [
    sentence(`xmr.method.basis_${b.basis}`, { n: limits.n, from: limits.from, to: limits.to }),
    sentence('xmr.method.limits', { centre: r4(limits.centre), mrBar: r4(limits.mrBar), lnpl: r4(limits.lnpl), unpl: r4(limits.unpl), url: r4(limits.url), unit }),
    sentence('xmr.method.phases', { count: phased.phases.length }),
  ];
  for (const ph of phased.phases.slice(1)) {
    s.push(sentence('xmr.method.phase', { number: ph.number + 1, from: ph.from.period, trigger: ph.trigger, centre: r4(ph.limits.centre), lnpl: r4(ph.limits.lnpl), unpl: r4(ph.limits.unpl), unit }));
  }
  if (phased.effect) s.push(sentence('xmr.method.effect', { difference: r4(phased.effect.difference), unit }));
  if (phased.rangesAboveLimit.length) s.push(sentence('xmr.method.ranges', { count: phased.rangesAboveLimit.length }));
  const last = phased.points.at(-1)!;
  return keyedMethod({
    window: { from: phased.points[0]!.period, to: last.period },
    used: { count: limits.n, unit: 'points' },
    uncertainty: sentence('xmr.method.uncertainty', { sigma: r4(limits.sigma), unit }),
    sentences: s,
  });
}
