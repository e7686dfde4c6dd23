import type { roiMethods } from '../../../src-shared/roi/api';
import * as bm from '../../services/roi/benefit-models';
import { deriveBenefitModel } from '../../services/roi/benefit-derive';
import { departmentRoi, interventionRoi } from '../../services/roi/roi';
import type { Handlers } from './types';

export const roiHandlers: Handlers<keyof typeof roiMethods> = {
  // Wrapped: these services take optional arguments of their own where handlers get the call context.
  'benefitModels.create': (ws, i) => bm.createBenefitModel(ws, i),
  'benefitModels.update': bm.updateBenefitModel,
  'benefitModels.delete': (ws, i) => bm.deleteBenefitModel(ws, i.id),
  'benefitModels.list': (ws, i) => bm.listBenefitModels(ws, i.interventionId),
  'benefitModels.derive': deriveBenefitModel,

  'roi.intervention': (ws, i) => interventionRoi(ws, i),
  'roi.department': (ws, i) => departmentRoi(ws, i),
};
