// `npm run bench -- report`: the demo's Finance monthly review (every section, one page per
// indicator) built in each format through reports.build, as the app and the CLI build it: seconds and
// peak memory (RSS of this process, sampled every 10 ms; Chromium's own memory is not in it). The PDF
// is built twice: the first includes starting Chromium, the second is what a user waits for once it
// runs (the goal: under 3 s).
import fs from 'node:fs';
import path from 'node:path';
import { createDemo } from '../../src-main/core/demo/generate';
import { closePdfEngine } from '../../src-main/reports/pdf/engine';
import { BUILTIN_TEMPLATES } from '../../src-shared/reports/builtin-templates';
import type { ReportFormat } from '../../src-shared/reports/schemas';
import { openTestWorkspace, tempDir } from '../helpers/workspace';
import { buildReport } from '../helpers/report-files';
import type { BenchResult } from './run';

export async function run(): Promise<BenchResult> {
  const t = openTestWorkspace();
  const out = tempDir('boucle-bench-report-');
  try {
    createDemo(t.ws);
    const finance = (await t.ok('departments.list', {})).items.find((d) => d.code === 'FIN')!;
    const monthly = BUILTIN_TEMPLATES.find((b) => b.key === 'monthly-review')!;
    const spec = { departmentId: finance.id, title: 'Finance monthly review', sections: monthly.sections, period: monthly.period, language: 'en' as const, companyName: 'Boucle demo' };
    const html = await t.ok('reports.preview', { spec });
    const charts = (html.html.match(/data-chart="/g) ?? []).length;
    const rows: Record<string, string | number>[] = [];
    const measure = async (label: string, format: ReportFormat) => {
      global.gc?.();
      let peak = process.memoryUsage().rss;
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
      const started = performance.now();
      const job = await buildReport(t, { spec, format, out: path.join(out, `${label}.${format}`), force: true });
      const seconds = (performance.now() - started) / 1000;
      clearInterval(timer);
      if (job.phase !== 'done') throw new Error(`${label}: ${JSON.stringify(job.error)}`);
      rows.push({ format: label, seconds: Number(seconds.toFixed(2)), 'peak RSS (MB)': Math.round(peak / 1e6), 'file (kB)': Math.round(job.result!.bytes / 1024), charts });
    };
    await measure('html', 'html');
    await measure('pdf (starting Chromium)', 'pdf');
    await measure('pdf (Chromium running)', 'pdf');
    await measure('xlsx', 'xlsx');
    await measure('pptx', 'pptx');
    return { name: `Finance monthly review of the demo (${charts} charts and maps), goal: PDF under 3 s once Chromium runs`, rows };
  } finally {
    await closePdfEngine();
    t.cleanup();
    fs.rmSync(out, { recursive: true, force: true });
  }
}
