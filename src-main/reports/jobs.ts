import { randomUUID } from 'node:crypto';
import { BoucleError, keyedApiError } from '../../src-shared/errors';
import type { ReportFormat, ReportJob, ReportSpec } from '../../src-shared/reports/schemas';
import type { Workspace } from '../db/workspace';
import { buildReportModelAsync } from '../services/reports/model';
import { resolveScope } from '../services/reports/scope';
import { checkTarget, fileBase, writeOutput } from './output';

// Report builds run as jobs, per open workspace, like imports: the UI polls reports.jobs.get for its
// progress bar and may cancel; the CLI waits for the end. A cancelled or failed build writes nothing.

interface Entry {
  job: ReportJob;
  controller: AbortController;
  done: Promise<void>;
}

const KEEP_FINISHED = 20;
const registries = new WeakMap<Workspace, Map<string, Entry>>();
const registry = (ws: Workspace) => registries.get(ws) ?? registries.set(ws, new Map()).get(ws)!;
const finished = (j: ReportJob) => j.phase === 'done' || j.phase === 'failed' || j.phase === 'cancelled';

class Cancelled extends Error {}

export interface BuildRequest {
  spec: ReportSpec;
  format: ReportFormat;
  out?: string | undefined;
  force: boolean;
}

/** Checks what can be checked at once (scope, intervention, target file), then starts the build. */
export function startReportJob(ws: Workspace, req: BuildRequest): { jobId: string } {
  resolveScope(ws, req.spec);
  if (req.out) checkTarget(req.out, req.force);
  const job: ReportJob = {
    id: randomUUID(),
    format: req.format,
    phase: 'collecting',
    fraction: 0,
    step: null,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    result: null,
    error: null,
  };
  const controller = new AbortController();
  const entry: Entry = { job, controller, done: Promise.resolve() };
  entry.done = run(ws, entry, req);
  const r = registry(ws);
  r.set(job.id, entry);
  const old = [...r.values()].filter((e) => finished(e.job));
  for (const e of old.slice(0, Math.max(0, old.length - KEEP_FINISHED))) r.delete(e.job.id);
  return { jobId: job.id };
}

async function run(ws: Workspace, entry: Entry, req: BuildRequest): Promise<void> {
  const { job, controller } = entry;
  const signal = controller.signal;
  const total = req.spec.sections.length;
  try {
    await new Promise((resolve) => setImmediate(resolve));
    const model = await buildReportModelAsync(ws, req.spec, {
      signal,
      onProgress: (section, done, of) => {
        job.step = { section, done, total: of };
        if (section !== 'indicators' || of === 0) job.fraction = (0.5 * done) / Math.max(1, total);
      },
    });
    job.phase = 'rendering';
    job.step = null;
    job.fraction = 0.5;
    // Loaded on the first build: the renderers bring ECharts, ExcelJS, PptxGenJS and playwright-core,
    // which every start of the CLI, the app and the web shell would otherwise pay for.
    const { renderReportFile } = await import('./render-file');
    const bytes = await renderReportFile(model, req.format, signal);
    signal.throwIfAborted();
    job.phase = 'writing';
    job.fraction = 0.95;
    const file = writeOutput(bytes, `${fileBase(model.meta.title)}-${model.meta.to}.${req.format}`, req);
    job.result = { ...file, pages: null };
    job.phase = 'done';
    job.fraction = 1;
  } catch (e) {
    if (signal.aborted) {
      job.phase = 'cancelled';
      job.error = keyedApiError('cancelled', 'report.cancelled');
    } else {
      job.phase = 'failed';
      job.error = e instanceof BoucleError ? e.toApiError() : { code: 'internal', message: e instanceof Error ? e.message : String(e) };
      if (!(e instanceof BoucleError)) console.error('[boucle] report build failed:', e);
    }
  } finally {
    job.finishedAt = new Date().toISOString();
  }
}

function entryOf(ws: Workspace, jobId: string): Entry {
  const e = registry(ws).get(jobId);
  if (!e) throw BoucleError.of('not_found', 'report.no_such_job', undefined, 'jobId');
  return e;
}

const snapshot = (j: ReportJob): ReportJob => ({ ...j, step: j.step ? { ...j.step } : null, result: j.result ? { ...j.result } : null });

export const getReportJob = (ws: Workspace, jobId: string) => snapshot(entryOf(ws, jobId).job);

/** Resolves when the build has ended, whatever the outcome (the CLI waits on it). */
export const reportJobDone = (ws: Workspace, jobId: string) => entryOf(ws, jobId).done;

export async function cancelReportJob(ws: Workspace, jobId: string): Promise<ReportJob> {
  const e = entryOf(ws, jobId);
  if (!finished(e.job)) {
    e.controller.abort(new Cancelled('cancelled'));
    await e.done;
  }
  return snapshot(e.job);
}
