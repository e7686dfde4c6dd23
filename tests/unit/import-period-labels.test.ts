import { describe, expect, it } from 'vitest';
import { fitsFrequency, readPeriodLabel } from '../../src-main/services/imports/period-labels';
import { isoOfDay } from '../../src-main/services/indicators/periods';

// Periods as BI and ERP exports name them: months by name (English, French), quarters, ISO weeks.

const read = (text: string) => {
  const p = readPeriodLabel(text);
  return p && { start: isoOfDay(p.day), grain: p.grain };
};

describe('period labels', () => {
  it('read quarters, months by name and ISO weeks as their first day', () => {
    expect(read('2025-Q1')).toEqual({ start: '2025-01-01', grain: 'quarter' });
    expect(read('Q4 2025')).toEqual({ start: '2025-10-01', grain: 'quarter' });
    expect(read('2025 T2')).toEqual({ start: '2025-04-01', grain: 'quarter' }); // trimestre
    expect(read('q3/2025')).toEqual({ start: '2025-07-01', grain: 'quarter' });
    for (const t of ['Jan 2025', 'January 2025', 'janv. 2025', 'Janvier 2025', 'jan-2025', '2025-Jan']) expect(read(t), t).toEqual({ start: '2025-01-01', grain: 'month' });
    expect(read('févr. 2025')).toEqual({ start: '2025-02-01', grain: 'month' });
    expect(read('Sept 2025')).toEqual({ start: '2025-09-01', grain: 'month' });
    expect(read('août 2025')).toEqual({ start: '2025-08-01', grain: 'month' });
    expect(read('déc. 2025')).toEqual({ start: '2025-12-01', grain: 'month' });
    // ISO weeks: week 1 holds the 4th of January and starts on a Monday, in the year before if need be
    expect(read('2025-W01')).toEqual({ start: '2024-12-30', grain: 'week' });
    expect(read('2025W5')).toEqual({ start: '2025-01-27', grain: 'week' });
    expect(read('S05 2025')).toEqual({ start: '2025-01-27', grain: 'week' }); // semaine
    expect(read('2020-W53')).toEqual({ start: '2020-12-28', grain: 'week' });
  });

  it('read nothing else', () => {
    for (const t of ['2021-W53', '2025-W00', 'Q5 2025', 'Q0 2025', 'Foo 2025', 'May', '2025', 'Q1', 'Jan 25', 'Mayo 2025', '12 2025']) expect(read(t), t).toBeNull();
  });

  it('fit indicators whose periods are as long or longer', () => {
    expect(fitsFrequency('quarter', 'quarterly')).toBe(true);
    expect(fitsFrequency('quarter', 'yearly')).toBe(true);
    expect(fitsFrequency('quarter', 'monthly')).toBe(false);
    expect(fitsFrequency('month', 'daily')).toBe(false);
    expect(fitsFrequency('week', 'weekly')).toBe(true);
    expect(fitsFrequency('week', 'monthly')).toBe(true);
    expect(fitsFrequency('month', 'weekly')).toBe(false);
  });
});
