import { method } from '../api-method';
import * as im from './schemas';

export const impactMethods = {
  /** Before vs after an intervention's start: means, change, 95% Welch interval, XmR signals. */
  'impact.compute': method<im.ImpactResult>()(im.impactInput),
};
