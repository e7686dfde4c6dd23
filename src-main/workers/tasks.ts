import type { BackupReason } from '../../src-shared/workspace/schemas';
import type { Workspace } from '../db/workspace';
import type { BpmnImport } from '../../src-shared/processes/bpmn';
import type { ImportJob } from '../../src-shared/imports/schemas';
import type { ReportFormat, ReportSpec } from '../../src-shared/reports/schemas';

// The long work that runs on a worker thread (entry.ts), by name. Each task gets its own connection
// to the workspace; one that writes awaits `writeAccess()` before its first write.
// Each task loads its own modules when it runs: a thread starts for one task, and loading every
// task's libraries (ECharts, ExcelJS, pptxgenjs for reports) cost a measurement import or a backup
// about 0.65 s of its start, on top of the 0.15 s the core itself takes.

export interface TaskContext {
  ws: Workspace;
  signal: AbortSignal;
  progress(p: unknown): void;
  /** Resolves once the main thread lets this task write (it refuses its own writes meanwhile). */
  writeAccess(): Promise<void>;
}

export const TASKS = {
  /** A checked backup (VACUUM INTO reads one snapshot: the app goes on writing meanwhile). */
  'workspace.backup': async (ctx: TaskContext, input: { reason: BackupReason; check: 'quick' | 'full'; out?: string; rotate?: boolean }) => {
    const { writeBackup } = await import('../services/workspace/backups');
    return writeBackup(ctx.ws.db, ctx.ws.dataDir, input.reason, {
      check: input.check,
      rotate: input.rotate !== false,
      ...(input.out ? { out: input.out } : {}),
      ...(ctx.ws.nativeBinding ? { nativeBinding: ctx.ws.nativeBinding } : {}),
    });
  },
  /** PRAGMA quick_check or integrity_check: the problems found, [] when sound. */
  'workspace.check': async (ctx: TaskContext, input: { kind: 'quick' | 'full' }) => {
    const { checkIntegrity } = await import('../db/health');
    return checkIntegrity(ctx.ws.db, input.kind);
  },
  /** A BPMN import (already validated by the core): checked, parsed and planned here, then written once allowed. */
  'bpmn.import': async (ctx: TaskContext, input: BpmnImport) => {
    const [{ bpmnImport }, { importBpmn }] = await Promise.all([import('../../src-shared/processes/bpmn'), import('../services/processes/bpmn-import')]);
    return importBpmn(ctx.ws, bpmnImport.parse(input), { progress: ctx.progress, beforeWrite: ctx.writeAccess });
  },
  /**
   * A measurement import: both passes here, the write once allowed. Progress is the job as it stands
   * (every 100 ms); the result, the job at its end — done, rejected, cancelled or failed.
   */
  'imports.measurements': async (ctx: TaskContext, input: { start: unknown }): Promise<ImportJob> => {
    const [{ importStartInput }, { adoptUpload }, { ImportCancelled, snapshot }, { startImport }] = await Promise.all([
      import('../../src-shared/imports/schemas'),
      import('../services/imports/uploads'),
      import('../services/imports/jobs'),
      import('../services/imports/measurement-import'),
    ]);
    const start = importStartInput.parse(input.start);
    if (start.fileRef) adoptUpload(start.fileRef, ctx.ws.dataDir);
    const entry = await startImport(ctx.ws, start, { beforeWrite: ctx.writeAccess });
    const cancel = () => entry.controller.abort(new ImportCancelled());
    ctx.signal.addEventListener('abort', cancel);
    const timer = setInterval(() => ctx.progress(snapshot(entry.job)), 100);
    try {
      await entry.done;
    } finally {
      clearInterval(timer);
      ctx.signal.removeEventListener('abort', cancel);
    }
    return snapshot(entry.job);
  },
  /** A report's model and file (a PDF: its HTML, printed by the caller); progress is the job's phase and step. */
  'reports.render': async (ctx: TaskContext, input: { spec: ReportSpec; format: ReportFormat }) => {
    const { renderReport } = await import('../reports/build');
    return renderReport(ctx.ws, input.spec, input.format, ctx.signal, ctx.progress);
  },
};

export type TaskName = keyof typeof TASKS;
export type TaskInput<K extends TaskName> = Parameters<(typeof TASKS)[K]>[1];
export type TaskOutput<K extends TaskName> = Awaited<ReturnType<(typeof TASKS)[K]>>;
