import type { z } from 'zod';
import { BoucleError } from '../../../src-shared/errors';
import type { IndicatorAggregation } from '../../../src-shared/domain';
import type * as A from '../../../src-shared/imports/schemas';
import type { Workspace } from '../../db/workspace';
import { loadIndicator } from '../indicators/series';
import type { SourceRow } from './cells';
import type { LineHandler } from './csv-tokenizer';
import { resolveImportFile, type ImportFile } from './import-file';
import { IndicatorMatcher, loadIndicators, type IndicatorInfo } from './indicator-match';
import { detectDateFormat, inspectFile } from './inspect';
import type { Mapping, RowContext } from './row-parser';
import { csvBatches, type ByteCounter, xlsxBatches } from './sources';

// Planning a measurement import: every format choice fixed and checked before the whole file is read.

/** Share of the progress bar given to the validation pass. */
export const VALIDATE_SHARE = 0.3;

export interface ImportPlan {
  file: ImportFile;
  encoding: A.ImportEncoding | null;
  encodingGiven: boolean;
  separator: A.ImportSeparator | null;
  sheet: string | undefined;
  /** Rows up to this one (header and the title lines above it) are not data. */
  headerRow: number;
  columnName: (i: number) => string;
  /** CSV: the fields a row may have (inspect.ts fieldLimitOf); null for a workbook. */
  fieldLimit: number | null;
  /** The header's cells as text, null without one (a row repeating it is passed over). */
  header: string[] | null;
  decimal: A.ImportDecimal;
  dateFormat: A.ImportDateFormat;
  mapping: Mapping;
  single: IndicatorInfo | null;
  indicators: IndicatorInfo[];
  onExisting: A.OnExisting;
  /** Several rows in one period make one value by this aggregation (roll-up.ts); absent: refused. */
  rollUp?: IndicatorAggregation;
}

/** The file's rows, a batch at a time; a CSV's lines go to `lineHandler` first (the fast lane). */
export function batchesOf(plan: ImportPlan, counter: ByteCounter, signal: AbortSignal, lineHandler?: LineHandler): AsyncGenerator<SourceRow[]> {
  return plan.file.format === 'xlsx'
    ? xlsxBatches(plan.file, { sheet: plan.sheet }, counter, signal)
    : csvBatches(plan.file, { encoding: plan.encoding!, separator: plan.separator!, lineHandler }, counter, signal);
}

export function contextOf(plan: ImportPlan): RowContext {
  return {
    mapping: plan.mapping,
    dateFormat: plan.dateFormat,
    decimal: plan.decimal,
    xlsx: plan.file.format === 'xlsx',
    fieldLimit: plan.fieldLimit,
    separator: plan.separator,
    header: plan.header,
    matcher: new IndicatorMatcher(plan.indicators, plan.single),
    columnName: plan.columnName,
  };
}

export type StartInput = z.output<typeof A.importStartInput>;

/** Checks what can be checked before reading the whole file, and fixes every format choice. */
export async function planImport(ws: Workspace, input: StartInput): Promise<ImportPlan> {
  const file = resolveImportFile(input);
  const ins = await inspectFile(file, input.options);
  const m = input.mapping;
  const mapping: Mapping = { date: m.date, value: m.value, note: m.note ?? null, indicator: m.indicator ?? null };
  for (const [role, col] of Object.entries(mapping)) {
    if (col !== null && col >= ins.columnCount) {
      throw BoucleError.of('validation', 'import.file_columns', { count: ins.columnCount }, `mapping.${role}`);
    }
  }
  let dateFormat = input.dateFormat;
  if (!dateFormat) {
    const d = detectDateFormat(ins, mapping.date);
    if (!d.detected) {
      throw BoucleError.of('validation', d.conflict ? 'import.mixed_date_forms' : 'import.ambiguous_dates', undefined, 'dateFormat');
    }
    dateFormat = d.detected;
  }
  let single: IndicatorInfo | null = null;
  if (input.indicatorId) {
    const ind = loadIndicator(ws, input.indicatorId, 'indicatorId');
    single = { id: ind.id, name: ind.name, departmentId: ind.departmentId, frequency: ind.frequency };
  }
  return {
    file,
    encoding: ins.sample.encoding?.encoding ?? null,
    encodingGiven: input.options.encoding !== undefined,
    separator: ins.sample.separator,
    sheet: ins.sample.sheet ?? undefined,
    headerRow: ins.headerRow ?? 0,
    columnName: ins.columnName,
    fieldLimit: ins.fieldLimit,
    header: ins.header,
    decimal: ins.decimal.decimal,
    dateFormat,
    mapping,
    single,
    indicators: single ? [] : loadIndicators(ws, input.options.departmentId),
    onExisting: input.onExisting,
    rollUp: input.rollUp,
  };
}
