import type * as A from '../../../src-shared/imports/schemas';
import { BoucleError } from '../../../src-shared/errors';
import { type Cell, cellText, isEmptyCell, type SourceRow } from './cells';
import { dateEvidence, isDateLike } from './dates';
import type { ImportFile } from './import-file';
import { IndicatorMatcher, type IndicatorInfo } from './indicator-match';
import { guessDecimal, looksNumeric, parseNumberCell, type DecimalGuess } from './numbers';
import { sampleCsv, sampleXlsx, SheetNotFound, type Sample } from './sources';

// What a file looks like, from its first rows: encoding and separator (CSV), the header row, the
// decimal mark, which column holds what, and the date format. The preview shows it; the import
// starts from it, with the user's choices on top.

export interface Inspection {
  file: ImportFile;
  sample: Sample;
  /** Row number of the header (as a spreadsheet numbers rows), or null when there is none. */
  headerRow: number | null;
  header: string[] | null;
  /** Sampled rows after the header. */
  data: SourceRow[];
  columnCount: number;
  /**
   * CSV: the fields a data row may have (see fieldLimitOf); a row with more is refused. null for a
   * workbook, whose cells cannot run into each other.
   */
  fieldLimit: number | null;
  decimal: DecimalGuess;
  columnName(index: number): string;
}

const isDataish = (c: Cell) =>
  c instanceof Date || typeof c === 'number' || (typeof c === 'string' && (isDateLike(c) || looksNumeric(c)));
const isTextual = (c: Cell) => typeof c === 'string' && c.trim() !== '' && !isDataish(c);

/**
 * The header is the last all-text row (two cells or more) before the first row with data in it;
 * title lines of a BI export above it ("Report: …", one cell) are passed over.
 */
export function detectHeaderIndex(rows: SourceRow[]): number | null {
  const limit = Math.min(rows.length, 50);
  let header: number | null = null;
  for (let i = 0; i < limit; i++) {
    const cells = rows[i]!.cells.filter((c) => !isEmptyCell(c));
    if (cells.length === 0) continue;
    if (cells.length >= 2 && cells.some(isDataish)) return header;
    if (cells.length >= 2 && cells.every(isTextual)) header = i;
  }
  return header;
}

/**
 * How many fields a CSV data row may have. A value holding the separator without quotes — 1,200.50
 * in a file separated by ',' — splits in two, and the row would be read as 1, its note as 200.50:
 * so a row with more fields than the header is refused rather than read wrong, even when the one
 * too many is empty (the row's note was). Exports write every row with the header's field count;
 * when every sampled row has more, the file's layout has a column the header does not name, and
 * that is no accident. Without a header, the layout is the field count most sampled rows have.
 */
export function fieldLimitOf(header: string[] | null, data: SourceRow[]): number {
  const rows = data.slice(0, 500).filter((r) => r.cells.some((c) => !isEmptyCell(c)));
  if (header) {
    if (rows.length > 0 && rows.every((r) => r.cells.length > header.length)) return Math.max(...rows.map((r) => r.cells.length));
    return Math.max(header.length, 1);
  }
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
  let best = 0;
  let seen = 0;
  for (const [n, k] of counts) if (k > seen || (k === seen && n > best)) [best, seen] = [n, k];
  return Math.max(best, 1);
}

export async function inspectFile(file: ImportFile, options: A.ImportOptions): Promise<Inspection> {
  let sample: Sample;
  try {
    sample = file.format === 'xlsx' ? await sampleXlsx(file, { sheet: options.sheet }) : sampleCsv(file, options);
  } catch (e) {
    if (e instanceof SheetNotFound) throw BoucleError.of('validation', 'import.no_sheet', { sheet: e.sheet }, 'options.sheet');
    throw BoucleError.of('validation', 'import.unreadable', { file: file.name, detail: (e as Error).message }, 'fileRef');
  }
  let headerIdx: number | null;
  if (options.headerRow === null) headerIdx = null;
  else if (options.headerRow !== undefined) {
    headerIdx = sample.rows.findIndex((r) => r.row === options.headerRow);
    if (headerIdx < 0) throw BoucleError.of('validation', 'import.header_row', { row: options.headerRow }, 'options.headerRow');
  } else headerIdx = detectHeaderIndex(sample.rows);

  const headerRow = headerIdx === null ? null : sample.rows[headerIdx]!;
  const header = headerRow ? headerRow.cells.map((c) => cellText(c).trim()) : null;
  const data = headerIdx === null ? sample.rows : sample.rows.slice(headerIdx + 1);
  const columnCount = Math.max(header?.length ?? 0, ...data.slice(0, 200).map((r) => r.cells.length));
  const texts: string[] = [];
  for (const r of data.slice(0, 500)) for (const c of r.cells) if (typeof c === 'string' && !isDateLike(c)) texts.push(c);
  const decimal = options.decimal
    ? { ...guessDecimal(texts, sample.separator), decimal: options.decimal, ambiguous: false }
    : guessDecimal(texts, sample.separator);
  const letters = (i: number) => {
    let s = '';
    for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  return {
    file,
    sample,
    headerRow: headerRow?.row ?? null,
    header,
    data,
    columnCount,
    fieldLimit: file.format === 'csv' ? fieldLimitOf(header, data) : null,
    decimal,
    columnName: (i) => header?.[i] || (file.format === 'xlsx' ? `Column ${letters(i)}` : `Column ${i + 1}`),
  };
}

// ---------------------------------------------------------------------------------------------- guesses

const plain = (s: string) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const HINTS: Record<A.ColumnRole, RegExp> = {
  date: /\b(date|dates|periode|period|mois|month|jour|day|semaine|week|annee|year|trimestre|quarter|datum|fecha)\b/,
  value: /\b(valeur|value|values|montant|amount|mesure|measure|resultat|result|total|nombre|number|count|val|kpi value)\b/,
  note: /\b(note|notes|commentaire|commentaires|comment|comments|remarque|remarques|remark|observation|observations|description)\b/,
  indicator: /\b(indicateur|indicator|kpi|metric|metrique|serie|series|measure name|nom)\b/,
};

export interface Guess {
  mapping: A.ImportPreview['mapping'];
  roles: (A.ColumnRole | null)[];
}

export function guessColumns(ins: Inspection, indicators: IndicatorInfo[]): Guess {
  const rows = ins.data.slice(0, 200);
  const xlsx = ins.file.format === 'xlsx';
  const matcher = new IndicatorMatcher(indicators);
  const stats = Array.from({ length: ins.columnCount }, (_, j) => {
    let filled = 0;
    let dates = 0;
    let numbers = 0;
    let texts = 0;
    const distinct = new Set<string>();
    for (const r of rows) {
      const c = r.cells[j] ?? null;
      if (isEmptyCell(c)) continue;
      filled++;
      if (isDateLike(c)) dates++;
      else if (typeof parseNumberCell(c, ins.decimal.decimal) === 'number') numbers++;
      else if (typeof c === 'string') {
        texts++;
        if (distinct.size < 200) distinct.add(c.trim());
      }
    }
    const matched = [...distinct].filter((d) => typeof matcher.resolve(d) === 'number').length;
    const name = plain(ins.header?.[j] ?? '');
    return { j, filled, dates, numbers, texts, matched, distinct: distinct.size, hint: (role: A.ColumnRole) => HINTS[role].test(name) };
  });
  const taken = new Set<number>();
  const pick = (cands: typeof stats) => {
    const c = cands.find((s) => !taken.has(s.j));
    if (c) taken.add(c.j);
    return c?.j ?? null;
  };
  const share = (n: number, s: { filled: number }) => (s.filled ? n / s.filled : 0);

  const date = pick([
    ...stats.filter((s) => s.hint('date') && (share(s.dates, s) >= 0.5 || (xlsx && share(s.numbers, s) >= 0.8))),
    ...stats.filter((s) => share(s.dates, s) >= 0.8),
  ]);
  const value = pick([
    ...stats.filter((s) => s.hint('value') && share(s.numbers, s) >= 0.5),
    ...stats.filter((s) => share(s.numbers, s) >= 0.8),
  ]);
  const indicator = pick([
    ...stats.filter((s) => s.texts > 0 && s.matched > 0 && s.matched >= s.distinct / 2).sort((a, b) => b.matched - a.matched),
    ...stats.filter((s) => s.hint('indicator') && share(s.texts, s) >= 0.8),
  ]);
  const note = pick(stats.filter((s) => s.hint('note')));
  const roles: (A.ColumnRole | null)[] = stats.map((s) =>
    s.j === date ? 'date' : s.j === value ? 'value' : s.j === indicator ? 'indicator' : s.j === note ? 'note' : null,
  );
  return { mapping: { date, value, note, indicator }, roles };
}

export function detectDateFormat(ins: Inspection, dateColumn: number | null): A.ImportPreview['dateFormat'] {
  const cells = dateColumn === null ? [] : ins.data.slice(0, 500).map((r) => r.cells[dateColumn] ?? null);
  const ev = dateEvidence(cells, ins.file.format === 'xlsx');
  const both: A.ImportDateFormat[] = ['dd/mm/yyyy', 'mm/dd/yyyy'];
  const excelDates = ev.excel > 0;
  if (ev.dayFirst > 0 && ev.monthFirst > 0) return { detected: null, ambiguous: false, conflict: true, candidates: both, excelDates };
  if (ev.dayFirst > 0) return { detected: 'dd/mm/yyyy', ambiguous: false, conflict: false, candidates: ['dd/mm/yyyy'], excelDates };
  if (ev.monthFirst > 0) return { detected: 'mm/dd/yyyy', ambiguous: false, conflict: false, candidates: ['mm/dd/yyyy'], excelDates };
  if (ev.either > 0) return { detected: null, ambiguous: true, conflict: false, candidates: both, excelDates };
  return { detected: 'iso', ambiguous: false, conflict: false, candidates: ['iso'], excelDates };
}
