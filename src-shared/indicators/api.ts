import { crudMethods, method } from '../api-method';
import { linkList } from '../interventions/links';
import * as ind from './schemas';
import * as mea from './measurements';
import * as link from './links';
import * as st from './status';
import * as grid from './grid';
import * as xmr from './xmr';

/** Indicators, their measurements and links, the typing grid, RAG status and XmR limits. */
export const indicatorsMethods = {
  ...crudMethods<ind.Indicator>()('indicators', { create: ind.indicatorCreate, update: ind.indicatorUpdate, list: ind.indicatorList }),

  'links.indicator.add': method<link.IndicatorLinkRow>()(link.indicatorLink),
  'links.indicator.remove': method<{ ok: true }>()(link.indicatorLink),
  'links.indicator.list': method<link.IndicatorLinkRow[]>()(linkList),

  ...crudMethods<mea.Measurement>()('measurements', { create: mea.measurementCreate, update: mea.measurementUpdate, list: mea.measurementList }),

  /** RAG status of one indicator, direction-aware, with its tolerance band; "no data"/"no target" states. */
  'indicators.status': method<st.IndicatorStatus>()(st.indicatorStatusInput),
  /** The same for many: a department's indicators, or the given ones (name order). */
  'indicators.statusList': method<st.IndicatorStatus[]>()(st.indicatorStatusListInput),
  /** XmR (process-behaviour) chart: points, moving ranges, natural process limits, signals. */
  'indicators.xmr': method<xmr.IndicatorXmr>()(xmr.indicatorXmrInput),

  /** The expected periods of the indicator's frequency, with values and the missing ones. */
  'measurements.grid': method<grid.MeasurementGrid>()(grid.measurementGridInput),
  /** Saves the grid: insert, update or (value null) delete per period, all or nothing. */
  'measurements.upsertMany': method<grid.UpsertManyResult>()(grid.measurementUpsertMany),
};
