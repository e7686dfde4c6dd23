// `npm run bench -- report-latency`: how the app answers while a report is built. The demo's Finance
// monthly review (every section) is built in each format twice: on the thread that answers calls (as
// before: startReportJob without a runner) and through reports.build (its model and file on a worker
// thread). Every 20 ms a read (departments.list) is sent; reports its latency (median, max) measured
// from when it was due, so a read held back behind the build counts the whole wait.
import fs from 'node:fs';
import path from 'node:path';
import { createDemo } from '../../src-main/core/demo/generate';
import { getReportJob, startReportJob } from '../../src-main/reports/jobs';
import { closePdfEngine } from '../../src-main/reports/pdf/engine';
import { BUILTIN_TEMPLATES } from '../../src-shared/reports/builtin-templates';
import { reportBuild, type ReportFormat, type ReportJob } from '../../src-shared/reports/schemas';
import { openTestWorkspace, tempDir } from '../helpers/workspace';
import type { BenchResult } from './run';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const ended = (j: ReportJob) => j.phase === 'done' || j.phase === 'failed' || j.phase === 'cancelled';

export async function run(): Promise<BenchResult> {
  const t = openTestWorkspace();
  const out = tempDir('boucle-bench-report-latency-');
  try {
    createDemo(t.ws);
    const finance = (await t.ok('departments.list', {})).items.find((d) => d.code === 'FIN')!;
    const monthly = BUILTIN_TEMPLATES.find((b) => b.key === 'monthly-review')!;
    const spec = { departmentId: finance.id, title: 'Finance monthly review', sections: monthly.sections, period: monthly.period, language: 'en' as const, companyName: 'Boucle demo' };
    await import('../../src-main/reports/render-file'); // the renderers loaded before the first measure
    const rows: Record<string, string | number>[] = [];
    const measure = async (format: ReportFormat, where: 'this thread' | 'worker thread') => {
      const input = { spec, format, out: path.join(out, `${format}-${where === 'worker thread' ? 'w' : 't'}.${format}`), force: true };
      const reads: number[] = [];
      const started = performance.now();
      let jobId: string;
      let poll: () => Promise<ReportJob>;
      if (where === 'worker thread') {
        jobId = (await t.ok('reports.build', input)).jobId;
        poll = () => t.ok('reports.jobs.get', { jobId });
      } else {
        jobId = startReportJob(t.ws, reportBuild.parse(input)).jobId;
        poll = async () => getReportJob(t.ws, jobId);
      }
      let job = await poll();
      while (!ended(job)) {
        const due = performance.now() + 20;
        await new Promise((r) => setTimeout(r, 20));
        await t.ok('departments.list', {});
        reads.push(performance.now() - due);
        job = await poll();
      }
      if (job.phase !== 'done') throw new Error(`${format} on ${where}: ${JSON.stringify(job.error)}`);
      rows.push({
        format,
        built: where,
        seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
        reads: reads.length,
        'read median ms': Number(pct(reads, 50).toFixed(1)),
        'read max ms': Number(Math.max(0, ...reads).toFixed(1)),
      });
    };
    await measure('pdf', 'this thread'); // starts Chromium, not counted
    rows.length = 0;
    for (const format of ['html', 'pdf', 'pptx', 'xlsx'] as ReportFormat[]) {
      await measure(format, 'this thread');
      await measure(format, 'worker thread');
    }
    return { name: 'Reads during a report build (demo Finance monthly review): before (this thread) vs after (worker thread)', rows };
  } finally {
    await closePdfEngine();
    t.cleanup();
    fs.rmSync(out, { recursive: true, force: true });
  }
}
