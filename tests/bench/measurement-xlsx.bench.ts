// `npm run bench -- xlsx`: the same measurements as the CSV benchmark as an Excel workbook (shared
// strings, real date cells shown dd/mm/yyyy, as an ERP export writes them) and as the CSV, both
// imported by the built `boucle import measurements` into fresh workspaces in the same run: the
// workbook's import time against the CSV's. Then our .xlsx reader alone (rows per second, heap).
// BENCH_ROWS=… for other sizes (default 100k, 1M, 3M). Needs `npm run build`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XlsxWorkbook } from '../../src-main/services/imports/xlsx-reader';
import { importWithCli, mb, perSecond, prepareWorkspace, ratio, secs, sizes, writeCsv, writeXlsx } from './import-kit';
import type { BenchResult } from './run';

async function readerAlone(file: string): Promise<{ rows: number; ms: number; heapMb: number }> {
  global.gc?.();
  let rows = 0;
  let heap = 0;
  const t0 = Date.now();
  const book = await XlsxWorkbook.open(file);
  try {
    for await (const r of book.rows(book.sheet(undefined), () => undefined, new AbortController().signal)) {
      rows += r.cells.length > 0 ? 1 : 0;
      if (rows % 50_000 === 0) heap = Math.max(heap, process.memoryUsage().heapUsed);
    }
  } finally {
    book.close();
  }
  return { rows, ms: Date.now() - t0, heapMb: mb(heap) };
}

export async function run(): Promise<BenchResult> {
  const out: BenchResult['rows'] = [];
  for (const rows of sizes()) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boucle-bench-xlsx-'));
    try {
      const csv = path.join(dir, 'measurements.csv');
      const xlsx = path.join(dir, 'measurements.xlsx');
      await writeCsv(csv, rows);
      await writeXlsx(xlsx, rows);
      await prepareWorkspace(path.join(dir, 'csv'));
      await prepareWorkspace(path.join(dir, 'xlsx'));
      const fromCsv = importWithCli(path.join(dir, 'csv'), csv);
      const fromXlsx = importWithCli(path.join(dir, 'xlsx'), xlsx);
      const reader = await readerAlone(xlsx);
      out.push({
        rows,
        'xlsx MB': mb(fs.statSync(xlsx).size),
        'CSV import s': secs(fromCsv.ms),
        'XLSX import s': secs(fromXlsx.ms),
        'XLSX ÷ CSV': ratio(fromXlsx.ms, fromCsv.ms),
        'XLSX peak RSS MB': fromXlsx.peakRssMb,
        'reader alone rows/s': perSecond(reader.rows, reader.ms),
        'reader peak heap MB': reader.heapMb,
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return { name: 'Measurement import from .xlsx next to the same rows as CSV, both through `boucle import measurements`, same run', rows: out };
}
