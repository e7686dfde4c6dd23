import { z } from 'zod';
import { id, name, optionalText, paging, type Stamped } from '../common';

export const stepCreate = z
  .object({
    processId: id,
    name: name(300),
    lane: optionalText(120),
    system: optionalText(60),
    /** Position in the process; omitted = appended at the end. */
    position: z.number().int().min(0).max(100_000).optional(),
    inputs: optionalText(2000),
    outputs: optionalText(2000),
    kind: z.string().max(60).default('task'),
    sourceKey: optionalText(500),
  })
  .strict();

export const stepUpdate = z
  .object({
    id,
    name: name(300).optional(),
    lane: optionalText(120),
    system: optionalText(60),
    position: z.number().int().min(0).max(100_000).optional(),
    inputs: optionalText(2000),
    outputs: optionalText(2000),
    kind: z.string().max(60).optional(),
  })
  .strict();

export const stepList = z
  .object({ ...paging, processId: id.optional(), departmentId: id.optional() })
  .strict();

export type StepCreate = z.input<typeof stepCreate>;
export type StepUpdate = z.input<typeof stepUpdate>;
export type StepListInput = z.input<typeof stepList>;

export interface Step extends Stamped {
  departmentId: string;
  processId: string;
  name: string;
  lane: string | null;
  system: string | null;
  position: number;
  inputs: string | null;
  outputs: string | null;
  kind: string;
  sourceKey: string | null;
}
