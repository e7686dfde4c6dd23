import type { GapStatus, GapType } from '@shared/domain';
import type { GapFilters, GapListInput, GapSort, SortDir } from '@shared/gaps/schemas';

// What the register's filter bar holds, and how it becomes the core's gaps.list input or a saved view.

export interface RegisterState {
  processId: string | null;
  type: GapType[];
  status: GapStatus[];
  owner: string;
  severityMin: number | null;
  /** Set by a dashboard chart (one severity); the filter bar shows it as a removable badge. */
  severityMax: number | null;
  /** Found or closed within dates, linked to an intervention kind: set by a dashboard chart. */
  found: { from: string; to: string } | null;
  closed: { from: string; to: string } | null;
  interventionKind: string | null;
  text: string;
  sortBy: GapSort;
  sortDir: SortDir;
}

export const EMPTY_REGISTER: RegisterState = {
  processId: null,
  type: [],
  status: [],
  owner: '',
  severityMin: null,
  severityMax: null,
  found: null,
  closed: null,
  interventionKind: null,
  text: '',
  sortBy: 'cost',
  sortDir: 'desc',
};

/** The filters as the core takes them (empty ones left out, so the core applies no condition). */
export function toFilters(s: RegisterState, departmentId: string | null): GapFilters {
  const f: GapFilters = {};
  if (departmentId) f.departmentId = departmentId;
  if (s.processId) f.processId = s.processId;
  if (s.type.length) f.type = s.type;
  if (s.status.length) f.status = s.status;
  if (s.owner.trim()) f.owner = s.owner.trim();
  if (s.severityMin !== null) f.severityMin = s.severityMin;
  if (s.severityMax !== null) f.severityMax = s.severityMax;
  if (s.found) Object.assign(f, { foundFrom: s.found.from, foundTo: s.found.to });
  if (s.closed) Object.assign(f, { closedFrom: s.closed.from, closedTo: s.closed.to });
  if (s.interventionKind) f.interventionKind = s.interventionKind;
  if (s.text.trim()) f.text = s.text.trim();
  return f;
}

export function toListInput(s: RegisterState, departmentId: string | null, offset: number, limit: number): GapListInput {
  return { ...toFilters(s, departmentId), sortBy: s.sortBy, sortDir: s.sortDir, offset, limit };
}

const many = <T extends string>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** A saved view back into the filter bar. */
export function fromView(f: GapFilters, sortBy: GapSort, sortDir: SortDir): RegisterState {
  return {
    processId: f.processId ?? null,
    type: many(f.type),
    status: many(f.status),
    owner: f.owner ?? '',
    severityMin: f.severityMin ?? null,
    severityMax: f.severityMax ?? null,
    found: f.foundFrom && f.foundTo ? { from: f.foundFrom, to: f.foundTo } : null,
    closed: f.closedFrom && f.closedTo ? { from: f.closedFrom, to: f.closedTo } : null,
    interventionKind: f.interventionKind ?? null,
    text: f.text ?? '',
    sortBy,
    sortDir,
  };
}

export const isFiltered = (s: RegisterState) =>
  !!(s.processId || s.type.length || s.status.length || s.owner.trim() || s.severityMin !== null || s.severityMax !== null || s.found || s.closed || s.interventionKind || s.text.trim());
