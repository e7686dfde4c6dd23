import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { BoucleError } from '../../../src-shared/errors';
import type { MessageKey, MessageParams } from '../../../src-shared/messages';
import type { closureEvidenceInput } from '../../../src-shared/gaps/closing';
import type { ClosureEvidence } from '../../../src-shared/gaps/schemas';
import { requireLive } from '../../db/read';
import type { Workspace } from '../../db/workspace';
import { measuredEffect } from '../impact/measured-effect';

// The proof a closing needs (DOMAIN.md: "Closed needs evidence: a linked indicator that met its
// target or a measured improvement"). Each check either returns the snapshot of the proof kept with
// the gap, or throws a validation error at `evidence` saying what is missing. Nothing here writes.
//
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

/** Fewest characters of the reason an intervention older than the gap still proves it closed. */
export const EARLIER_START_REASON_MIN = 20;

/**
 * "Measured improvement": the Impact tab's own rule and numbers (services/impact, an interrupted
 * time series), so a gap is never closed on an effect the Impact tab would not call one. And an
 * intervention that started before the gap was even found cannot be what closed it — unless the
 * user writes why (e.g. the gap was found late, in a process the intervention was already fixing).
 */
export function checkMeasuredImprovement(
  ws: Workspace,
  gapId: string,
  indicatorId: string,
  interventionId: string,
  earlierStartReason: string | null | undefined,
): ClosureEvidence {
  const db = ws.db;
  const gap = requireLive(db, 'gaps', gapId);
  const itv = requireLive(db, 'interventions', interventionId, 'evidence');
  const linked = db
    .prepare(`SELECT 1 FROM gap_interventions WHERE gap_id = ? AND intervention_id = ? AND deleted_at IS NULL`)
    .get(gapId, interventionId);
  if (!linked) refuse('evidence.intervention_not_linked', { title: String(itv.title) });
  const start = itv.start_date as string | null;
  if (!start) return refuse('evidence.intervention_no_start', { title: String(itv.title) });
  const ind = linkedIndicator(db, gapId, indicatorId);
  const found = gap.found_on as string;
  const reason = earlierStartReason?.trim() || null;
  if (start < found && (!reason || reason.length < EARLIER_START_REASON_MIN)) {
    throw BoucleError.of('validation', 'evidence.started_before_found', { title: String(itv.title), start, found, min: EARLIER_START_REASON_MIN }, 'evidence.earlierStartReason');
  }
  const m = measuredEffect(ws, interventionId, indicatorId);
  const r = m.impact;
  if (r.verdict === 'worsened') refuse('evidence.worsened', { name: ind.name, title: String(itv.title) });
  if (r.verdict !== 'improved' || !r.effect || !m.window) {
    refuse('evidence.not_proven', { name: ind.name, title: String(itv.title), verdict: m.verdict, reason: r.reason ?? 'interval_includes_zero' });
  }
  const e = r.effect!;
  return {
    kind: 'measured_improvement',
    indicatorId,
    indicatorName: ind.name,
    unit: ind.unit,
    direction: ind.direction,
    interventionId,
    interventionTitle: itv.title as string,
    startDate: start,
    method: 'interrupted_time_series',
    effect: e.estimate,
    low: e.low,
    high: e.high,
    changePct: r.changePct,
    window: m.window!,
    before: { n: m.before },
    after: { n: m.after },
    ...(start < found ? { earlierStartReason: reason! } : {}),
  };
}

export type EvidenceInput = z.output<typeof closureEvidenceInput>;
