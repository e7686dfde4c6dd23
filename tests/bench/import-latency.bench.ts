// `npm run bench -- import-latency`: how the app answers while a 1,000,000-row measurement import runs
// (BENCH_ROWS=… for another size): the import is started through the API as the import wizard starts
// it, and every 50 ms a read (gaps.list) and an edit (departments.update) are sent. Reports the reads'
// latency (median, 95th percentile, max) and what the edits got: saved, or refused — and how fast.
import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../../src-main/core/dispatch';
import { WorkspaceSession } from '../../src-main/core/session';
import type { ImportJob } from '../../src-shared/imports/schemas';
import { tempDir } from '../helpers/workspace';
import type { BenchResult } from './run';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

export async function run(): Promise<BenchResult> {
  const dir = tempDir('boucle-bench-latency-');
  const session = WorkspaceSession.open(dir, { program: 'bench', maintenance: false });
  const core = createCore(session);
  const dep = (await core.call('departments.create', { name: 'Finance', code: 'FIN' })) as { ok: true; data: { id: string } };
  for (let k = 0; k < 40; k++) await core.call('indicators.create', { departmentId: dep.data.id, name: `KPI ${String(k).padStart(2, '0')}`, direction: 'lower', frequency: 'daily' });
  const file = path.join(dir, 'm.csv');
  const out = fs.createWriteStream(file);
  out.write('indicator,date,value\n');
  let chunk = '';
  for (let n = 0; n < ROWS; n++) {
    chunk += `KPI ${String(n % 40).padStart(2, '0')},${new Date(Date.UTC(1950, 0, 1 + Math.floor(n / 40))).toISOString().slice(0, 10)},${(n % 9973) / 10}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  await new Promise<void>((r) => out.end(chunk, () => r()));
  const preview = (await core.call('imports.measurements.preview', { path: file })) as { ok: true; data: { mapping: unknown } };
  const started = Date.now();
  const start = (await core.call('imports.measurements.start', { path: file, mapping: preview.data.mapping, onExisting: 'keep' })) as { ok: true; data: { jobId: string } };
  const reads: Record<string, number[]> = { validating: [], writing: [] };
  const edits: Record<string, { saved: number; refused: number; ms: number[]; why: Set<string> }> = {
    validating: { saved: 0, refused: 0, ms: [], why: new Set() },
    writing: { saved: 0, refused: 0, ms: [], why: new Set() },
  };
  let job: ImportJob;
  let i = 0;
  for (;;) {
    job = ((await core.call('imports.jobs.get', { jobId: start.data.jobId })) as { ok: true; data: ImportJob }).data;
    if (job.phase !== 'validating' && job.phase !== 'writing') break;
    const phase = job.phase;
    let t = performance.now();
    await core.call('gaps.list', { limit: 50 });
    reads[phase]!.push(performance.now() - t);
    t = performance.now();
    const e = await core.call('departments.update', { id: dep.data.id, name: `Finance ${i++}` });
    edits[phase]!.ms.push(performance.now() - t);
    if (e.ok) edits[phase]!.saved++;
    else {
      edits[phase]!.refused++;
      edits[phase]!.why.add(e.error.message.slice(0, 60));
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const total = Date.now() - started;
  await session.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const rows = (['validating', 'writing'] as const).map((p) => ({
    phase: p,
    reads: reads[p]!.length,
    'read median ms': Math.round(pct(reads[p]!, 50)),
    'read p95 ms': Math.round(pct(reads[p]!, 95)),
    'read max ms': Math.round(Math.max(0, ...reads[p]!)),
    'edits saved': edits[p]!.saved,
    'edits refused': edits[p]!.refused,
    'edit max ms': Math.round(Math.max(0, ...edits[p]!.ms)),
    why: [...edits[p]!.why].join(' | '),
  }));
  return { name: `While importing ${ROWS.toLocaleString('en-US')} rows (${job.phase} in ${Math.round(total / 1000)} s)`, rows };
}
