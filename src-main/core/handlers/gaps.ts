import type { gapsMethods } from '../../../src-shared/gaps/api';
import { closeGap, gapClosings, reopenGap } from '../../services/gaps/closing';
import * as gap from '../../services/gaps/gap-service';
import { estimateGapCost } from '../../services/gaps/gap-cost';
import { listPriorities } from '../../services/gaps/register';
import { createSavedView, deleteSavedView, listSavedViews, updateSavedView } from '../../services/gaps/saved-views';
import { addVocabulary, listVocabulary, removeVocabulary } from '../../services/gaps/vocabulary';
import { crudHandlers, type Handlers } from './types';

export const gapsHandlers: Handlers<keyof typeof gapsMethods> = {
  ...crudHandlers('gaps', { create: gap.createGap, update: gap.updateGap, remove: gap.deleteGap, get: gap.getGap, list: gap.listGaps }),

  'gaps.estimateCost': estimateGapCost,
  'gaps.priorities': listPriorities,
  'gaps.close': closeGap,
  'gaps.reopen': reopenGap,
  'gaps.closings': (ws, i) => gapClosings(ws, i.id),

  'savedViews.create': createSavedView,
  'savedViews.list': listSavedViews,
  'savedViews.update': updateSavedView,
  'savedViews.delete': (ws, i) => deleteSavedView(ws, i.id),

  'vocabulary.list': listVocabulary,
  'vocabulary.add': addVocabulary,
  'vocabulary.remove': (ws, i) => removeVocabulary(ws, i.id),
};
