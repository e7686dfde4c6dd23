import type { StateCreator } from 'zustand';
import type { InterventionStatus } from '@shared/domain';

// The interventions list's filters, kept in the store so that a dashboard chart can open the list
// filtered on the bar that was clicked (a kind and a status), and the list is as the user left it.
export interface InterventionFilter {
  status: InterventionStatus | null;
  kind: string | null;
}

export interface ListFiltersSlice {
  interventionFilter: InterventionFilter;
  patchInterventionFilter(patch: Partial<InterventionFilter>): void;
}

export const createListFiltersSlice: StateCreator<ListFiltersSlice, [], [], ListFiltersSlice> = (set) => ({
  interventionFilter: { status: null, kind: null },
  patchInterventionFilter: (patch) => set((s) => ({ interventionFilter: { ...s.interventionFilter, ...patch } })),
});
