import { byId } from '../common';
import { crudMethods, method } from '../api-method';
import * as gap from './schemas';
import * as pr from './priorities';
import * as cl from './closing';
import * as sv from './saved-views';
import * as voc from './vocabulary';
import * as cost from './cost';

/**
 * The register and the loop from "found" to "closed with proof". The register itself is gaps.list
 * (filters, sort and paging in SQL, see ./schemas.ts).
 */
export const gapsMethods = {
  ...crudMethods<gap.Gap>()('gaps', { create: gap.gapCreate, update: gap.gapUpdate, list: gap.gapList }),

  /** The monthly cost a gap would have (nothing is written): the form shows it while the user types. */
  'gaps.estimateCost': method<cost.GapCostEstimate>()(cost.gapCostEstimate),
  /** Open and addressing gaps ranked by monthly cost, then severity, then age; with the rank inputs. */
  'gaps.priorities': method<pr.GapPriorityPage>()(pr.gapPriorities),
  /** Closes a gap with evidence; refused (nothing written) when the evidence does not hold. */
  'gaps.close': method<gap.Gap>()(cl.gapClose),
  /** Reopens a closed gap with a reason; back to open, or addressing when an intervention is at work. */
  'gaps.reopen': method<gap.Gap>()(cl.gapReopen),
  /** Every closing and reopening of a gap, oldest first, from the change log. */
  'gaps.closings': method<cl.GapClosingEvent[]>()(byId),

  'savedViews.create': method<sv.SavedView>()(sv.savedViewCreate),
  'savedViews.list': method<sv.SavedView[]>()(sv.savedViewList),
  /** Renames a view or replaces its filters and sort; the name stays unique in its department. */
  'savedViews.update': method<sv.SavedView>()(sv.savedViewUpdate),
  'savedViews.delete': method<{ ok: true }>()(byId),

  /** Built-in kinds and platforms plus the user's own. */
  'vocabulary.list': method<voc.VocabularyEntry[]>()(voc.vocabularyList),
  'vocabulary.add': method<voc.VocabularyEntry>()(voc.vocabularyAdd),
  /** Refused while a live intervention of the department uses the code. */
  'vocabulary.remove': method<{ ok: true }>()(voc.vocabularyRemove),
};
