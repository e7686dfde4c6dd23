import { reasonOf, type KeyedReason } from '../../../src-shared/messages';
import type { ImportDecimal } from '../../../src-shared/imports/schemas';
import { type Cell, isErrorCell } from './cells';

// Numbers as French and US exports write them: 1234.5 / 1,234.5 (US), 1234,5 / 1 234,5 / 1.234,5
// (FR, DE), thousands grouped by a space, a no-break space (U+00A0, Excel FR) or a narrow no-break
// space (U+202F, newer French locales), sometimes an apostrophe (CH). A unit sign around the number
// (%, €, $, £) is dropped; (123) is the accountants' −123. Grouping must be by threes, so that a
// decimal comma read as a thousands separator ("1,5" with decimal '.') is refused, not misread.

const SPACES = ' \u00a0\u202f';
const AROUND = /^[\s\u00a0\u202f€$£%]+|[\s\u00a0\u202f€$£%]+$/g;
const FAST_POINT = /^-?\d+(?:\.\d+)?$/;
const FAST_COMMA = /^-?\d+(?:,\d+)?$/;
const EXPONENT = /^\d+(?:\.\d+)?[eE][+-]?\d+$/;

export type NumberProblem = { code: 'bad_number' | 'excel_error' } & KeyedReason;

/** The number, null for an empty cell (or a lone dash, the reports' "nothing"), or why not. */
export function parseNumberText(raw: string, decimal: ImportDecimal): number | null | NumberProblem {
  const text = raw.trim();
  if (text === '' || text === '-' || text === '–' || text === '—') return null;
  if (decimal === '.' ? FAST_POINT.test(text) : FAST_COMMA.test(text)) {
    return Number(decimal === '.' ? text : text.replace(',', '.'));
  }
  const bad: NumberProblem = { code: 'bad_number', ...reasonOf('row.not_a_number', { text: text.slice(0, 100) }) };
  let t = text;
  let negative = false;
  if (t.startsWith('(') && t.endsWith(')')) {
    negative = true;
    t = t.slice(1, -1);
  }
  t = t.replace(AROUND, '');
  if (/^[-−+]/.test(t)) {
    negative = negative !== (t[0] !== '+');
    t = t.slice(1).replace(AROUND, '');
  }
  if (decimal === '.' && EXPONENT.test(t)) return (negative ? -1 : 1) * Number(t);
  const parts = t.split(decimal);
  if (parts.length > 2) return bad;
  const [int = '', frac] = parts;
  if (frac !== undefined && !/^\d+$/.test(frac)) return bad;
  let digits: string;
  if (/^\d+$/.test(int) || (int === '' && frac !== undefined)) digits = int || '0';
  else {
    const group = decimal === '.' ? ',' : '.';
    const sep = [...int].find((c) => c < '0' || c > '9');
    if (sep === undefined || !(SPACES.includes(sep) || sep === group || sep === "'" || sep === '’')) return bad;
    if (!new RegExp(`^\\d{1,3}(?:${sep === '.' ? '\\.' : sep}\\d{3})+$`).test(int)) return bad;
    digits = int.split(sep).join('');
  }
  const value = Number(frac === undefined ? digits : `${digits}.${frac}`);
  if (!Number.isFinite(value)) return bad;
  return negative ? -value : value;
}

export function parseNumberCell(cell: Cell, decimal: ImportDecimal): number | null | NumberProblem {
  if (cell === null) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : { code: 'bad_number', ...reasonOf('row.not_finite') };
  if (typeof cell === 'boolean') return { code: 'bad_number', ...reasonOf('row.not_a_number_value', { value: String(cell) }) };
  if (cell instanceof Date) return { code: 'bad_number', ...reasonOf('row.date_not_number', { date: cell.toISOString().slice(0, 10) }) };
  if (isErrorCell(cell)) return { code: 'excel_error', ...reasonOf('row.excel_error', { error: cell.error }) };
  return parseNumberText(cell, decimal);
}

const NUMBERISH = /^[\s\u00a0\u202f(+\-−€$£]*\d[\d\s\u00a0\u202f.,'’]*[%€$£)\s\u00a0\u202f]*$/;

export interface DecimalGuess {
  decimal: ImportDecimal;
  ambiguous: boolean;
  /** Thousands separators seen. */
  thousands: string[];
}

/**
 * Which mark is the decimal one, from number-looking texts. A text with both marks settles it (the
 * last one is decimal); "12,5" or "1234,56" (not 3 digits after) says comma; "12.5" says point;
 * "1,234" or "1.234" alone say nothing sure — then the separator decides (';' files are European)
 * and the guess is flagged ambiguous.
 */
export function guessDecimal(texts: string[], separator: string | null): DecimalGuess {
  let comma = 0;
  let point = 0;
  const unsure = new Set<string>();
  const thousands = new Set<string>();
  for (const raw of texts) {
    const t = raw.trim();
    if (!NUMBERISH.test(t)) continue;
    for (const m of t.matchAll(/\d([ \u00a0\u202f'’])\d/g)) thousands.add(m[1] === '’' ? "'" : m[1]!);
    const core = t.replace(/[^\d.,]/g, '');
    const lastComma = core.lastIndexOf(',');
    const lastPoint = core.lastIndexOf('.');
    if (lastComma >= 0 && lastPoint >= 0) {
      if (lastComma > lastPoint) {
        comma++;
        thousands.add('.');
      } else {
        point++;
        thousands.add(',');
      }
      continue;
    }
    const mark = lastComma >= 0 ? ',' : lastPoint >= 0 ? '.' : null;
    if (!mark) continue;
    const groups = core.split(mark);
    const threes = groups.length >= 2 && groups.slice(1).every((g) => g.length === 3) && groups[0]!.length <= 3 && groups[0]!.length > 0;
    if (groups.length > 2 && !threes) continue; // 1,2,3: not a number at all
    if (groups.length > 2) {
      // 1.234.567 or 1,234,567: grouping, so the other mark is the decimal one
      if (mark === ',') point++;
      else comma++;
      thousands.add(mark);
    } else if (threes) unsure.add(mark);
    else if (mark === ',') comma++;
    else point++;
  }
  let decimal: ImportDecimal;
  if (comma !== point) decimal = comma > point ? ',' : '.';
  else decimal = separator === ';' ? ',' : '.';
  for (const mark of unsure) if (mark !== decimal) thousands.add(mark);
  const order = [' ', '\u00a0', '\u202f', '.', ',', "'"];
  return {
    decimal,
    ambiguous: comma === point && (unsure.size > 0 || comma > 0),
    thousands: order.filter((c) => thousands.has(c)),
  };
}

export const looksNumeric = (t: string) => NUMBERISH.test(t.trim());
