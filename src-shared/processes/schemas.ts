import { z } from 'zod';
import { msg } from '../messages';
import { PROCESS_SOURCES } from '../domain';
import { id, name, optionalText, paging, type Stamped } from '../common';

const systems = z.array(z.string().trim().min(1).max(60)).max(30, msg('process.max_systems', { max: 30 }));

export const processCreate = z
  .object({
    departmentId: id,
    name: name(200),
    owner: optionalText(200),
    description: optionalText(),
    referenceId: optionalText(60),
    systems: systems.default([]),
    source: z.enum(PROCESS_SOURCES).default('manual'),
    sourceKey: optionalText(500),
  })
  .strict();

export const processUpdate = z
  .object({
    id,
    name: name(200).optional(),
    owner: optionalText(200),
    description: optionalText(),
    referenceId: optionalText(60),
    systems: systems.optional(),
  })
  .strict();

export const processList = z
  .object({ ...paging, departmentId: id.optional(), search: z.string().max(200).optional() })
  .strict();

/** How many live steps and open (or being addressed) gaps each process has, for the list of processes. */
export const processCounts = z.object({ departmentId: id.optional() }).strict();

export interface ProcessCount {
  processId: string;
  steps: number;
  openGaps: number;
}

export type ProcessCreate = z.input<typeof processCreate>;
export type ProcessUpdate = z.input<typeof processUpdate>;
export type ProcessListInput = z.input<typeof processList>;

export interface Process extends Stamped {
  departmentId: string;
  name: string;
  owner: string | null;
  description: string | null;
  referenceId: string | null;
  systems: string[];
  source: (typeof PROCESS_SOURCES)[number];
  /** Where an imported process came from (BPMN element id, template key): re-imports match on it. */
  sourceKey: string | null;
}
