import type ExcelJS from 'exceljs';
import type { AnyTable, CellType } from '../tables/table';

// One table as one worksheet: a bold frozen header row with an autofilter, real number, date and
// currency cells with their formats, and widths that fit the content.

const SYMBOL: Record<string, string> = { EUR: '€', USD: '$', GBP: '£', CHF: 'CHF', CAD: 'CA$', JPY: '¥' };

export function moneyFormat(currency: string): string {
  const digits = currency === 'JPY' ? '0' : '0.00';
  return `#,##${digits} "${SYMBOL[currency] ?? currency}"`;
}

const FORMATS: Partial<Record<CellType, string>> = { integer: '#,##0', number: '#,##0.00', percent: '0.0%', date: 'yyyy-mm-dd' };

function cellValue(type: CellType, v: string | number | null): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  switch (type) {
    case 'date':
      return typeof v === 'string' ? new Date(`${v.slice(0, 10)}T00:00:00Z`) : v;
    case 'money':
      return Number(v) / 100;
    case 'percent':
      return Number(v) / 100;
    case 'integer':
    case 'number':
      return Number(v);
    default:
      return String(v);
  }
}

export function addSheet(wb: ExcelJS.Workbook, t: AnyTable): ExcelJS.Worksheet {
  const name = t.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = t.columns.map((c) => ({ header: c.header, width: c.width ?? Math.min(60, Math.max(10, c.header.length + 2)) }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F3F5' } };
  for (const r of t.rows) {
    const row = ws.addRow(t.columns.map((c) => cellValue(c.type, c.value(r))));
    t.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const fmt = c.type === 'money' ? moneyFormat(c.currency?.(r) ?? 'EUR') : FORMATS[c.type];
      if (fmt && cell.value !== null) cell.numFmt = fmt;
    });
  }
  if (t.columns.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, t.rows.length + 1), column: t.columns.length } };
  return ws;
}
