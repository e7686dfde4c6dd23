import { z } from 'zod';
import { id, paging } from '../common';
import type { Gap } from './schemas';

// The prioritisation view of the register: open gaps ranked by what they cost.

export const gapPriorities = z
  .object({
    ...paging,
    departmentId: id.optional(),
    processId: id.optional(),
  })
  .strict();
export type GapPrioritiesInput = z.input<typeof gapPriorities>;

/**
 * One row of the prioritisation view. The rank is: estimated monthly cost, highest first (gaps whose
 * department has no loaded rate have no cost and come after every costed gap), then severity highest
 * first, then the oldest found first. The inputs of the rank are returned so the view can show why.
 */
export interface GapPriority {
  /** 1-based, over the whole ranking (not just the page). */
  rank: number;
  monthlyCostCents: number | null;
  severity: number;
  frequencyPerMonth: number;
  hoursLostPerOccurrence: number;
  loadedHourlyRateCents: number | null;
  foundOn: string;
  gap: Gap;
}

export interface GapPriorityPage {
  items: GapPriority[];
  total: number;
  limit: number;
  offset: number;
  /** Stable code of the ranking rule, for the view's explanation text. */
  rule: 'cost_desc_severity_desc_found_asc';
}
