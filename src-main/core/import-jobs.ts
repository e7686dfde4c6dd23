import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type * as A from '../../src-shared/imports/schemas';
import type { Workspace } from '../db/workspace';
import { newJob, registerJob, type JobEntry } from '../services/imports/jobs';
import { startImport } from '../services/imports/measurement-import';
import { resolveUpload } from '../services/imports/uploads';
import type { WorkspaceSession } from './session';

// Measurement imports of large files run on a worker thread: parsing a million rows and writing them
// in one transaction would otherwise leave the calls of the app waiting (seconds at a time). The job
// the app polls (imports.jobs.get) and cancels lives here, on the thread that answers calls, and
// follows the worker's. While the worker writes, this thread's own writes are refused at once, in words.

type StartInput = z.output<typeof A.importStartInput>;

/** From this size the import runs on a worker thread (about 80,000 rows of CSV). */
export const WORKER_IMPORT_BYTES = 2 * 1024 * 1024;

function fileOf(i: StartInput): { name: string; size: number } | null {
  try {
    if (i.fileRef !== undefined) {
      const up = resolveUpload(i.fileRef);
      return { name: up.meta.name, size: fs.statSync(up.path).size };
    }
    return { name: path.basename(i.path!), size: fs.statSync(i.path!).size };
  } catch {
    return null; // the import says what is wrong with the file
  }
}

/** Starts the import, on a worker thread when the file is large; resolves once it has been planned. */
export async function startMeasurementImport(session: WorkspaceSession, ws: Workspace, input: StartInput): Promise<JobEntry> {
  const file = fileOf(input);
  if (!file || file.size < (session.inlineImportBytes ?? WORKER_IMPORT_BYTES)) return startImport(ws, input);

  const job = newJob(file.name, file.size);
  const controller = new AbortController();
  const follow = (p: A.ImportJob) => Object.assign(job, { ...p, id: job.id });
  let planned: () => void = () => undefined;
  let refused: (e: unknown) => void = () => undefined;
  const started = new Promise<void>((resolve, reject) => {
    planned = resolve;
    refused = reject;
  });
  let running = false;
  const done = session
    .runTask('imports.measurements', { start: input }, {
      write: `the import of ${file.name}`,
      signal: controller.signal,
      onProgress: (p) => {
        follow(p as A.ImportJob);
        running = true;
        planned();
      },
    })
    .then(
      (final) => {
        follow(final);
        planned();
      },
      (e: unknown) => {
        // Refused while planning (a date format to choose…): the start call says so, as inline.
        if (!running) return refused(e);
        job.phase = 'failed';
        job.message = e instanceof Error ? e.message : String(e);
        job.finishedAt = new Date().toISOString();
      },
    );
  await started;
  const entry: JobEntry = { job, controller, done };
  registerJob(ws, entry);
  return entry;
}
