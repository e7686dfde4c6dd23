// `npm run bench -- bpmn-large`: a BPMN model of 50,000 tasks (BENCH_TASKS=… for another size) with
// their flows and diagram, imported through the API as the import modal does it (bpmn.importStart, then
// bpmn.jobs.get). Every 50 ms a read (departments.list) is sent meanwhile. Reports the import's time, the
// process's peak RSS (the worker thread lives in this process), the phases seen and the reads' latency.
import { createCore } from '../../src-main/core/dispatch';
import { WorkspaceSession } from '../../src-main/core/session';
import type { BpmnJob } from '../../src-shared/processes/bpmn';
import { manyTasksBpmn } from '../helpers/bpmn-generate';
import { tempDir } from '../helpers/workspace';
import type { BenchResult } from './run';

const TASKS = Number(process.env.BENCH_TASKS ?? 50_000);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

export async function run(): Promise<BenchResult> {
  const dir = tempDir('boucle-bench-bpmn-');
  const session = WorkspaceSession.open(dir, { program: 'bench', maintenance: false });
  const core = createCore(session);
  const dep = (await core.call('departments.create', { name: 'Operations', code: 'OPS' })) as { ok: true; data: { id: string } };
  const xml = manyTasksBpmn(TASKS, { diagram: true });
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const started = Date.now();
  const start = await core.call('bpmn.importStart', { xml, fileName: 'big.bpmn', departmentId: dep.data.id });
  if (!start.ok) throw new Error(JSON.stringify(start.error));
  const reads: number[] = [];
  const phases = new Set<string>();
  let job = start.data as BpmnJob;
  while (job.phase !== 'done' && job.phase !== 'failed') {
    await new Promise((r) => setTimeout(r, 50));
    const t0 = performance.now();
    await core.call('departments.list', {});
    reads.push(performance.now() - t0);
    peak = Math.max(peak, process.memoryUsage().rss);
    job = (await core.call('bpmn.jobs.get', { jobId: job.id }) as { ok: true; data: BpmnJob }).data;
    phases.add(`${job.phase}`);
  }
  const seconds = (Date.now() - started) / 1000;
  await session.close();
  const mb = (b: number) => Math.round(b / 1024 / 1024);
  return {
    name: `BPMN import of ${TASKS.toLocaleString('en')} tasks with flows and diagram (${mb(xml.length)} MB of XML), while reads are sent every 50 ms`,
    rows: [
      {
        outcome: job.phase === 'done' ? `${job.result?.steps} steps` : `failed: ${job.error?.message}`,
        seconds: seconds.toFixed(1),
        'peak RSS MB': mb(peak),
        'RSS before MB': mb(rssBefore),
        phases: [...phases].join(' › '),
        reads: reads.length,
        'read median ms': pct(reads, 50).toFixed(1),
        'read max ms': Math.max(0, ...reads).toFixed(1),
      },
    ],
  };
}
