// `npm run bench -- xlsx`: the same 1,000,000 measurements as the CSV benchmark, as an Excel workbook
// (shared strings, real date cells with a dd/mm/yyyy format, as an ERP export writes them). First our
// .xlsx reader alone (rows per second and V8 heap: it must stay flat, only the shared strings are
// held), then the whole import through the core. BENCH_ROWS=… for a smaller run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../../src-main/services/imports/xlsx-reader';
import { day, importThroughCore, INDICATORS, mb, perSecond, sampled, secs } from './measurement-import.bench';
import type { BenchResult } from './run';

async function generate(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const sheet = wb.addWorksheet('Mesures');
  sheet.getColumn(2).numFmt = 'dd/mm/yyyy';
  sheet.addRow(['Indicateur', 'Date', 'Valeur', 'Note']).commit();
  for (let n = 0; n < rows; n++) {
    const k = n % INDICATORS;
    const value = ((n * 7919) % 200_000) / 100 + (k % 3) * 1000;
    const date = new Date(`${day(Math.floor(n / INDICATORS))}T00:00:00Z`);
    sheet.addRow([`KPI ${String(k).padStart(2, '0')}`, date, value, n % 10 === 0 ? `relance fournisseur ${n}` : null]).commit();
  }
  sheet.commit();
  await wb.commit();
}

export async function run(): Promise<BenchResult> {
  const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boucle-bench-xlsx-'));
  const file = path.join(dir, 'measurements.xlsx');
  const out: BenchResult['rows'] = [];
  try {
    let t0 = Date.now();
    await generate(file, rows);
    out.push({ step: 'generate the workbook (exceljs stream writer)', rows, 'file MB': mb(fs.statSync(file).size), seconds: secs(Date.now() - t0) });

    global.gc?.();
    let count = 0;
    t0 = Date.now();
    const { peaks } = await sampled(async (mark) => {
      mark('read');
      const book = await XlsxWorkbook.open(file);
      try {
        for await (const r of book.rows(book.sheet(undefined), () => undefined, new AbortController().signal)) {
          count += r.cells.length > 0 ? 1 : 0;
        }
      } finally {
        book.close();
      }
    });
    const ms = Date.now() - t0;
    const read = peaks.get('read') ?? { rss: 0, heap: 0 };
    out.push({ step: 'Boucle: .xlsx reader alone', rows: count, seconds: secs(ms), 'rows/s': perSecond(count, ms), 'peak RSS MB': mb(read.rss), 'peak heap MB': mb(read.heap) });

    out.push(...(await importThroughCore(dir, file, rows)));
    return { name: `Measurement import of ${rows.toLocaleString('en-US')} rows from an .xlsx workbook (${INDICATORS} indicators)`, rows: out };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
