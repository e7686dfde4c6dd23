import { z } from 'zod';
import { msg } from '../messages';
import { GAP_STATUSES, GAP_TYPES } from '../domain';
import { finite, id, isoDate, name, optionalText, paging, type Stamped } from '../common';

const severity = z
  .number(msg('common.number'))
  .int(msg('gap.severity.int', { min: 1, max: 5 }))
  .min(1, msg('gap.severity.range', { min: 1, max: 5 }))
  .max(5, msg('gap.severity.range', { min: 1, max: 5 }));
const frequency = finite.min(0, msg('gap.frequency.negative')).max(100_000, msg('gap.frequency.large'));
const hours = finite.min(0, msg('gap.hours.negative')).max(10_000, msg('gap.hours.large'));

export const gapCreate = z
  .object({
    processId: id,
    stepId: id.nullable().default(null),
    title: name(300),
    type: z.enum(GAP_TYPES, msg('gap.type')),
    description: optionalText(),
    evidence: optionalText(),
    severity: severity.default(3),
    frequencyPerMonth: frequency.default(0),
    hoursLostPerOccurrence: hours.default(0),
    owner: optionalText(200),
    foundOn: isoDate.optional(),
  })
  .strict();

/**
 * How a gap's monthly cost got its frequency: measured by an indicator linked to the gap (the mean
 * of its last 3 periods, per month), or the typed estimate and the day it was made.
 */
export type GapCostBasis =
  | { source: 'indicator'; indicatorId: string; indicatorName: string; frequencyPerMonth: number; points: number; from: string; to: string }
  | { source: 'estimate'; estimatedOn: string };

export const gapUpdate = z
  .object({
    id,
    stepId: id.nullable().optional(),
    title: name(300).optional(),
    type: z.enum(GAP_TYPES, msg('gap.type')).optional(),
    description: optionalText(),
    evidence: optionalText(),
    severity: severity.optional(),
    frequencyPerMonth: frequency.optional(),
    hoursLostPerOccurrence: hours.optional(),
    owner: optionalText(200),
    foundOn: isoDate.optional(),
    /**
     * Only `dismissed` and back to `open` are set by hand. `open` becomes `addressing` by itself when
     * a running or done intervention is linked; `closed` needs evidence (gaps.close).
     */
    status: z.enum(['open', 'dismissed'], msg('gap.status.manual')).optional(),
    /** An indicator linked to the gap that counts its occurrences: the cost then follows it; null stops following. */
    frequencyIndicatorId: id.nullable().optional(),
  })
  .strict();

/** How the register can be sorted; `cost` is the estimated monthly cost, computed in SQL. */
export const GAP_SORTS = ['cost', 'severity', 'foundOn', 'title', 'status'] as const;
export type GapSort = (typeof GAP_SORTS)[number];
export const SORT_DIRS = ['asc', 'desc'] as const;
export type SortDir = (typeof SORT_DIRS)[number];

const oneOrMany = <T extends readonly [string, ...string[]]>(values: T, message: { message: string }) =>
  z.union([
    z.enum(values, message),
    z.array(z.enum(values, message)).min(1, msg('common.choose_at_least_one')).max(values.length),
  ]);

/** The filters of the register; also what a saved view stores. Every filter narrows (AND). */
export const gapFiltersShape = {
  departmentId: id.optional(),
  processId: id.optional(),
  stepId: id.optional(),
  /** One type or several (any of them). */
  type: oneOrMany(GAP_TYPES, msg('gap.type.unknown')).optional(),
  /** One status or several (any of them), e.g. ['open', 'addressing'] for the loops still open. */
  status: oneOrMany(GAP_STATUSES, msg('gap.status.unknown')).optional(),
  /** Exact owner, case-insensitive. */
  owner: z.string().trim().min(1, msg('common.required')).max(200).optional(),
  severityMin: severity.optional(),
  severityMax: severity.optional(),
  /** Full-text words (title, description, evidence, owner), accent-insensitive, last word as a prefix. */
  text: z.string().max(200, msg('common.max_chars', { max: 200 })).optional(),
  /** Found on or after / on or before (a dashboard bar opens the gaps found in its month). */
  foundFrom: isoDate.optional(),
  foundTo: isoDate.optional(),
  /** Closed on or after / on or before. */
  closedFrom: isoDate.optional(),
  closedTo: isoDate.optional(),
  /** Linked to an intervention of this kind (the dashboard's playbook opens them). */
  interventionKind: z.string().trim().min(1).max(80).optional(),
};

const severityRange = <T extends { severityMin?: number | undefined; severityMax?: number | undefined }>(f: T) =>
  f.severityMin === undefined || f.severityMax === undefined || f.severityMin <= f.severityMax;
const severityRangeError = { ...msg('gap.severity.order'), path: ['severityMax'] };

export const gapFilters = z.object(gapFiltersShape).strict().refine(severityRange, severityRangeError);

export const gapList = z
  .object({
    ...paging,
    ...gapFiltersShape,
    sortBy: z.enum(GAP_SORTS, msg('common.unknown_sort')).default('foundOn'),
    sortDir: z.enum(SORT_DIRS, msg('common.sort_dir')).default('desc'),
  })
  .strict()
  .refine(severityRange, severityRangeError);

export type GapCreate = z.input<typeof gapCreate>;
export type GapUpdate = z.input<typeof gapUpdate>;
export type GapListInput = z.input<typeof gapList>;
export type GapFilters = z.output<typeof gapFilters>;

/** How a closed gap was proven closed (gaps.close). */
export const CLOSURE_KINDS = ['indicator_target', 'measured_improvement', 'override'] as const;
export type ClosureKind = (typeof CLOSURE_KINDS)[number];

/** The proof as it stood when the gap was closed: kept so that later data does not rewrite it. */
export type ClosureEvidence =
  | {
      kind: 'indicator_target';
      indicatorId: string;
      indicatorName: string;
      unit: string;
      direction: 'higher' | 'lower';
      targetValue: number;
      latestPeriod: string;
      latestValue: number;
    }
  | {
      kind: 'measured_improvement';
      indicatorId: string;
      indicatorName: string;
      unit: string;
      direction: 'higher' | 'lower';
      interventionId: string;
      interventionTitle: string;
      startDate: string;
      /** The Impact tab's measure when the gap was closed (absent on closings before it: they kept means). */
      method?: 'interrupted_time_series';
      /** The effect in the unit (signed as measured) and its 95% interval. */
      effect?: number;
      low?: number;
      high?: number;
      window?: { from: string; to: string };
      /** Points used; `mean` only on closings recorded before the interrupted time series. */
      before: { n: number; mean?: number };
      after: { n: number; mean?: number };
      /** Older closings: after − before, in the unit. */
      change?: number;
      /** The effect (or change) ÷ |the level before| × 100; null when that level is 0. */
      changePct: number | null;
      /** Why an intervention that started before the gap was found proves it closed (written by the user). */
      earlierStartReason?: string;
    };

export interface Gap extends Stamped {
  departmentId: string;
  processId: string;
  stepId: string | null;
  title: string;
  type: (typeof GAP_TYPES)[number];
  description: string | null;
  evidence: string | null;
  severity: number;
  frequencyPerMonth: number;
  hoursLostPerOccurrence: number;
  status: (typeof GAP_STATUSES)[number];
  owner: string | null;
  foundOn: string;
  /** The closing record (set by gaps.close, cleared by gaps.reopen; earlier ones: gaps.closings). */
  closedOn: string | null;
  /** The written justification of an override, or the note given with indicator evidence. */
  closureNote: string | null;
  closureKind: ClosureKind | null;
  /** Snapshot of the indicator proof at closing time; null for an override. */
  closureEvidence: ClosureEvidence | null;
  /** The last reopening (gaps.reopen). */
  reopenedOn: string | null;
  reopenReason: string | null;
  /** The indicator the frequency follows (see costBasis); null when typed. */
  frequencyIndicatorId: string | null;
  /** When the typed frequency and hours were last estimated; null on gaps from before it was kept (costBasis then says the day found). */
  costEstimatedOn: string | null;
  /** frequency (measured, else typed) × hours lost × the department's loaded hourly rate; null when the rate is not set. */
  monthlyCostCents: number | null;
  /** Where the frequency of the cost comes from (filled by the core's gap reads). */
  costBasis?: GapCostBasis;
  currency: string;
  /** Where the gap sits, for the register's columns and navigation (always filled by the core's gap reads). */
  departmentName?: string;
  processName?: string;
  stepName?: string | null;
  /** Live interventions linked to the gap. */
  interventionCount?: number;
}
