import { z } from 'zod';
import { msg } from '../messages';
import { departmentTarget } from './templates';

// BPMN 2.0 import: the input the core validates and the summary it returns.

/** 30 MB of XML is far beyond any real process model; the limit keeps a wrong file from filling memory. */
export const MAX_BPMN_CHARS = 30_000_000;

export const bpmnImport = z
  .object({
    xml: z.string(msg('common.required')).max(MAX_BPMN_CHARS, msg('bpmn.too_large')),
    fileName: z.string().trim().max(255).optional(),
    ...departmentTarget,
  })
  .strict()
  .refine((i) => Boolean(i.departmentId) !== Boolean(i.departmentName), {
    ...msg('bpmn.choose_department'),
    path: ['departmentId'],
  });

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
