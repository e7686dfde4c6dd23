import type { indicatorsAnalyticsMethods } from '../../../src-shared/api/indicators-analytics';
import * as bm from '../../services/indicators/benefit-models';
import { measurementGrid, upsertMeasurements } from '../../services/indicators/grid';
import { computeImpact, indicatorXmr } from '../../services/indicators/impact';
import { indicatorStatus, indicatorStatusList } from '../../services/indicators/rag';
import { departmentRoi, interventionRoi } from '../../services/indicators/roi';
import { cancelJob, getJob } from '../../services/imports/jobs';
import { startImport } from '../../services/imports/measurement-import';
import { previewImport } from '../../services/imports/preview';
import type { Handlers } from './types';

export const indicatorsAnalyticsHandlers: Handlers<keyof typeof indicatorsAnalyticsMethods> = {
  'indicators.status': indicatorStatus,
  'indicators.statusList': indicatorStatusList,
  'indicators.xmr': indicatorXmr,

  'measurements.grid': measurementGrid,
  'measurements.upsertMany': upsertMeasurements,

  'imports.measurements.preview': previewImport,
  'imports.measurements.start': async (ws, i) => ({ jobId: (await startImport(ws, i)).job.id }),
  'imports.jobs.get': (ws, i) => getJob(ws, i.jobId),
  'imports.jobs.cancel': (ws, i) => cancelJob(ws, i.jobId),

  'impact.compute': computeImpact,

  'benefitModels.create': bm.createBenefitModel,
  'benefitModels.update': bm.updateBenefitModel,
  'benefitModels.delete': (ws, i) => bm.deleteBenefitModel(ws, i.id),
  'benefitModels.list': (ws, i) => bm.listBenefitModels(ws, i.interventionId),

  'roi.intervention': interventionRoi,
  'roi.department': departmentRoi,
};
