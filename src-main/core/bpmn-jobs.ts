import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { z } from 'zod';
import { BoucleError } from '../../src-shared/errors';
import type { BpmnJob, BpmnImportSummary, bpmnImport } from '../../src-shared/processes/bpmn';
import type { Workspace } from '../db/workspace';
import { importBpmn, type BpmnProgress } from '../services/processes/bpmn-import';
import { removeUpload, resolveUpload } from '../services/imports/uploads';
import type { WorkspaceSession } from './session';
import { toApiErrorShape } from './errors';

// BPMN imports off the thread that answers calls. A model of thousands of tasks takes seconds to
// parse and write (bpmn-moddle holds it all in memory): on a worker thread, the app answers every
// other call meanwhile, and the import modal polls bpmn.jobs.get for its progress bar. A small file
// (most real models) is imported right away on this thread: a worker would only add its start-up.

type Input = z.output<typeof bpmnImport>;

/** Text above this size goes to a worker thread (about 1,500 tasks with their diagram). */
export const BPMN_INLINE_CHARS = 256 * 1024;
const KEEP_FINISHED = 20;
const jobs = new WeakMap<WorkspaceSession, Map<string, BpmnJob>>();

function registry(session: WorkspaceSession): Map<string, BpmnJob> {
  let r = jobs.get(session);
  if (!r) jobs.set(session, (r = new Map()));
  return r;
}

/** The size of what is to be read: the text given, or the file (an upload, a path). */
function sizeOf(i: Input): number {
  if (i.xml !== undefined) return i.xml.length;
  try {
    return fs.statSync(i.fileRef !== undefined ? resolveUpload(i.fileRef).path : i.path!).size;
  } catch {
    return 0; // the import says what is wrong with it
  }
}

const isSmall = (i: Input) => sizeOf(i) <= BPMN_INLINE_CHARS;

/** Imports and returns the summary: inline for small text, on a worker thread otherwise. */
export function runBpmnImport(session: WorkspaceSession, ws: Workspace, input: Input, progress?: (p: BpmnProgress) => void): Promise<BpmnImportSummary> {
  if (isSmall(input)) return importBpmn(ws, input, progress ? { progress } : {});
  return session.runTask('bpmn.import', input, {
    write: `the BPMN import of ${input.fileName ?? 'a file'}`,
    onProgress: (p) => progress?.(p as BpmnProgress),
  });
}

/** Starts an import as a job; the upload it read (if any) is removed when it ends, whatever the outcome. */
export function startBpmnJob(session: WorkspaceSession, ws: Workspace, input: Input): BpmnJob {
  const job: BpmnJob = { id: randomUUID(), fileName: input.fileName ?? 'BPMN', phase: 'checking', fraction: 0, result: null, error: null };
  const r = registry(session);
  r.set(job.id, job);
  const finished = [...r.values()].filter((j) => j.phase === 'done' || j.phase === 'failed');
  for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) r.delete(j.id);
  void runBpmnImport(session, ws, input, (p) => {
    job.phase = p.phase;
    job.fraction = p.fraction;
  })
    .then((result) => {
      job.result = result;
      job.phase = 'done';
      job.fraction = 1;
    })
    .catch((e: unknown) => {
      job.error = toApiErrorShape(e);
      job.phase = 'failed';
    })
    .finally(() => {
      if (input.fileRef) removeUpload(input.fileRef);
    });
  return { ...job };
}

export function getBpmnJob(session: WorkspaceSession, jobId: string): BpmnJob {
  const job = registry(session).get(jobId);
  if (!job) throw BoucleError.of('not_found', 'import.no_such_job', undefined, 'jobId');
  return { ...job };
}
