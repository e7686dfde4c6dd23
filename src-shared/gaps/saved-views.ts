import { z } from 'zod';
import { msg } from '../messages';
import { id, name, type Stamped } from '../common';
import { GAP_SORTS, SORT_DIRS, gapFilters, type GapFilters, type GapSort, type SortDir } from './schemas';

// Saved views of the register: named filters and sort, per department.

export const SAVED_VIEW_ENTITIES = ['gaps'] as const;

export const savedViewCreate = z
  .object({
    name: name(120),
    entity: z.enum(SAVED_VIEW_ENTITIES, msg('views.entity')).default('gaps'),
    /** The department the view belongs to (it syncs with it); default: filters.departmentId. */
    departmentId: id.optional(),
    filters: gapFilters.default({}),
    sortBy: z.enum(GAP_SORTS, msg('common.unknown_sort')).default('foundOn'),
    sortDir: z.enum(SORT_DIRS, msg('common.sort_dir')).default('desc'),
  })
  .strict();

/** Rename a view, or save the register's current filters and sort into it. */
export const savedViewUpdate = z
  .object({
    id,
    name: name(120).optional(),
    filters: gapFilters.optional(),
    sortBy: z.enum(GAP_SORTS, msg('common.unknown_sort')).optional(),
    sortDir: z.enum(SORT_DIRS, msg('common.sort_dir')).optional(),
  })
  .strict();

export const savedViewList = z
  .object({
    entity: z.enum(SAVED_VIEW_ENTITIES).optional(),
    departmentId: id.optional(),
  })
  .strict();

export type SavedViewCreate = z.input<typeof savedViewCreate>;
export type SavedViewUpdate = z.input<typeof savedViewUpdate>;

export interface SavedView extends Stamped {
  departmentId: string;
  name: string;
  entity: (typeof SAVED_VIEW_ENTITIES)[number];
  /** Pass as they are to gaps.list, with sortBy and sortDir. */
  filters: GapFilters;
  sortBy: GapSort;
  sortDir: SortDir;
}
