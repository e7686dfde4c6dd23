import { describe, expect, it } from 'vitest';
import { looksNumeric, parseNumberText } from '../../src-main/services/imports/numbers';

// The number rules of the import, one case per convention a finance export writes: grouped
// thousands, decimal comma, the accountants' (123), the trailing minus of SAP and mainframe reports.

const read = (text: string, decimal: '.' | ',') => {
  const v = parseNumberText(text, decimal);
  return typeof v === 'object' && v !== null ? v.code : v;
};

describe('numbers in an export', () => {
  it('reads the minus wherever a report puts it', () => {
    expect(read('1.234,50-', ',')).toBe(-1234.5);
    expect(read('1 234,50 - ', ',')).toBe(-1234.5);
    expect(read('12,5−', ',')).toBe(-12.5);
    expect(read('1,234.50-', '.')).toBe(-1234.5);
    expect(read('750-', '.')).toBe(-750);
    expect(read('-750', '.')).toBe(-750);
    expect(read('(750)', '.')).toBe(-750);
    expect(read('750 €-', '.')).toBe(-750);
  });

  it('reads grouped and decimal numbers to the very double Number() gives', () => {
    let seed = 99;
    const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    for (let i = 0; i < 50_000; i++) {
      const int = String(Math.floor(rand() * 10 ** Math.floor(1 + rand() * 15)));
      const frac = rand() < 0.7 ? String(Math.floor(rand() * 10 ** Math.floor(1 + rand() * 6))) : '';
      const minus = rand() < 0.3 ? '-' : '';
      const expected = Number(`${minus}${int}${frac ? `.${frac}` : ''}`);
      for (const [decimal, group] of [['.', ','], [',', '.']] as const) {
        const grouped = rand() < 0.5 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, group) : int;
        const text = `${minus}${grouped}${frac ? `${decimal}${frac}` : ''}`;
        expect(read(text, decimal), text).toBe(expected);
      }
    }
  });

  it('refuses what is not one number', () => {
    for (const t of ['-750-', '5-10', '--5', '1-2-', '-', 'abc-']) {
      const v = read(t, '.');
      expect(v === 'bad_number' || v === null, t).toBe(true);
    }
    expect(read('-', '.')).toBe(null); // the reports' "nothing"
    expect(read('-750-', '.')).toBe('bad_number');
  });

  it('counts a trailing-minus value as a number when guessing the columns', () => {
    expect(looksNumeric('1.234,50-')).toBe(true);
    expect(looksNumeric('2025-01-')).toBe(false);
  });
});
