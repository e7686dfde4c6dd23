import type { roiMethods } from '../../../src-shared/roi/api';
import * as bm from '../../services/roi/benefit-models';
import { deriveBenefitModel } from '../../services/roi/benefit-derive';
import { departmentRoi, interventionRoi } from '../../services/roi/roi';
import type { Handlers } from './types';

export const roiHandlers: Handlers<keyof typeof roiMethods> = {
  'benefitModels.create': bm.createBenefitModel,
  'benefitModels.update': bm.updateBenefitModel,
  'benefitModels.delete': (ws, i) => bm.deleteBenefitModel(ws, i.id),
  'benefitModels.list': (ws, i) => bm.listBenefitModels(ws, i.interventionId),
  'benefitModels.derive': deriveBenefitModel,

  'roi.intervention': interventionRoi,
  'roi.department': departmentRoi,
};
