import { BoucleError } from '../../../src-shared/errors';
import { moneyParam } from '../../../src-shared/messages';
import type * as R from '../../../src-shared/roi/results';
import type { BenefitModel } from '../../../src-shared/roi/schemas';
import { accrueMonthly, addMonths, dayOf, isoOfDay, monthsOf, once, spreadPerDay, type Month, type Span } from './accrual';
import { benefitLife, modelFlow, type ModelFlow } from './model-flows';
import { apportion, roundRunning, sum } from './rounding';

// ROI of one intervention (DOMAIN.md), pure: the same inputs give the same cents.
//   cost      = one-off + recurring per month, accrued per day over [start, end), converted to the
//               department's currency at the intervention's rate when it is priced in another one;
//   benefit   = Σ models over their life (model-flows.ts), P&L only: hard and soft apart;
//   cash      = cash released by cash-released models, balance sheet, apart;
//   ROI %     = (hard benefit − cost) ÷ cost × 100 (headline); withSoft adds the soft benefit;
//   period    = the window; the one-off cost spread evenly per day over the intervention's life
//               (start → end, or DEFAULT_LIFE_MONTHS from the start when it has no end);
//   lifetime  = start → its end or its last benefit's, at most the last complete month, the one-off
//               cost whole at the start; payback in months from the start month.

/** Over how many months a one-off cost is spread when the intervention has no end date. */
export const DEFAULT_LIFE_MONTHS = 36;

/**
 * Beyond this many cents a sum of day-prorated amounts can no longer be trusted to the cent in
 * binary floating point (its spacing passes a thousandth of a cent): such figures are refused.
 */
export const EXACT_LIMIT_CENTS = 2 ** 43;

export interface RoiIntervention {
  id: string;
  title: string;
  startDate: string;
  endDate: string | null;
  oneOffCostCents: number;
  recurringCostCents: number;
  currency: string;
  fxRate: number | null;
}

export interface RoiContext {
  /** The department's currency and loaded hourly rate. */
  currency: string;
  rateCents: number | null;
  /** Today (YYYY-MM-DD): months after the last complete one are flagged, the lifetime stops before them. */
  today: string;
}

/** The first day of today's month: every day before it belongs to a complete month. */
export const currentMonthStart = (today: string) => dayOf(`${today.slice(0, 7)}-01`);

/** The 12 last complete months. */
export function defaultWindow(today: string): { from: string; to: string } {
  const first = currentMonthStart(today);
  return { from: isoOfDay(addMonths(first, -12)), to: isoOfDay(first - 1) };
}

/** 1 when the intervention is priced in the department's currency, else its rate (null: none entered). */
export function conversion(itv: RoiIntervention, ctx: RoiContext): number | null {
  return itv.currency === ctx.currency ? 1 : itv.fxRate;
}

interface Raw {
  months: Month[];
  hard: number[];
  soft: number[];
  cash: number[];
  oneOff: number[];
  recurring: number[];
  models: { m: BenefitModel; life: Span; flow: ModelFlow }[];
}

function checkExact(itv: RoiIntervention, currency: string, series: number[][]) {
  for (const s of series) {
    const total = s.reduce((a, v) => a + Math.abs(v), 0);
    if (!(total <= EXACT_LIMIT_CENTS)) {
      throw BoucleError.of('validation', 'roi.not_exact', { title: itv.title, max: moneyParam(EXACT_LIMIT_CENTS, currency) }, 'interventionId');
    }
  }
}

/** The unrounded flows over the window [window.from, window.until); the one-off spread or whole at the start. */
function rawFlows(itv: RoiIntervention, models: BenefitModel[], ctx: RoiContext, window: Span, oneOff: 'spread' | 'whole', factor: number): Raw {
  const months = monthsOf(window);
  const life: Span = { from: dayOf(itv.startDate), until: itv.endDate ? dayOf(itv.endDate) : Number.POSITIVE_INFINITY };
  const inWindow = (span: Span): Span => ({ from: Math.max(span.from, window.from), until: Math.min(span.until, window.until) });
  const recurring = accrueMonthly(itv.recurringCostCents * factor, inWindow(life), months);
  let oneOffFlow: number[];
  if (oneOff === 'whole') oneOffFlow = once(itv.oneOffCostCents * factor, life.from, months);
  else {
    // monthsOf clips each month to the window, so only the days of the spread inside it count.
    oneOffFlow = spreadPerDay(itv.oneOffCostCents * factor, oneOffSpan(itv), months);
  }
  const raw: Raw = { months, hard: months.map(() => 0), soft: months.map(() => 0), cash: months.map(() => 0), oneOff: oneOffFlow, recurring, models: [] };
  for (const m of models) {
    const mLife = benefitLife(m, { start: itv.startDate, end: itv.endDate });
    const flow = modelFlow(m, inWindow(mLife), months, ctx.rateCents, ctx.currency);
    const into = m.classification === 'hard' ? raw.hard : raw.soft;
    flow.pnl.forEach((v, i) => (into[i]! += v));
    flow.cash.forEach((v, i) => (raw.cash[i]! += v));
    raw.models.push({ m, life: mLife, flow });
  }
  checkExact(itv, ctx.currency, [raw.hard, raw.soft, raw.cash, raw.oneOff, raw.recurring]);
  return raw;
}

/** The days the one-off cost is spread over for the period ROI. */
export function oneOffSpan(itv: RoiIntervention): Span {
  const from = dayOf(itv.startDate);
  const until = itv.endDate ? dayOf(itv.endDate) : addMonths(from, DEFAULT_LIFE_MONTHS);
  return { from, until: Math.max(until, from + 1) };
}

const roiPct = (benefit: number, cost: number) => (cost === 0 ? null : ((benefit - cost) / cost) * 100);

export function figuresOf(currency: string, t: { hard: number; soft: number; cash: number; oneOff: number; recurring: number }): R.RoiFigures {
  const cost = t.oneOff + t.recurring;
  return {
    currency,
    benefit: { hardCents: t.hard, softCents: t.soft },
    cashReleasedCents: t.cash,
    costCents: cost,
    oneOffCostCents: t.oneOff,
    recurringCostCents: t.recurring,
    roiPct: { hard: roiPct(t.hard, cost), withSoft: roiPct(t.hard + t.soft, cost) },
    noCost: cost === 0,
  };
}

export interface Rounded {
  figures: R.RoiFigures;
  months: R.RoiMonth[];
  lines: R.RoiModelLine[];
}

function rounded(raw: Raw, ctx: RoiContext): Rounded {
  const hard = roundRunning(raw.hard);
  const soft = roundRunning(raw.soft);
  const cash = roundRunning(raw.cash);
  const oneOff = roundRunning(raw.oneOff);
  const recurring = roundRunning(raw.recurring);
  const totals = { hard: sum(hard), soft: sum(soft), cash: sum(cash), oneOff: sum(oneOff), recurring: sum(recurring) };
  const nowMonth = currentMonthStart(ctx.today);
  let cumHard = 0;
  let cumCost = 0;
  const months = raw.months.map((m, i): R.RoiMonth => {
    const cost = oneOff[i]! + recurring[i]!;
    cumHard += hard[i]!;
    cumCost += cost;
    return {
      month: m.month,
      fraction: (m.until - m.from) / (m.next - m.start),
      complete: m.next <= nowMonth,
      benefitHardCents: hard[i]!,
      benefitSoftCents: soft[i]!,
      cashReleasedCents: cash[i]!,
      oneOffCostCents: oneOff[i]!,
      recurringCostCents: recurring[i]!,
      costCents: cost,
      cumulativeHardCents: cumHard,
      cumulativeCostCents: cumCost,
    };
  });
  // The lines of each class add up to its total: the cents rounding leaves go to the largest fractions.
  const byClass = (c: 'hard' | 'soft') => raw.models.map((x, i) => ({ x, i })).filter(({ x }) => x.m.classification === c);
  const pnlCents = new Array<number>(raw.models.length).fill(0);
  for (const c of ['hard', 'soft'] as const) {
    const rows = byClass(c);
    apportion(totals[c], rows.map(({ x }) => sum(x.flow.pnl))).forEach((v, k) => (pnlCents[rows[k]!.i] = v));
  }
  const cashCents = apportion(totals.cash, raw.models.map((x) => sum(x.flow.cash)));
  const lines = raw.models.map(({ m, life, flow }, i): R.RoiModelLine => ({
    benefitModelId: m.id,
    kind: m.kind,
    label: m.label,
    classification: m.classification,
    benefitCents: pnlCents[i]!,
    cashCents: cashCents[i]!,
    life: { from: isoOfDay(life.from), until: Number.isFinite(life.until) ? isoOfDay(life.until) : null },
    formula: flow.formula,
    missing: flow.missing,
    derivedFrom: m.derivedFrom,
  }));
  return { figures: figuresOf(ctx.currency, totals), months, lines };
}

/** Months from the first month to the one where the cumulative benefit reaches the cumulative cost. */
function payback(months: R.RoiMonth[], withSoft: boolean): number | null {
  let benefit = 0;
  let cost = 0;
  for (let i = 0; i < months.length; i++) {
    benefit += months[i]!.benefitHardCents + (withSoft ? months[i]!.benefitSoftCents : 0);
    cost += months[i]!.costCents;
    if (cost > 0 && benefit >= cost) return i + 1;
  }
  return null;
}

export interface InterventionRoiCore {
  period: Rounded;
  oneOffSpread: R.OneOffSpread;
  lifetime: R.RoiLifetime;
}

export function computeRoi(itv: RoiIntervention, models: BenefitModel[], ctx: RoiContext, window: { from: string; to: string }): InterventionRoiCore {
  const factor = conversion(itv, ctx);
  if (factor === null) {
    throw BoucleError.of('validation', 'roi.currency_without_rate', { title: itv.title, currency: itv.currency, department: ctx.currency }, 'interventionId');
  }
  const periodSpan: Span = { from: dayOf(window.from), until: dayOf(window.to) + 1 };
  const period = rounded(rawFlows(itv, models, ctx, periodSpan, 'spread', factor), ctx);

  const spread = oneOffSpan(itv);
  const oneOffSpread: R.OneOffSpread = {
    rule: itv.endDate ? 'intervention_life' : 'default_life',
    from: isoOfDay(spread.from),
    to: isoOfDay(spread.until - 1),
    days: spread.until - spread.from,
    totalCents: Math.round(itv.oneOffCostCents * factor),
    inWindowCents: period.figures.oneOffCostCents,
  };

  const start = dayOf(itv.startDate);
  const lastUntil = currentMonthStart(ctx.today);
  const started = start < lastUntil;
  let until = lastUntil;
  if (itv.endDate) {
    const ends = models.map((m) => benefitLife(m, { start: itv.startDate, end: itv.endDate }).until);
    until = Math.min(lastUntil, Math.max(dayOf(itv.endDate), ...ends.filter(Number.isFinite)));
  }
  const lifeSpan: Span = { from: start, until: started ? Math.max(until, start + 1) : start };
  const life = rounded(rawFlows(itv, models, ctx, lifeSpan, 'whole', factor), ctx);
  const lifetime: R.RoiLifetime = {
    ...life.figures,
    from: itv.startDate,
    to: isoOfDay(Math.max(lifeSpan.until - 1, lifeSpan.from)),
    started,
    paybackMonths: { hard: payback(life.months, false), withSoft: payback(life.months, true) },
  };
  return { period, oneOffSpread, lifetime };
}
