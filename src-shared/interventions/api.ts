import { crudMethods, method } from '../api-method';
import * as itv from './schemas';
import * as link from './links';
import { interventionRestart } from './workflow';

/** Interventions, their status workflow (INTERVENTION_TRANSITIONS, enforced on update) and the gaps they close. */
export const interventionsMethods = {
  ...crudMethods<itv.Intervention>()('interventions', { create: itv.interventionCreate, update: itv.interventionUpdate, list: itv.interventionList }),
  /** done / stopped → running, explicitly (interventions.update refuses it). */
  'interventions.restart': method<itv.Intervention>()(interventionRestart),

  'links.gapIntervention.add': method<link.GapIntervention>()(link.gapInterventionLink),
  'links.gapIntervention.remove': method<{ ok: true }>()(link.gapInterventionLink),
  'links.gapIntervention.list': method<link.GapIntervention[]>()(link.linkList),
};
