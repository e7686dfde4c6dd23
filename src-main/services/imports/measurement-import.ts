import fs from 'node:fs';
import path from 'node:path';
import { BoucleError } from '../../../src-shared/errors';
import { reasonOf, type MessageKey, type MessageParams } from '../../../src-shared/messages';
import type * as A from '../../../src-shared/imports/schemas';
import type { Workspace } from '../../db/workspace';
import { isoOfDay } from '../indicators/periods';
import { NotUtf8Error } from './encoding';
import { ImportCancelled, type JobEntry, newJob, registerJob, withWriteLock } from './jobs';
import { removeUpload } from './uploads';
import { planImport, type ImportPlan, type StartInput } from './import-plan';
import { validatePass, type Validation } from './validate-pass';
import { SPOOL_FOLDER, SpoolWriter } from './spool';
import { writePass } from './write-pass';

// The measurement import, all or nothing, in two streaming passes so memory stays flat:
//  1. validate: parse every row, list EVERY bad row (the first 1000 kept, all counted), and detect a
//     second value for the same indicator and period with 8 bytes per row (a sorted Float64Array of
//     packed keys), nothing else kept;
//  2. write: only if pass 1 found nothing wrong, read the file again and write it inside ONE
//     write-path transaction held open across the reads (Writer.beginBulk), batch by batch, so the
//     progress bar moves and a cancel rolls everything back. Each change is logged like any other.

/** Where an import keeps its checked rows between the two passes: the workspace's own folder, not the shared temp dir. */
const spoolDir = (ws: Workspace) => {
  const dir = path.join(ws.dataDir, SPOOL_FOLDER);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
};

/** What a caller may do at the turning points of an import (a worker thread asks for write access there). */
export interface ImportHooks {
  /** Awaited once the file is checked, before the first write. */
  beforeWrite?(): Promise<void>;
}

async function runJob(ws: Workspace, plan: ImportPlan, job: A.ImportJob, signal: AbortSignal, hooks: ImportHooks = {}): Promise<void> {
  let spool = SpoolWriter.create(spoolDir(ws));
  try {
    let v: Validation;
    for (;;) {
      try {
        v = await validatePass(plan, job, spool, signal);
        break;
      } catch (e) {
        // The sample looked like UTF-8 but the rest is not: read it all again as Windows-1252.
        if (!(e instanceof NotUtf8Error) || plan.encodingGiven || plan.encoding !== 'utf-8') throw e;
        plan.encoding = 'windows-1252';
        job.rowsRead = 0;
        spool.discard();
        spool = SpoolWriter.create(spoolDir(ws));
      }
    }
    spool.close();
    if (signal.aborted) throw signal.reason;
    if (v.errors.count > 0) {
      job.errors = v.errors.items;
      job.errorCount = v.errors.count;
      job.phase = 'rejected';
      // Two rows in one period could be rolled up: the refusal says how.
      const rollable = v.errors.items.some((e) => e.code === 'duplicate_period');
      setMessage(job, rollable ? 'import.job.rejected_roll_up' : 'import.job.rejected', { badRows: v.errors.badRows, count: v.errors.count });
      return;
    }
    await hooks.beforeWrite?.();
    if (signal.aborted) throw signal.reason;
    job.phase = 'writing';
    job.bytesRead = 0;
    const counts = await withWriteLock(ws, () => writePass(ws, plan, v, spool.file, job, signal));
    job.result = {
      rows: v.sourceRows ?? v.rows,
      ...(plan.rollUp ? { rolledUp: { aggregation: plan.rollUp, periods: v.rows } } : {}),
      ...counts,
      skippedEmpty: v.skippedEmpty,
      encoding: plan.file.format === 'csv' ? plan.encoding : null,
      dateFormat: plan.dateFormat,
      indicators: v.perIndicator.flatMap((s, i) =>
        s ? [{ indicatorId: v.indicators[i]!.id, name: v.indicators[i]!.name, rows: s.rows, from: isoOfDay(s.minDay), to: isoOfDay(s.maxDay) }] : [],
      ),
    };
    job.phase = 'done';
    job.fraction = 1;
    setMessage(job, 'import.job.done', { rows: v.rows });
    if (plan.file.fileRef) removeUpload(plan.file.fileRef);
  } catch (e) {
    if (signal.aborted || e instanceof ImportCancelled) {
      job.phase = 'cancelled';
      setMessage(job, 'import.job.cancelled');
    } else {
      job.phase = 'failed';
      if (e instanceof NotUtf8Error) setMessage(job, 'import.not_utf8', { byte: e.byteOffset });
      else if (e instanceof BoucleError && e.key) setMessage(job, e.key, e.params);
      else job.message = e instanceof Error ? e.message : String(e);
    }
  } finally {
    spool.discard();
    job.finishedAt = new Date().toISOString();
  }
}

/** The job's message in English, with its key and params for the UI. */
function setMessage(job: A.ImportJob, key: MessageKey, params?: MessageParams) {
  const r = reasonOf(key, params);
  job.message = r.reason;
  job.messageKey = r.key;
  if (r.params) job.messageParams = r.params;
}

/** Starts the import; the returned entry's `done` settles when it has finished. */
export async function startImport(ws: Workspace, input: StartInput, hooks: ImportHooks = {}): Promise<JobEntry> {
  const plan = await planImport(ws, input);
  const job = newJob(plan.file.name, plan.file.size);
  const controller = new AbortController();
  const entry: JobEntry = { job, controller, done: Promise.resolve() };
  entry.done = runJob(ws, plan, job, controller.signal, hooks);
  registerJob(ws, entry);
  return entry;
}
