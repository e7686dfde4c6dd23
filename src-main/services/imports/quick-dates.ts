import type { ImportDateFormat } from '../../../src-shared/imports/schemas';
import { MAX_DAY, MIN_DAY } from './dates';

// The fast lane's dates: the two shapes most exports write, read from the line's characters in
// place — no string cut out, no lookup — for the same day parseDateText gives. ISO 2025-01-31 (or
// 2025/01/31) whatever the format; 31/01/2025 (or with '.' or '-') once the file's format is chosen
// day-first or month-first. Anything else, an impossible day or one out of range is NaN: the full
// rules read it and say what is wrong.

const digit = (s: string, i: number) => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
};
const two = (s: string, i: number) => digit(s, i) * 10 + digit(s, i + 1);
const four = (s: string, i: number) => two(s, i) * 100 + two(s, i + 2);

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days since 1970-01-01 of a valid date (H. Hinnant's days_from_civil), NaN for an impossible one. */
function civil(y: number, m: number, d: number): number {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 && leap(y) ? 29 : DAYS[m - 1]!))) return Number.NaN;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const day = era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
  return day >= MIN_DAY && day <= MAX_DAY ? day : Number.NaN;
}

/** The day of s[from, to) when it is a plain ISO or (with its format) day-first / month-first date; NaN otherwise. */
export function quickDay(s: string, from: number, to: number, format: ImportDateFormat | null): number {
  if (to - from !== 10) return Number.NaN;
  const a = s.charCodeAt(from + 4);
  if ((a === 45 || a === 47) && s.charCodeAt(from + 7) === a) return civil(four(s, from), two(s, from + 5), two(s, from + 8));
  const b = s.charCodeAt(from + 2);
  if (format !== 'dd/mm/yyyy' && format !== 'mm/dd/yyyy') return Number.NaN;
  if (!(b === 47 || b === 46 || b === 45) || s.charCodeAt(from + 5) !== b) return Number.NaN;
  const p = two(s, from);
  const q = two(s, from + 3);
  const y = four(s, from + 6);
  return format === 'dd/mm/yyyy' ? civil(y, q, p) : civil(y, p, q);
}
