import type { ApiName } from '../../src-shared/api';
import { workspaceHandlers } from './handlers/workspace';
import { departmentsHandlers } from './handlers/departments';
import { processesHandlers } from './handlers/processes';
import { gapsHandlers } from './handlers/gaps';
import { interventionsHandlers } from './handlers/interventions';
import { indicatorsHandlers } from './handlers/indicators';
import { impactHandlers } from './handlers/impact';
import { roiHandlers } from './handlers/roi';
import { importsHandlers } from './handlers/imports';
import { searchHandlers } from './handlers/search';
import { historyHandlers } from './handlers/history';
import { dashboardHandlers } from './handlers/dashboard';
import { reportsHandlers } from './handlers/reports';
import { syncHandlers } from './handlers/sync';
import type { Handlers } from './handlers/types';

/** The handler map: one part per domain area (handlers/<area>.ts), checked complete by the type below. */
export const handlers: Handlers<ApiName> = {
  ...workspaceHandlers,
  ...departmentsHandlers,
  ...processesHandlers,
  ...gapsHandlers,
  ...interventionsHandlers,
  ...indicatorsHandlers,
  ...impactHandlers,
  ...roiHandlers,
  ...importsHandlers,
  ...searchHandlers,
  ...historyHandlers,
  ...dashboardHandlers,
  ...reportsHandlers,
  ...syncHandlers,
};
