import { method } from '../api-method';
import * as d from './schemas';

/** The dashboard screen: every figure of one department (or all) over a window, in one call. */
export const dashboardMethods = {
  'dashboard.get': method<d.Dashboard>()(d.dashboardInput),
};
