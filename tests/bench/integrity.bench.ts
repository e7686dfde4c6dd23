// `npm run bench -- integrity`: what the integrity checks and a backup cost on a big workspace —
// 2,000,000 measurements of 40 daily indicators (BENCH_MEASUREMENTS=… for another size), written
// through the write path in one bulk transaction. quick_check runs on every open (on a worker thread,
// with writes held back, above 64 MB), integrity_check once a day in the background, a backup on the
// first open of the day.
import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../../src-main/core/dispatch';
import { openWorkspace } from '../../src-main/core/workspace';
import { checkIntegrity } from '../../src-main/db/health';
import { QUICK_CHECK_INLINE_BYTES } from '../../src-main/core/workspace';
import { writeBackup } from '../../src-main/services/workspace/backups';
import { tempDir } from '../helpers/workspace';
import type { BenchResult } from './run';

const N = Number(process.env.BENCH_MEASUREMENTS ?? 2_000_000);
const INDICATORS = 40;
const mb = (b: number) => Math.round(b / 1e5) / 10;

export async function run(): Promise<BenchResult> {
  const dir = tempDir('boucle-bench-integrity-');
  const ws = openWorkspace(dir);
  const core = createCore(ws);
  const dep = (await core.call('departments.create', { name: 'Finance', code: 'FIN' })) as { ok: true; data: { id: string } };
  const inds: string[] = [];
  for (let k = 0; k < INDICATORS; k++) {
    const r = (await core.call('indicators.create', { departmentId: dep.data.id, name: `KPI ${k}`, direction: 'lower', frequency: 'daily' })) as { ok: true; data: { id: string } };
    inds.push(r.data.id);
  }
  const built = Date.now();
  const bulk = ws.writer.beginBulk();
  const perIndicator = Math.ceil(N / INDICATORS);
  for (let d = 0; d < perIndicator; d += 500) {
    bulk.apply((tx) => {
      for (let i = d; i < Math.min(perIndicator, d + 500); i++) {
        const period = new Date(Date.UTC(1950, 0, 1 + i)).toISOString().slice(0, 10);
        for (const ind of inds) tx.insert('measurements', { department_id: dep.data.id, indicator_id: ind, period, value: i % 997, source: 'bench', note: null });
      }
    });
  }
  bulk.commit();
  const buildMs = Date.now() - built;
  ws.db.pragma('wal_checkpoint(TRUNCATE)');
  const size = fs.statSync(path.join(dir, 'boucle.sqlite')).size;
  const time = (fn: () => unknown) => {
    const t = Date.now();
    const r = fn();
    return { ms: Date.now() - t, r };
  };
  const quick = time(() => checkIntegrity(ws.db, 'quick'));
  const full = time(() => checkIntegrity(ws.db, 'full'));
  const backup = time(() => writeBackup(ws.db, dir, 'manual', { check: 'full' }));
  ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    name: `Integrity and backup on ${N.toLocaleString('en-US')} measurements (${mb(size)} MB; written in ${Math.round(buildMs / 1000)} s)`,
    rows: [
      { what: 'quick_check (every open)', ms: quick.ms, result: (quick.r as string[]).length ? 'problems' : 'ok', note: size > QUICK_CHECK_INLINE_BYTES ? 'file over 64 MB: run on a worker thread after opening, writes held back until it is done' : 'run inline when opening' },
      { what: 'integrity_check + foreign_key_check (daily, background)', ms: full.ms, result: (full.r as string[]).length ? 'problems' : 'ok', note: 'worker thread' },
      { what: 'backup: VACUUM INTO + integrity_check of the copy', ms: backup.ms, result: 'ok', note: `${mb((backup.r as { bytes: number }).bytes)} MB copy, worker thread` },
    ],
  };
}
