// What a cell's number format says about its number (ECMA-376 part 1, §18.8.30 numFmt): a date
// (the number is a day serial), a percentage (the number is a fraction, shown ×100), or a plain
// number. A workbook keeps 12 % as 0.12 under a percent format; the import reads what the sheet
// shows, 12, as it reads "12 %" in a CSV, so one indicator gets the same figure from either file.

export type NumberKind = 'number' | 'date' | 'percent';

/** Excel's built-in number formats that show dates or times (ids 14–22, 45–47, and the East Asian 27–36, 50–58). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
/** 0% and 0.00%. */
const BUILTIN_PERCENT_FORMATS = new Set([9, 10]);

/** The code without quoted text, escaped characters and [brackets] (colours, conditions, elapsed [h]). */
const bare = (code: string) =>
  code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');

/** A custom format code shows a date when, outside text and brackets, it has a day, month, year, hour or second token. */
export function isDateFormatCode(code: string): boolean {
  const b = bare(code);
  if (/^general$/i.test(b.trim())) return false;
  return /[dmyhsDMYHS]/.test(b.replace(/[eE][+-]/g, ''));
}

/** A custom format code multiplies by 100 when a % stands outside text in its first (positive) section. */
export function isPercentFormatCode(code: string): boolean {
  return bare(code).split(';')[0]!.includes('%');
}

export function numberKind(numFmtId: number, customCode: string | undefined): NumberKind {
  if (customCode === undefined) return BUILTIN_DATE_FORMATS.has(numFmtId) ? 'date' : BUILTIN_PERCENT_FORMATS.has(numFmtId) ? 'percent' : 'number';
  if (isDateFormatCode(customCode)) return 'date';
  return isPercentFormatCode(customCode) ? 'percent' : 'number';
}

/** The percentage a fraction shows: 0.12 → 12, not 12.000000000000002. */
export const shownPercent = (n: number): number => Number((n * 100).toPrecision(15));
