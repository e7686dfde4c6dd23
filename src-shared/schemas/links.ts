import { z } from 'zod';
import { id, type Stamped } from './common';

// Many-to-many links. A link is an entity of its own so that it syncs and has a history.
export const gapInterventionLink = z.object({ gapId: id, interventionId: id }).strict();
export const indicatorLink = z
  .object({ indicatorId: id, target: z.enum(['gap', 'intervention']), targetId: id })
  .strict();
export const linkList = z
  .object({ gapId: id.optional(), interventionId: id.optional(), indicatorId: id.optional() })
  .strict();

export type GapInterventionLinkInput = z.input<typeof gapInterventionLink>;
export type IndicatorLinkInput = z.input<typeof indicatorLink>;

export interface GapIntervention extends Stamped {
  departmentId: string;
  gapId: string;
  interventionId: string;
}
export interface IndicatorLinkRow extends Stamped {
  departmentId: string;
  indicatorId: string;
  gapId: string | null;
  interventionId: string | null;
}
