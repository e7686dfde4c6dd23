// The dates of a period (two dates, or a period relative to the day it is built), without the
// validation schema: the dashboard's first call is computed from this before zod has loaded.

export const RELATIVE_PERIODS = ['last_quarter', 'ytd', 'last_12_months'] as const;
export type RelativePeriod = (typeof RELATIVE_PERIODS)[number];

/** A period as reportPeriod (period.ts) validates it. */
export type PeriodSpec = { kind: 'relative'; relative: RelativePeriod } | { kind: 'dates'; from: string; to: string };

export interface DateWindow {
  from: string;
  to: string;
}

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);

/**
 * The dates of a period on `today` (YYYY-MM-DD):
 *  last_quarter   the last calendar quarter that has ended (on 2026-05-10: 2026-01-01 … 2026-03-31);
 *  ytd            1 January of this year to today;
 *  last_12_months the twelve whole months before the current one (on 2026-05-10: 2025-05-01 … 2026-04-30).
 */
export function resolvePeriod(p: PeriodSpec, today: string): DateWindow {
  if (p.kind === 'dates') return { from: p.from, to: p.to };
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7)) - 1;
  switch (p.relative) {
    case 'ytd':
      return { from: iso(y, 0, 1), to: today };
    case 'last_12_months':
      return { from: iso(y, m - 12, 1), to: iso(y, m, 0) };
    case 'last_quarter': {
      const q = Math.floor(m / 3);
      return { from: iso(y, (q - 1) * 3, 1), to: iso(y, q * 3, 0) };
    }
  }
}

const lastDayOf = (y: number, m: number) => new Date(Date.UTC(y, m + 1, 0)).getUTCDate();

/**
 * The window just before `w`, of the same length, that "change" compares with: the same number of
 * whole months when `w` is whole months (a quarter → the quarter before), else the same number of days.
 */
export function previousWindow(w: DateWindow): DateWindow {
  const [fy, fm, fd] = w.from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = w.to.split('-').map(Number) as [number, number, number];
  if (fd === 1 && td === lastDayOf(ty, tm - 1)) {
    const months = (ty - fy) * 12 + (tm - fm) + 1;
    return { from: iso(fy, fm - 1 - months, 1), to: iso(fy, fm - 1, 0) };
  }
  const day = 86_400_000;
  const from = Date.parse(`${w.from}T00:00:00Z`);
  const len = Math.round((Date.parse(`${w.to}T00:00:00Z`) - from) / day);
  const prevTo = from - day;
  return { from: new Date(prevTo - len * day).toISOString().slice(0, 10), to: new Date(prevTo).toISOString().slice(0, 10) };
}
