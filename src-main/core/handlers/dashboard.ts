import type { dashboardMethods } from '../../../src-shared/dashboard/api';
import { getDashboard } from '../../services/dashboard/dashboard';
import type { Handlers } from './types';

export const dashboardHandlers: Handlers<keyof typeof dashboardMethods> = {
  'dashboard.get': getDashboard,
};
