import type { ReportFormat, ReportJob, ReportSpec } from '../../src-shared/reports/schemas';
import type { Workspace } from '../db/workspace';
import { buildReportModelAsync } from '../services/reports/model';
import { renderReportHtml } from './html/render';
import { pageFurniture, type PageFurniture } from './pdf/page-furniture';
import { renderReportFile } from './render-file';

// The long part of a report build: the model read from the workspace and the file rendered from it.
// It runs on a worker thread (workers/tasks.ts 'reports.render'), so the thread that answers calls
// stays free; a PDF comes back as its HTML and page furniture, printed where the printer lives
// (Electron's printToPDF exists only in the main process; playwright-core's Chromium anywhere).

export type ReportStep = Pick<ReportJob, 'phase' | 'fraction' | 'step'>;

export type RenderedReport =
  | { kind: 'bytes'; bytes: Uint8Array; title: string; to: string }
  | { kind: 'print'; html: string; page: PageFurniture; title: string; to: string };

export async function renderReport(ws: Workspace, spec: ReportSpec, format: ReportFormat, signal: AbortSignal, onStep: (s: ReportStep) => void): Promise<RenderedReport> {
  const total = spec.sections.length;
  let fraction = 0;
  const model = await buildReportModelAsync(ws, spec, {
    signal,
    onProgress: (section, done, of) => {
      if (section !== 'indicators' || of === 0) fraction = (0.5 * done) / Math.max(1, total);
      onStep({ phase: 'collecting', fraction, step: { section, done, total: of } });
    },
  });
  onStep({ phase: 'rendering', fraction: 0.5, step: null });
  const meta = { title: model.meta.title, to: model.meta.to };
  if (format === 'pdf') {
    return { kind: 'print', html: renderReportHtml(model).html, page: pageFurniture(model), ...meta };
  }
  const bytes = await renderReportFile(model, format, signal);
  signal.throwIfAborted();
  return { kind: 'bytes', bytes, ...meta };
}
