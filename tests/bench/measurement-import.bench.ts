// `npm run bench -- measurement`: a CSV of measurements (40 daily indicators; a US export: ','
// separator, ISO dates, "1,234.50" quoted thousands, some notes) at 100k, 1M and 3M rows, imported
// by the built `boucle import measurements` as a user runs it, next to the sqlite3 shell's
// `.import --csv` of the same file into a bare table: the raw limit of getting those bytes into
// SQLite, with no checks, no periods, no change log. Time and peak RSS of each process, the
// database's growth, their ratios; and the validating pass alone (parse, numbers, dates, periods) in
// rows per second. BENCH_ROWS=100000,1000000 for other sizes. Needs `npm run build`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../src-main/core/dispatch';
import { openWorkspace } from '../../src-main/core/workspace';
import { jobEntry } from '../../src-main/services/imports/jobs';
import { importWithCli, importWithShell, mb, perSecond, prepareWorkspace, ratio, secs, sizes, writeCsv } from './import-kit';
import type { BenchResult } from './run';

/** The validating pass alone, in this process: started as the app starts it, stopped when it is done. */
export async function validatingPass(dir: string, file: string, rows: number): Promise<number> {
  await prepareWorkspace(dir);
  const ws = openWorkspace(dir);
  try {
    const core = createCore(ws);
    const call = async <T>(name: string, input: unknown): Promise<T> => {
      const r = await core.call(name as never, input);
      if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
      return r.data as T;
    };
    const preview = await call<{ mapping: object; dateFormat: { detected: string } }>('imports.measurements.preview', { path: file });
    const t0 = Date.now();
    const { jobId } = await call<{ jobId: string }>('imports.measurements.start', { path: file, mapping: preview.mapping, dateFormat: preview.dateFormat.detected, onExisting: 'keep' });
    const entry = jobEntry(ws, jobId);
    while (entry.job.phase === 'validating') await new Promise((r) => setTimeout(r, 2));
    const ms = Date.now() - t0;
    if (entry.job.rowsTotal !== rows) throw new Error(`validated ${entry.job.rowsTotal} rows of ${rows}: ${entry.job.message}`);
    await call('imports.jobs.cancel', { jobId });
    await entry.done;
    return ms;
  } finally {
    ws.close();
  }
}

export async function run(): Promise<BenchResult> {
  const out: BenchResult['rows'] = [];
  for (const rows of sizes()) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boucle-bench-import-'));
    try {
      const file = path.join(dir, 'measurements.csv');
      await writeCsv(file, rows);
      const shell = importWithShell(file, path.join(dir, 'bare.sqlite'));
      const data = path.join(dir, 'boucle');
      const before = await prepareWorkspace(data);
      const boucle = importWithCli(data, file);
      const growth = fs.statSync(path.join(data, 'boucle.sqlite')).size - before;
      const validate = await validatingPass(path.join(dir, 'validate'), file, rows);
      out.push({
        rows,
        'file MB': mb(fs.statSync(file).size),
        'sqlite3 shell s': secs(shell.ms),
        'Boucle import s': secs(boucle.ms),
        'time ratio': ratio(boucle.ms, shell.ms),
        'validate rows/s': perSecond(rows, validate),
        'bare table MB': mb(shell.bytes),
        'Boucle growth MB': mb(growth),
        'size ratio': ratio(growth, shell.bytes),
        'Boucle peak RSS MB': boucle.peakRssMb,
        'sqlite3 peak RSS MB': shell.peakRssMb,
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return { name: 'Measurement import from CSV: `boucle import measurements` next to the sqlite3 shell, same file, same run', rows: out };
}
