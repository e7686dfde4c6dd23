import { reasonOf, type KeyedReason } from '../../../src-shared/messages';
import type { ImportDecimal } from '../../../src-shared/imports/schemas';
import { type Cell, isErrorCell } from './cells';

// Numbers as French and US exports write them: 1234.5 / 1,234.5 (US), 1234,5 / 1 234,5 / 1.234,5
// (FR, DE), thousands grouped by a space, a no-break space (U+00A0, Excel FR) or a narrow no-break
// space (U+202F, newer French locales), sometimes an apostrophe (CH). A unit sign around the number
// (%, €, $, £) is dropped; (123) is the accountants' −123, and 123- the −123 of SAP and mainframe
// reports (their minus comes last: 1.234,50-). Grouping must be by threes, so that a
// decimal comma read as a thousands separator ("1,5" with decimal '.') is refused, not misread.

const SPACES = ' \u00a0\u202f';
const AROUND = /^[\s\u00a0\u202f€$£%]+|[\s\u00a0\u202f€$£%]+$/g;
const FAST_POINT = /^-?\d+(?:\.\d+)?$/;
const FAST_COMMA = /^-?\d+(?:,\d+)?$/;
const EXPONENT = /^\d+(?:\.\d+)?[eE][+-]?\d+$/;

export type NumberProblem = { code: 'bad_number' | 'excel_error' } & KeyedReason;

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The common cases in one pass over the characters, without a regular expression or a string made:
 * optional '-', digits — grouped by threes after 1–3 digits when `group` shows (1,234,567 / 1.234)
 * — then optionally the decimal mark and digits. Undefined for anything else, and for more than 15
 * digits: the full rules below decide. The digits are summed as an integer and divided by a power
 * of ten; both are exact below 2^53, and IEEE division rounds correctly, so this is the very double
 * Number("1234.50") gives.
 */
function scanNumber(t: string, mark: number, group: number): number | undefined {
  const n = t.length;
  let i = t.charCodeAt(0) === 45 ? 1 : 0; // '-'
  let int = 0;
  let digits = 0;
  let run = 0; // digits since the last group mark
  let groups = 0;
  for (; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      int = int * 10 + (c - 48);
      digits++;
      run++;
      continue;
    }
    if (c !== group) break;
    if (run === 0 || run > 3 || (groups > 0 && run !== 3)) return undefined;
    run = 0;
    groups++;
  }
  if (digits === 0 || (groups > 0 && run !== 3)) return undefined;
  let frac = 0;
  if (i < n) {
    if (t.charCodeAt(i) !== mark || i === n - 1) return undefined;
    for (i++; i < n; i++) {
      const c = t.charCodeAt(i);
      if (c < 48 || c > 57) return undefined;
      int = int * 10 + (c - 48);
      frac++;
    }
    digits += frac;
  }
  if (digits > 15) return undefined;
  const v = frac ? int / POW10[frac]! : int;
  return t.charCodeAt(0) === 45 ? -v : v;
}

const groupedInt = new Map<string, RegExp>();

/** The number, null for an empty cell (or a lone dash, the reports' "nothing"), or why not. */
export function parseNumberText(raw: string, decimal: ImportDecimal): number | null | NumberProblem {
  const mark = decimal === '.' ? 46 : 44;
  const group = decimal === '.' ? 44 : 46;
  const quick = raw.length ? scanNumber(raw, mark, group) : undefined;
  if (quick !== undefined) return quick;
  const text = raw.trim();
  if (text === '' || text === '-' || text === '–' || text === '—') return null;
  if (decimal === '.' ? FAST_POINT.test(text) : FAST_COMMA.test(text)) {
    return Number(decimal === '.' ? text : text.replace(',', '.'));
  }
  if (text !== raw) {
    const trimmed = scanNumber(text, mark, group);
    if (trimmed !== undefined) return trimmed;
  }
  const bad = (): NumberProblem => ({ code: 'bad_number', ...reasonOf('row.not_a_number', { text: text.slice(0, 100) }) });
  let t = text;
  let negative = false;
  if (t.startsWith('(') && t.endsWith(')')) {
    negative = true;
    t = t.slice(1, -1);
  }
  t = t.replace(AROUND, '');
  if (/\d[\s\u00a0\u202f€$£%]*[-−]$/.test(t) && !/^[-−+]/.test(t)) {
    negative = !negative;
    t = t.slice(0, -1).replace(AROUND, '');
  } else if (/^[-−+]/.test(t)) {
    negative = negative !== (t[0] !== '+');
    t = t.slice(1).replace(AROUND, '');
  }
  if (decimal === '.' && EXPONENT.test(t)) return (negative ? -1 : 1) * Number(t);
  const parts = t.split(decimal);
  if (parts.length > 2) return bad();
  const [int = '', frac] = parts;
  if (frac !== undefined && !/^\d+$/.test(frac)) return bad();
  let digits: string;
  if (/^\d+$/.test(int) || (int === '' && frac !== undefined)) digits = int || '0';
  else {
    const group = decimal === '.' ? ',' : '.';
    const sep = [...int].find((c) => c < '0' || c > '9');
    if (sep === undefined || !(SPACES.includes(sep) || sep === group || sep === "'" || sep === '’')) return bad();
    let grouped = groupedInt.get(sep);
    if (!grouped) groupedInt.set(sep, (grouped = new RegExp(`^\\d{1,3}(?:${sep === '.' ? '\\.' : sep}\\d{3})+$`)));
    if (!grouped.test(int)) return bad();
    digits = int.split(sep).join('');
  }
  const value = Number(frac === undefined ? digits : `${digits}.${frac}`);
  if (!Number.isFinite(value)) return bad();
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

const NUMBERISH = /^[\s\u00a0\u202f(+\-−€$£]*\d[\d\s\u00a0\u202f.,'’]*[%€$£)\s\u00a0\u202f]*[-−]?$/;

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
