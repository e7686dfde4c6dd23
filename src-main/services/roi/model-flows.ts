import type { KeyedMessage } from '../../../src-shared/messages';
import { moneyParam } from '../../../src-shared/messages';
import { sentence } from '../../../src-shared/messages/method';
import type { BenefitModel } from '../../../src-shared/roi/schemas';
import { accrueMonthly, addMonths, dayOf, isoOfDay, once, type Month, type Span } from './accrual';

// What one benefit model brings, day by day, within its intervention's life (DOMAIN.md "Benefit"):
//   time released   hours/month × hourly rate (the model's, else the department's loaded rate) × realisation %
//   cost avoided / custom   an amount per month (a quarter's ÷ 3, a year's ÷ 12), or once at its start
//   cash released   cash = annual revenue ÷ 365 × days improved: working capital, once, at its start —
//                   balance sheet, not P&L; the P&L effect is the financing saved, cash × rate ÷ 12 a month.
// A benefit never counts before the intervention starts, nor after it ends unless the model says for
// how many months it lasts (lastsMonthsAfterEnd); its own dates can only narrow that life.

export interface InterventionLife {
  start: string;
  /** The first day it no longer runs (its end date); null while it runs. */
  end: string | null;
}

/** The days a model's benefit counts: [from, until). Empty when until ≤ from. */
export function benefitLife(m: BenefitModel, itv: InterventionLife): Span {
  const start = dayOf(itv.start);
  const from = Math.max(start, m.startDate ? dayOf(m.startDate) : start);
  let until = Number.POSITIVE_INFINITY;
  if (itv.end) until = m.lastsMonthsAfterEnd === null ? dayOf(itv.end) : addMonths(dayOf(itv.end), m.lastsMonthsAfterEnd);
  if (m.endDate) until = Math.min(until, dayOf(m.endDate));
  return { from, until };
}

export interface ModelFlow {
  /** P&L benefit per month (unrounded cents). */
  pnl: number[];
  /** Cash released per month (balance sheet). */
  cash: number[];
  formula: KeyedMessage;
  missing: 'hourly_rate' | 'financing_rate' | null;
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/** The model's flows over `months`; amounts in the department's currency. */
export function modelFlow(m: BenefitModel, life: Span, months: Month[], departmentRateCents: number | null, currency: string): ModelFlow {
  const zero = () => months.map(() => 0);
  const money = (cents: number) => moneyParam(Math.round(cents), currency);
  const alive = life.until > life.from;
  switch (m.kind) {
    case 'time_released': {
      const rate = m.hourlyRateCents ?? departmentRateCents;
      const real = m.realisationPct ?? 100;
      const hours = m.hoursPerMonth ?? 0;
      const pnl = rate === null ? zero() : accrueMonthly((hours * rate * real) / 100, life, months);
      const formula =
        rate === null
          ? sentence('roi.formula.time_released_no_rate', { hours: r2(hours), realisation: r2(real) })
          : sentence('roi.formula.time_released', { hours: r2(hours), rate: money(rate), realisation: r2(real) });
      return { pnl, cash: zero(), formula, missing: rate === null ? 'hourly_rate' : null };
    }
    case 'cost_avoided':
    case 'custom': {
      const amount = m.amountCents ?? 0;
      const per = m.amountPer ?? 'month';
      if (per === 'one_off') {
        const pnl = alive ? once(amount, life.from, months) : zero();
        return { pnl, cash: zero(), formula: sentence('roi.formula.one_off', { amount: money(amount), date: isoOfDay(life.from) }), missing: null };
      }
      const divisor = per === 'month' ? 1 : per === 'quarter' ? 3 : 12;
      return { pnl: accrueMonthly(amount / divisor, life, months), cash: zero(), formula: sentence(`roi.formula.per_${per}`, { amount: money(amount) }), missing: null };
    }
    case 'cash_released': {
      const cash = ((m.annualRevenueCents ?? 0) / 365) * (m.daysImproved ?? 0);
      const rate = m.financingRatePct;
      const cashFlow = alive ? once(cash, life.from, months) : zero();
      const base = { revenue: money(m.annualRevenueCents ?? 0), days: r2(m.daysImproved ?? 0), cash: money(cash) };
      if (rate === null) return { pnl: zero(), cash: cashFlow, formula: sentence('roi.formula.cash_no_rate', base), missing: 'financing_rate' };
      return {
        pnl: accrueMonthly((cash * rate) / 100 / 12, life, months),
        cash: cashFlow,
        formula: sentence('roi.formula.cash_released', { ...base, rate: r2(rate) }),
        missing: null,
      };
    }
  }
}
