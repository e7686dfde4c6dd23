import { byId } from '../common';
import { method } from '../api-method';
import * as roi from './schemas';
import * as derive from './derivation';
import * as res from './results';

/** Benefit models (how an intervention's benefit is valued) and the ROI computed from them in the core. */
export const roiMethods = {
  'benefitModels.create': method<roi.BenefitModel>()(roi.benefitModelCreate),
  'benefitModels.update': method<roi.BenefitModel>()(roi.benefitModelUpdate),
  'benefitModels.delete': method<{ ok: true }>()(byId),
  'benefitModels.list': method<roi.BenefitModel[]>()(roi.benefitModelList),
  /** A benefit model from the data: a measured impact × what a unit is worth, or a closed gap's monthly cost; it keeps where it came from. */
  'benefitModels.derive': method<derive.BenefitDerived>()(derive.benefitDeriveInput),

  /**
   * Hard and soft benefit, cash released (apart), cost, hard ROI (headline) and ROI with soft, month
   * by month over a window (default: the 12 last complete months), plus the lifetime ROI and payback,
   * with the method in words (InterventionRoi.method).
   */
  'roi.intervention': method<res.InterventionRoi>()(res.roiInterventionInput),
  /** The same for every intervention of a department, in its currency, with totals that add up to the cent. */
  'roi.department': method<res.DepartmentRoi>()(res.roiDepartmentInput),
};
