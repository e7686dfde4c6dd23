import { z } from 'zod';
import { msg } from '../messages';
import { INTERVENTION_STATUSES } from '../domain';
import { cents, currency, finite, id, isoDate, name, optionalText, paging, type Stamped } from '../common';

// Kinds and platforms are open lists: the built-in codes of DOMAIN.md (src-shared/domain.ts) plus
// what the user adds to the vocabulary of the department (vocabulary.add). The core checks that a
// kind or platform is one of them; the schema only bounds the text.
const kind = z.string().trim().min(1, msg('intervention.kind_required')).max(80);
const platform = z.string().trim().max(80).nullable().optional();
const fxRate = finite.positive(msg('intervention.fx_rate_positive')).max(1e6, msg('common.at_most', { max: 1e6 }));
const rampUp = z.number(msg('common.number')).int(msg('common.whole_number')).min(0, msg('common.not_negative')).max(36, msg('common.at_most', { max: 36 }));

export const interventionCreate = z
  .object({
    departmentId: id,
    title: name(300),
    kind,
    platform,
    owner: optionalText(200),
    description: optionalText(),
    startDate: isoDate.nullable().optional(),
    endDate: isoDate.nullable().optional(),
    status: z.enum(INTERVENTION_STATUSES).default('idea'),
    oneOffCostCents: cents.default(0),
    recurringCostCents: cents.default(0),
    currency: currency.default('EUR'),
    /** Units of the department's currency for 1 unit of `currency`; required when they differ. */
    fxRate: fxRate.nullable().optional(),
    /** Months left out of impact after the start while it settles in; null = the default of its kind. */
    rampUpMonths: rampUp.nullable().optional(),
    expectedBenefit: optionalText(2000),
  })
  .strict();

export const interventionUpdate = z
  .object({
    id,
    title: name(300).optional(),
    kind: kind.optional(),
    platform,
    owner: optionalText(200),
    description: optionalText(),
    startDate: isoDate.nullable().optional(),
    endDate: isoDate.nullable().optional(),
    /** Moves along the workflow (see INTERVENTION_TRANSITIONS); done/stopped → running is interventions.restart. */
    status: z.enum(INTERVENTION_STATUSES).optional(),
    oneOffCostCents: cents.optional(),
    recurringCostCents: cents.optional(),
    currency: currency.optional(),
    fxRate: fxRate.nullable().optional(),
    rampUpMonths: rampUp.nullable().optional(),
    expectedBenefit: optionalText(2000),
  })
  .strict();

export const interventionList = z
  .object({
    ...paging,
    departmentId: id.optional(),
    status: z.enum(INTERVENTION_STATUSES).optional(),
    gapId: id.optional(),
    kind: kind.optional(),
    platform: z.string().trim().min(1).max(80).optional(),
    /** Full-text words (title, description, platform, owner, expected benefit), accent-insensitive. */
    text: z.string().max(200, msg('common.max_chars', { max: 200 })).optional(),
  })
  .strict();

export type InterventionCreate = z.input<typeof interventionCreate>;
export type InterventionUpdate = z.input<typeof interventionUpdate>;
export type InterventionListInput = z.input<typeof interventionList>;

export interface Intervention extends Stamped {
  departmentId: string;
  title: string;
  kind: string;
  platform: string | null;
  owner: string | null;
  description: string | null;
  startDate: string | null;
  endDate: string | null;
  status: (typeof INTERVENTION_STATUSES)[number];
  oneOffCostCents: number;
  /** Per month. */
  recurringCostCents: number;
  currency: string;
  /** Units of the department's currency for 1 unit of `currency`, entered by the user; null when it is the department's. */
  fxRate: number | null;
  /** Its own ramp-up length in months; null = the default of its kind (src-shared/impact/ramp-up.ts). */
  rampUpMonths: number | null;
  expectedBenefit: string | null;
}
