import type { IndicatorFrequency } from '../../../src-shared/domain';
import { dayFromParts, weekdayOfDay } from '../indicators/periods';

// Periods as BI and ERP exports name them instead of a date: a month by its name (Jan 2025,
// janvier 2025, févr. 2025), a quarter (2025-Q1, Q1 2025, T1 2025 in French), an ISO week
// (2025-W05, S05 2025). Each reads as the first day of its period — the 1st of the month or of the
// quarter, the Monday of the week — and keeps its length: a value given for a quarter is the
// quarter's, so it fits an indicator counted per quarter or per year, never one counted per month.

export type PeriodGrain = 'week' | 'month' | 'quarter';

export interface PeriodLabel {
  day: number;
  grain: PeriodGrain;
}

/** Month names and their usual abbreviations, English and French, without accents and dots. */
const MONTHS = new Map<string, number>();
[
  ['jan', 'january', 'janv', 'janvier'],
  ['feb', 'february', 'fev', 'fevr', 'fevrier'],
  ['mar', 'march', 'mars'],
  ['apr', 'april', 'avr', 'avril'],
  ['may', 'mai'],
  ['jun', 'june', 'juin'],
  ['jul', 'july', 'juil', 'juillet'],
  ['aug', 'august', 'aou', 'aout'],
  ['sep', 'sept', 'september', 'septembre'],
  ['oct', 'october', 'octobre'],
  ['nov', 'november', 'novembre'],
  ['dec', 'december', 'decembre'],
].forEach((names, i) => names.forEach((n) => MONTHS.set(n, i + 1)));

const plain = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

const MONTH_YEAR = /^([A-Za-zÀ-ÿ]{3,9})\.?[\s\-/]*(\d{4})$/;
const YEAR_MONTH = /^(\d{4})[\s\-/]+([A-Za-zÀ-ÿ]{3,9})\.?$/;
const YEAR_QUARTER = /^(\d{4})[\s\-/]*[QqTt]([1-4])$/;
const QUARTER_YEAR = /^[QqTt]([1-4])[\s\-/]*(\d{4})$/;
const YEAR_WEEK = /^(\d{4})[\s-]*[WwSs](\d{1,2})$/;
const WEEK_YEAR = /^[WwSs](\d{1,2})[\s\-/]*(\d{4})$/;

/** The Monday of ISO week `week` of `year` (week 1 holds the 4th of January), or NaN past the year's last week. */
function isoWeekStart(year: number, week: number): number {
  const jan4 = dayFromParts(year, 1, 4);
  const first = jan4 - weekdayOfDay(jan4);
  const nextFirst = dayFromParts(year + 1, 1, 4) - weekdayOfDay(dayFromParts(year + 1, 1, 4));
  const start = first + 7 * (week - 1);
  return week >= 1 && start < nextFirst ? start : Number.NaN;
}

/** The period a text names, or null when it names none of these forms (or no real one: Q5, W54, "Foo 2025"). */
export function readPeriodLabel(text: string): PeriodLabel | null {
  let m = YEAR_QUARTER.exec(text) ?? null;
  if (m) return { day: dayFromParts(Number(m[1]), 3 * Number(m[2]) - 2, 1), grain: 'quarter' };
  m = QUARTER_YEAR.exec(text);
  if (m) return { day: dayFromParts(Number(m[2]), 3 * Number(m[1]) - 2, 1), grain: 'quarter' };
  m = MONTH_YEAR.exec(text);
  const month = (name: string) => MONTHS.get(plain(name));
  if (m && month(m[1]!)) return { day: dayFromParts(Number(m[2]), month(m[1]!)!, 1), grain: 'month' };
  m = YEAR_MONTH.exec(text);
  if (m && month(m[2]!)) return { day: dayFromParts(Number(m[1]), month(m[2]!)!, 1), grain: 'month' };
  m = YEAR_WEEK.exec(text) ?? null;
  const week = m ? isoWeekStart(Number(m[1]), Number(m[2])) : Number.NaN;
  if (m) return Number.isNaN(week) ? null : { day: week, grain: 'week' };
  m = WEEK_YEAR.exec(text);
  if (m) {
    const w = isoWeekStart(Number(m[2]), Number(m[1]));
    return Number.isNaN(w) ? null : { day: w, grain: 'week' };
  }
  return null;
}

const RANK: Record<IndicatorFrequency | PeriodGrain, number> = { daily: 0, week: 1, weekly: 1, month: 2, monthly: 2, quarter: 3, quarterly: 3, yearly: 4 };

/** Whether a value for a whole `grain` can be one of the indicator's values: its periods are that long or longer. */
export const fitsFrequency = (grain: PeriodGrain, frequency: IndicatorFrequency): boolean => RANK[frequency] >= RANK[grain];
