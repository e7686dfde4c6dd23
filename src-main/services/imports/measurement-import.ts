import fs from 'node:fs';
import type { z } from 'zod';
import { BoucleError } from '../../../src-shared/errors';
import { reasonOf, type MessageKey, type MessageParams } from '../../../src-shared/messages';
import type * as A from '../../../src-shared/schemas/indicators-analytics';
import type { Workspace } from '../../core/workspace';
import type { BulkWrite, WriteTx } from '../../db/write';
import { isoOfDay, nextPeriodStartDay } from '../indicators/periods';
import { loadIndicator } from '../indicators/series';
import type { SourceRow } from './cells';
import { MIN_DAY } from './dates';
import { NotUtf8Error } from './encoding';
import { resolveImportFile, type ImportFile } from './import-file';
import { IndicatorMatcher, loadIndicators, type IndicatorInfo } from './indicator-match';
import { detectDateFormat, inspectFile } from './inspect';
import { ImportCancelled, type JobEntry, newJob, registerJob, withWriteLock } from './jobs';
import { type Mapping, parseRow, type RowContext } from './row-parser';
import { csvRows, type ByteCounter, xlsxRows } from './sources';
import { removeUpload } from './uploads';

// The measurement import, all or nothing, in two streaming passes so memory stays flat:
//  1. validate: parse every row, list EVERY bad row (the first 1000 kept, all counted), and detect a
//     second value for the same indicator and period with 8 bytes per row (a sorted Float64Array of
//     packed keys), nothing else kept;
//  2. write: only if pass 1 found nothing wrong, read the file again and write it inside ONE
//     write-path transaction held open across the reads (Writer.beginBulk), batch by batch, so the
//     progress bar moves and a cancel rolls everything back. Each change is logged like any other.

export const MAX_ERRORS = 1000;
const BATCH = 2000;
const VALIDATE_SHARE = 0.3;
const ROW_SPAN = 2 ** 26; // rows per file the packed key can hold
const DAY_SPAN = 2 ** 17; // days 1900-01-01 … 2258: covers the accepted 1900–2199
const BULK_CACHE_KIB = -65536; // negative: KiB, i.e. 64 MB

export interface ImportPlan {
  file: ImportFile;
  encoding: A.ImportEncoding | null;
  encodingGiven: boolean;
  separator: A.ImportSeparator | null;
  sheet: string | undefined;
  /** Rows up to this one (header and the title lines above it) are not data. */
  headerRow: number;
  columnName: (i: number) => string;
  decimal: A.ImportDecimal;
  dateFormat: A.ImportDateFormat;
  mapping: Mapping;
  single: IndicatorInfo | null;
  indicators: IndicatorInfo[];
  onExisting: A.OnExisting;
}

function rowsOf(plan: ImportPlan, counter: ByteCounter, signal: AbortSignal): AsyncGenerator<SourceRow> {
  return plan.file.format === 'xlsx'
    ? xlsxRows(plan.file, { sheet: plan.sheet }, counter, signal)
    : csvRows(plan.file, { encoding: plan.encoding!, separator: plan.separator! }, counter, signal);
}

function contextOf(plan: ImportPlan): RowContext {
  return {
    mapping: plan.mapping,
    dateFormat: plan.dateFormat,
    decimal: plan.decimal,
    xlsx: plan.file.format === 'xlsx',
    matcher: new IndicatorMatcher(plan.indicators, plan.single),
    columnName: plan.columnName,
  };
}

// ------------------------------------------------------------------------------------------- planning

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
    decimal: ins.decimal.decimal,
    dateFormat,
    mapping,
    single,
    indicators: single ? [] : loadIndicators(ws, input.options.departmentId),
    onExisting: input.onExisting,
  };
}

// ------------------------------------------------------------------------------------------- pass 1

/** The first MAX_ERRORS bad rows by row number, and how many there are in all. */
class ErrorList {
  items: A.ImportBadRow[] = [];
  count = 0;
  badRows = 0;
  add(e: A.ImportBadRow) {
    this.count++;
    if (this.items.length < MAX_ERRORS * 2) this.items.push(e);
    if (this.items.length === MAX_ERRORS * 2) this.trim();
  }
  trim() {
    this.items.sort((a, b) => a.row - b.row);
    this.items.length = Math.min(this.items.length, MAX_ERRORS);
  }
}

/** 8 bytes per data row: (indicator, period day, row) packed into one exact double, sorted at the end. */
class KeyBuffer {
  private arr = new Float64Array(1 << 16);
  n = 0;
  push(indicator: number, periodDay: number, row: number) {
    if (this.n === this.arr.length) {
      const bigger = new Float64Array(this.arr.length * 2);
      bigger.set(this.arr);
      this.arr = bigger;
    }
    this.arr[this.n++] = (indicator * DAY_SPAN + (periodDay - MIN_DAY)) * ROW_SPAN + row;
  }
  sorted(): Float64Array {
    return this.arr.subarray(0, this.n).sort();
  }
}

interface Validation {
  rows: number;
  skippedEmpty: number;
  errors: ErrorList;
  perIndicator: { rows: number; minDay: number; maxDay: number }[];
  /** The indicators of the file, in the order perIndicator numbers them. */
  indicators: IndicatorInfo[];
}

async function validatePass(plan: ImportPlan, job: A.ImportJob, signal: AbortSignal): Promise<Validation> {
  const ctx = contextOf(plan);
  const counter = { bytesRead: 0 };
  const errors = new ErrorList();
  const keys = new KeyBuffer();
  const perIndicator: Validation['perIndicator'] = [];
  let rows = 0;
  let skippedEmpty = 0;
  let lastBadRow = -1;
  const badRow = (row: number) => {
    if (row !== lastBadRow) errors.badRows++;
    lastBadRow = row;
  };
  try {
    for await (const src of rowsOf(plan, counter, signal)) {
      if (src.row <= plan.headerRow) continue;
      job.rowsRead++;
      job.bytesRead = counter.bytesRead;
      job.fraction = (VALIDATE_SHARE * counter.bytesRead) / Math.max(1, job.bytesTotal);
      if (src.row >= ROW_SPAN) {
        errors.add({ row: src.row, column: null, code: 'bad_file', ...reasonOf('row.too_many_rows', { max: ROW_SPAN - 1 }), value: null });
        badRow(src.row);
        break;
      }
      const p = parseRow(ctx, src);
      if (p.kind === 'blank') continue;
      if (p.kind === 'empty_value') {
        skippedEmpty++;
        continue;
      }
      if (p.kind === 'bad') {
        for (const e of p.errors) errors.add(e);
        badRow(src.row);
        continue;
      }
      rows++;
      keys.push(p.indicator, p.periodDay, p.row);
      const s = (perIndicator[p.indicator] ??= { rows: 0, minDay: p.periodDay, maxDay: p.periodDay });
      s.rows++;
      if (p.periodDay < s.minDay) s.minDay = p.periodDay;
      if (p.periodDay > s.maxDay) s.maxDay = p.periodDay;
    }
  } catch (e) {
    if (signal.aborted || e instanceof NotUtf8Error) throw e;
    // The parser gave up on the file itself (e.g. a quote never closed): that is the bad row.
    const err = e as { lines?: number; message?: string };
    errors.add({ row: err.lines ?? job.rowsRead + plan.headerRow, column: null, code: 'bad_file', ...reasonOf('row.bad_file', { detail: String(err.message ?? e) }), value: null });
    errors.badRows++;
  }

  // Two values for one indicator and period: every row after the first is a bad row. Sorting puts
  // a key's rows together, in row order, so the first of a group is the one the others repeat.
  const sorted = keys.sorted();
  let groupKey = -1;
  let firstRow = 0;
  for (let i = 0; i < sorted.length; i++) {
    const key = Math.floor(sorted[i]! / ROW_SPAN);
    const row = sorted[i]! - key * ROW_SPAN;
    if (key !== groupKey) {
      groupKey = key;
      firstRow = row;
      continue;
    }
    const ind = ctx.matcher.used[Math.floor(key / DAY_SPAN)]!;
    const period = isoOfDay((key % DAY_SPAN) + MIN_DAY);
    errors.add({
      row,
      column: plan.columnName(plan.mapping.date),
      code: 'duplicate_period',
      ...reasonOf('row.duplicate_period', { first: firstRow, name: ind.name, frequency: ind.frequency, period }),
      value: null,
    });
    errors.badRows++;
  }
  errors.trim();
  job.rowsTotal = rows;
  return { rows, skippedEmpty, errors, perIndicator, indicators: ctx.matcher.used };
}

// ------------------------------------------------------------------------------------------- pass 2

interface Counts {
  inserted: number;
  replaced: number;
  kept: number;
  unchanged: number;
}

type OkRow = Extract<ReturnType<typeof parseRow>, { kind: 'ok' }>;

const isoMemo = new Map<number, string>();

/**
 * Which indicators of the file already hold a value somewhere in the file's date range: only their
 * rows need a look-up before writing (a first import of a history is all inserts).
 */
function indicatorsWithValues(ws: Workspace, v: Validation): Set<string> {
  const any = ws.db.prepare(
    `SELECT 1 FROM measurements WHERE indicator_id = ? AND deleted_at IS NULL AND period >= ? AND period <= ? LIMIT 1`,
  );
  const out = new Set<string>();
  v.perIndicator.forEach((s, i) => {
    const ind = v.indicators[i]!;
    const to = isoOfDay(nextPeriodStartDay(ind.frequency, s.maxDay) - 1);
    if (any.get(ind.id, isoOfDay(s.minDay), to)) out.add(ind.id);
  });
  return out;
}

function writeBatch(ws: Workspace, tx: WriteTx, plan: ImportPlan, ctx: RowContext, batch: OkRow[], counts: Counts, existing: Set<string>) {
  const find = ws.db.prepare(
    `SELECT id, value, note FROM measurements
      WHERE indicator_id = ? AND deleted_at IS NULL AND period >= ? AND period <= ?
      ORDER BY period = ? DESC, period DESC LIMIT 1`,
  );
  const source = plan.file.name.slice(0, 200);
  const withNote = plan.mapping.note !== null;
  // The same days recur across the indicators of a file; formatting a date is the costly part.
  const iso = (day: number) => {
    let s = isoMemo.get(day);
    if (s === undefined) {
      if (isoMemo.size > 100_000) isoMemo.clear();
      s = isoOfDay(day);
      isoMemo.set(day, s);
    }
    return s;
  };
  for (const p of batch) {
    const ind = ctx.matcher.used[p.indicator]!;
    const period = iso(p.periodDay);
    const end = iso(nextPeriodStartDay(ind.frequency, p.periodDay) - 1);
    const old = existing.has(ind.id)
      ? (find.get(ind.id, period, end, period) as { id: string; value: number; note: string | null } | undefined)
      : undefined;
    if (!old) {
      tx.insert('measurements', { department_id: ind.departmentId, indicator_id: ind.id, period, value: p.value, source, note: p.note });
      counts.inserted++;
      continue;
    }
    const same = old.value === p.value && (!withNote || old.note === p.note);
    if (same) counts.unchanged++;
    else if (plan.onExisting === 'keep') counts.kept++;
    else {
      tx.update('measurements', old.id, withNote ? { value: p.value, note: p.note, source } : { value: p.value, source });
      counts.replaced++;
    }
  }
}

async function writePass(ws: Workspace, plan: ImportPlan, v: Validation, job: A.ImportJob, signal: AbortSignal): Promise<Counts> {
  const expected = v.rows;
  const st = fs.statSync(plan.file.path);
  if (st.size !== plan.file.size || st.mtimeMs !== plan.file.mtimeMs) {
    throw BoucleError.of('conflict', 'import.changed_after_check');
  }
  const ctx = contextOf(plan);
  const counter = { bytesRead: 0 };
  const counts: Counts = { inserted: 0, replaced: 0, kept: 0, unchanged: 0 };
  job.rowsRead = 0;
  // One transaction of a million rows dirties more pages than SQLite's default 2 MB cache holds;
  // spilling them mid-transaction made the write 3× slower at 200,000 rows, and worse as it grew.
  // A fixed 64 MB for the import's duration: bounded, so memory stays flat.
  const cache = Number(ws.db.pragma('cache_size', { simple: true }));
  ws.db.pragma(`cache_size = ${BULK_CACHE_KIB}`);
  let bulk: BulkWrite | null = null;
  try {
    const b = (bulk = ws.writer.beginBulk());
    const existing = indicatorsWithValues(ws, v); // inside the transaction: nothing can change it now
    let batch: OkRow[] = [];
    const flush = () => {
      if (!batch.length) return;
      const rows = batch;
      batch = [];
      b.apply((tx) => writeBatch(ws, tx, plan, ctx, rows, counts, existing));
      job.rowsWritten += rows.length;
    };
    for await (const src of rowsOf(plan, counter, signal)) {
      if (src.row <= plan.headerRow) continue;
      job.rowsRead++;
      job.bytesRead = counter.bytesRead;
      job.fraction = VALIDATE_SHARE + ((1 - VALIDATE_SHARE) * counter.bytesRead) / Math.max(1, job.bytesTotal);
      const p = parseRow(ctx, src);
      if (p.kind === 'bad') throw BoucleError.of('conflict', 'import.changed_at_row', { row: src.row });
      if (p.kind !== 'ok') continue;
      batch.push(p);
      if (batch.length === BATCH) flush();
    }
    flush();
    if (signal.aborted) throw signal.reason;
    if (job.rowsWritten !== expected) {
      throw BoucleError.of('conflict', 'import.changed_rows');
    }
    b.commit();
    return counts;
  } finally {
    bulk?.rollback(); // no-op after commit
    ws.db.pragma(`cache_size = ${cache}`);
  }
}

// ------------------------------------------------------------------------------------------- the job

async function runJob(ws: Workspace, plan: ImportPlan, job: A.ImportJob, signal: AbortSignal): Promise<void> {
  try {
    let v: Validation;
    for (;;) {
      try {
        v = await validatePass(plan, job, signal);
        break;
      } catch (e) {
        // The sample looked like UTF-8 but the rest is not: read it all again as Windows-1252.
        if (!(e instanceof NotUtf8Error) || plan.encodingGiven || plan.encoding !== 'utf-8') throw e;
        plan.encoding = 'windows-1252';
        job.rowsRead = 0;
      }
    }
    if (signal.aborted) throw signal.reason;
    if (v.errors.count > 0) {
      job.errors = v.errors.items;
      job.errorCount = v.errors.count;
      job.phase = 'rejected';
      setMessage(job, 'import.job.rejected', { badRows: v.errors.badRows, count: v.errors.count });
      return;
    }
    job.phase = 'writing';
    job.bytesRead = 0;
    const counts = await withWriteLock(ws, () => writePass(ws, plan, v, job, signal));
    job.result = {
      rows: v.rows,
      ...counts,
      skippedEmpty: v.skippedEmpty,
      encoding: plan.file.format === 'csv' ? plan.encoding : null,
      dateFormat: plan.dateFormat,
      indicators: v.perIndicator.flatMap((s, i) =>
        s ? [{ indicatorId: v.indicators[i]!.id, name: v.indicators[i]!.name, rows: s.rows, from: isoOfDay(s.minDay), to: isoOfDay(s.maxDay) }] : [],
      ),
    };
    job.phase = 'done';
    job.fraction = 1;
    setMessage(job, 'import.job.done', { rows: v.rows });
    if (plan.file.fileRef) removeUpload(plan.file.fileRef);
  } catch (e) {
    if (signal.aborted || e instanceof ImportCancelled) {
      job.phase = 'cancelled';
      setMessage(job, 'import.job.cancelled');
    } else {
      job.phase = 'failed';
      if (e instanceof NotUtf8Error) setMessage(job, 'import.not_utf8', { byte: e.byteOffset });
      else if (e instanceof BoucleError && e.key) setMessage(job, e.key, e.params);
      else job.message = e instanceof Error ? e.message : String(e);
    }
  } finally {
    job.finishedAt = new Date().toISOString();
  }
}

/** The job's message in English, with its key and params for the UI. */
function setMessage(job: A.ImportJob, key: MessageKey, params?: MessageParams) {
  const r = reasonOf(key, params);
  job.message = r.reason;
  job.messageKey = r.key;
  if (r.params) job.messageParams = r.params;
}

/** Starts the import; the returned entry's `done` settles when it has finished. */
export async function startImport(ws: Workspace, input: StartInput): Promise<JobEntry> {
  const plan = await planImport(ws, input);
  const job = newJob(plan.file.name, plan.file.size);
  const controller = new AbortController();
  const entry: JobEntry = { job, controller, done: Promise.resolve() };
  entry.done = runJob(ws, plan, job, controller.signal);
  registerJob(ws, entry);
  return entry;
}
