import { reasonOf, type KeyedReason } from '../../../src-shared/messages';
import type { ImportDateFormat } from '../../../src-shared/imports/schemas';
import { type Cell, isErrorCell } from './cells';
import { dayFromParts } from '../indicators/periods';
import { readPeriodLabel, type PeriodGrain } from './period-labels';

// Dates as exports write them. ISO (2025-01-31, 2025/01/31, 2025-01 for a month) is never ambiguous
// and is read whatever the chosen format; day-first and month-first (31/01/2025, 01/31/2025, also with
// '.' or '-') need the file's format, because 03/04/2025 is the 3rd of April in Paris and the 4th of
// March in New York. A time after the date is ignored. XLSX date cells arrive as dates; a number in
// a date column of an XLSX file is an Excel serial day (1900 system: serial 25569 = 1970-01-01).
// Months by name, quarters and ISO weeks (period-labels.ts) read as their first day; what a text
// names longer than a day is remembered (periodGrainOf), for the row to check it fits its indicator.

export const MIN_DAY = dayFromParts(1900, 1, 1);
export const MAX_DAY = dayFromParts(2199, 12, 31);
const DAY_MS = 86_400_000;
const EXCEL_EPOCH_OFFSET = 25569;

const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?: ?[AaPp][Mm])?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})${TIME}$`);
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const DMY = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})${TIME}$`);
const SHORT_YEAR = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/;

export type DateProblem = { code: 'bad_date' | 'date_out_of_range' | 'needs_date_format' } & KeyedReason;

function inRange(day: number, text: string): number | DateProblem {
  if (Number.isNaN(day)) return { code: 'bad_date', ...reasonOf('row.date_not_exist', { text }) };
  if (day < MIN_DAY || day > MAX_DAY) return { code: 'date_out_of_range', ...reasonOf('row.date_out_of_range', { text }) };
  return day;
}

// The same dates recur on every row of a file (one per day, once per indicator): remember what each
// text reads as, per format, so the regular expressions run once per distinct date.
const MEMO_LIMIT = 50_000;
const memo = new Map<ImportDateFormat | null, Map<string, number | DateProblem>>();
/** The texts read so far that name a month, a quarter or a week (cleared with the memo, never alone). */
const grains = new Map<string, PeriodGrain>();

/** What a date text read by parseDateText names when it is longer than a day; undefined for a day. */
export const periodGrainOf = (raw: string): PeriodGrain | undefined => (grains.size ? grains.get(raw) : undefined);

/** The day (days since 1970-01-01) of a text date, or why not. `format` null: only unambiguous dates. */
export function parseDateText(raw: string, format: ImportDateFormat | null): number | DateProblem {
  let known = memo.get(format);
  if (!known) memo.set(format, (known = new Map()));
  let day = known.get(raw);
  if (day === undefined) {
    if (known.size >= MEMO_LIMIT || grains.size >= MEMO_LIMIT) {
      // all at once: a day remembered without its grain would let a quarter pass for a day
      memo.clear();
      grains.clear();
      memo.set(format, (known = new Map()));
    }
    day = readDateText(raw, format, (g) => grains.set(raw, g));
    known.set(raw, day);
  }
  return day;
}

function readDateText(raw: string, format: ImportDateFormat | null, longer: (grain: PeriodGrain) => void): number | DateProblem {
  const text = raw.trim();
  let m = ISO.exec(text);
  if (m) return inRange(dayFromParts(Number(m[1]), Number(m[2]), Number(m[3])), text);
  m = DMY.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = Number(m[4]);
    if (format === 'iso') return { code: 'bad_date', ...reasonOf('row.not_iso', { text }) };
    let dayFirst: boolean;
    if (format) dayFirst = format === 'dd/mm/yyyy';
    else if (a > 12 || b > 12 || a === b) dayFirst = a > 12 || (b <= 12 && a === b);
    else return { code: 'needs_date_format', ...reasonOf('row.needs_date_format', { text }) };
    return inRange(dayFirst ? dayFromParts(y, b, a) : dayFromParts(y, a, b), text);
  }
  m = ISO_MONTH.exec(text);
  if (m) {
    longer('month');
    return inRange(dayFromParts(Number(m[1]), Number(m[2]), 1), text);
  }
  const label = readPeriodLabel(text);
  if (label) {
    longer(label.grain);
    return inRange(label.day, text);
  }
  if (SHORT_YEAR.test(text)) return { code: 'bad_date', ...reasonOf('row.short_year', { text }) };
  return { code: 'bad_date', ...reasonOf('row.not_a_date_text', { text: text.slice(0, 100) }) };
}

export function excelSerialToDay(serial: number): number {
  return Math.floor(serial) - EXCEL_EPOCH_OFFSET;
}

export function parseDateCell(cell: Cell, format: ImportDateFormat | null, xlsx: boolean): number | DateProblem {
  if (cell instanceof Date) {
    const t = cell.getTime();
    if (Number.isNaN(t)) return { code: 'bad_date', ...reasonOf('row.not_a_date') };
    return inRange(Math.floor(t / DAY_MS), cell.toISOString().slice(0, 10));
  }
  if (typeof cell === 'number') {
    // Serial 60 is Excel's 29 February 1900, a day that never was; 61 on is right.
    if (xlsx && cell >= 61 && cell < 2958466) return inRange(excelSerialToDay(cell), String(cell));
    return { code: 'bad_date', ...reasonOf('row.not_a_date_value', { value: String(cell) }) };
  }
  if (cell !== null && isErrorCell(cell)) return { code: 'bad_date', ...reasonOf('row.excel_error', { error: cell.error }) };
  return parseDateText(String(cell ?? ''), format);
}

export interface DateEvidence {
  iso: number;
  dayFirst: number;
  monthFirst: number;
  either: number;
  excel: number;
  other: number;
}

/** What the sample of a date column says about its format. */
export function dateEvidence(cells: Cell[], xlsx: boolean): DateEvidence {
  const ev: DateEvidence = { iso: 0, dayFirst: 0, monthFirst: 0, either: 0, excel: 0, other: 0 };
  for (const c of cells) {
    if (c === null || (typeof c === 'string' && !c.trim())) continue;
    if (c instanceof Date || (xlsx && typeof c === 'number' && c >= 61 && c < 2958466)) {
      ev.excel++;
      continue;
    }
    const text = String(c).trim();
    if (ISO.test(text) || ISO_MONTH.test(text) || readPeriodLabel(text)) {
      ev.iso++;
      continue;
    }
    const m = DMY.exec(text);
    if (!m) {
      ev.other++;
      continue;
    }
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && b <= 12) ev.dayFirst++;
    else if (b > 12 && a <= 12) ev.monthFirst++;
    else if (a <= 12 && b <= 12) ev.either++;
    else ev.other++;
  }
  return ev;
}

/** A date cell or text shaped like a date (a bare number is a value unless the header says date). */
export function isDateLike(c: Cell): boolean {
  if (c instanceof Date) return true;
  if (typeof c !== 'string') return false;
  const t = c.trim();
  return ISO.test(t) || DMY.test(t) || ISO_MONTH.test(t) || readPeriodLabel(t) !== null;
}
