// `npm run bench -- migration`: a workspace of schema 4 (the change log one row per field) holding a
// million measurements is updated to the compact change log by the built `boucle info`, as a user's
// first opening after the upgrade does it: time, peak memory, the progress it tells, sizes before and
// after. BENCH_MEASUREMENTS=… for another size. Needs `npm run build`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSchema4Workspace } from '../helpers/schema4';
import { BOUCLE, mb, secs } from './import-kit';
import type { BenchResult } from './run';

export async function run(): Promise<BenchResult> {
  const measurements = Number(process.env.BENCH_MEASUREMENTS ?? 1_000_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boucle-bench-migration-'));
  try {
    writeSchema4Workspace(dir, measurements);
    const file = path.join(dir, 'boucle.sqlite');
    const before = fs.statSync(file).size;
    const t0 = Date.now();
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, BOUCLE, 'info', '--data', dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const ms = Date.now() - t0;
    if (r.status !== 0) throw new Error(r.stderr);
    const lines = r.stderr.trim().split('\n');
    const peakKb = Number(lines.at(-1));
    const progress = lines.slice(0, -1).filter((l) => l.startsWith('Updating'));
    const backups = fs.readdirSync(path.join(dir, 'backups')).map((f) => fs.statSync(path.join(dir, 'backups', f)).size);
    return {
      name: `Updating a schema-4 workspace of ${measurements.toLocaleString('en-US')} measurements to the compact change log (boucle info)`,
      rows: [
        {
          seconds: secs(ms),
          'peak RSS MB': mb(peakKb * 1024),
          'progress lines': progress.length,
          'last progress line': progress.at(-1) ?? '',
          'before MB': mb(before),
          'after MB': mb(fs.statSync(file).size),
          'backup MB': mb(backups.reduce((a, b) => a + b, 0)),
        },
      ],
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
