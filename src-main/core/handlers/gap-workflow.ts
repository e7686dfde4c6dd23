import type { gapWorkflowMethods } from '../../../src-shared/api/gap-workflow';
import { closeGap, gapClosings, reopenGap } from '../../services/gap-workflow/closing';
import { listHistory } from '../../services/gap-workflow/history';
import { listPriorities } from '../../services/gap-workflow/register';
import { createSavedView, deleteSavedView, listSavedViews, updateSavedView } from '../../services/gap-workflow/saved-views';
import { search } from '../../services/gap-workflow/search';
import { addVocabulary, listVocabulary, removeVocabulary } from '../../services/gap-workflow/vocabulary';
import { restartIntervention } from '../../services/interventions';
import type { Handlers } from './types';

export const gapWorkflowHandlers: Handlers<keyof typeof gapWorkflowMethods> = {
  'gaps.priorities': listPriorities,
  'gaps.close': closeGap,
  'gaps.reopen': reopenGap,
  'gaps.closings': (ws, i) => gapClosings(ws, i.id),

  'interventions.restart': (ws, i) => restartIntervention(ws, i.id),

  'savedViews.create': createSavedView,
  'savedViews.list': listSavedViews,
  'savedViews.update': updateSavedView,
  'savedViews.delete': (ws, i) => deleteSavedView(ws, i.id),

  'vocabulary.list': listVocabulary,
  'vocabulary.add': addVocabulary,
  'vocabulary.remove': (ws, i) => removeVocabulary(ws, i.id),

  'history.list': listHistory,

  'search.query': search,
};
