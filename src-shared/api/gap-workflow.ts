import { byId } from '../schemas/common';
import * as wf from '../schemas/gap-workflow';
import type { Gap } from '../schemas/gaps';
import type { Intervention } from '../schemas/interventions';
import { method } from './define';

/**
 * Issue 4, the loop from "found" to "closed with proof". The register itself is gaps.list (filters,
 * sort and paging in SQL, see src-shared/schemas/gaps.ts); the intervention workflow is enforced on
 * interventions.update (INTERVENTION_TRANSITIONS); these are the methods it adds.
 */
export const gapWorkflowMethods = {
  /** Open and addressing gaps ranked by monthly cost, then severity, then age; with the rank inputs. */
  'gaps.priorities': method<wf.GapPriorityPage>()(wf.gapPriorities),
  /** Closes a gap with evidence; refused (nothing written) when the evidence does not hold. */
  'gaps.close': method<Gap>()(wf.gapClose),
  /** Reopens a closed gap with a reason; back to open, or addressing when an intervention is at work. */
  'gaps.reopen': method<Gap>()(wf.gapReopen),
  /** Every closing and reopening of a gap, oldest first, from the change log. */
  'gaps.closings': method<wf.GapClosingEvent[]>()(byId),

  /** done / stopped → running, explicitly (interventions.update refuses it). */
  'interventions.restart': method<Intervention>()(wf.interventionRestart),

  'savedViews.create': method<wf.SavedView>()(wf.savedViewCreate),
  'savedViews.list': method<wf.SavedView[]>()(wf.savedViewList),
  /** Renames a view or replaces its filters and sort; the name stays unique in its department. */
  'savedViews.update': method<wf.SavedView>()(wf.savedViewUpdate),
  'savedViews.delete': method<{ ok: true }>()(byId),

  /** Built-in kinds and platforms plus the user's own. */
  'vocabulary.list': method<wf.VocabularyEntry[]>()(wf.vocabularyList),
  'vocabulary.add': method<wf.VocabularyEntry>()(wf.vocabularyAdd),
  /** Refused while a live intervention of the department uses the code. */
  'vocabulary.remove': method<{ ok: true }>()(wf.vocabularyRemove),

  /** What changed, when, on which machine: one entry per transaction, newest first. */
  'history.list': method<wf.HistoryPage>()(wf.historyList),

  /** Full text across processes, steps, gaps, interventions and indicators, best match first. */
  'search.query': method<wf.SearchResult>()(wf.searchQuery),
};
