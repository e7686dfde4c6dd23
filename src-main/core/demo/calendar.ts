import dayjs from 'dayjs';

// Calendar arithmetic on ISO dates (YYYY-MM-DD) for the demo. Periods are named by their first day:
// the 1st of the month for monthly indicators, the Monday for weekly ones.

const FMT = 'YYYY-MM-DD';

/** The 1st of the month `monthsAgo` months before the month of `today` (negative = in the future). */
export function monthStart(today: string, monthsAgo: number): string {
  return dayjs(today).startOf('month').subtract(monthsAgo, 'month').format(FMT);
}

export function addDays(date: string, days: number): string {
  return dayjs(date).add(days, 'day').format(FMT);
}

export function daysBetween(from: string, to: string): number {
  return dayjs(to).diff(dayjs(from), 'day');
}

export function mondayOf(date: string): string {
  const d = dayjs(date);
  return d.subtract((d.day() + 6) % 7, 'day').format(FMT);
}

export function monthOf(date: string): number {
  return dayjs(date).month() + 1;
}

/** The last `count` complete periods before today, oldest first. */
export function pastPeriods(frequency: 'weekly' | 'monthly', today: string, count: number): string[] {
  const out: string[] = [];
  if (frequency === 'monthly') {
    for (let k = count; k >= 1; k--) out.push(monthStart(today, k));
  } else {
    const monday = dayjs(mondayOf(today));
    for (let k = count; k >= 1; k--) out.push(monday.subtract(k, 'week').format(FMT));
  }
  return out;
}
