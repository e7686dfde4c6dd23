// `npm run bench -- sync`: the sync end to end on a real PostgreSQL (embedded, started here) and the
// real HTTP server: BENCH_SYNC_CHANGES (100,000) changes made on one laptop, pushed, pulled and
// applied by a second, in changes per second (goal: at least 50k/s); then an incremental sync of 10
// changes (7 gaps created, 2 edited, 1 deleted) in workspaces holding BENCH_SYNC_SIZES measurements
// (200k,2M by default; goal: under 100 ms and not growing with the workspace). Real SQLite files in
// the OS temp dir.
import { performance } from 'node:perf_hooks';
import { runSync } from '../../src-main/services/sync/run';
import { laptop, startTestStore } from '../helpers/sync-store';
import type { TestWorkspace } from '../helpers/workspace';
import type { BenchResult } from './run';

/** Incremental syncs timed per size; the median is shown (the first after a big first sync runs colder). */
const ROUNDS = 9;

async function fill(w: TestWorkspace, code: string, measurements: number) {
  const dep = await w.ok('departments.create', { name: `Bench ${code}`, code });
  const per = 1000;
  const indicators: string[] = [];
  for (let i = 0; i * per < measurements; i++) {
    indicators.push((await w.ok('indicators.create', { departmentId: dep.id, name: `Indicator ${i}`, unit: 'days', direction: 'lower', frequency: 'daily' })).id);
  }
  const day0 = Date.UTC(2000, 0, 1);
  for (let start = 0; start < measurements; start += 20_000) {
    w.ws.writer.write((tx) => {
      for (let n = start; n < Math.min(measurements, start + 20_000); n++) {
        const period = new Date(day0 + (n % per) * 86_400_000).toISOString().slice(0, 10);
        tx.insert('measurements', { department_id: dep.id, indicator_id: indicators[Math.floor(n / per)]!, period, value: n % 97 });
      }
    });
  }
  const proc = await w.ok('processes.create', { departmentId: dep.id, name: 'Close' });
  return { dep, proc };
}

export async function run(): Promise<BenchResult> {
  const changes = Number(process.env.BENCH_SYNC_CHANGES ?? 100_000);
  const sizes = (process.env.BENCH_SYNC_SIZES ?? '200000,2000000').split(',').filter(Boolean).map(Number);
  // Measured on a durable PostgreSQL, as a company runs it: the tests' store turns fsync and
  // synchronous commit off for speed (tests/helpers/sync-store.ts), which a figure must not rest on.
  process.env.BOUCLE_SERVER_UNSAFE_FAST = '0';
  const t = await startTestStore();
  const rows: Record<string, string | number>[] = [];
  const open: TestWorkspace[] = [];
  try {
    const { url } = await t.serve();
    const token = await t.user('bench', [['B0', 'write'], ...sizes.map((_, i) => [`B${i + 1}`, 'write'] as [string, 'write'])]);
    const a = await laptop(url, token);
    const b = await laptop(url, token);
    open.push(a, b);
    await fill(a, 'B0', changes);
    let t0 = performance.now();
    const pushed = await runSync(a.ws);
    const pushMs = performance.now() - t0;
    t0 = performance.now();
    const pulled = await runSync(b.ws);
    const pullMs = performance.now() - t0;
    if (!pushed.ok || !pulled.ok) throw new Error(`sync failed: ${JSON.stringify([pushed, pulled])}`);
    const total = pushed.pushed;
    rows.push({ step: `push ${total} changes`, ms: Math.round(pushMs), 'changes/s': Math.round(total / (pushMs / 1000)) });
    rows.push({ step: `pull and apply ${pulled.pulled}`, ms: Math.round(pullMs), 'changes/s': Math.round(pulled.pulled / (pullMs / 1000)) });
    rows.push({ step: 'end to end', ms: Math.round(pushMs + pullMs), 'changes/s': Math.round(total / ((pushMs + pullMs) / 1000)), goal: '≥ 50,000 changes/s' });
    a.cleanup();
    b.cleanup();
    open.length = 0;

    for (const [i, size] of sizes.entries()) {
      const c = await laptop(url, token);
      const d = await laptop(url, token);
      open.push(c, d);
      const { proc } = await fill(c, `B${i + 1}`, size);
      t0 = performance.now();
      await runSync(c.ws);
      const up = performance.now() - t0;
      t0 = performance.now();
      await runSync(d.ws);
      const down = performance.now() - t0;
      rows.push({ step: `first sync of ${size} measurements: push / pull`, ms: `${Math.round(up)} / ${Math.round(down)}`, 'changes/s': Math.round((2 * size) / ((up + down) / 1000)) });
      const times: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        // What a person does between two syncs: new gaps, edits, a delete (a removal takes the pull's
        // fail-safe path, which once counted every measurement of the department: 0.96 s at 2M).
        const made: string[] = [];
        for (let k = 0; k < 7; k++) made.push((await c.ok('gaps.create', { processId: proc.id, title: `Gap ${round}.${k}`, type: 'information' })).id);
        await c.ok('gaps.update', { id: made[0]!, severity: 4 });
        await c.ok('gaps.update', { id: made[1]!, owner: `Owner ${round}` });
        await c.ok('gaps.delete', { id: made[2]! });
        t0 = performance.now();
        const r1 = await runSync(c.ws);
        const r2 = await runSync(d.ws);
        times.push(performance.now() - t0);
        if (r1.pushed !== 10 || r2.pulled !== 10) throw new Error(`incremental: ${JSON.stringify([r1, r2])}`);
      }
      times.sort((x, y) => x - y);
      rows.push({ step: `10 changes pushed and pulled, workspace of ${size} measurements (median of ${ROUNDS})`, ms: Math.round(times[ROUNDS >> 1]! * 10) / 10, 'changes/s': '', goal: '< 100 ms, flat with size' });
      c.cleanup();
      d.cleanup();
      open.length = 0;
    }
    return { name: 'Sync through the central store (embedded PostgreSQL with fsync on, HTTP on 127.0.0.1)', rows };
  } finally {
    for (const w of open) w.cleanup();
    await t.close();
  }
}
