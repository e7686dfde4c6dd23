import { z } from 'zod';
import { id, type Stamped } from '../common';

// Many-to-many links. A link is an entity of its own so that it syncs and has a history.
// Gap ↔ intervention: the gaps an intervention sets out to close.
export const gapInterventionLink = z.object({ gapId: id, interventionId: id }).strict();
/** The filter of both link lists (links.gapIntervention.list and links.indicator.list). */
export const linkList = z
  .object({ gapId: id.optional(), interventionId: id.optional(), indicatorId: id.optional() })
  .strict();

export type GapInterventionLinkInput = z.input<typeof gapInterventionLink>;

export interface GapIntervention extends Stamped {
  departmentId: string;
  gapId: string;
  interventionId: string;
}
