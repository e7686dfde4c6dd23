import type { z } from 'zod';
import type { Dashboard, DashboardHeadline, DepartmentSideBySide, dashboardInput } from '../../../src-shared/dashboard/schemas';
import type { DepartmentRoi } from '../../../src-shared/roi/schemas';
import type { IndicatorStatus } from '../../../src-shared/indicators/status';
import { previousWindow } from '../../../src-shared/reports/period';
import type { Workspace } from '../../db/workspace';
import { requireLive } from '../../db/read';
import { closedIn, gapCostMatrix, gapFlow, openGapsOn } from './gap-figures';
import { countStatuses, indicatorIdsOf, indicatorTiles, statusesOn } from './indicator-figures';
import { interventionMix, runningOn } from './intervention-figures';
import { benefitCostMonths, departmentIdsOf, departmentRois, roiHeadline } from './roi-figures';
import { playbook } from './playbook';
import { figure, moneyFigures, type Scope } from './scope';

// dashboard.get: the figures of one department or of all, over [from, to] and the window before it.

interface Window {
  from: string;
  to: string;
}

/**
 * The figures one build reads more than once: an indicator's status on a day (the headline, its
 * previous window, the tiles and each department's column all ask) and a department's ROI over a
 * window. Computed once per build; a build reads one snapshot, so nothing can change in between.
 */
class Reads {
  private statusMemo = new Map<string, IndicatorStatus>();
  private roiMemo = new Map<string, DepartmentRoi>();
  constructor(private ws: Workspace) {}
  statusesOn(ids: string[], day: string): IndicatorStatus[] {
    const missing = ids.filter((id) => !this.statusMemo.has(`${id}|${day}`));
    statusesOn(this.ws, missing, day).forEach((s, i) => this.statusMemo.set(`${missing[i]}|${day}`, s));
    return ids.map((id) => this.statusMemo.get(`${id}|${day}`)!);
  }
  rois(ids: string[], w: Window): DepartmentRoi[] {
    const key = (id: string) => `${id}|${w.from}|${w.to}`;
    const missing = ids.filter((id) => !this.roiMemo.has(key(id)));
    departmentRois(this.ws, missing, w).forEach((r, i) => this.roiMemo.set(key(missing[i]!), r));
    return ids.map((id) => this.roiMemo.get(key(id))!);
  }
}

function headlineOf(ws: Workspace, reads: Reads, scope: Scope, w: Window, prev: Window, rois: { now: DepartmentRoi[]; before: DepartmentRoi[] }): DashboardHeadline {
  const openNow = openGapsOn(ws, scope, w.to);
  const openBefore = openGapsOn(ws, scope, prev.to);
  const closedNow = closedIn(ws, scope, w.from, w.to);
  const closedBefore = closedIn(ws, scope, prev.from, prev.to);
  const ids = indicatorIdsOf(ws, scope);
  const sNow = countStatuses(reads.statusesOn(ids, w.to));
  const sBefore = countStatuses(reads.statusesOn(ids, prev.to));
  return {
    openGaps: figure(openNow.count, openBefore.count),
    openGapCost: moneyFigures(openNow.cost, openBefore.cost),
    uncostedOpenGaps: openNow.uncosted,
    loopsClosed: figure(closedNow.count, closedBefore.count),
    costRemoved: moneyFigures(closedNow.costRemoved, closedBefore.costRemoved),
    indicators: {
      green: figure(sNow.green, sBefore.green),
      amber: figure(sNow.amber, sBefore.amber),
      red: figure(sNow.red, sBefore.red),
      noData: sNow.noData,
      noTarget: sNow.noTarget,
      total: sNow.total,
    },
    interventionsRunning: figure(runningOn(ws, scope, w.to), runningOn(ws, scope, prev.to)),
    roi: roiHeadline(rois.now, rois.before),
  };
}

function sideBySide(ws: Workspace, reads: Reads, scope: Scope, w: Window, prev: Window): DepartmentSideBySide[] {
  return departmentIdsOf(ws, scope).map((id) => {
    const d = requireLive(ws.db, 'departments', id);
    const now = reads.rois([id], w);
    const h = headlineOf(ws, reads, [id], w, prev, { now, before: [] });
    const currency = d.currency as string;
    const roi = h.roi.find((r) => r.currency === currency);
    return {
      departmentId: id,
      name: d.name as string,
      code: d.code as string,
      colour: d.colour as string,
      currency,
      openGaps: h.openGaps.current,
      openGapCostCents: h.openGapCost.find((c) => c.currency === currency)?.current ?? null,
      loopsClosed: h.loopsClosed.current,
      costRemovedCents: h.costRemoved.find((c) => c.currency === currency)?.current ?? null,
      indicatorsGreen: h.indicators.green.current,
      indicatorsAmber: h.indicators.amber.current,
      indicatorsRed: h.indicators.red.current,
      interventionsRunning: h.interventionsRunning.current,
      hardBenefitCents: roi?.hardBenefitCents.current ?? 0,
      softBenefitCents: roi?.softBenefitCents.current ?? 0,
      costCents: roi?.costCents.current ?? 0,
    };
  });
}

/**
 * The dashboard of the departments in scope (null: all). The side-by-side view is there when the
 * scope is not a single department; the report of several departments uses the same figures.
 */
export function buildDashboard(ws: Workspace, scope: Scope, w: Window): Dashboard {
  const prev = previousWindow(w);
  const deps = departmentIdsOf(ws, scope);
  const reads = new Reads(ws);
  const rois = { now: reads.rois(deps, w), before: reads.rois(deps, prev) };
  const ids = indicatorIdsOf(ws, scope);
  return {
    departmentId: scope?.length === 1 ? scope[0]! : null,
    from: w.from,
    to: w.to,
    previous: prev,
    headline: headlineOf(ws, reads, scope, w, prev, rois),
    charts: {
      gapCost: gapCostMatrix(ws, scope, w.to),
      gapFlow: gapFlow(ws, scope, w.to),
      indicators: indicatorTiles(ws, ids, reads.statusesOn(ids, w.to), w.to),
      interventionMix: interventionMix(ws, scope),
      benefitCost: benefitCostMonths(rois.now),
    },
    departments: scope?.length === 1 ? null : sideBySide(ws, reads, scope, w, prev),
    playbook: playbook(ws, scope, w.to),
  };
}

export function getDashboard(ws: Workspace, input: z.output<typeof dashboardInput>): Dashboard {
  if (input.departmentId) requireLive(ws.db, 'departments', input.departmentId, 'departmentId');
  return buildDashboard(ws, input.departmentId ? [input.departmentId] : null, { from: input.from, to: input.to });
}
