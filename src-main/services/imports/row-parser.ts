import type { IndicatorFrequency } from '../../../src-shared/domain';
import { reasonOf, type KeyedReason } from '../../../src-shared/messages';
import type { ImportBadRow, ImportDateFormat, ImportDecimal, ImportErrorCode } from '../../../src-shared/imports/schemas';
import { periodStartDay } from '../indicators/periods';
import { type Cell, cellText, isEmptyCell, type SourceRow } from './cells';
import { parseDateCell, periodGrainOf } from './dates';
import { fitsFrequency } from './period-labels';
import type { IndicatorMatcher } from './indicator-match';
import { parseNumberCell } from './numbers';

// One data row → one measurement, or every reason it is not one. The same function serves the
// preview, the validating pass and the writing pass, so what was checked is exactly what is written.

export interface Mapping {
  date: number;
  value: number;
  note: number | null;
  indicator: number | null;
}

export interface RowContext {
  mapping: Mapping;
  /** null: only dates that read one way (the preview before the user chose). */
  dateFormat: ImportDateFormat | null;
  decimal: ImportDecimal;
  xlsx: boolean;
  /** CSV: a row with more fields than this is refused (inspect.ts fieldLimitOf); null: no limit. */
  fieldLimit: number | null;
  /** CSV: the separator, named in that refusal. */
  separator: string | null;
  /** The header's cells as text (trimmed), null without one: a row repeating it is no data (sameAsHeader). */
  header: string[] | null;
  matcher: IndicatorMatcher;
  columnName(index: number): string;
}

export const NOTE_MAX = 2000;

export type ParsedRow =
  | { kind: 'blank' }
  | { kind: 'empty_value'; row: number }
  | { kind: 'bad'; errors: ImportBadRow[] }
  | {
      kind: 'ok';
      row: number;
      /** Index of the indicator in the matcher's `used` list. */
      indicator: number;
      /** The date as read, and the first day of its period (the measurement's key); UTC day numbers. */
      day: number;
      periodDay: number;
      value: number;
      note: string | null;
    };

const BLANK: ParsedRow = { kind: 'blank' };
const frequencyOf = (ctx: RowContext, idx: number): IndicatorFrequency => ctx.matcher.used[idx]!.frequency;

/** Adds a bad cell's problem to the row's list (made on the first problem: most rows have none). */
function bad(
  errors: ImportBadRow[] | null,
  ctx: RowContext,
  src: SourceRow,
  col: number | null,
  code: ImportErrorCode,
  why: KeyedReason,
  cell: Cell | undefined,
): ImportBadRow[] {
  const list = errors ?? [];
  list.push({ row: src.row, column: col === null ? null : ctx.columnName(col), code, ...why, value: cell === undefined ? null : cellText(cell).slice(0, 100) });
  return list;
}

/**
 * Reports printed page by page (SAP list output, paginated BI exports) repeat their header above each
 * page: such a row is passed over like a blank one, not refused as a row of bad dates and numbers.
 */
function sameAsHeader(header: string[], cells: Cell[]): boolean {
  if (cellText(cells[0]).trim() !== header[0]) return false; // most rows differ at once
  const n = Math.max(header.length, cells.length);
  for (let i = 0; i < n; i++) if (cellText(cells[i]).trim() !== (header[i] ?? '')) return false;
  return true;
}

export function parseRow(ctx: RowContext, src: SourceRow): ParsedRow {
  const m = ctx.mapping;
  const cells = src.cells;
  if (ctx.header && sameAsHeader(ctx.header, cells)) return BLANK;
  const dateCell = cells[m.date] ?? null;
  const valueCell = cells[m.value] ?? null;
  const indicatorCell = m.indicator === null ? null : (cells[m.indicator] ?? null);
  if (isEmptyCell(dateCell) && isEmptyCell(valueCell) && (m.indicator === null || isEmptyCell(indicatorCell))) return BLANK;

  let errors: ImportBadRow[] | null = null;
  const needed = Math.max(m.date, m.value, m.indicator ?? -1);
  if (cells.length <= needed) {
    errors = bad(errors, ctx, src, needed, 'missing_column', reasonOf('row.missing_column', { count: cells.length, needed: needed + 1 }), undefined);
    return { kind: 'bad', errors };
  }
  if (ctx.fieldLimit !== null && cells.length > ctx.fieldLimit) {
    const separator = ctx.separator === '\t' ? 'tab' : (ctx.separator ?? ',');
    const why = reasonOf('row.extra_fields', { count: cells.length, expected: ctx.fieldLimit, separator });
    errors = bad(errors, ctx, src, null, 'extra_fields', why, cells.map(cellText).join(ctx.separator ?? ','));
  }

  let day = Number.NaN;
  if (isEmptyCell(dateCell)) errors = bad(errors, ctx, src, m.date, 'empty_date', reasonOf('row.empty_date'), dateCell);
  else {
    const d = parseDateCell(dateCell, ctx.dateFormat, ctx.xlsx);
    if (typeof d === 'number') day = d;
    else errors = bad(errors, ctx, src, m.date, d.code, d, dateCell);
  }

  const v = parseNumberCell(valueCell, ctx.decimal);
  let value = Number.NaN;
  let empty = false;
  if (v === null) empty = true;
  else if (typeof v === 'number') value = v;
  else errors = bad(errors, ctx, src, m.value, v.code, v, valueCell);

  let indicator = 0;
  let known = true;
  if (m.indicator !== null) {
    const r = ctx.matcher.resolve(cellText(indicatorCell));
    if (typeof r === 'number') indicator = r;
    else {
      known = false;
      errors = bad(errors, ctx, src, m.indicator, r.code, r, indicatorCell);
    }
  }
  // A month, a quarter or a week given for an indicator with shorter periods: which of them it is, no one can say.
  const dateText = typeof dateCell === 'string' && !Number.isNaN(day) ? dateCell : null;
  const grain = dateText === null ? undefined : periodGrainOf(dateText);
  if (grain && dateText !== null && known) {
    const ind = ctx.matcher.used[indicator]!;
    const frequency = ind.ownFrequency ?? ind.frequency;
    if (!fitsFrequency(grain, frequency)) {
      errors = bad(errors, ctx, src, m.date, 'period_too_long', reasonOf('row.period_too_long', { text: dateText.trim().slice(0, 100), grain, name: ind.name, frequency }), dateCell);
    }
  }

  let note: string | null = null;
  if (m.note !== null) {
    const cell = cells[m.note] ?? null;
    const text = isEmptyCell(cell) ? '' : cellText(cell).trim();
    if (text.length > NOTE_MAX) errors = bad(errors, ctx, src, m.note, 'note_too_long', reasonOf('row.note_too_long', { length: text.length, max: NOTE_MAX }), cell);
    note = text || null;
  }

  if (errors) return { kind: 'bad', errors };
  if (empty) return { kind: 'empty_value', row: src.row };
  return { kind: 'ok', row: src.row, indicator, day, periodDay: periodStartDay(frequencyOf(ctx, indicator), day), value, note };
}
