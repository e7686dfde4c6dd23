import type { GapType } from '../../../src-shared/domain';
import type { GapCostCell, GapFlowMonth } from '../../../src-shared/dashboard/schemas';
import type { Workspace } from '../../db/workspace';
import { prepared } from '../../db/statements';
import { MONTHLY_COST_SQL } from '../gaps/gap-cost';
import { scopeSql, type Scope } from './scope';

// Gap figures on a day or over a window. A gap is open on day D when it was found on or before D, was
// not dismissed, and was not closed on or before D (its closing date; a reopened gap is open again).
// Its cost is the register's estimated monthly cost (gaps/gap-cost.ts), from today's estimates.

const OPEN_ON = `g.deleted_at IS NULL AND g.found_on <= ? AND g.status <> 'dismissed' AND (g.closed_on IS NULL OR g.closed_on > ?)`;

export interface OpenGaps {
  count: number;
  uncosted: number;
  /** currency → monthly cost in cents */
  cost: Map<string, number>;
}

export function openGapsOn(ws: Workspace, scope: Scope, day: string): OpenGaps {
  const s = scopeSql('g', scope);
  const rows = prepared(
    ws.db,
    `SELECT d.currency AS currency, COUNT(*) AS n, SUM(${MONTHLY_COST_SQL}) AS cents, SUM(d.loaded_hourly_rate_cents IS NULL) AS uncosted
       FROM gaps g JOIN departments d ON d.id = g.department_id
      WHERE ${OPEN_ON}${s.sql} GROUP BY d.currency`,
  ).all(day, day, ...s.params) as { currency: string; n: number; cents: number | null; uncosted: number }[];
  const cost = new Map<string, number>();
  let count = 0;
  let uncosted = 0;
  for (const r of rows) {
    count += r.n;
    uncosted += r.uncosted;
    if (r.cents !== null) cost.set(r.currency, r.cents);
  }
  return { count, uncosted, cost };
}

export interface ClosedGaps {
  count: number;
  /** currency → monthly cost of the closed gaps, in cents */
  costRemoved: Map<string, number>;
}

/** Gaps closed (still closed today) with a closing date inside [from, to]. */
export function closedIn(ws: Workspace, scope: Scope, from: string, to: string): ClosedGaps {
  const s = scopeSql('g', scope);
  const rows = prepared(
    ws.db,
    `SELECT d.currency AS currency, COUNT(*) AS n, SUM(${MONTHLY_COST_SQL}) AS cents
       FROM gaps g JOIN departments d ON d.id = g.department_id
      WHERE g.deleted_at IS NULL AND g.status = 'closed' AND g.closed_on BETWEEN ? AND ?${s.sql} GROUP BY d.currency`,
  ).all(from, to, ...s.params) as { currency: string; n: number; cents: number | null }[];
  const costRemoved = new Map<string, number>();
  let count = 0;
  for (const r of rows) {
    count += r.n;
    if (r.cents !== null) costRemoved.set(r.currency, r.cents);
  }
  return { count, costRemoved };
}

/** Cost of the gaps open on `day`, by type and severity, per currency (gaps without a rate left out). */
export function gapCostMatrix(ws: Workspace, scope: Scope, day: string): { currency: string; cells: GapCostCell[] }[] {
  const s = scopeSql('g', scope);
  const rows = prepared(
    ws.db,
    `SELECT d.currency AS currency, g.type AS type, g.severity AS severity, COUNT(*) AS n, SUM(${MONTHLY_COST_SQL}) AS cents
       FROM gaps g JOIN departments d ON d.id = g.department_id
      WHERE ${OPEN_ON} AND d.loaded_hourly_rate_cents IS NOT NULL${s.sql}
      GROUP BY d.currency, g.type, g.severity ORDER BY d.currency, g.type, g.severity`,
  ).all(day, day, ...s.params) as { currency: string; type: GapType; severity: number; n: number; cents: number }[];
  const out = new Map<string, GapCostCell[]>();
  for (const r of rows) {
    const cells = out.get(r.currency) ?? out.set(r.currency, []).get(r.currency)!;
    cells.push({ type: r.type, severity: r.severity, count: r.n, cents: r.cents });
  }
  return [...out.entries()].map(([currency, cells]) => ({ currency, cells }));
}

const monthKey = (y: number, m: number) => new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);

/** Gaps found and gaps closed per month, over the 24 months that end with the month of `to`. */
export function gapFlow(ws: Workspace, scope: Scope, to: string): GapFlowMonth[] {
  const y = Number(to.slice(0, 4));
  const m = Number(to.slice(5, 7)) - 1;
  const months = Array.from({ length: 24 }, (_, i) => monthKey(y, m - 23 + i));
  const first = `${months[0]}-01`;
  const last = `${months.at(-1)}-31`;
  const s = scopeSql('g', scope);
  const count = (col: string, extra: string) =>
    new Map(
      (prepared(
        ws.db,
        `SELECT substr(g.${col}, 1, 7) AS month, COUNT(*) AS n FROM gaps g
          WHERE g.deleted_at IS NULL AND g.${col} BETWEEN ? AND ?${extra}${s.sql} GROUP BY month`,
      ).all(first, last, ...s.params) as { month: string; n: number }[]).map((r) => [r.month, r.n]),
    );
  const opened = count('found_on', '');
  const closed = count('closed_on', ` AND g.status = 'closed'`);
  return months.map((month) => ({ month, opened: opened.get(month) ?? 0, closed: closed.get(month) ?? 0 }));
}
