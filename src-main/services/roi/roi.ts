import type { z } from 'zod';
import { BoucleError } from '../../../src-shared/errors';
import type * as R from '../../../src-shared/roi/results';
import type { BenefitModel } from '../../../src-shared/roi/schemas';
import type { Workspace } from '../../db/workspace';
import { rowToDto, type Row } from '../../db/entities';
import { todayIso } from '../../db/ids';
import { requireLive } from '../../db/read';
import { computeRoi, conversion, defaultWindow, figuresOf, type RoiContext, type RoiIntervention } from './roi-compute';
import { roiMethod } from './roi-method';

// roi.intervention and roi.department: the stored rows into roi-compute.ts, in the department's
// currency. A department's figures are the sums of its interventions' whole-cent figures, so the
// table's rows add up to its totals, and its months to them.

export function roiIntervention(r: Row): RoiIntervention | null {
  if (!r.start_date) return null;
  return {
    id: r.id as string,
    title: r.title as string,
    startDate: r.start_date as string,
    endDate: (r.end_date as string | null) ?? null,
    oneOffCostCents: r.one_off_cost_cents as number,
    recurringCostCents: r.recurring_cost_cents as number,
    currency: r.currency as string,
    fxRate: (r.fx_rate as number | null) ?? null,
  };
}

export function modelsOf(ws: Workspace, interventionId: string): BenefitModel[] {
  const rows = ws.db
    .prepare(`SELECT * FROM benefit_models WHERE intervention_id = ? AND deleted_at IS NULL ORDER BY created_at, id`)
    .all(interventionId) as Row[];
  return rows.map((r) => rowToDto<BenefitModel>('benefit_models', r));
}

export function departmentContext(ws: Workspace, departmentId: string, today = todayIso()): RoiContext {
  const d = ws.db.prepare(`SELECT currency, loaded_hourly_rate_cents FROM departments WHERE id = ?`).get(departmentId) as {
    currency: string;
    loaded_hourly_rate_cents: number | null;
  };
  return { currency: d.currency, rateCents: d.loaded_hourly_rate_cents ?? null, today };
}

const windowOf = (input: { from?: string | undefined; to?: string | undefined }, today: string) => {
  const d = defaultWindow(today);
  const w = { from: input.from ?? d.from, to: input.to ?? d.to };
  if (w.to < w.from) throw BoucleError.of('validation', 'common.end_before_start', undefined, input.to ? 'to' : 'from');
  return w;
};

function interventionRoiOf(itv: RoiIntervention, models: BenefitModel[], ctx: RoiContext, w: { from: string; to: string }): R.InterventionRoi {
  const { period, oneOffSpread, lifetime } = computeRoi(itv, models, ctx, w);
  const fx = itv.currency === ctx.currency ? null : { currency: itv.currency, rate: conversion(itv, ctx)! };
  return {
    interventionId: itv.id,
    title: itv.title,
    from: w.from,
    to: w.to,
    ...period.figures,
    interventionCurrency: itv.currency,
    fxRate: fx?.rate ?? null,
    oneOffSpread,
    lifetime,
    models: period.lines,
    months: period.months,
    method: roiMethod({
      currency: ctx.currency,
      from: w.from,
      to: w.to,
      months: period.months,
      figures: period.figures,
      oneOffSpread,
      lifetime,
      fx,
      derivedModels: models.filter((m) => m.derivedFrom).length,
    }),
  };
}

export function interventionRoi(ws: Workspace, input: z.output<typeof R.roiInterventionInput>, today = todayIso()): R.InterventionRoi {
  const r = requireLive(ws.db, 'interventions', input.interventionId, 'interventionId');
  const itv = roiIntervention(r);
  if (!itv) throw BoucleError.of('validation', 'roi.no_start', undefined, 'interventionId');
  const ctx = departmentContext(ws, r.department_id as string, today);
  return interventionRoiOf(itv, modelsOf(ws, itv.id), ctx, windowOf(input, today));
}

type Totals = { hard: number; soft: number; cash: number; oneOff: number; recurring: number };
const zero = (): Totals => ({ hard: 0, soft: 0, cash: 0, oneOff: 0, recurring: 0 });
function add(t: Totals, f: R.RoiFigures) {
  t.hard += f.benefit.hardCents;
  t.soft += f.benefit.softCents;
  t.cash += f.cashReleasedCents;
  t.oneOff += f.oneOffCostCents;
  t.recurring += f.recurringCostCents;
}

export function departmentRoi(ws: Workspace, input: z.output<typeof R.roiDepartmentInput>, today = todayIso()): R.DepartmentRoi {
  requireLive(ws.db, 'departments', input.departmentId, 'departmentId');
  const ctx = departmentContext(ws, input.departmentId, today);
  const w = windowOf(input, today);
  const rows = ws.db
    .prepare(`SELECT * FROM interventions WHERE department_id = ? AND deleted_at IS NULL ORDER BY start_date, title COLLATE NOCASE, id`)
    .all(input.departmentId) as Row[];
  const interventions: R.InterventionRoiSummary[] = [];
  const skipped: R.DepartmentRoi['skipped'] = [];
  const period = zero();
  const lifetime = zero();
  let months: R.RoiMonth[] | null = null;
  let derived = 0;
  for (const r of rows) {
    const itv = roiIntervention(r);
    if (!itv) {
      skipped.push({ interventionId: r.id as string, title: r.title as string, reason: 'no_start_date' });
      continue;
    }
    if (conversion(itv, ctx) === null) {
      skipped.push({ interventionId: itv.id, title: itv.title, reason: 'currency_without_rate', currency: itv.currency });
      continue;
    }
    const models = modelsOf(ws, itv.id);
    derived += models.filter((x) => x.derivedFrom).length;
    const { months: m, method: _method, ...summary } = interventionRoiOf(itv, models, ctx, w);
    interventions.push(summary);
    add(period, summary);
    add(lifetime, summary.lifetime);
    months = months ? months.map((acc, i) => sumMonth(acc, m[i]!)) : m;
  }
  const total = figuresOf(ctx.currency, period);
  const allMonths = months ?? [];
  return {
    departmentId: input.departmentId,
    currency: ctx.currency,
    from: w.from,
    to: w.to,
    interventions,
    total,
    lifetime: figuresOf(ctx.currency, lifetime),
    months: allMonths,
    skipped,
    method: roiMethod({
      currency: ctx.currency,
      from: w.from,
      to: w.to,
      months: allMonths,
      figures: total,
      interventions: interventions.length,
      skipped: skipped.length,
      derivedModels: derived,
    }),
  };
}

function sumMonth(a: R.RoiMonth, b: R.RoiMonth): R.RoiMonth {
  return {
    ...a,
    benefitHardCents: a.benefitHardCents + b.benefitHardCents,
    benefitSoftCents: a.benefitSoftCents + b.benefitSoftCents,
    cashReleasedCents: a.cashReleasedCents + b.cashReleasedCents,
    oneOffCostCents: a.oneOffCostCents + b.oneOffCostCents,
    recurringCostCents: a.recurringCostCents + b.recurringCostCents,
    costCents: a.costCents + b.costCents,
    cumulativeHardCents: a.cumulativeHardCents + b.cumulativeHardCents,
    cumulativeCostCents: a.cumulativeCostCents + b.cumulativeCostCents,
  };
}
