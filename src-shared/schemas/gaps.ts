import { z } from 'zod';
import { GAP_STATUSES, GAP_TYPES } from '../domain';
import { finite, id, isoDate, name, optionalText, paging, type Stamped } from './common';

const severity = z
  .number({ message: 'Must be a number' })
  .int({ message: 'Severity is a whole number from 1 to 5' })
  .min(1, { message: 'Severity is from 1 to 5' })
  .max(5, { message: 'Severity is from 1 to 5' });
const frequency = finite.min(0, { message: 'Frequency cannot be negative' }).max(100_000, { message: 'Frequency too large' });
const hours = finite.min(0, { message: 'Hours cannot be negative' }).max(10_000, { message: 'Hours too large' });

export const gapCreate = z
  .object({
    processId: id,
    stepId: id.nullable().default(null),
    title: name(300),
    type: z.enum(GAP_TYPES, { message: 'Choose a gap type' }),
    description: optionalText(),
    evidence: optionalText(),
    severity: severity.default(3),
    frequencyPerMonth: frequency.default(0),
    hoursLostPerOccurrence: hours.default(0),
    owner: optionalText(200),
    foundOn: isoDate.optional(),
  })
  .strict();

export const gapUpdate = z
  .object({
    id,
    stepId: id.nullable().optional(),
    title: name(300).optional(),
    type: z.enum(GAP_TYPES, { message: 'Choose a gap type' }).optional(),
    description: optionalText(),
    evidence: optionalText(),
    severity: severity.optional(),
    frequencyPerMonth: frequency.optional(),
    hoursLostPerOccurrence: hours.optional(),
    owner: optionalText(200),
    foundOn: isoDate.optional(),
    status: z.enum(['open', 'dismissed']).optional(),
  })
  .strict();

export const gapList = z
  .object({
    ...paging,
    departmentId: id.optional(),
    processId: id.optional(),
    stepId: id.optional(),
    type: z.enum(GAP_TYPES).optional(),
    status: z.enum(GAP_STATUSES).optional(),
  })
  .strict();

export type GapCreate = z.input<typeof gapCreate>;
export type GapUpdate = z.input<typeof gapUpdate>;
export type GapListInput = z.input<typeof gapList>;

export interface Gap extends Stamped {
  departmentId: string;
  processId: string;
  stepId: string | null;
  title: string;
  type: (typeof GAP_TYPES)[number];
  description: string | null;
  evidence: string | null;
  severity: number;
  frequencyPerMonth: number;
  hoursLostPerOccurrence: number;
  status: (typeof GAP_STATUSES)[number];
  owner: string | null;
  foundOn: string;
  closedOn: string | null;
  closureNote: string | null;
  /** frequency × hours lost × the department's loaded hourly rate; null when the rate is not set. */
  monthlyCostCents: number | null;
  currency: string;
}
