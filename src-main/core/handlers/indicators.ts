import type { indicatorsMethods } from '../../../src-shared/indicators/api';
import { measurementGrid, upsertMeasurements } from '../../services/indicators/grid';
import * as link from '../../services/indicators/indicator-links';
import * as ind from '../../services/indicators/indicator-service';
import * as mea from '../../services/indicators/measurement-service';
import { indicatorStatus, indicatorStatusList } from '../../services/indicators/rag';
import { indicatorXmr } from '../../services/indicators/xmr-chart';
import { crudHandlers, type Handlers } from './types';

export const indicatorsHandlers: Handlers<keyof typeof indicatorsMethods> = {
  ...crudHandlers('indicators', { create: ind.createIndicator, update: ind.updateIndicator, remove: ind.deleteIndicator, get: ind.getIndicator, list: ind.listIndicators }),

  'links.indicator.add': link.addIndicatorLink,
  'links.indicator.remove': link.removeIndicatorLink,
  'links.indicator.list': link.listIndicatorLinks,

  ...crudHandlers('measurements', { create: mea.createMeasurement, update: mea.updateMeasurement, remove: mea.deleteMeasurement, get: mea.getMeasurement, list: mea.listMeasurements }),

  'indicators.status': indicatorStatus,
  'indicators.statusList': indicatorStatusList,
  'indicators.xmr': indicatorXmr,

  'measurements.grid': measurementGrid,
  'measurements.upsertMany': upsertMeasurements,
};
