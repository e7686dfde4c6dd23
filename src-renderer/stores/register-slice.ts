import type { StateCreator } from 'zustand';
import { EMPTY_REGISTER, type RegisterState } from '../features/gaps/register-filters';

// The gap register's filters and sort, kept while the user visits other pages (open a gap's
// process, come back: the register is as they left it). Not persisted across launches; saved
// views are for that.
export interface RegisterSlice {
  register: RegisterState;
  patchRegister(patch: Partial<RegisterState>): void;
}

export const createRegisterSlice: StateCreator<RegisterSlice, [], [], RegisterSlice> = (set) => ({
  register: EMPTY_REGISTER,
  patchRegister: (patch) => set((s) => ({ register: { ...s.register, ...patch } })),
});
