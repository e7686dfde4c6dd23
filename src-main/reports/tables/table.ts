// A table as every tabular format writes it (XLSX sheet, CSV file): typed columns, so that a number
// stays a number, a date a date and money an amount in its currency.

export type CellType = 'text' | 'integer' | 'number' | 'percent' | 'date' | 'money';

export interface Column<R> {
  header: string;
  type: CellType;
  /** money: the row's currency. */
  currency?: (row: R) => string;
  width?: number;
  value(row: R): string | number | null;
}

export interface Table<R> {
  /** Sheet name (≤ 31 characters) or file name part. */
  name: string;
  columns: Column<R>[];
  rows: R[];
}

/** A table whose rows are of any type (for lists of tables of different rows). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTable = Table<any>;
