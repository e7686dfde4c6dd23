import type { StateCreator } from 'zustand';
import type { Department } from '@shared/api';
import { api } from '../api/client';
import type { AppState } from './index';

export const DEPT_KEY = 'boucle.department';

export interface WorkspaceSlice {
  departments: Department[];
  departmentsLoaded: boolean;
  /** The department the lists are filtered on; null = all departments. */
  departmentId: string | null;
  setDepartmentId(id: string | null): void;
  loadDepartments(): Promise<void>;
  /** Called after any mutation so counts and lists everywhere are fresh. */
  bumpRevision(): void;
  revision: number;
}

export const createWorkspaceSlice: StateCreator<AppState, [], [], WorkspaceSlice> = (set, get) => ({
  departments: [],
  departmentsLoaded: false,
  departmentId: localStorage.getItem(DEPT_KEY),
  revision: 0,
  setDepartmentId(id) {
    if (id) localStorage.setItem(DEPT_KEY, id);
    else localStorage.removeItem(DEPT_KEY);
    set({ departmentId: id });
  },
  async loadDepartments() {
    const page = await api.call('departments.list', { limit: 1000 });
    const current = get().departmentId;
    set({
      departments: page.items,
      departmentsLoaded: true,
      // A remembered department that was deleted meanwhile falls back to "all".
      departmentId: current && page.items.some((d) => d.id === current) ? current : null,
    });
  },
  bumpRevision() {
    set({ revision: get().revision + 1 });
    void get().loadDepartments();
  },
});
