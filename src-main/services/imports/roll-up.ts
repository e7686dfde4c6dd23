import type { IndicatorAggregation, IndicatorFrequency } from '../../../src-shared/domain';
import type * as A from '../../../src-shared/imports/schemas';
import { isoOfDay, periodStartDay } from '../indicators/periods';
import type { SourceRow } from './cells';
import type { IndicatorInfo } from './indicator-match';
import { contextOf, type ImportPlan } from './import-plan';
import { parseRow, type RowContext } from './row-parser';

// Roll-up on import: several rows of a file in one period of their indicator (daily or weekly rows
// into a monthly indicator) make ONE value of that period, by the aggregation the user chose. Only
// one small record per indicator-period is kept, never the rows, so a million daily rows of one
// indicator hold about 2,700 records. A row goes to the period of its own date, so a week that
// straddles two months splits by the dates of its rows.
//
// The validating pass reads the file with the indicators seen as daily (dayLevel below), so the
// row parser and the fast lane hand over each row's date unchanged; the roll-up moves it to the
// indicator's period here.

interface Cell {
  count: number;
  /** Neumaier-compensated sum: a month of amounts in cents adds up exactly. */
  sum: number;
  comp: number;
  /** The most decimals seen in the cell's values: a sum of cents is rounded to the cent. */
  decimals: number;
  min: number;
  max: number;
  lastDay: number;
  lastRow: number;
  lastValue: number;
  lastNote: string | null;
}

export interface RolledUp {
  indicator: number;
  periodDay: number;
  value: number;
  /** The note of the period's latest row (the one "last" takes). */
  note: string | null;
  /** How many rows of the file the value came from. */
  rows: number;
}

/** Decimals of a parsed value as written (12.5 → 1; 1e-7 → 7), at most 10. */
function decimalsOf(v: number): number {
  if (Number.isInteger(v)) return 0;
  const s = String(v);
  const e = s.indexOf('e-');
  if (e >= 0) return Math.min(10, Number(s.slice(e + 2)) + Math.max(0, s.indexOf('.') >= 0 ? e - s.indexOf('.') - 1 : 0));
  return Math.min(10, s.length - s.indexOf('.') - 1);
}

/** The file's indicators seen as daily, so that rows keep their own date until the roll-up. */
export function dayLevel(indicators: IndicatorInfo[]): IndicatorInfo[] {
  return indicators.map((i) => ({ ...i, frequency: 'daily' as const, ownFrequency: i.ownFrequency ?? i.frequency }));
}

export class RollUp {
  private readonly cells = new Map<number, Cell>();
  private readonly frequencies: IndicatorFrequency[] = [];

  /**
   * `used`: the matcher's indicators, which a row's index names (grows as the file is read);
   * `byId`: the indicators as they are, when `used` holds their day-level copies.
   */
  constructor(
    readonly aggregation: IndicatorAggregation,
    private readonly used: IndicatorInfo[],
    private readonly byId?: Map<string, IndicatorInfo>,
  ) {}

  /** The file's indicators as they are (not day-level), in the order rows number them. */
  indicators(): IndicatorInfo[] {
    return this.used.map((i) => this.byId?.get(i.id) ?? i);
  }

  get periods(): number {
    return this.cells.size;
  }

  /** The period (first day) of the indicator a row of `day` goes to. */
  periodOf(indicator: number, day: number): number {
    const f = (this.frequencies[indicator] ??= (this.byId?.get(this.used[indicator]!.id) ?? this.used[indicator]!).frequency);
    return periodStartDay(f, day);
  }

  /** One row of the file, in file order; returns the period day it went to. */
  add(indicator: number, day: number, row: number, value: number, note: string | null): number {
    const periodDay = this.periodOf(indicator, day);
    const key = indicator * 2 ** 20 + (periodDay + 2 ** 19); // periods of 1900–2199 fit in 20 bits
    const c = this.cells.get(key);
    if (!c) {
      this.cells.set(key, {
        count: 1, sum: value, comp: 0, decimals: decimalsOf(value), min: value, max: value,
        lastDay: day, lastRow: row, lastValue: value, lastNote: note,
      });
      return periodDay;
    }
    c.count++;
    const t = c.sum + value;
    c.comp += Math.abs(c.sum) >= Math.abs(value) ? c.sum - t + value : value - t + c.sum;
    c.sum = t;
    const d = decimalsOf(value);
    if (d > c.decimals) c.decimals = d;
    if (value < c.min) c.min = value;
    if (value > c.max) c.max = value;
    // The latest date wins; on the same date, the later row of the file.
    if (day > c.lastDay || (day === c.lastDay && row > c.lastRow)) {
      c.lastDay = day;
      c.lastRow = row;
      c.lastValue = value;
      c.lastNote = note;
    }
    return periodDay;
  }

  private valueOf(c: Cell): number {
    switch (this.aggregation) {
      case 'sum': {
        const f = 10 ** c.decimals;
        return Math.round((c.sum + c.comp) * f) / f;
      }
      case 'mean':
        return (c.sum + c.comp) / c.count;
      case 'last':
        return c.lastValue;
      case 'min':
        return c.min;
      case 'max':
        return c.max;
    }
  }

  /** The rolled-up values, by indicator then period. */
  *results(): Generator<RolledUp> {
    const keys = [...this.cells.keys()].sort((a, b) => a - b);
    for (const key of keys) {
      const c = this.cells.get(key)!;
      const indicator = Math.floor(key / 2 ** 20);
      yield { indicator, periodDay: key - indicator * 2 ** 20 - 2 ** 19, value: this.valueOf(c), note: c.lastNote, rows: c.count };
    }
  }
}

/** The row context of a validating pass that rolls up, and the roll-up its rows go to. */
export function rollUpContext(plan: ImportPlan): { ctx: RowContext; rollUp: RollUp } {
  const real = new Map<string, IndicatorInfo>();
  for (const i of plan.single ? [plan.single] : plan.indicators) real.set(i.id, i);
  const ctx = contextOf({ ...plan, indicators: dayLevel(plan.indicators), single: plan.single ? dayLevel([plan.single])[0]! : null });
  return { ctx, rollUp: new RollUp(plan.rollUp!, ctx.matcher.used, real) };
}

/**
 * The preview's roll-up: the sample's rows (the import parses them the same way) rolled up, when
 * several fall in one period of their indicator or a roll-up is asked for; null otherwise.
 */
export function previewRollUp(
  ctx: RowContext,
  sample: SourceRow[],
  asked: IndicatorAggregation | undefined,
  complete: boolean,
): A.ImportRollUpPreview | null {
  const rows: { indicator: number; day: number; row: number; value: number; note: string | null }[] = [];
  for (const src of sample) {
    const p = parseRow(ctx, src);
    if (p.kind === 'ok') rows.push({ indicator: p.indicator, day: p.day, row: src.row, value: p.value, note: p.note });
  }
  const own = ctx.matcher.used[0]?.aggregation ?? 'mean';
  const aggregation = asked ?? own;
  const r = new RollUp(aggregation, ctx.matcher.used);
  for (const x of rows) r.add(x.indicator, x.day, x.row, x.value, x.note);
  if (!asked && r.periods === rows.length) return null; // one row per period: nothing to roll up
  const ind = r.indicators();
  return {
    aggregation,
    indicatorAggregation: own,
    sampleRows: rows.length,
    complete,
    periods: [...r.results()].map((x) => ({
      indicatorId: ind[x.indicator]!.id,
      indicator: ind[x.indicator]!.name,
      period: isoOfDay(x.periodDay),
      value: x.value,
      rows: x.rows,
    })),
  };
}
