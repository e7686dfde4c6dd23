import type { StateCreator } from 'zustand';
import type { WorkspaceHealth } from '@shared/workspace/schemas';
import { api } from '../api/client';
import type { AppState } from './index';

// How the workspace stands (writable, read-only because another Boucle writes it, damaged): loaded at
// start, again whenever a call is refused for that reason, and after a restore or another folder.
export interface HealthSlice {
  health: WorkspaceHealth | null;
  loadHealth(): Promise<void>;
  setHealth(h: WorkspaceHealth): void;
}

export const createHealthSlice: StateCreator<AppState, [], [], HealthSlice> = (set) => ({
  health: null,
  async loadHealth() {
    set({ health: await api.call('workspace.health', {}) });
  },
  setHealth(health) {
    set({ health });
  },
});
