import { randomUUID } from 'node:crypto';
import { BoucleError, keyedApiError } from '../../src-shared/errors';
import type { ReportFormat, ReportJob, ReportSpec } from '../../src-shared/reports/schemas';
import type { Workspace } from '../db/workspace';
import type { RenderedReport, ReportStep } from './build';
import { resolveScope } from '../services/reports/scope';
import { checkTarget, fileBase, writeOutput } from './output';

// Report builds run as jobs, per open workspace, like imports: the UI polls reports.jobs.get for its
// progress bar and may cancel; the CLI waits for the end. A cancelled or failed build writes nothing.
// The model and the file are built on a worker thread when the caller gives a runner (the API does).

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

/** Runs renderReport elsewhere (a worker thread); without one, it runs on this thread. */
export type ReportRunner = (req: BuildRequest, signal: AbortSignal, onStep: (s: ReportStep) => void) => Promise<RenderedReport>;

/** Checks what can be checked at once (scope, intervention, target file), then starts the build. */
export function startReportJob(ws: Workspace, req: BuildRequest, runner?: ReportRunner): { jobId: string } {
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
  entry.done = run(ws, entry, req, runner);
  const r = registry(ws);
  r.set(job.id, entry);
  const old = [...r.values()].filter((e) => finished(e.job));
  for (const e of old.slice(0, Math.max(0, old.length - KEEP_FINISHED))) r.delete(e.job.id);
  return { jobId: job.id };
}

async function run(ws: Workspace, entry: Entry, req: BuildRequest, runner: ReportRunner | undefined): Promise<void> {
  const { job, controller } = entry;
  const signal = controller.signal;
  try {
    await new Promise((resolve) => setImmediate(resolve));
    const onStep = (st: ReportStep) => Object.assign(job, st);
    // Loaded on the first build: the renderers bring ECharts, ExcelJS, PptxGenJS and playwright-core,
    // which every start of the CLI, the app and the web shell would otherwise pay for.
    const out = runner ? await runner(req, signal, onStep) : await (await import('./build')).renderReport(ws, req.spec, req.format, signal, onStep);
    signal.throwIfAborted();
    let bytes: Buffer;
    if (out.kind === 'print') {
      const { pdfEngine } = await import('./pdf/engine');
      bytes = await pdfEngine().print(out.html, out.page, signal);
    } else {
      // A Buffer crosses the thread as a Uint8Array: wrap it again without a copy.
      bytes = Buffer.from(out.bytes.buffer, out.bytes.byteOffset, out.bytes.byteLength);
    }
    signal.throwIfAborted();
    job.phase = 'writing';
    job.fraction = 0.95;
    const file = writeOutput(bytes, `${fileBase(out.title)}-${out.to}.${req.format}`, { ...req, dataDir: ws.dataDir });
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
