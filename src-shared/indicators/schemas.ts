import { z } from 'zod';
import { msg } from '../messages';
import {
  INDICATOR_AGGREGATIONS,
  INDICATOR_CATEGORIES,
  INDICATOR_DIRECTIONS,
  INDICATOR_FREQUENCIES,
  INDICATOR_SOURCES,
} from '../domain';
import { finite, id, isoDate, name, optionalText, paging, type Stamped } from '../common';

const fields = {
  name: name(200),
  unit: z.string().trim().max(40).default(''),
  direction: z.enum(INDICATOR_DIRECTIONS, msg('indicator.direction')),
  category: z.enum(INDICATOR_CATEGORIES).default('outcome'),
  baselineValue: finite.nullable().default(null),
  baselineDate: isoDate.nullable().default(null),
  targetValue: finite.nullable().default(null),
  targetDate: isoDate.nullable().default(null),
  /** Amber band around the target, in % of the target. */
  tolerancePct: finite.min(0, msg('common.not_negative')).max(1000).default(10),
  frequency: z.enum(INDICATOR_FREQUENCIES).default('monthly'),
  /** How finer rows roll up into one period on import; when left out, from the unit (aggregation.ts). */
  aggregation: z.enum(INDICATOR_AGGREGATIONS).optional(),
  source: z.enum(INDICATOR_SOURCES).default('manual'),
  sourceDetail: optionalText(500),
  formula: optionalText(1000),
  reference: optionalText(120),
  processId: id.nullable().default(null),
};

export const indicatorCreate = z.object({ departmentId: id, ...fields }).strict();

export const indicatorUpdate = z
  .object({
    id,
    name: fields.name.optional(),
    unit: z.string().trim().max(40).optional(),
    direction: z.enum(INDICATOR_DIRECTIONS).optional(),
    category: z.enum(INDICATOR_CATEGORIES).optional(),
    baselineValue: finite.nullable().optional(),
    baselineDate: isoDate.nullable().optional(),
    targetValue: finite.nullable().optional(),
    targetDate: isoDate.nullable().optional(),
    tolerancePct: finite.min(0, msg('common.not_negative')).max(1000).optional(),
    frequency: z.enum(INDICATOR_FREQUENCIES).optional(),
    aggregation: z.enum(INDICATOR_AGGREGATIONS).optional(),
    source: z.enum(INDICATOR_SOURCES).optional(),
    sourceDetail: optionalText(500),
    formula: optionalText(1000),
    reference: optionalText(120),
    processId: id.nullable().optional(),
  })
  .strict();

export const indicatorList = z
  .object({ ...paging, departmentId: id.optional(), processId: id.optional() })
  .strict();

export type IndicatorCreate = z.input<typeof indicatorCreate>;
export type IndicatorUpdate = z.input<typeof indicatorUpdate>;
export type IndicatorListInput = z.input<typeof indicatorList>;

export interface Indicator extends Stamped {
  departmentId: string;
  name: string;
  unit: string;
  direction: (typeof INDICATOR_DIRECTIONS)[number];
  category: (typeof INDICATOR_CATEGORIES)[number];
  baselineValue: number | null;
  baselineDate: string | null;
  targetValue: number | null;
  targetDate: string | null;
  tolerancePct: number;
  frequency: (typeof INDICATOR_FREQUENCIES)[number];
  aggregation: (typeof INDICATOR_AGGREGATIONS)[number];
  source: (typeof INDICATOR_SOURCES)[number];
  sourceDetail: string | null;
  formula: string | null;
  reference: string | null;
  processId: string | null;
}
