import type { z } from 'zod';
import type * as A from '../../../src-shared/imports/schemas';
import type { Workspace } from '../../db/workspace';
import { isoOfDay } from '../indicators/periods';
import { loadIndicator } from '../indicators/series';
import { cellText, isEmptyCell } from './cells';
import { resolveImportFile } from './import-file';
import { IndicatorMatcher, loadIndicators, type IndicatorInfo } from './indicator-match';
import { detectDateFormat, guessColumns, inspectFile } from './inspect';
import { parseRow, type RowContext } from './row-parser';
import { previewRollUp } from './roll-up';

// imports.measurements.preview: what was detected, the guessed mapping, and the first rows parsed
// exactly as the import would parse them (errors included), for the mapping step of the UI.

/** Stands for "no indicator chosen yet": dates are shown as read, not moved to a period start. */
// Before an indicator is chosen, no period of the file is too long for it (ownFrequency).
const NO_INDICATOR: IndicatorInfo = { id: '', name: '', departmentId: '', frequency: 'daily', ownFrequency: 'yearly' };

const aggregationOf = (ws: Workspace, id: string) =>
  ws.db.prepare(`SELECT aggregation FROM indicators WHERE id = ?`).pluck().get(id) as IndicatorInfo['aggregation'];

export async function previewImport(ws: Workspace, input: z.output<typeof A.importPreviewInput>): Promise<A.ImportPreview> {
  const file = resolveImportFile(input);
  const ins = await inspectFile(file, input.options);
  const indicators = loadIndicators(ws, input.options.departmentId);
  const guess = guessColumns(ins, indicators);
  const mapping = input.mapping
    ? { date: input.mapping.date, value: input.mapping.value, note: input.mapping.note ?? null, indicator: input.mapping.indicator ?? null }
    : guess.mapping;
  const dateFormat = detectDateFormat(ins, mapping.date);

  const rows: A.ImportPreviewRow[] = [];
  let rollUp: A.ImportRollUpPreview | null = null;
  if (mapping.date !== null && mapping.value !== null) {
    let single: IndicatorInfo | null = null;
    if (input.indicatorId) {
      const ind = loadIndicator(ws, input.indicatorId, 'indicatorId');
      single = { id: ind.id, name: ind.name, departmentId: ind.departmentId, frequency: ind.frequency, aggregation: aggregationOf(ws, ind.id) };
    } else if (mapping.indicator === null) single = NO_INDICATOR;
    const matcher = new IndicatorMatcher(indicators, single);
    const ctx: RowContext = {
      mapping: { date: mapping.date, value: mapping.value, note: mapping.note, indicator: single ? null : mapping.indicator },
      dateFormat: input.dateFormat ?? dateFormat.detected,
      decimal: ins.decimal.decimal,
      xlsx: file.format === 'xlsx',
      fieldLimit: ins.fieldLimit,
      separator: ins.sample.separator,
      header: ins.header,
      matcher,
      columnName: ins.columnName,
    };
    for (const src of ins.data) {
      if (rows.length === input.sampleRows) break;
      const p = parseRow(ctx, src);
      if (p.kind === 'blank') continue;
      const cells = src.cells;
      const indicatorText = mapping.indicator === null ? null : cellText(cells[mapping.indicator] ?? null) || null;
      const base = {
        row: src.row,
        note: mapping.note === null ? null : cellText(cells[mapping.note] ?? null).trim() || null,
        indicator: single && single !== NO_INDICATOR ? single.name : indicatorText,
      };
      if (p.kind === 'ok') {
        const ind = matcher.used[p.indicator]!;
        const known = ind !== NO_INDICATOR;
        rows.push({
          ...base,
          period: known ? isoOfDay(p.periodDay) : null,
          date: isoOfDay(p.day),
          value: p.value,
          indicatorId: known ? ind.id : null,
          errors: [],
        });
      } else {
        rows.push({ ...base, period: null, date: null, value: null, indicatorId: null, errors: p.kind === 'bad' ? p.errors : [] });
      }
    }
    if (single !== NO_INDICATOR) rollUp = previewRollUp(ctx, ins.data, input.rollUp, ins.sample.complete);
  }

  const dataRows = ins.data.filter((r) => r.cells.some((c) => !isEmptyCell(c))).length;
  const columns: A.ImportColumn[] = Array.from({ length: ins.columnCount }, (_, i) => ({
    index: i,
    name: ins.columnName(i),
    guess: guess.roles[i] ?? null,
    samples: ins.data
      .map((r) => cellText(r.cells[i] ?? null).trim())
      .filter(Boolean)
      .slice(0, 5),
  }));
  return {
    fileName: file.name,
    format: file.format,
    size: file.size,
    encoding: ins.sample.encoding?.encoding ?? null,
    bom: ins.sample.encoding?.bom ?? false,
    separator: ins.sample.separator,
    decimal: ins.decimal.decimal,
    decimalAmbiguous: ins.decimal.ambiguous,
    thousands: ins.decimal.thousands,
    headerRow: ins.headerRow,
    sheets: ins.sample.sheets,
    sheet: ins.sample.sheet,
    columns,
    mapping,
    dateFormat,
    rows,
    rollUp,
    raw: ins.sample.rows.slice(0, 10).map((r) => r.cells.map((c) => cellText(c))),
    estimatedRows: ins.sample.complete ? dataRows : Math.round((file.size / Math.max(1, ins.sample.bytes)) * dataRows),
  };
}
