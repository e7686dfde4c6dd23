import type { interventionsMethods } from '../../../src-shared/interventions/api';
import * as link from '../../services/interventions/gap-links';
import * as itv from '../../services/interventions/intervention-service';
import { crudHandlers, type Handlers } from './types';

export const interventionsHandlers: Handlers<keyof typeof interventionsMethods> = {
  ...crudHandlers('interventions', { create: itv.createIntervention, update: itv.updateIntervention, remove: itv.deleteIntervention, get: itv.getIntervention, list: itv.listInterventions }),
  'interventions.restart': (ws, i) => itv.restartIntervention(ws, i.id),

  'links.gapIntervention.add': link.addGapIntervention,
  'links.gapIntervention.remove': link.removeGapIntervention,
  'links.gapIntervention.list': link.listGapInterventions,
};
