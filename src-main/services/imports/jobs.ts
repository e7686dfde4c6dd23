import { randomUUID } from 'node:crypto';
import { BoucleError } from '../../../src-shared/errors';
import type { ImportJob } from '../../../src-shared/imports/schemas';
import type { Workspace } from '../../db/workspace';

// Import jobs live in memory, per open workspace: the UI polls imports.jobs.get for the progress bar
// and may cancel. Finished jobs are kept a while for the UI to read the outcome, then forgotten.

export interface JobEntry {
  job: ImportJob;
  controller: AbortController;
  /** Settles when the job has finished (whatever the outcome); never rejects. */
  done: Promise<void>;
}

const KEEP_FINISHED = 20;
const registries = new WeakMap<Workspace, Map<string, JobEntry>>();
const writeLocks = new WeakMap<Workspace, Promise<unknown>>();

function registry(ws: Workspace): Map<string, JobEntry> {
  let r = registries.get(ws);
  if (!r) {
    r = new Map();
    registries.set(ws, r);
  }
  return r;
}

export const isFinished = (job: ImportJob) => job.phase !== 'validating' && job.phase !== 'writing';

export function newJob(fileName: string, bytesTotal: number): ImportJob {
  return {
    id: randomUUID(),
    fileName,
    phase: 'validating',
    startedAt: new Date().toISOString(),
    finishedAt: null,
    rowsRead: 0,
    rowsTotal: null,
    rowsWritten: 0,
    bytesRead: 0,
    bytesTotal,
    fraction: 0,
    errors: [],
    errorCount: 0,
    message: null,
    result: null,
  };
}

export function registerJob(ws: Workspace, entry: JobEntry): void {
  const r = registry(ws);
  r.set(entry.job.id, entry);
  const finished = [...r.values()].filter((e) => isFinished(e.job));
  for (const e of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) r.delete(e.job.id);
}

export function jobEntry(ws: Workspace, jobId: string): JobEntry {
  const e = registry(ws).get(jobId);
  if (!e) throw BoucleError.of('not_found', 'import.no_such_job', undefined, 'jobId');
  return e;
}

/** A copy, so that what the caller holds does not change under it. */
export function snapshot(job: ImportJob): ImportJob {
  return { ...job, errors: [...job.errors], result: job.result ? { ...job.result, indicators: [...job.result.indicators] } : null };
}

export function getJob(ws: Workspace, jobId: string): ImportJob {
  return snapshot(jobEntry(ws, jobId).job);
}

/** Asks the job to stop and waits until it has: nothing of it is written. A finished job is left as it is. */
export async function cancelJob(ws: Workspace, jobId: string): Promise<ImportJob> {
  const e = jobEntry(ws, jobId);
  if (!isFinished(e.job)) {
    e.controller.abort(new ImportCancelled());
    await e.done;
  }
  return snapshot(e.job);
}

export class ImportCancelled extends Error {
  constructor() {
    super('Cancelled: nothing was written');
    this.name = 'ImportCancelled';
  }
}

/** One import writes at a time per workspace (the bulk transaction is exclusive); others wait their turn. */
export function withWriteLock<T>(ws: Workspace, fn: () => Promise<T>): Promise<T> {
  const prev = writeLocks.get(ws) ?? Promise.resolve();
  const run = prev.then(fn, fn);
  writeLocks.set(
    ws,
    run.catch(() => undefined),
  );
  return run;
}
