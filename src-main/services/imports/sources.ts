import fs from 'node:fs';
import { pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import type { ImportEncoding, ImportSeparator } from '../../../src-shared/imports/schemas';
import type { SourceRow } from './cells';
import { decodeSample, decoderStream, detectEncoding, type DetectedEncoding } from './encoding';
import type { ImportFile } from './import-file';
import { XlsxWorkbook } from './xlsx-reader';

export { SheetNotFound } from './xlsx-reader';

// The rows of a file, streamed: CSV through a decoder and csv-parse, XLSX through our reader on yauzl
// and saxes (xlsx-reader.ts). Both count the bytes read (the progress bar) and stop when the signal aborts. Only
// the current row is held; nothing grows with the file.

export interface ByteCounter {
  bytesRead: number;
}

const CSV_OPTIONS = {
  relax_column_count: true, // a short or long row is reported by the import, not thrown by the parser
  relax_quotes: true, // a lone quote inside a field (5" screen) is kept as text
  skip_empty_lines: true,
  info: true,
} as const;

/** Where a record started: csv-parse tells the line it ended on; quoted fields may span lines. */
function startLine(endLine: number, record: string[]): number {
  let inner = 0;
  for (const f of record) {
    if (f.includes('\n')) for (const c of f) if (c === '\n') inner++;
  }
  return endLine - inner;
}

export async function* csvRows(
  file: ImportFile,
  opts: { encoding: ImportEncoding; separator: ImportSeparator },
  counter: ByteCounter,
  signal: AbortSignal,
): AsyncGenerator<SourceRow> {
  const input = fs.createReadStream(file.path, { highWaterMark: 1 << 20 });
  input.on('data', (chunk) => (counter.bytesRead += chunk.length));
  const parser = parse({ ...CSV_OPTIONS, delimiter: opts.separator });
  // pipeline destroys every stage on the first error, so the loop below throws it.
  pipeline(input, decoderStream(opts.encoding), parser, () => undefined);
  try {
    for await (const r of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (signal.aborted) throw signal.reason;
      yield { row: startLine(r.info.lines, r.record), cells: r.record };
    }
  } finally {
    input.destroy();
    parser.destroy();
  }
}

/** Rows of the chosen sheet (default the first visible one); `sheets` receives the workbook's sheet names. */
export async function* xlsxRows(
  file: ImportFile,
  opts: { sheet?: string | undefined; sheets?: string[] },
  counter: ByteCounter,
  signal: AbortSignal,
): AsyncGenerator<SourceRow> {
  const book = await XlsxWorkbook.open(file.path);
  try {
    if (opts.sheets && opts.sheets.length === 0) opts.sheets.push(...book.sheets.map((s) => s.name));
    yield* book.rows(book.sheet(opts.sheet), (bytes) => (counter.bytesRead = bytes), signal);
  } finally {
    book.close();
  }
}

// ---------------------------------------------------------------------------------------------- samples

export const SAMPLE_BYTES = 1 << 20;
export const SAMPLE_ROWS = 500;

export interface Sample {
  rows: SourceRow[];
  /** The whole file was read. */
  complete: boolean;
  bytes: number;
  encoding: DetectedEncoding | null;
  separator: ImportSeparator | null;
  sheets: string[];
  sheet: string | null;
}

function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

/**
 * The separator that splits the first lines most consistently (same count on most lines), then into
 * the most columns. In "2025-01-31;12,5" the ';' count is the same on every line, header included,
 * while the decimal comma is missing from the header: ';' wins.
 */
export function detectSeparator(lines: string[]): ImportSeparator {
  const sample = lines.filter((l) => l.trim()).slice(0, 100);
  let best: { sep: ImportSeparator; consistency: number; columns: number } | null = null;
  for (const sep of [';', '\t', ','] as const) {
    const counts = sample.map((l) => countOutsideQuotes(l, sep));
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 0;
    let modeN = 0;
    for (const [c, n] of freq) if (n > modeN || (n === modeN && c > mode)) [mode, modeN] = [c, n];
    if (mode === 0) continue;
    const consistency = modeN / sample.length;
    if (!best || consistency > best.consistency + 1e-9 || (Math.abs(consistency - best.consistency) < 1e-9 && mode > best.columns)) {
      best = { sep, consistency, columns: mode };
    }
  }
  return best?.sep ?? ',';
}

export function sampleCsv(file: ImportFile, opts: { encoding?: ImportEncoding | undefined; separator?: ImportSeparator | undefined }): Sample {
  const size = Math.min(file.size, SAMPLE_BYTES);
  const bytes = Buffer.alloc(size);
  const fd = fs.openSync(file.path, 'r');
  try {
    fs.readSync(fd, bytes, 0, size, 0);
  } finally {
    fs.closeSync(fd);
  }
  const complete = size === file.size;
  const detected = opts.encoding ? { encoding: opts.encoding, bom: detectEncoding(bytes).bom } : detectEncoding(bytes);
  let text = decodeSample(bytes, detected.encoding);
  if (!complete) text = text.slice(0, text.lastIndexOf('\n') + 1);
  const separator = opts.separator ?? detectSeparator(text.split(/\r?\n/, 200));
  let rows: SourceRow[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      const parsed = parseSync(text, { ...CSV_OPTIONS, delimiter: separator, to: SAMPLE_ROWS }) as unknown as { record: string[]; info: { lines: number } }[];
      rows = parsed.map((r) => ({ row: startLine(r.info.lines, r.record), cells: r.record }));
      break;
    } catch (e) {
      // A quoted field cut by the end of the sample: drop the last line and try again.
      const cut = text.lastIndexOf('\n', text.length - 2);
      if (complete || cut <= 0) throw e;
      text = text.slice(0, cut + 1);
    }
  }
  return { rows, complete: complete && rows.length < SAMPLE_ROWS, bytes: size, encoding: detected, separator, sheets: [], sheet: null };
}

export async function sampleXlsx(file: ImportFile, opts: { sheet?: string | undefined }): Promise<Sample> {
  const sheets: string[] = [];
  const rows: SourceRow[] = [];
  const counter = { bytesRead: 0 };
  let complete = true;
  for await (const r of xlsxRows(file, { sheet: opts.sheet, sheets }, counter, new AbortController().signal)) {
    if (rows.length === SAMPLE_ROWS) {
      complete = false;
      break;
    }
    rows.push(r);
  }
  return { rows, complete, bytes: counter.bytesRead, encoding: null, separator: null, sheets, sheet: opts.sheet ?? sheets[0] ?? null };
}
