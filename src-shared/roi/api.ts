import { byId } from '../common';
import { method } from '../api-method';
import * as roi from './schemas';

/** Benefit models (how an intervention's benefit is valued) and the ROI computed from them in the core. */
export const roiMethods = {
  'benefitModels.create': method<roi.BenefitModel>()(roi.benefitModelCreate),
  'benefitModels.update': method<roi.BenefitModel>()(roi.benefitModelUpdate),
  'benefitModels.delete': method<{ ok: true }>()(byId),
  'benefitModels.list': method<roi.BenefitModel[]>()(roi.benefitModelList),

  /** Benefit (hard, soft), cost, ROI % and payback of an intervention over a window, month by month. */
  'roi.intervention': method<roi.InterventionRoi>()(roi.roiInterventionInput),
  /** The same for every intervention of a department, with totals per currency (hard and soft apart). */
  'roi.department': method<roi.DepartmentRoi>()(roi.roiDepartmentInput),
};
