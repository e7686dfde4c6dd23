import type { InterventionStatus } from '../../../src-shared/domain';
import type { InterventionMixCell } from '../../../src-shared/dashboard/schemas';
import type { Workspace } from '../../db/workspace';
import { prepared } from '../../db/statements';
import { scopeSql, type Scope } from './scope';

// An intervention is running on day D when it had started (start date on or before D), had not ended
// (no end date, or one after D), and has gone past "planned" (one still an idea or planned today was
// not running then). Its status history is in the change log; dates are what a review trusts.

export function runningOn(ws: Workspace, scope: Scope, day: string): number {
  const s = scopeSql('i', scope);
  return prepared(
    ws.db,
    `SELECT COUNT(*) FROM interventions i
      WHERE i.deleted_at IS NULL AND i.status IN ('running', 'done', 'stopped')
        AND i.start_date IS NOT NULL AND i.start_date <= ? AND (i.end_date IS NULL OR i.end_date >= ?)${s.sql}`,
  )
    .pluck()
    .get(day, day, ...s.params) as number;
}

/** Today's interventions by kind and status. */
export function interventionMix(ws: Workspace, scope: Scope): InterventionMixCell[] {
  const s = scopeSql('i', scope);
  return prepared(
    ws.db,
    `SELECT i.kind AS kind, i.status AS status, COUNT(*) AS count FROM interventions i
      WHERE i.deleted_at IS NULL${s.sql} GROUP BY i.kind, i.status ORDER BY i.kind, i.status`,
  ).all(...s.params) as { kind: string; status: InterventionStatus; count: number }[];
}
