import type { EntityName } from '../db/entities';

/** Tables whose rows belong to a department, children first so links go before what they link. */
export const CHILD_TABLES: EntityName[] = [
  'measurements',
  'indicator_links',
  'gap_interventions',
  'indicators',
  'gaps',
  'step_flows',
  'steps',
  'interventions',
  'processes',
];
