import { describe, expect, it } from 'vitest';
import type { SourceRow } from '../../src-main/services/imports/cells';
import { CsvSyntaxError, CsvTokenizer } from '../../src-main/services/imports/csv-tokenizer';
import { fastLane } from '../../src-main/services/imports/fast-lane';
import { IndicatorMatcher, type IndicatorInfo } from '../../src-main/services/imports/indicator-match';
import { parseRow, type RowContext } from '../../src-main/services/imports/row-parser';

// The validating pass reads most lines through the fast lane instead of the tokenizer and parseRow.
// Whatever the lines, the lane must take only lines parseRow finds good, with the same measurement,
// and leave every other line to the tokenizer exactly as it would have cut it without the lane.

const INDICATORS: IndicatorInfo[] = [
  { id: '0190a0a0-0000-7000-8000-000000000001', name: 'Délai de paiement', departmentId: 'd', frequency: 'monthly' },
  { id: '0190a0a0-0000-7000-8000-000000000002', name: 'Cash', departmentId: 'd', frequency: 'weekly' },
  { id: '0190a0a0-0000-7000-8000-000000000003', name: 'Cash', departmentId: 'd', frequency: 'daily' },
  { id: '0190a0a0-0000-7000-8000-000000000004', name: 'Stock', departmentId: 'd', frequency: 'quarterly' },
];

/** fieldLimit 4: the header's four fields (a fifth, filled, is refused); null: any number of fields. */
function context(decimal: '.' | ',', sep: string, fieldLimit: number | null): RowContext {
  return {
    fieldLimit,
    separator: sep,
    header: ['date', 'indicator', 'value', 'note'],
    mapping: { date: 0, indicator: 1, value: 2, note: 3 },
    dateFormat: 'dd/mm/yyyy',
    decimal,
    xlsx: false,
    matcher: new IndicatorMatcher(INDICATORS),
    columnName: (i) => `c${i}`,
  };
}

// A small seeded generator, so a failure can be replayed.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const DATES = ['2025-01-31', '31/01/2025', ' 2025-02-28 ', '"2025-03-31"', '2025-13-01', '', 'soon', '"31/12/2024"', '29/02/2023', '1999-01-01'];
const NAMES = ['Délai de paiement', ' délai  de PAIEMENT ', 'Stock', 'Cash', '"Stock"', 'Unknown', '', '0190a0a0-0000-7000-8000-000000000004', '"Sto""ck"'];
const VALUES = ['12.5', '12,5', '-3', '1 234,5', '"1,5"', '', '-', 'abc', '(12)', '1e3', '12.', '"7"', ' 8 ', 'NaN', '99999999999999999999'];
const NOTES = ['', 'ok', '"with ; sep"', '"a ""quoted"" note"', 'mid"quote', '"multi\nline note"', '  spaced  ', 'x'.repeat(2001)];

function makeText(rand: () => number, sep: string, lines: number): string {
  const pick = <T,>(a: T[]) => a[Math.floor(rand() * a.length)]!;
  const out = ['date;indicator;value;note'.replaceAll(';', sep)];
  for (let i = 0; i < lines; i++) {
    const r = rand();
    if (r < 0.03) out.push('');
    else if (r < 0.05) out.push(sep.repeat(3));
    else if (r < 0.6) out.push([pick(DATES.slice(0, 4)), pick(NAMES.slice(0, 3)), pick(VALUES.slice(0, 5)), pick(NOTES.slice(0, 4))].join(sep));
    else {
      // Now and then a quote that never closes: the file stops there, with or without the lane.
      const fields = [pick(DATES), pick(NAMES), pick(VALUES), rand() < 0.01 ? '"unclosed' : pick(NOTES)];
      const n = rand() < 0.1 ? Math.floor(rand() * 4) + 1 : rand() < 0.2 ? 5 : 4;
      while (fields.length < n) fields.push(rand() < 0.5 ? 'extra' : '"ex""tra"');
      out.push(fields.slice(0, n).join(sep));
    }
  }
  return out.join(rand() < 0.5 ? '\n' : '\r\n') + (rand() < 0.5 ? '\n' : '');
}

/** The records, and the syntax error that stopped the file if one did (records before it kept). */
function tokenize(text: string, sep: string, cuts: number[], handler?: ReturnType<typeof fastLane>): { rows: SourceRow[]; error: string | null } {
  const t = new CsvTokenizer(sep);
  t.lineHandler = handler ?? null;
  const rows: SourceRow[] = [];
  let at = 0;
  try {
    for (const c of [...cuts, text.length]) {
      t.push(text.slice(at, c), rows);
      at = c;
    }
    t.end(rows);
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    return { rows, error: e.message };
  }
  return { rows, error: null };
}

describe('the import fast lane', () => {
  it('takes only lines parseRow finds good (a fifth field filled is not), with the same measurement, and leaves the rest as the tokenizer cuts them', () => {
    let taken = 0;
    let left = 0;
    let errors = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const rand = rng(seed);
      const sep = [',', ';', '\t'][seed % 3]!;
      const decimal = sep === ',' ? '.' : rand() < 0.5 ? ',' : '.';
      const text = makeText(rand, sep, 40);
      const cuts = [...new Set(Array.from({ length: 4 }, () => Math.floor(rand() * text.length)))].sort((a, b) => a - b);

      const limit = seed % 2 === 0 ? 4 : null;
      const slowCtx = context(decimal, sep, limit);
      const slow = tokenize(text, sep, cuts);
      const fastCtx = context(decimal, sep, limit);
      const fast: { row: number; id: string; periodDay: number; value: number; note: string | null }[] = [];
      const lane = fastLane(fastCtx, sep, { header: 1, limit: 2 ** 26 }, (row, indicator, periodDay, value, note) => {
        fast.push({ row, id: fastCtx.matcher.used[indicator]!.id, periodDay, value, note });
      });
      const rest = tokenize(text, sep, cuts, lane);
      const what = `seed ${seed}`;

      const fastRows = new Set(fast.map((f) => f.row));
      expect(rest.error, what).toBe(slow.error);
      if (slow.error) errors++;
      expect(rest.rows, what).toEqual(slow.rows.filter((r) => !fastRows.has(r.row)));
      for (const f of fast) {
        const src = slow.rows.find((r) => r.row === f.row);
        expect(src, `${what}: row ${f.row} is a record`).toBeDefined();
        const p = parseRow(slowCtx, src!);
        expect(p.kind, `${what}: row ${f.row}`).toBe('ok');
        if (p.kind !== 'ok') continue;
        expect({ row: p.row, id: slowCtx.matcher.used[p.indicator]!.id, periodDay: p.periodDay, value: p.value, note: p.note }, what).toEqual(f);
      }
      taken += fast.length;
      left += rest.rows.length;
    }
    // The generator makes both kinds of lines: the comparison above is not vacuous.
    expect(taken).toBeGreaterThan(500);
    expect(left).toBeGreaterThan(500);
    expect(errors).toBeGreaterThan(10);
  });
});
