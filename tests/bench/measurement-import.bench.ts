// `npm run bench -- measurement`: a 1,000,000-row CSV of measurements (40 daily indicators × 25,000
// days, a US export: ',' separator, ISO dates, "1,234.50" quoted thousands, some notes) imported
// through the API exactly as `boucle import measurements` does (preview, start, job), next to the
// sqlite3 command-line shell's `.import --csv` of the same file into a bare table: the raw limit of
// getting those bytes into SQLite, with no checks, no periods, no change log. Time, rows per second
// and peak memory (RSS and V8 heap, sampled every 50 ms) for each phase. BENCH_ROWS=… for a smaller run.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../src-main/core/dispatch';
import { openWorkspace } from '../../src-main/core/workspace';
import { DATABASE_FILE } from '../../src-main/db/connection';
import { jobEntry } from '../../src-main/services/imports/jobs';
import type { ImportJob } from '../../src-shared/imports/schemas';
import type { BenchResult } from './run';

const SQLITE3 = '/usr/bin/sqlite3';
export const INDICATORS = 40;

export const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
export const secs = (ms: number) => Math.round(ms / 100) / 10;
export const perSecond = (rows: number, ms: number) => Math.round(rows / (ms / 1000));

export function day(i: number): string {
  return new Date(Date.UTC(1950, 0, 1 + i)).toISOString().slice(0, 10);
}

async function generate(file: string, rows: number): Promise<void> {
  const perIndicator = Math.ceil(rows / INDICATORS);
  const out = fs.createWriteStream(file, { highWaterMark: 1 << 20 });
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('indicator,date,value,note\n');
  let chunk = '';
  for (let n = 0; n < rows; n++) {
    const k = n % INDICATORS;
    const i = Math.floor(n / INDICATORS);
    if (i >= perIndicator) break;
    const v = ((n * 7919) % 200_000) / 100 + (k % 3) * 1000; // 0.00 … 3,999.99
    const value = v >= 1000 ? `"${Math.floor(v / 1000)},${(v % 1000).toFixed(2).padStart(6, '0')}"` : v.toFixed(2);
    const note = n % 10 === 0 ? `relance fournisseur ${n}` : '';
    chunk += `KPI ${String(k).padStart(2, '0')},${day(i)},${value},${note}\n`;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((r) => out.end(() => r()));
}

/** Peak RSS and V8 heap while `fn` runs, sampled every 50 ms. */
export async function sampled<T>(fn: (mark: (label: string) => void) => Promise<T>) {
  const peaks = new Map<string, { rss: number; heap: number }>();
  let label = 'start';
  const sample = () => {
    const m = process.memoryUsage();
    const p = peaks.get(label) ?? { rss: 0, heap: 0 };
    peaks.set(label, { rss: Math.max(p.rss, m.rss), heap: Math.max(p.heap, m.heapUsed) });
  };
  const timer = setInterval(sample, 50);
  try {
    const result = await fn((l) => {
      sample();
      label = l;
      sample();
    });
    sample();
    return { result, peaks };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Imports `file` (CSV or XLSX, `rows` data rows naming INDICATORS indicators) into a new workspace in
 * `dir` with the same calls as `boucle import measurements`, and reports each phase.
 */
export async function importThroughCore(dir: string, file: string, rows: number): Promise<BenchResult['rows']> {
  const out: BenchResult['rows'] = [];
  const ws = openWorkspace(path.join(dir, 'boucle'));
  const core = createCore(ws);
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const r = await core.call(name as never, input);
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    return r.data as T;
  };
  const dep = await call<{ id: string }>('departments.create', { name: 'Finance', code: 'FIN' });
  for (let k = 0; k < INDICATORS; k++) {
    await call('indicators.create', { departmentId: dep.id, name: `KPI ${String(k).padStart(2, '0')}`, direction: 'lower', frequency: 'daily' });
  }
  global.gc?.();
  const base = process.memoryUsage();
  const phases: Record<string, number> = {};
  let job: ImportJob | null = null;
  const { peaks } = await sampled(async (mark) => {
    const t0 = Date.now();
    mark('preview');
    const preview = await call<{ mapping: object; dateFormat: { detected: string } }>('imports.measurements.preview', { path: file });
    phases.preview = Date.now() - t0;
    mark('validating');
    const { jobId } = await call<{ jobId: string }>('imports.measurements.start', {
      path: file,
      mapping: preview.mapping,
      dateFormat: preview.dateFormat.detected,
      onExisting: 'keep',
    });
    const entry = jobEntry(ws, jobId);
    const tValidate = Date.now();
    while (entry.job.phase === 'validating') await new Promise((r) => setTimeout(r, 20));
    phases.validating = Date.now() - tValidate;
    mark('writing');
    const tWrite = Date.now();
    await entry.done;
    phases.writing = Date.now() - tWrite;
    phases.total = Date.now() - t0;
    job = await call<ImportJob>('imports.jobs.get', { jobId });
  });
  const j = job as ImportJob | null;
  if (!j || j.phase !== 'done') throw new Error(`import ended ${j?.phase}: ${j?.message} ${JSON.stringify(j?.errors.slice(0, 3))}`);
  const logRows = ws.db.prepare('SELECT COUNT(*) FROM change_log').pluck().get() as number;
  const stored = ws.db.prepare('SELECT COUNT(*) FROM measurements').pluck().get() as number;
  ws.close();
  const dbBytes = fs.statSync(path.join(dir, 'boucle', DATABASE_FILE)).size;
  const peak = (l: string) => peaks.get(l) ?? { rss: 0, heap: 0 };
  out.push({ step: 'Boucle: preview (first MB)', rows: '', seconds: secs(phases.preview!), 'peak RSS MB': mb(peak('preview').rss), 'peak heap MB': mb(peak('preview').heap) });
  out.push({
    step: 'Boucle: pass 1, validate (stream)',
    rows: j.rowsTotal ?? 0,
    seconds: secs(phases.validating!),
    'rows/s': perSecond(rows, phases.validating!),
    'peak RSS MB': mb(peak('validating').rss),
    'peak heap MB': mb(peak('validating').heap),
  });
  out.push({
    step: 'Boucle: pass 2, write (stream, one tx)',
    rows: stored,
    seconds: secs(phases.writing!),
    'rows/s': perSecond(rows, phases.writing!),
    'peak RSS MB': mb(peak('writing').rss),
    'peak heap MB': mb(peak('writing').heap),
  });
  out.push({
    step: 'Boucle: whole import',
    rows: stored,
    seconds: secs(phases.total!),
    'rows/s': perSecond(rows, phases.total!),
    'peak RSS MB': mb(Math.max(...[...peaks.values()].map((p) => p.rss))),
    'RSS before MB': mb(base.rss),
    'db MB': mb(dbBytes),
    'change_log rows': logRows,
  });

  return out;
}

export async function run(): Promise<BenchResult> {
  const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boucle-bench-import-'));
  const file = path.join(dir, 'measurements.csv');
  const out: BenchResult['rows'] = [];
  try {
    let t0 = Date.now();
    await generate(file, rows);
    const size = fs.statSync(file).size;
    out.push({ step: 'generate the CSV', rows, 'file MB': mb(size), seconds: secs(Date.now() - t0) });

    out.push(...(await importThroughCore(dir, file, rows)));

    // --- The raw limit: the sqlite3 shell, bare table, no index, no checks.
    const bare = path.join(dir, 'bare.sqlite');
    execFileSync(SQLITE3, [bare, 'CREATE TABLE m (indicator TEXT, date TEXT, value TEXT, note TEXT)']);
    t0 = Date.now();
    // /usr/bin/time reports the shell's peak resident set (KB) on stderr.
    const timed = spawnSync('/usr/bin/time', ['-f', '%M', SQLITE3, bare, `.import --csv --skip 1 ${file} m`], { encoding: 'utf8' });
    const ms = Date.now() - t0;
    if (timed.status !== 0) throw new Error(`sqlite3 failed: ${timed.stderr}`);
    const peakKb = Number(timed.stderr.trim().split('\n').at(-1));
    const bareRows = Number(execFileSync(SQLITE3, [bare, 'SELECT COUNT(*) FROM m'], { encoding: 'utf8' }).trim());
    out.push({
      step: 'sqlite3 shell: .import --csv, bare table',
      rows: bareRows,
      seconds: secs(ms),
      'rows/s': perSecond(bareRows, ms),
      'peak RSS MB': mb(peakKb * 1024),
      'db MB': mb(fs.statSync(bare).size),
    });
    return { name: `Measurement import of ${rows.toLocaleString('en-US')} rows (${INDICATORS} indicators)`, rows: out };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
