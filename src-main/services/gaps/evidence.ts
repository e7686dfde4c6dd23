import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { BoucleError } from '../../../src-shared/errors';
import type { MessageKey, MessageParams } from '../../../src-shared/messages';
import type { closureEvidenceInput } from '../../../src-shared/gaps/closing';
import type { ClosureEvidence } from '../../../src-shared/gaps/schemas';
import { requireLive } from '../../db/read';

// The proof a closing needs (DOMAIN.md: "Closed needs evidence: a linked indicator that met its
// target or a measured improvement"). Each check either returns the snapshot of the proof kept with
// the gap, or throws a validation error at `evidence` saying what is missing. Nothing here writes.
//
// The measured-improvement check is deliberately small: means before and after the intervention's
// start, at least MIN_POINTS on each side, direction-aware. The impact service
// (src-main/services/impact/, Welch interval, XmR signals) can replace `compareMeans` later so
// that the closing and the impact report agree on the same numbers.

export const MIN_POINTS = 3;

const refuse = (key: MessageKey, params: MessageParams): never => {
  throw BoucleError.of('validation', key, params, 'evidence');
};

interface IndicatorRow {
  id: string;
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
  target_value: number | null;
}

/** Is `indicatorId` linked (live link) to the gap, or to an intervention linked to the gap? */
function isLinkedToGap(db: Database, gapId: string, indicatorId: string): boolean {
  return Boolean(
    db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM indicator_links il WHERE il.indicator_id = ? AND il.deleted_at IS NULL AND (
           il.gap_id = ? OR il.intervention_id IN (
             SELECT l.intervention_id FROM gap_interventions l JOIN interventions i ON i.id = l.intervention_id
              WHERE l.gap_id = ? AND l.deleted_at IS NULL AND i.deleted_at IS NULL)))`,
      )
      .pluck()
      .get(indicatorId, gapId, gapId),
  );
}

function linkedIndicator(db: Database, gapId: string, indicatorId: string): IndicatorRow {
  const row = requireLive(db, 'indicators', indicatorId, 'evidence') as unknown as IndicatorRow;
  if (!isLinkedToGap(db, gapId, indicatorId)) {
    refuse('evidence.indicator_not_linked', { name: row.name });
  }
  return row;
}

const better = (direction: 'higher' | 'lower', a: number, b: number) => (direction === 'higher' ? a > b : a < b);
const meets = (direction: 'higher' | 'lower', value: number, target: number) => (direction === 'higher' ? value >= target : value <= target);
const round4 = (v: number) => Number(v.toFixed(4));
const unitSuffix = (unit: string) => (unit ? ` ${unit}` : '');

export function checkIndicatorTarget(db: Database, gapId: string, indicatorId: string): ClosureEvidence {
  const ind = linkedIndicator(db, gapId, indicatorId);
  if (ind.target_value === null) {
    return refuse('evidence.no_target', { name: ind.name });
  }
  const latest = db
    .prepare(`SELECT period, value FROM measurements WHERE indicator_id = ? AND deleted_at IS NULL ORDER BY period DESC LIMIT 1`)
    .get(indicatorId) as { period: string; value: number } | undefined;
  if (!latest) return refuse('evidence.no_measurement', { name: ind.name });
  if (!meets(ind.direction, latest.value, ind.target_value)) {
    refuse('evidence.target_not_met', {
      name: ind.name,
      latest: round4(latest.value),
      unit: unitSuffix(ind.unit),
      period: latest.period,
      target: round4(ind.target_value),
      direction: ind.direction,
    });
  }
  return {
    kind: 'indicator_target',
    indicatorId,
    indicatorName: ind.name,
    unit: ind.unit,
    direction: ind.direction,
    targetValue: ind.target_value,
    latestPeriod: latest.period,
    latestValue: latest.value,
  };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Means of the values before `start` and from `start` on. */
export function compareMeans(db: Database, indicatorId: string, start: string) {
  const values = (side: '<' | '>=') =>
    db
      .prepare(`SELECT value FROM measurements WHERE indicator_id = ? AND deleted_at IS NULL AND period ${side} ? ORDER BY period`)
      .pluck()
      .all(indicatorId, start) as number[];
  const before = values('<');
  const after = values('>=');
  return { before, after };
}

export function checkMeasuredImprovement(db: Database, gapId: string, indicatorId: string, interventionId: string): ClosureEvidence {
  const itv = requireLive(db, 'interventions', interventionId, 'evidence');
  const linked = db
    .prepare(`SELECT 1 FROM gap_interventions WHERE gap_id = ? AND intervention_id = ? AND deleted_at IS NULL`)
    .get(gapId, interventionId);
  if (!linked) refuse('evidence.intervention_not_linked', { title: String(itv.title) });
  const start = itv.start_date as string | null;
  if (!start) return refuse('evidence.intervention_no_start', { title: String(itv.title) });
  const ind = linkedIndicator(db, gapId, indicatorId);
  const { before, after } = compareMeans(db, indicatorId, start);
  if (before.length < MIN_POINTS || after.length < MIN_POINTS) {
    refuse('evidence.not_enough_data', { name: ind.name, before: before.length, start, after: after.length, min: MIN_POINTS });
  }
  const b = mean(before);
  const a = mean(after);
  if (!better(ind.direction, a, b)) {
    refuse('evidence.no_improvement', { name: ind.name, start, from: round4(b), to: round4(a), unit: unitSuffix(ind.unit), direction: ind.direction });
  }
  return {
    kind: 'measured_improvement',
    indicatorId,
    indicatorName: ind.name,
    unit: ind.unit,
    direction: ind.direction,
    interventionId,
    interventionTitle: itv.title as string,
    startDate: start,
    before: { n: before.length, mean: b },
    after: { n: after.length, mean: a },
    change: a - b,
    changePct: b === 0 ? null : ((a - b) / Math.abs(b)) * 100,
  };
}

export type EvidenceInput = z.output<typeof closureEvidenceInput>;
