import { z } from 'zod';
import { id, type Stamped } from '../common';

// Indicator links: the gaps and interventions an indicator gives evidence for. A link is an entity of
// its own so that it syncs and has a history; it is listed with the filter of interventions/links.ts.
export const indicatorLink = z
  .object({ indicatorId: id, target: z.enum(['gap', 'intervention']), targetId: id })
  .strict();

export type IndicatorLinkInput = z.input<typeof indicatorLink>;

export interface IndicatorLinkRow extends Stamped {
  departmentId: string;
  indicatorId: string;
  gapId: string | null;
  interventionId: string | null;
}
