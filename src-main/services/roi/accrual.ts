import { dayOf, isoOfDay, nextPeriodStartDay, periodStartDay } from '../indicators/periods';

// Day counts of ROI. A span is [from, until): it starts on `from` and stops the day before `until`
// (an end date is the first day something no longer runs or counts), so a month-long intervention
// costs exactly one month. A monthly amount accrues in proportion to the days of each calendar month
// the span covers: 31 January days of a 31-day month are the whole monthly amount.

/** UTC day numbers; until is exclusive and may be +Infinity (open). */
export interface Span {
  from: number;
  until: number;
}

export interface Month {
  /** YYYY-MM */
  month: string;
  /** The month's first day and the first day of the next one. */
  start: number;
  next: number;
  /** The part of the month inside the window: [from, until). */
  from: number;
  until: number;
}

/** The calendar months of the window [from, until), each clipped to it. */
export function monthsOf(window: Span): Month[] {
  const out: Month[] = [];
  for (let start = periodStartDay('monthly', window.from); start < window.until; ) {
    const next = nextPeriodStartDay('monthly', start);
    out.push({ month: isoOfDay(start).slice(0, 7), start, next, from: Math.max(start, window.from), until: Math.min(next, window.until) });
    start = next;
  }
  return out;
}

export const overlap = (a: Span, b: Span): number => Math.max(0, Math.min(a.until, b.until) - Math.max(a.from, b.from));

/** A monthly amount over `span`, month by month: amount × days of the span in the month ÷ days of the month. */
export function accrueMonthly(amountPerMonth: number, span: Span, months: Month[]): number[] {
  return months.map((m) => (amountPerMonth * overlap(span, m)) / (m.next - m.start));
}

/** An amount spread evenly per day over `span` (finite), month by month. */
export function spreadPerDay(amount: number, span: Span, months: Month[]): number[] {
  const days = span.until - span.from;
  return months.map((m) => (amount * overlap(span, m)) / days);
}

/** An amount once, in the month holding `day` (nothing when the day is outside the months). */
export function once(amount: number, day: number, months: Month[]): number[] {
  return months.map((m) => (day >= m.from && day < m.until ? amount : 0));
}

/** The day `months` calendar months after `day` (same day of the month, clipped to its length). */
export function addMonths(day: number, months: number): number {
  const d = new Date(day * 86_400_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / 86_400_000;
}

export const spanOf = (from: string, until: string | null): Span => ({ from: dayOf(from), until: until ? dayOf(until) : Number.POSITIVE_INFINITY });

export { dayOf, isoOfDay };
