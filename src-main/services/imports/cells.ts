// A cell as the sources give it: text from a CSV; text, number, boolean, date or error from XLSX.

export interface ExcelErrorCell {
  error: string;
}

export type Cell = string | number | boolean | Date | ExcelErrorCell | null;

export interface SourceRow {
  /** Row number as a spreadsheet shows it (1-based, header and blank lines counted). */
  row: number;
  cells: Cell[];
}

export const isErrorCell = (c: Cell): c is ExcelErrorCell => typeof c === 'object' && c !== null && !(c instanceof Date);

const isSpace = (ch: number) =>
  ch === 32 || (ch >= 9 && ch <= 13) || ch === 0xa0 || ch === 0x1680 || (ch >= 0x2000 && ch <= 0x200a) ||
  ch === 0x2028 || ch === 0x2029 || ch === 0x202f || ch === 0x205f || ch === 0x3000 || ch === 0xfeff;

export function isEmptyCell(c: Cell | undefined): boolean {
  if (c === null || c === undefined) return true;
  if (typeof c !== 'string') return false;
  // Without trim(): this runs for three cells of every row of a million-row file. The same
  // characters as trim() (ECMAScript WhiteSpace and LineTerminator).
  for (let i = 0; i < c.length; i++) if (!isSpace(c.charCodeAt(i))) return false;
  return true;
}

/** The cell as text, for messages, samples and the mapping step. */
export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? '' : c.toISOString().slice(0, 10);
  if (isErrorCell(c)) return c.error;
  return String(c);
}
