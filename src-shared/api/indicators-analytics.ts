import { byId } from '../schemas/common';
import * as a from '../schemas/indicators-analytics';
import { method } from './define';

/**
 * Issue 5: the numbers behind the indicator page, the typing grid, impact and ROI, and the measurement
 * import. Computed here in the core so that the app, the CLI and the reports always agree.
 */
export const indicatorsAnalyticsMethods = {
  /** RAG status of one indicator, direction-aware, with its tolerance band; "no data"/"no target" states. */
  'indicators.status': method<a.IndicatorStatus>()(a.indicatorStatusInput),
  /** The same for many: a department's indicators, or the given ones (name order). */
  'indicators.statusList': method<a.IndicatorStatus[]>()(a.indicatorStatusListInput),
  /** XmR (process-behaviour) chart: points, moving ranges, natural process limits, signals. */
  'indicators.xmr': method<a.IndicatorXmr>()(a.indicatorXmrInput),

  /** The expected periods of the indicator's frequency, with values and the missing ones. */
  'measurements.grid': method<a.MeasurementGrid>()(a.measurementGridInput),
  /** Saves the grid: insert, update or (value null) delete per period, all or nothing. */
  'measurements.upsertMany': method<a.UpsertManyResult>()(a.measurementUpsertMany),

  /** Detects encoding, separator, number and date formats, header and columns; parses the first rows. */
  'imports.measurements.preview': method<a.ImportPreview>()(a.importPreviewInput),
  /** Starts an all-or-nothing streaming import; follow it with imports.jobs.get. */
  'imports.measurements.start': method<{ jobId: string }>()(a.importStartInput),
  'imports.jobs.get': method<a.ImportJob>()(a.importJobInput),
  /** Stops a running import; nothing of it is written. */
  'imports.jobs.cancel': method<a.ImportJob>()(a.importJobInput),

  /** Before vs after an intervention's start: means, change, 95% Welch interval, XmR signals. */
  'impact.compute': method<a.ImpactResult>()(a.impactInput),

  'benefitModels.create': method<a.BenefitModel>()(a.benefitModelCreate),
  'benefitModels.update': method<a.BenefitModel>()(a.benefitModelUpdate),
  'benefitModels.delete': method<{ ok: true }>()(byId),
  'benefitModels.list': method<a.BenefitModel[]>()(a.benefitModelList),

  /** Benefit (hard, soft), cost, ROI % and payback of an intervention over a window, month by month. */
  'roi.intervention': method<a.InterventionRoi>()(a.roiInterventionInput),
  /** The same for every intervention of a department, with totals per currency (hard and soft apart). */
  'roi.department': method<a.DepartmentRoi>()(a.roiDepartmentInput),
};
