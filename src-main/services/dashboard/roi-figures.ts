import type { BenefitCostMonth, RoiHeadline } from '../../../src-shared/dashboard/schemas';
import type { DepartmentRoi } from '../../../src-shared/roi/schemas';
import type { Workspace } from '../../db/workspace';
import { prepared } from '../../db/statements';
import { departmentRoi } from '../roi/roi';
import { figure, scopeSql, type Scope } from './scope';

// ROI for the dashboard, from the ROI service (roi.department): hard ROI the headline, soft benefit and
// the cash released (balance sheet) apart, per currency (each department has one). Kept in one file so
// that a change of the ROI's figures touches only this.

export function departmentIdsOf(ws: Workspace, scope: Scope): string[] {
  const s = scopeSql('d', scope);
  return prepared(ws.db, `SELECT d.id FROM departments d WHERE d.deleted_at IS NULL${s.sql} ORDER BY d.name COLLATE NOCASE, d.id`).pluck().all(...s.params) as string[];
}

interface Totals {
  hard: number;
  soft: number;
  cost: number;
  cash: number;
  /** The service's own ROI % when the totals are one department's (else computed the same way). */
  roiPct: number | null | undefined;
}

function totalsOf(rois: DepartmentRoi[]): Map<string, Totals> {
  const out = new Map<string, Totals>();
  for (const r of rois) {
    // One currency per department: its total is in it.
    const t = r.total;
    const acc = out.get(t.currency);
    if (!acc) {
      out.set(t.currency, { hard: t.benefit.hardCents, soft: t.benefit.softCents, cost: t.costCents, cash: t.cashReleasedCents, roiPct: t.roiPct.hard });
      continue;
    }
    acc.hard += t.benefit.hardCents;
    acc.soft += t.benefit.softCents;
    acc.cost += t.costCents;
    acc.cash += t.cashReleasedCents;
    acc.roiPct = undefined;
  }
  return out;
}

// The same formula as the ROI service, for sums over several departments: (benefit − cost) ÷ cost.
const pctOf = (t: Totals | undefined): number | null =>
  !t ? null : t.roiPct !== undefined ? t.roiPct : t.cost === 0 ? null : ((t.hard - t.cost) / t.cost) * 100;

export function departmentRois(ws: Workspace, departmentIds: string[], w: { from: string; to: string }): DepartmentRoi[] {
  return departmentIds.map((departmentId) => departmentRoi(ws, { departmentId, ...w }));
}

export function roiHeadline(current: DepartmentRoi[], previous: DepartmentRoi[]): RoiHeadline[] {
  const now = totalsOf(current);
  const before = totalsOf(previous);
  return [...new Set([...now.keys(), ...before.keys()])].sort().map((currency) => {
    const a = now.get(currency);
    const b = before.get(currency);
    const money = (f: (t: Totals) => number) => ({ currency, ...figure(a ? f(a) : 0, b ? f(b) : 0) });
    const pa = pctOf(a);
    const pb = pctOf(b);
    return {
      currency,
      hardRoiPct: { current: pa, previous: pb, changePoints: pa === null || pb === null ? null : pa - pb },
      hardBenefitCents: money((t) => t.hard),
      softBenefitCents: money((t) => t.soft),
      costCents: money((t) => t.cost),
      cashReleasedCents: money((t) => t.cash),
    };
  });
}

/** Benefit (hard, soft) and cost month by month over the window, per currency, from each intervention's ROI. */
export function benefitCostMonths(rois: DepartmentRoi[]): { currency: string; months: BenefitCostMonth[] }[] {
  const out = new Map<string, Map<string, BenefitCostMonth>>();
  for (const r of rois) {
    // The department's months are the sums of its interventions' (to the cent).
    const months = out.get(r.currency) ?? out.set(r.currency, new Map()).get(r.currency)!;
    for (const m of r.months) {
      const acc = months.get(m.month) ?? months.set(m.month, { month: m.month, hardCents: 0, softCents: 0, costCents: 0 }).get(m.month)!;
      acc.hardCents += m.benefitHardCents;
      acc.softCents += m.benefitSoftCents;
      acc.costCents += m.costCents;
    }
  }
  return [...out.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, m]) => ({ currency, months: [...m.values()].sort((a, b) => a.month.localeCompare(b.month)) }));
}
