// `npm run bench -- everyday`: everyday writes in a workspace that holds 2,000,000 measurements
// (imported by the built `boucle import measurements`): creating a gap, editing it, and reading the
// history of a row, through the core as the app calls it. Each must stay instant (goal: under 5 ms).
// BENCH_MEASUREMENTS=… for another size. Needs `npm run build`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../src-main/core/dispatch';
import { openWorkspace } from '../../src-main/core/workspace';
import { importWithCli, mb, prepareWorkspace, writeCsv } from './import-kit';
import type { BenchResult } from './run';

const REPEAT = 200;

function stats(label: string, ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]! * 100) / 100;
  // Which call was the slowest (1 = the first of the session, which compiles what the later ones reuse).
  return { call: label, runs: s.length, 'median ms': at(0.5), 'p95 ms': at(0.95), 'max ms': at(1), 'slowest call #': ms.indexOf(Math.max(...ms)) + 1 };
}

export async function run(): Promise<BenchResult> {
  const measurements = Number(process.env.BENCH_MEASUREMENTS ?? 2_000_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boucle-bench-everyday-'));
  try {
    const csv = path.join(dir, 'measurements.csv');
    await writeCsv(csv, measurements);
    const data = path.join(dir, 'boucle');
    await prepareWorkspace(data);
    importWithCli(data, csv);
    fs.rmSync(csv);
    const ws = openWorkspace(data);
    try {
      const core = createCore(ws);
      const call = async <T>(name: string, input: unknown): Promise<T> => {
        const r = await core.call(name as never, input);
        if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
        return r.data as T;
      };
      const dep = (await call<{ items: { id: string }[] }>('departments.list', {})).items[0]!;
      const proc = await call<{ id: string }>('processes.create', { departmentId: dep.id, name: 'Procure-to-pay' });
      const time = async (fn: () => Promise<unknown>) => {
        const t0 = performance.now();
        await fn();
        return performance.now() - t0;
      };
      const create: number[] = [];
      const edit: number[] = [];
      const history: number[] = [];
      const ids: string[] = [];
      for (let i = 0; i < REPEAT; i++) {
        create.push(await time(async () => ids.push((await call<{ id: string }>('gaps.create', { processId: proc.id, title: `Gap ${i}`, type: 'information', severity: 3 })).id)));
      }
      for (let i = 0; i < REPEAT; i++) edit.push(await time(() => call('gaps.update', { id: ids[i % 20]!, severity: 1 + (i % 5), owner: `Owner ${i}` })));
      for (let i = 0; i < REPEAT; i++) history.push(await time(() => call('history.list', { entity: 'gaps', id: ids[i % 20]! })));
      const held = ws.db.prepare(`SELECT COUNT(*) FROM measurement_rows`).pluck().get() as number;
      return {
        name: `Everyday calls in a workspace of ${held.toLocaleString('en-US')} measurements (${mb(fs.statSync(ws.databaseFile).size)} MB)`,
        rows: [stats('gaps.create', create), stats('gaps.update', edit), stats('history.list (a gap with 10 edits)', history)],
      };
    } finally {
      ws.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
