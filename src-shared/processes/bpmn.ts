import { z } from 'zod';
import { msg } from '../messages';
import { departmentTarget } from './templates';
import { fileRef } from '../imports/schemas';

// BPMN 2.0 import: the input the core validates and the summary it returns.

/** 30 MB of XML is far beyond any real process model; the limit keeps a wrong file from filling memory. */
export const MAX_BPMN_CHARS = 30_000_000;

const bpmnSource = {
  /** The file's text (small files, the CLI, tests). */
  xml: z.string(msg('common.required')).max(MAX_BPMN_CHARS, msg('bpmn.too_large')).optional(),
  /** An upload of the web shell (POST /upload): the way a browser sends a file over 1 MB. */
  fileRef: fileRef.optional(),
  /** The file where it lies: the desktop app (native dialog, drop) and the CLI; refused from a browser. */
  path: z.string().min(1).max(4096).regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, msg('import.full_path')).optional(),
};

export const bpmnImport = z
  .object({
    ...bpmnSource,
    fileName: z.string().trim().max(255).optional(),
    ...departmentTarget,
  })
  .strict()
  .refine((i) => [i.xml, i.fileRef, i.path].filter((v) => v !== undefined).length === 1, { ...msg('bpmn.one_source'), path: ['xml'] })
  .refine((i) => Boolean(i.departmentId) !== Boolean(i.departmentName), {
    ...msg('bpmn.choose_department'),
    path: ['departmentId'],
  });

export const bpmnJobInput = z.object({ jobId: z.string().uuid(msg('import.job_id')) }).strict();

/** A BPMN import running off the thread that answers calls: the modal polls it for its progress bar. */
export interface BpmnJob {
  id: string;
  fileName: string;
  phase: 'checking' | 'reading' | 'planning' | 'writing' | 'done' | 'failed';
  /** 0…1 over the whole import. */
  fraction: number;
  result: BpmnImportSummary | null;
  error: { code: string; message: string; field?: string; key?: string; params?: Record<string, string | number> } | null;
}

export type BpmnImport = z.input<typeof bpmnImport>;

export interface BpmnProcessResult {
  id: string;
  name: string;
  /** `<file key>#<BPMN process id>`: what a re-import matches on. */
  sourceKey: string;
  status: 'created' | 'updated';
  steps: number;
  lanes: number;
  flows: number;
  stepsCreated: number;
  stepsUpdated: number;
  /** Steps of an earlier import that are no longer in the file: soft-deleted, their gaps kept on the process. */
  stepsRemoved: number;
}

export interface BpmnImportSummary {
  departmentId: string;
  departmentCreated: boolean;
  fileKey: string;
  processes: BpmnProcessResult[];
  created: number;
  updated: number;
  steps: number;
  lanes: number;
  flows: number;
  warnings: string[];
}
