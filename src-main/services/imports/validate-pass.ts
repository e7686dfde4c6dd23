import { reasonOf } from '../../../src-shared/messages';
import type * as A from '../../../src-shared/imports/schemas';
import { isoOfDay } from '../indicators/periods';
import { MIN_DAY } from './dates';
import { NotUtf8Error } from './encoding';
import type { IndicatorInfo } from './indicator-match';
import { parseRow } from './row-parser';
import { CsvSyntaxError } from './csv-tokenizer';
import { fastLane } from './fast-lane';
import { freeNow } from './free-now';
import { VALIDATE_SHARE, batchesOf, contextOf, type ImportPlan } from './import-plan';
import type { SpoolWriter } from './spool';
import { rollUpContext } from './roll-up';

// Pass 1 of the measurement import: parse every row, list EVERY bad row (the first MAX_ERRORS kept,
// all counted), detect a second value for the same indicator and period with 8 bytes per row, and
// spool the good rows (spool.ts) for pass 2, so that the file is read and parsed only once.

export const MAX_ERRORS = 1000;
export const ROW_SPAN = 2 ** 26; // rows per file the packed key can hold
export const DAY_SPAN = 2 ** 17; // days 1900-01-01 … 2258: covers the accepted 1900–2199

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

/**
 * 8 bytes per data row: (indicator, period day, row) packed into one exact double. Kept in runs of
 * RUN keys, each sorted at the end and merged, not in one array doubled as it fills: at 3M rows that
 * held 32 MB, and 48 MB while it was copied into the bigger one; runs hold 24 MB, never more.
 */
const RUN = 1 << 16;
class KeyBuffer {
  private runs: Float64Array[] = [];
  private cur = new Float64Array(RUN);
  private at = 0;
  n = 0;
  push(indicator: number, periodDay: number, row: number) {
    if (this.at === RUN) {
      this.runs.push(this.cur);
      this.cur = new Float64Array(RUN);
      this.at = 0;
    }
    this.cur[this.at++] = (indicator * DAY_SPAN + (periodDay - MIN_DAY)) * ROW_SPAN + row;
    this.n++;
  }
  /** Every key in ascending order: the runs sorted, then merged through a heap of their heads; once. */
  forEachSorted(fn: (key: number) => void): void {
    const runs = [...this.runs, this.cur.subarray(0, this.at)].filter((r) => r.length > 0).map((r) => r.sort());
    const pos = new Int32Array(runs.length);
    const head = (i: number) => runs[i]![pos[i]!]!;
    const heap = runs.map((_, i) => i);
    const down = (k: number) => {
      for (;;) {
        const l = 2 * k + 1;
        if (l >= heap.length) return;
        const c = l + 1 < heap.length && head(heap[l + 1]!) < head(heap[l]!) ? l + 1 : l;
        if (head(heap[c]!) >= head(heap[k]!)) return;
        [heap[c], heap[k]] = [heap[k]!, heap[c]!];
        k = c;
      }
    };
    for (let k = (heap.length >> 1) - 1; k >= 0; k--) down(k);
    while (heap.length > 0) {
      const i = heap[0]!;
      fn(head(i));
      if ((pos[i] = pos[i]! + 1) === runs[i]!.length) {
        heap[0] = heap[heap.length - 1]!;
        heap.pop();
      }
      down(0);
    }
    // Read once: 8 bytes a row (24 MB at 3M rows) go now, not during the write pass (free-now.ts).
    for (const r of [...this.runs, this.cur]) freeNow(r);
    this.runs = [];
    this.cur = new Float64Array(0);
    this.at = 0;
  }
}

export interface Validation {
  rows: number;
  skippedEmpty: number;
  errors: ErrorList;
  perIndicator: { rows: number; minDay: number; maxDay: number }[];
  /** The indicators of the file, in the order perIndicator numbers them. */
  indicators: IndicatorInfo[];
  /** With a roll-up: the file's rows (`rows` is then the periods written). */
  sourceRows?: number;
}

export async function validatePass(plan: ImportPlan, job: A.ImportJob, spool: SpoolWriter, signal: AbortSignal): Promise<Validation> {
  // With a roll-up the rows keep their date and roll-up.ts puts them in their periods .
  const { ctx, rollUp } = plan.rollUp ? rollUpContext(plan) : { ctx: contextOf(plan), rollUp: null };
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
  const accept = (row: number, indicator: number, periodDay: number, value: number, note: string | null) => {
    rows++;
    if (rollUp) periodDay = rollUp.add(indicator, periodDay, row, value, note);
    else {
      keys.push(indicator, periodDay, row);
      // Once a row is bad nothing will be written: stop spooling, keep checking.
      if (errors.count === 0) spool.add(indicator, periodDay, value, note);
    }
    const s = (perIndicator[indicator] ??= { rows: 0, minDay: periodDay, maxDay: periodDay });
    s.rows++;
    if (periodDay < s.minDay) s.minDay = periodDay;
    if (periodDay > s.maxDay) s.maxDay = periodDay;
  };
  let fastRows = 0;
  const lane =
    plan.file.format === 'csv'
      ? fastLane(ctx, plan.separator!, { header: plan.headerRow, limit: ROW_SPAN }, (row, indicator, periodDay, value, note) => {
          fastRows++;
          accept(row, indicator, periodDay, value, note);
        })
      : undefined;
  try {
    outer: for await (const batch of batchesOf(plan, counter, signal, lane)) {
      job.rowsRead += fastRows;
      fastRows = 0;
      if (signal.aborted) throw signal.reason;
      job.bytesRead = counter.bytesRead;
      job.fraction = (VALIDATE_SHARE * counter.bytesRead) / Math.max(1, job.bytesTotal);
      for (const src of batch) {
        if (src.row <= plan.headerRow) continue;
        job.rowsRead++;
        if (src.row >= ROW_SPAN) {
          errors.add({ row: src.row, column: null, code: 'bad_file', ...reasonOf('row.too_many_rows', { max: ROW_SPAN - 1 }), value: null });
          badRow(src.row);
          break outer;
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
        accept(p.row, p.indicator, p.periodDay, p.value, p.note);
      }
    }
    job.rowsRead += fastRows;
  } catch (e) {
    if (signal.aborted || e instanceof NotUtf8Error) throw e;
    // The file itself cannot be read from there on (e.g. a quote never closed): that is the bad row.
    const row = e instanceof CsvSyntaxError ? e.line : job.rowsRead + plan.headerRow;
    errors.add({ row, column: null, code: 'bad_file', ...reasonOf('row.bad_file', { detail: String((e as Error).message ?? e) }), value: null });
    errors.badRows++;
  }

  // Two values for one indicator and period: every row after the first is a bad row. Sorting puts
  // a key's rows together, in row order, so the first of a group is the one the others repeat.
  let groupKey = -1;
  let firstRow = 0;
  keys.forEachSorted((packed) => {
    const key = Math.floor(packed / ROW_SPAN);
    const row = packed - key * ROW_SPAN;
    if (key !== groupKey) {
      groupKey = key;
      firstRow = row;
      return;
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
  });
  errors.trim();
  if (rollUp) {
    if (errors.count === 0) for (const r of rollUp.results()) spool.add(r.indicator, r.periodDay, r.value, r.note);
    job.rowsTotal = rollUp.periods;
    return { rows: rollUp.periods, sourceRows: rows, skippedEmpty, errors, perIndicator, indicators: rollUp.indicators() };
  }
  job.rowsTotal = rows;
  return { rows, skippedEmpty, errors, perIndicator, indicators: ctx.matcher.used };
}
