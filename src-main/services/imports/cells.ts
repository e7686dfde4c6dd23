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

export function isEmptyCell(c: Cell | undefined): boolean {
  return c === null || c === undefined || (typeof c === 'string' && c.trim() === '');
}

/** The cell as text, for messages, samples and the mapping step. */
export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? '' : c.toISOString().slice(0, 10);
  if (isErrorCell(c)) return c.error;
  return String(c);
}
