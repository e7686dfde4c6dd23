import type { z } from 'zod';
import { BoucleError } from '../../../src-shared/errors';
import type * as A from '../../../src-shared/roi/schemas';
import type { Workspace } from '../../db/workspace';
import { rowToDto, type Row } from '../../db/entities';
import { requireLive } from '../../db/read';
import { dayOf, monthSlices } from '../indicators/periods';

// ROI of an intervention over a window [from, to] (DOMAIN.md), month by month:
//   cost    = one-off cost (in the month the intervention starts, if inside the window)
//           + recurring cost per month × the share of each month the intervention runs (start → end,
//             clipped to the window; a running intervention with no end runs to the window's end);
//   benefit = Σ models, each over its own window (its start, else the intervention's; its end, if any):
//     time released  hours/month × hourly rate (the model's, else the department's loaded rate) × realisation %
//     cost avoided / custom  amount per month (quarter ÷ 3, year ÷ 12), or once in its start month
//     cash released  cash = annual revenue ÷ 365 × days improved — counted once, in its start month
//                    (a working-capital release); with a financing rate, the benefit is instead the
//                    financing no longer paid on that cash: cash × rate ÷ 12 per month.
//   ROI % = (benefit − cost) ÷ cost × 100 (null when cost is 0); payback = months from the first month
//   with a cost or a benefit to the month in which cumulative benefit reaches cumulative cost.
// Amounts are summed unrounded and rounded to whole cents once, at the end, so totals do not drift.

export interface RoiInterventionData {
  id: string;
  title: string;
  startDate: string;
  endDate: string | null;
  oneOffCostCents: number;
  recurringCostCents: number;
  currency: string;
}

type Window = { from: string; to: string };

/** Share of each month of the window that [start, end] covers (end null = open). */
function activeShares(slices: ReturnType<typeof monthSlices>, w: Window, start: string, end: string | null): number[] {
  const a = dayOf(start);
  const b = end ? dayOf(end) : Number.POSITIVE_INFINITY;
  const wFrom = dayOf(w.from);
  const wTo = dayOf(w.to);
  return slices.map((s) => {
    const monthStart = dayOf(`${s.month}-01`);
    const sliceFrom = Math.max(wFrom, monthStart);
    const sliceTo = Math.min(wTo, monthStart + s.daysInMonth - 1);
    const days = Math.min(b, sliceTo) - Math.max(a, sliceFrom) + 1;
    return days > 0 ? days / s.daysInMonth : 0;
  });
}

/** Index of the month of `date` in the window, or -1 outside it. */
function monthIndex(slices: ReturnType<typeof monthSlices>, w: Window, date: string): number {
  if (date < w.from || date > w.to) return -1;
  return slices.findIndex((s) => s.month === date.slice(0, 7));
}

const money = (cents: number) => (cents / 100).toFixed(2);
const num = (n: number) => String(Math.round(n * 100) / 100);

interface ModelFlow {
  line: Omit<A.RoiModelLine, 'benefitCents'>;
  perMonth: number[];
}

function modelFlow(m: A.BenefitModel, itv: RoiInterventionData, rateCents: number | null, slices: ReturnType<typeof monthSlices>, w: Window): ModelFlow {
  const start = m.startDate ?? itv.startDate;
  const shares = activeShares(slices, w, start, m.endDate);
  const months = shares.reduce((s, x) => s + x, 0);
  const perMonth = new Array<number>(slices.length).fill(0);
  const once = (amount: number) => {
    const i = monthIndex(slices, w, start);
    if (i >= 0) perMonth[i] = amount;
  };
  const monthly = (amount: number) => shares.forEach((s, i) => (perMonth[i] = amount * s));
  const cur = itv.currency;
  let formula = '';
  let missingRate = false;

  switch (m.kind) {
    case 'time_released': {
      const rate = m.hourlyRateCents ?? rateCents;
      const real = m.realisationPct ?? 100;
      missingRate = rate === null;
      monthly(((m.hoursPerMonth ?? 0) * (rate ?? 0) * real) / 100);
      formula = `${num(m.hoursPerMonth ?? 0)} h/month × ${rate === null ? '(no hourly rate)' : `${money(rate)} ${cur}/h`} × ${num(real)}% × ${num(months)} months`;
      break;
    }
    case 'cost_avoided':
    case 'custom': {
      const amount = m.amountCents ?? 0;
      const per = m.amountPer ?? 'month';
      if (per === 'one_off') {
        once(amount);
        formula = `${money(amount)} ${cur} once (${start})`;
      } else {
        const divisor = per === 'month' ? 1 : per === 'quarter' ? 3 : 12;
        monthly(amount / divisor);
        formula = `${money(amount)} ${cur}/${per}${divisor > 1 ? ` ÷ ${divisor}` : ''} × ${num(months)} months`;
      }
      break;
    }
    case 'cash_released': {
      const cash = ((m.annualRevenueCents ?? 0) / 365) * (m.daysImproved ?? 0);
      const base = `${money(m.annualRevenueCents ?? 0)} ${cur} ÷ 365 × ${num(m.daysImproved ?? 0)} days`;
      if (m.financingRatePct === null) {
        once(cash);
        formula = `${base} = ${money(cash)} ${cur} once (${start})`;
      } else {
        monthly((cash * m.financingRatePct) / 100 / 12);
        formula = `${base} × ${num(m.financingRatePct)}%/year ÷ 12 × ${num(months)} months`;
      }
      break;
    }
  }
  return {
    line: { benefitModelId: m.id, kind: m.kind, label: m.label, classification: m.classification, formula, missingRate },
    perMonth,
  };
}

const roiPct = (benefit: number, cost: number) => (cost === 0 ? null : ((benefit - cost) / cost) * 100);

/** Months from the first active month to the one where cumulative benefit ≥ cumulative cost. */
function payback(benefit: number[], cost: number[]): number | null {
  let cb = 0;
  let cc = 0;
  let first = -1;
  for (let i = 0; i < cost.length; i++) {
    cb += benefit[i]!;
    cc += cost[i]!;
    if (first < 0 && (cb > 0 || cc > 0)) first = i;
    if (cc > 0 && cb >= cc - 1e-6) return i - first + 1;
  }
  return null;
}

interface Flows {
  hard: number[];
  soft: number[];
  cost: number[];
  oneOff: number;
  recurring: number;
}

export function figures(currency: string, f: Flows): A.RoiFigures {
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  const hard = Math.round(sum(f.hard));
  const soft = Math.round(sum(f.soft));
  const total = Math.round(sum(f.hard) + sum(f.soft));
  const cost = Math.round(sum(f.cost));
  const both = f.hard.map((h, i) => h + f.soft[i]!);
  return {
    currency,
    benefit: { hardCents: hard, softCents: soft, totalCents: total },
    costCents: cost,
    oneOffCostCents: Math.round(f.oneOff),
    recurringCostCents: Math.round(f.recurring),
    roiPct: { hard: roiPct(hard, cost), total: roiPct(total, cost) },
    paybackMonths: { hard: payback(f.hard, f.cost), total: payback(both, f.cost) },
  };
}

export function computeInterventionRoi(
  itv: RoiInterventionData,
  models: A.BenefitModel[],
  departmentRateCents: number | null,
  w: Window,
): A.InterventionRoi & { flows: Flows } {
  const slices = monthSlices(w.from, w.to);
  const n = slices.length;
  const cost = activeShares(slices, w, itv.startDate, itv.endDate).map((s) => s * itv.recurringCostCents);
  const recurring = cost.reduce((s, x) => s + x, 0);
  const oneOffAt = monthIndex(slices, w, itv.startDate);
  if (oneOffAt >= 0) cost[oneOffAt]! += itv.oneOffCostCents;
  const flows: Flows = {
    hard: new Array<number>(n).fill(0),
    soft: new Array<number>(n).fill(0),
    cost,
    oneOff: oneOffAt >= 0 ? itv.oneOffCostCents : 0,
    recurring,
  };
  const lines: A.RoiModelLine[] = [];
  for (const m of models) {
    const mf = modelFlow(m, itv, departmentRateCents, slices, w);
    const into = m.classification === 'hard' ? flows.hard : flows.soft;
    mf.perMonth.forEach((v, i) => (into[i]! += v));
    lines.push({ ...mf.line, benefitCents: Math.round(mf.perMonth.reduce((s, x) => s + x, 0)) });
  }
  let cb = 0;
  let cc = 0;
  const months: A.RoiMonth[] = slices.map((s, i) => {
    cb += flows.hard[i]! + flows.soft[i]!;
    cc += flows.cost[i]!;
    return {
      month: s.month,
      fraction: s.fraction,
      benefitHardCents: Math.round(flows.hard[i]!),
      benefitSoftCents: Math.round(flows.soft[i]!),
      costCents: Math.round(flows.cost[i]!),
      cumulativeBenefitCents: Math.round(cb),
      cumulativeCostCents: Math.round(cc),
    };
  });
  return {
    interventionId: itv.id,
    title: itv.title,
    from: w.from,
    to: w.to,
    ...figures(itv.currency, flows),
    models: lines,
    months,
    flows,
  };
}

// ---------------------------------------------------------------------------------------------- services

function interventionData(r: Row): RoiInterventionData | null {
  if (!r.start_date) return null;
  return {
    id: r.id as string,
    title: r.title as string,
    startDate: r.start_date as string,
    endDate: (r.end_date as string | null) ?? null,
    oneOffCostCents: r.one_off_cost_cents as number,
    recurringCostCents: r.recurring_cost_cents as number,
    currency: r.currency as string,
  };
}

function modelsOf(ws: Workspace, interventionId: string): A.BenefitModel[] {
  const rows = ws.db
    .prepare(`SELECT * FROM benefit_models WHERE intervention_id = ? AND deleted_at IS NULL ORDER BY created_at, id`)
    .all(interventionId) as Row[];
  return rows.map((r) => rowToDto<A.BenefitModel>('benefit_models', r));
}

const departmentRate = (ws: Workspace, departmentId: string) =>
  (ws.db.prepare(`SELECT loaded_hourly_rate_cents FROM departments WHERE id = ?`).pluck().get(departmentId) as number | null) ?? null;

function withoutFlows<T extends { flows: Flows }>(r: T): Omit<T, 'flows'> {
  const { flows: _flows, ...rest } = r;
  return rest;
}

export function interventionRoi(ws: Workspace, input: z.output<typeof A.roiInterventionInput>): A.InterventionRoi {
  const r = requireLive(ws.db, 'interventions', input.interventionId, 'interventionId');
  const itv = interventionData(r);
  if (!itv) throw BoucleError.of('validation', 'roi.no_start', undefined, 'interventionId');
  const res = computeInterventionRoi(itv, modelsOf(ws, itv.id), departmentRate(ws, r.department_id as string), input);
  return withoutFlows(res);
}

export function departmentRoi(ws: Workspace, input: z.output<typeof A.roiDepartmentInput>): A.DepartmentRoi {
  requireLive(ws.db, 'departments', input.departmentId, 'departmentId');
  const rate = departmentRate(ws, input.departmentId);
  const rows = ws.db
    .prepare(`SELECT * FROM interventions WHERE department_id = ? AND deleted_at IS NULL ORDER BY start_date, title COLLATE NOCASE, id`)
    .all(input.departmentId) as Row[];
  const out: A.DepartmentRoi = { departmentId: input.departmentId, from: input.from, to: input.to, interventions: [], totals: [], skipped: [] };
  const byCurrency = new Map<string, Flows>();
  for (const r of rows) {
    const itv = interventionData(r);
    if (!itv) {
      out.skipped.push({ interventionId: r.id as string, title: r.title as string, reason: 'no_start_date' });
      continue;
    }
    const res = computeInterventionRoi(itv, modelsOf(ws, itv.id), rate, input);
    const { months: _months, ...summary } = withoutFlows(res);
    out.interventions.push(summary);
    const acc = byCurrency.get(itv.currency);
    if (!acc) {
      byCurrency.set(itv.currency, { ...res.flows, hard: [...res.flows.hard], soft: [...res.flows.soft], cost: [...res.flows.cost] });
      continue;
    }
    res.flows.hard.forEach((v, i) => (acc.hard[i]! += v));
    res.flows.soft.forEach((v, i) => (acc.soft[i]! += v));
    res.flows.cost.forEach((v, i) => (acc.cost[i]! += v));
    acc.oneOff += res.flows.oneOff;
    acc.recurring += res.flows.recurring;
  }
  out.totals = [...byCurrency.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([cur, f]) => figures(cur, f));
  return out;
}

