import { describe, expect, it } from 'vitest';
import type { IndicatorAggregation, IndicatorFrequency } from '../../src-shared/domain';
import { aggregationForUnit } from '../../src-shared/indicators/aggregation';
import { dayOf, isoOfDay } from '../../src-main/services/indicators/periods';
import type { IndicatorInfo } from '../../src-main/services/imports/indicator-match';
import { RollUp, dayLevel } from '../../src-main/services/imports/roll-up';

// The roll-up of an import: rows in one period of their indicator make one value by its aggregation.

const info = (id: string, frequency: IndicatorFrequency): IndicatorInfo => ({ id, name: id, departmentId: 'd', frequency });

/** Rolls [date, value] rows (file order, row numbers from 2) of one indicator up; returns period → [value, rows]. */
function roll(aggregation: IndicatorAggregation, frequency: IndicatorFrequency, rows: [string, number, string?][]) {
  const real = info('i', frequency);
  const r = new RollUp(aggregation, dayLevel([real]), new Map([['i', real]]));
  rows.forEach(([date, value, note], k) => r.add(0, dayOf(date), k + 2, value, note ?? null));
  expect(r.indicators()).toEqual([real]);
  return Object.fromEntries([...r.results()].map((x) => [isoOfDay(x.periodDay), [x.value, x.rows, x.note]]));
}

describe('roll-up', () => {
  it('sums money to the cent', () => {
    // 0.1 + 0.2 + … in floating point is not 0.3: the sum is rounded to the values' decimals.
    const rows: [string, number][] = Array.from({ length: 31 }, (_, i) => [`2030-01-${String(i + 1).padStart(2, '0')}`, 0.1]);
    rows.push(['2030-02-01', 0.1], ['2030-02-02', 0.2], ['2030-02-03', 1234567.89]);
    expect(roll('sum', 'monthly', rows)).toEqual({ '2030-01-01': [3.1, 31, null], '2030-02-01': [1234568.19, 3, null] });
  });

  it('averages rates', () => {
    expect(roll('mean', 'monthly', [['2030-03-02', 90], ['2030-03-09', 95], ['2030-03-16', 97], ['2030-04-06', 50]])).toEqual({
      '2030-03-01': [94, 3, null],
      '2030-04-01': [50, 1, null],
    });
  });

  it('takes the last by date, not by row order; on the same date the later row', () => {
    const r = roll('last', 'monthly', [['2030-05-20', 3, 'c'], ['2030-05-31', 9, 'late'], ['2030-05-01', 1, 'a'], ['2030-06-02', 4, 'x'], ['2030-06-02', 5, 'y']]);
    expect(r).toEqual({ '2030-05-01': [9, 3, 'late'], '2030-06-01': [5, 2, 'y'] });
  });

  it('keeps the smallest and the largest', () => {
    const rows: [string, number][] = [['2030-07-01', 4], ['2030-07-15', -2.5], ['2030-07-31', 11]];
    expect(roll('min', 'monthly', rows)).toEqual({ '2030-07-01': [-2.5, 3, null] });
    expect(roll('max', 'monthly', rows)).toEqual({ '2030-07-01': [11, 3, null] });
  });

  it('puts rows in quarters and years across their boundaries', () => {
    const rows: [string, number][] = [['2030-03-31', 1], ['2030-04-01', 2], ['2030-06-30', 3], ['2030-12-31', 4], ['2031-01-01', 5]];
    expect(roll('sum', 'quarterly', rows)).toEqual({
      '2030-01-01': [1, 1, null],
      '2030-04-01': [5, 2, null],
      '2030-10-01': [4, 1, null],
      '2031-01-01': [5, 1, null],
    });
    expect(roll('sum', 'yearly', rows)).toEqual({ '2030-01-01': [10, 4, null], '2031-01-01': [5, 1, null] });
  });

  it('puts weekly rows that straddle a month by their own date', () => {
    // The week of Monday 2030-06-24 ends on 2030-06-30; the week of 2030-07-01 is July's; a row dated
    // Sunday 2030-03-31 is March's even though its week began in March too, and one dated Monday
    // 2030-04-01 is April's although most of the week around it was not.
    expect(roll('sum', 'monthly', [['2030-06-24', 10], ['2030-07-01', 20], ['2030-07-08', 30], ['2030-03-31', 1], ['2030-04-01', 2]])).toEqual({
      '2030-03-01': [1, 1, null],
      '2030-04-01': [2, 1, null],
      '2030-06-01': [10, 1, null],
      '2030-07-01': [50, 2, null],
    });
  });

  it('keeps one record per indicator-period, not per row', () => {
    const a = info('a', 'monthly');
    const b = info('b', 'yearly');
    const r = new RollUp('sum', dayLevel([a, b]), new Map([['a', a], ['b', b]]));
    for (let d = 0; d < 3652; d++) { // 2030-01-01 … 2039-12-31 (two leap years)
      r.add(0, dayOf('2030-01-01') + d, 2 * d + 2, 1, null);
      r.add(1, dayOf('2030-01-01') + d, 2 * d + 3, 2, null);
    }
    expect(r.periods).toBe(120 + 10);
    const out = [...r.results()];
    expect(out[0]).toMatchObject({ indicator: 0, periodDay: dayOf('2030-01-01'), value: 31, rows: 31 });
    expect(out.at(-1)).toMatchObject({ indicator: 1, periodDay: dayOf('2039-01-01'), value: 2 * 365 });
  });
});

describe('the aggregation from the unit', () => {
  it('sums money and counts, averages rates, scores and durations', () => {
    expect(['EUR', 'USD', 'invoices', 'journals', 'e-mails', 'pairs', 'ideas'].map(aggregationForUnit)).toEqual(Array(7).fill('sum'));
    expect(['%', 'days', 'Days', 'hours', 'points', '', 'EUR/invoice', 'jours', '% of invoices'].map(aggregationForUnit)).toEqual(Array(9).fill('mean'));
  });
});
