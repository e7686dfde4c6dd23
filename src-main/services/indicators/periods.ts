import type { IndicatorFrequency } from '../../../src-shared/domain';

// Periods of an indicator's frequency, on UTC day numbers (days since 1970-01-01) so that a million
// imported dates normalise quickly and no time zone can move a date. A period is named by its first
// day (the demo and the grid agree): the day itself, the Monday of its ISO week, the 1st of its
// month, of its quarter, of its year.

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a valid ISO date (YYYY-MM-DD). */
export function dayOf(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

/** Days since 1970-01-01 of a calendar date, or NaN when it does not exist (31 February). */
export function dayFromParts(year: number, month: number, day: number): number {
  if (month < 1 || month > 12 || day < 1 || day > 31) return Number.NaN;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCDate() !== day || d.getUTCMonth() !== month - 1) return Number.NaN;
  return ms / DAY_MS;
}

export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

export function periodStartDay(freq: IndicatorFrequency, day: number): number {
  if (freq === 'daily') return day;
  if (freq === 'weekly') return day - weekdayOfDay(day);
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  if (freq === 'monthly') return Date.UTC(y, m, 1) / DAY_MS;
  if (freq === 'quarterly') return Date.UTC(y, m - (m % 3), 1) / DAY_MS;
  return Date.UTC(y, 0, 1) / DAY_MS;
}

/** First day of the period after the one starting on `startDay`. */
export function nextPeriodStartDay(freq: IndicatorFrequency, startDay: number): number {
  if (freq === 'daily') return startDay + 1;
  if (freq === 'weekly') return startDay + 7;
  const d = new Date(startDay * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  if (freq === 'monthly') return Date.UTC(y, m + 1, 1) / DAY_MS;
  if (freq === 'quarterly') return Date.UTC(y, m + 3, 1) / DAY_MS;
  return Date.UTC(y + 1, 0, 1) / DAY_MS;
}

export function periodStart(freq: IndicatorFrequency, iso: string): string {
  return isoOfDay(periodStartDay(freq, dayOf(iso)));
}

export function periodEnd(freq: IndicatorFrequency, iso: string): string {
  return isoOfDay(nextPeriodStartDay(freq, periodStartDay(freq, dayOf(iso))) - 1);
}

/** The periods (first days) from the one holding `from` to the one holding `to`, oldest first. */
export function expectedPeriods(freq: IndicatorFrequency, from: string, to: string, max = 10_000): string[] | null {
  const out: string[] = [];
  const last = periodStartDay(freq, dayOf(to));
  for (let p = periodStartDay(freq, dayOf(from)); p <= last; p = nextPeriodStartDay(freq, p)) {
    if (out.length === max) return null;
    out.push(isoOfDay(p));
  }
  return out;
}

export interface MonthSlice {
  /** YYYY-MM */
  month: string;
  /** Days of the month inside the range, and the month's length. */
  days: number;
  daysInMonth: number;
  /** days ÷ daysInMonth: the share of the month a monthly amount is prorated by. */
  fraction: number;
}

/** The calendar months of [from, to] (inclusive ISO dates), each with its share inside the range. */
export function monthSlices(from: string, to: string): MonthSlice[] {
  const out: MonthSlice[] = [];
  const end = dayOf(to);
  let start = dayOf(from);
  while (start <= end) {
    const mStart = periodStartDay('monthly', start);
    const next = nextPeriodStartDay('monthly', mStart);
    const last = Math.min(end, next - 1);
    const days = last - start + 1;
    const daysInMonth = next - mStart;
    out.push({ month: isoOfDay(mStart).slice(0, 7), days, daysInMonth, fraction: days / daysInMonth });
    start = next;
  }
  return out;
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
