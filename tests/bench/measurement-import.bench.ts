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
import { planImport } from '../../src-main/services/imports/import-plan';
import { SpoolWriter } from '../../src-main/services/imports/spool';
import { validatePass } from '../../src-main/services/imports/validate-pass';
import { importStartInput, type ImportJob } from '../../src-shared/imports/schemas';
import { importWithCli, importWithShell, mb, perSecond, prepareWorkspace, ratio, secs, sizes, writeCsv } from './import-kit';
import type { BenchResult } from './run';

/**
 * The validating pass alone (parse, numbers, dates, periods, the duplicate check, the spool), run
 * in this process on the plan the app makes, three times: the first pass as a fresh process does
 * it, and the best of the next two once the JIT has compiled the parser (the app's process is
 * long-lived). Timing the whole job instead counted the worker thread's start under tsx, seconds.
 */
export async function validatingPass(dir: string, file: string, rows: number): Promise<{ first: number; warm: number }> {
  await prepareWorkspace(dir);
  const ws = openWorkspace(dir);
  try {
    const core = createCore(ws);
    const r = await core.call('imports.measurements.preview' as never, { path: file } as never);
    if (!r.ok) throw new Error(`preview: ${JSON.stringify(r.error)}`);
    const preview = r.data as { mapping: object; dateFormat: { detected: string } };
    const start = importStartInput.parse({ path: file, mapping: preview.mapping, dateFormat: preview.dateFormat.detected, onExisting: 'keep' });
    const times: number[] = [];
    for (let k = 0; k < 3; k++) {
      const plan = await planImport(ws, start);
      const spool = SpoolWriter.create(dir);
      const job = { rowsRead: 0, bytesRead: 0, bytesTotal: fs.statSync(file).size, fraction: 0 } as ImportJob;
      const t0 = performance.now();
      try {
        const v = await validatePass(plan, job, spool, new AbortController().signal);
        if (v.rows !== rows || v.errors.count) throw new Error(`validated ${v.rows} rows of ${rows}, ${v.errors.count} problems`);
      } finally {
        spool.discard();
      }
      times.push(performance.now() - t0);
    }
    return { first: times[0]!, warm: Math.min(times[1]!, times[2]!) };
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
        'validate rows/s (first pass)': perSecond(rows, validate.first),
        'validate rows/s (warm)': perSecond(rows, validate.warm),
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
