import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemo } from '../../src-main/core/demo/generate';
import { closePdfEngine } from '../../src-main/reports/pdf/engine';
import { BUILTIN_TEMPLATES } from '../../src-shared/reports/builtin-templates';
import type { ReportFormat, ReportJob } from '../../src-shared/reports/schemas';
import { buildReport } from '../helpers/report-files';
import { openTestWorkspace, tempDir, type TestWorkspace } from '../helpers/workspace';

// A report is built off the thread that answers calls (a worker thread): while the demo's whole
// Finance monthly review renders, reads are answered, and they see the build still rendering. On the
// one thread, rendering HTML, XLSX or PPTX is synchronous: no read could be answered until it ended,
// so no reply could say "rendering" (the first build below loads every renderer on this thread, so a
// module still loading cannot be what lets a read in).

let t: TestWorkspace | undefined;
let out: string | undefined;
afterEach(async () => {
  await closePdfEngine();
  t?.cleanup();
  if (out) fs.rmSync(out, { recursive: true, force: true });
  t = out = undefined;
});

describe('report building on a worker thread', () => {
  it('answers reads while a large report renders, then writes the file as before', async () => {
    t = openTestWorkspace();
    out = tempDir('boucle-report-worker-');
    createDemo(t.ws);
    const finance = (await t.ok('departments.list', {})).items.find((d) => d.code === 'FIN')!;
    const monthly = BUILTIN_TEMPLATES.find((b) => b.key === 'monthly-review')!;
    const spec = { departmentId: finance.id, title: 'Finance monthly review', sections: monthly.sections, period: monthly.period, language: 'en' as const };
    // Every renderer loaded here first.
    await import('../../src-main/reports/render-file');
    for (const format of ['html', 'xlsx', 'pptx'] as ReportFormat[]) {
      const { jobId } = await t.ok('reports.build', { spec, format, out: path.join(out, `r.${format}`), force: false });
      const seenByReads = new Set<string>();
      let job: ReportJob;
      for (;;) {
        const deps = await t.ok('departments.list', {});
        expect(deps.total).toBe(3);
        job = await t.ok('reports.jobs.get', { jobId });
        seenByReads.add(job.phase);
        if (job.phase === 'done' || job.phase === 'failed' || job.phase === 'cancelled') break;
        await new Promise((r) => setTimeout(r, 2));
      }
      expect(job.error, format).toBeNull();
      expect(seenByReads.has('rendering'), `${format}: phases seen by reads ${[...seenByReads].join(', ')}`).toBe(true);
      expect(fs.statSync(path.join(out, `r.${format}`)).size).toBe(job.result!.bytes);
    }
  }, 180_000);

  it('a PDF: HTML built on the worker, printed here; the file is a PDF of the report', async () => {
    t = openTestWorkspace();
    out = tempDir('boucle-report-worker-');
    createDemo(t.ws);
    const finance = (await t.ok('departments.list', {})).items.find((d) => d.code === 'FIN')!;
    const spec = { departmentId: finance.id, title: 'Finance review', sections: [{ kind: 'cover' as const }, { kind: 'executive_summary' as const }], language: 'en' as const };
    const job = await buildReport(t, { spec, format: 'pdf', out: path.join(out, 'r.pdf'), force: false });
    expect(job.error).toBeNull();
    expect(fs.readFileSync(path.join(out, 'r.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 180_000);
});
