import { create } from 'zustand';
import { createRegisterSlice, type RegisterSlice } from './register-slice';
import { createRouteSlice, type RouteSlice } from './route-slice';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace-slice';
import { createListFiltersSlice, type ListFiltersSlice } from './list-filters-slice';

// One store, one slice per feature (ARCHITECTURE.md §6). A feature adds its slice type to AppState
// and its creator below. Slices cache what the core returns; they never compute business numbers.
export type AppState = RouteSlice & WorkspaceSlice & RegisterSlice & ListFiltersSlice;

export const useApp = create<AppState>()((...a) => ({
  ...createRouteSlice(...a),
  ...createWorkspaceSlice(...a),
  ...createRegisterSlice(...a),
  ...createListFiltersSlice(...a),
}));
