// What the import benchmarks share: the files they import (a million-row ERP-like export of 40 daily
// indicators, as CSV or XLSX), the workspace they import into, the built `boucle` command timed as a
// process (wall time and peak RSS from /usr/bin/time), and the sqlite3 shell doing the raw work.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createCore } from '../../src-main/core/dispatch';
import { openWorkspace } from '../../src-main/core/workspace';

export const SQLITE3 = '/usr/bin/sqlite3';
export const BOUCLE = path.resolve(__dirname, '../../bin/boucle.mjs');
export const INDICATORS = 40;

export const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
export const secs = (ms: number) => Math.round(ms / 100) / 10;
export const perSecond = (rows: number, ms: number) => Math.round(rows / (ms / 1000));
export const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;

/** The sizes to run, from BENCH_ROWS (e.g. "100000,1000000"); default 100k, 1M and 3M. */
export function sizes(): number[] {
  return (process.env.BENCH_ROWS ?? '100000,1000000,3000000').split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
}

export function day(i: number): string {
  return new Date(Date.UTC(1950, 0, 1 + i)).toISOString().slice(0, 10);
}

function row(n: number) {
  const k = n % INDICATORS;
  const i = Math.floor(n / INDICATORS);
  const v = ((n * 7919) % 200_000) / 100 + (k % 3) * 1000; // 0.00 … 3,999.99
  return { indicator: `KPI ${String(k).padStart(2, '0')}`, date: day(i), v, note: n % 10 === 0 ? `relance fournisseur ${n}` : '' };
}

/** A US export: ',' separator, ISO dates, "1,234.50" quoted thousands, some notes. */
export async function writeCsv(file: string, rows: number): Promise<void> {
  const out = fs.createWriteStream(file, { highWaterMark: 1 << 20 });
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('indicator,date,value,note\n');
  let chunk = '';
  for (let n = 0; n < rows; n++) {
    const r = row(n);
    const value = r.v >= 1000 ? `"${Math.floor(r.v / 1000)},${(r.v % 1000).toFixed(2).padStart(6, '0')}"` : r.v.toFixed(2);
    chunk += `${r.indicator},${r.date},${value},${r.note}\n`;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((r) => out.end(() => r()));
}

/** The same rows as an ERP's workbook: shared strings, real date cells shown dd/mm/yyyy. */
export async function writeXlsx(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const sheet = wb.addWorksheet('Mesures');
  sheet.getColumn(2).numFmt = 'dd/mm/yyyy';
  sheet.addRow(['Indicateur', 'Date', 'Valeur', 'Note']).commit();
  for (let n = 0; n < rows; n++) {
    const r = row(n);
    sheet.addRow([r.indicator, new Date(`${r.date}T00:00:00Z`), r.v, r.note || null]).commit();
  }
  sheet.commit();
  await wb.commit();
}

/** A workspace in `dir` with one department and the file's 40 daily indicators; its size in bytes. */
export async function prepareWorkspace(dir: string): Promise<number> {
  const ws = openWorkspace(dir);
  const core = createCore(ws);
  const call = async (name: string, input: unknown) => {
    const r = await core.call(name as never, input);
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    return r.data as { id: string };
  };
  const dep = await call('departments.create', { name: 'Finance', code: 'FIN' });
  for (let k = 0; k < INDICATORS; k++) {
    await call('indicators.create', { departmentId: dep.id, name: `KPI ${String(k).padStart(2, '0')}`, direction: 'lower', frequency: 'daily' });
  }
  ws.close();
  return fs.statSync(path.join(dir, 'boucle.sqlite')).size;
}

export interface Timed {
  ms: number;
  peakRssMb: number;
}

/** Runs a command as its own process: wall time, and its peak resident set from /usr/bin/time. */
export function timed(cmd: string, args: string[]): Timed {
  const t0 = Date.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Date.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr.slice(-2000)}`);
  const kb = Number(r.stderr.trim().split('\n').at(-1));
  return { ms, peakRssMb: mb(kb * 1024) };
}

/** `boucle import measurements FILE` into the workspace in `dir`, as a user runs it. */
export function importWithCli(dir: string, file: string): Timed {
  if (!fs.existsSync(path.resolve(__dirname, '../../out/main/cli.js'))) throw new Error('Run `npm run build` first: the benchmark times the built `boucle` command');
  return timed(process.execPath, [BOUCLE, 'import', 'measurements', file, '--data', dir]);
}

/** The raw limit: the sqlite3 shell's `.import --csv` of the same file into a bare table, no checks. */
export function importWithShell(file: string, db: string): Timed & { bytes: number; rows: number } {
  execFileSync(SQLITE3, [db, 'CREATE TABLE m (indicator TEXT, date TEXT, value TEXT, note TEXT)']);
  const t = timed(SQLITE3, [db, `.import --csv --skip 1 ${file} m`]);
  const rows = Number(execFileSync(SQLITE3, [db, 'SELECT COUNT(*) FROM m'], { encoding: 'utf8' }).trim());
  return { ...t, bytes: fs.statSync(db).size, rows };
}
