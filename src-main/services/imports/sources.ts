import fs from 'node:fs';
import iconv from 'iconv-lite';
import type { ImportEncoding, ImportSeparator } from '../../../src-shared/imports/schemas';
import type { SourceRow } from './cells';
import { CsvTokenizer, type LineHandler } from './csv-tokenizer';
import { decodeSample, detectEncoding, NotUtf8Error, type DetectedEncoding } from './encoding';
import type { ImportFile } from './import-file';
import { XlsxWorkbook } from './xlsx-reader';

export { SheetNotFound } from './xlsx-reader';

// The rows of a file, streamed in batches: CSV decoded and split by our tokenizer (csv-tokenizer.ts),
// XLSX through our reader on yauzl and saxes (xlsx-reader.ts). Both count the bytes read (the
// progress bar) and stop when the signal aborts. Only one chunk of the file is held at a time.

export interface ByteCounter {
  bytesRead: number;
}

const CHUNK = 1 << 18;
/** Rows handed on at a time: enough to amortise the awaits, few enough to keep memory flat. */
const XLSX_BATCH = 4096;

/** Bytes to text, strictly for UTF-8 (a bad byte past the detection sample is told, with its offset). */
function textDecoder(encoding: ImportEncoding): (bytes: Buffer | null) => string {
  if (encoding === 'utf-8') {
    const d = new TextDecoder('utf-8', { fatal: true });
    let offset = 0;
    return (bytes) => {
      try {
        const text = bytes ? d.decode(bytes, { stream: true }) : d.decode();
        offset += bytes?.length ?? 0;
        return text;
      } catch {
        throw new NotUtf8Error(offset);
      }
    };
  }
  const d = iconv.getDecoder(encoding);
  return (bytes) => (bytes ? d.write(bytes) : (d.end() ?? ''));
}

export async function* csvBatches(
  file: ImportFile,
  opts: { encoding: ImportEncoding; separator: ImportSeparator; lineHandler?: LineHandler | undefined },
  counter: ByteCounter,
  signal: AbortSignal,
): AsyncGenerator<SourceRow[]> {
  const handle = await fs.promises.open(file.path, 'r');
  const decode = textDecoder(opts.encoding);
  const tokenizer = new CsvTokenizer(opts.separator);
  tokenizer.lineHandler = opts.lineHandler ?? null;
  const buffer = Buffer.alloc(CHUNK);
  try {
    for (;;) {
      if (signal.aborted) throw signal.reason;
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
      const rows: SourceRow[] = [];
      if (bytesRead === 0) {
        tokenizer.push(decode(null), rows);
        tokenizer.end(rows);
        yield rows;
        return;
      }
      counter.bytesRead += bytesRead;
      tokenizer.push(decode(buffer.subarray(0, bytesRead)), rows);
      yield rows; // even empty (a line handler took them all): the reader tells its progress per chunk
    }
  } finally {
    await handle.close();
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

export async function* xlsxBatches(file: ImportFile, opts: { sheet?: string | undefined }, counter: ByteCounter, signal: AbortSignal): AsyncGenerator<SourceRow[]> {
  let batch: SourceRow[] = [];
  for await (const r of xlsxRows(file, opts, counter, signal)) {
    batch.push(r);
    if (batch.length === XLSX_BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
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
  // A record cut by the end of the sample (a quoted field going on) stays out: push() keeps it back.
  const tokenizer = new CsvTokenizer(separator);
  const all: SourceRow[] = [];
  tokenizer.push(text, all);
  if (complete) tokenizer.end(all);
  const rows = all.slice(0, SAMPLE_ROWS);
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
