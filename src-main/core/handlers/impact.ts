import type { impactMethods } from '../../../src-shared/impact/api';
import { computeImpact } from '../../services/impact/impact';
import type { Handlers } from './types';

export const impactHandlers: Handlers<keyof typeof impactMethods> = {
  'impact.compute': computeImpact,
};
