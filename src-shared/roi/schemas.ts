import { z } from 'zod';
import { msg, type MessageKey } from '../messages';
import { cents, finite, id, isoDate, optionalText } from '../common';
import type { BenefitDerivation } from './derivation';

// Benefit models: how an intervention's benefit is valued. Their amounts are in the department's
// currency (one currency per department; an intervention priced in another is converted at its rate).

export const BENEFIT_KINDS = ['time_released', 'cost_avoided', 'cash_released', 'custom'] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];
export const BENEFIT_CLASSES = ['hard', 'soft'] as const;
export type BenefitClass = (typeof BENEFIT_CLASSES)[number];
/** How often an amount recurs; one_off is counted once, in the month the benefit starts. */
export const AMOUNT_PER = ['month', 'quarter', 'year', 'one_off'] as const;
export type AmountPer = (typeof AMOUNT_PER)[number];

const pct = (max: number) => finite.min(0, msg('common.not_negative')).max(max, msg('common.at_most', { max }));

const benefitFields = {
  label: optionalText(200),
  /** Hard = money that shows in the P&L; soft = capacity or value that does not (yet). */
  classification: z.enum(BENEFIT_CLASSES, msg('benefit.classification')),
  // time_released: hours saved per month × fully loaded hourly rate × realisation %
  hoursPerMonth: pct(1_000_000).nullable(),
  /** Null: the department's loaded hourly rate. */
  hourlyRateCents: cents.nullable(),
  /** Share of the hours saved that is really put to other use; null = 100. */
  realisationPct: pct(100).nullable(),
  // cost_avoided, custom: an amount per month (default) / quarter / year, or once
  amountCents: cents.nullable(),
  amountPer: z.enum(AMOUNT_PER, msg('benefit.amount_per')).nullable(),
  // cash_released: cash = annual revenue ÷ 365 × days improved (e.g. DSO), shown on the balance
  // sheet; its P&L effect is the financing no longer paid on it, cash × financing rate per year.
  annualRevenueCents: cents.nullable(),
  daysImproved: pct(3650).nullable(),
  financingRatePct: pct(100).nullable(),
  /** When the benefit starts and ends (the end is the first day it no longer counts); default: the intervention's own dates. */
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  /**
   * How many months the benefit outlives the intervention's end (a playbook keeps working after the
   * community stops); null = it stops with the intervention. Without it nothing counts after the end.
   */
  lastsMonthsAfterEnd: z.number(msg('common.number')).int(msg('common.whole_number')).min(0, msg('common.not_negative')).max(120, msg('common.at_most', { max: 120 })).nullable(),
  /** The indicator that evidences the benefit (optional). */
  indicatorId: id.nullable(),
  note: optionalText(2000),
};

const optionalBenefitFields = z.object(benefitFields).partial().shape;

export type BenefitFields = { kind: BenefitKind } & Partial<{ [K in keyof typeof benefitFields]: z.output<(typeof benefitFields)[K]> }>;

/** What is wrong with a benefit model: the field, the message key and its English text. */
export interface BenefitProblem {
  field: string;
  key: MessageKey;
  message: string;
}

/**
 * The rules a benefit model must satisfy whatever the path (create, or update merged with what is
 * stored): the fields its kind needs, and dates in order. Returns the first problem, or null.
 */
export function benefitModelProblem(m: BenefitFields): BenefitProblem | null {
  const problem = (field: string, key: MessageKey): BenefitProblem => ({ field, key, message: msg(key).message });
  const need = (field: 'hoursPerMonth' | 'amountCents' | 'annualRevenueCents' | 'daysImproved' | 'financingRatePct') =>
    m[field] === null || m[field] === undefined ? problem(field, `benefit.required.${field}`) : null;
  let missing: BenefitProblem | null = null;
  switch (m.kind) {
    case 'time_released':
      missing = need('hoursPerMonth');
      break;
    case 'cost_avoided':
    case 'custom':
      missing = need('amountCents'); // amountPer defaults to month
      break;
    case 'cash_released':
      missing = need('annualRevenueCents') ?? need('daysImproved') ?? need('financingRatePct');
      break;
  }
  if (missing) return missing;
  if (m.startDate && m.endDate && m.endDate <= m.startDate) return problem('endDate', 'benefit.end_not_after_start');
  return null;
}

export const benefitModelCreate = z
  .object({ interventionId: id, kind: z.enum(BENEFIT_KINDS, msg('benefit.kind')), ...optionalBenefitFields })
  .strict()
  .superRefine((m, ctx) => {
    const p = benefitModelProblem(m);
    if (p) ctx.addIssue({ code: 'custom', message: p.message, path: [p.field] });
  });

/** Partial; the merged result (stored row + these fields) must still satisfy benefitModelProblem. */
export const benefitModelUpdate = z
  .object({ id, kind: z.enum(BENEFIT_KINDS, msg('benefit.kind')).optional(), ...optionalBenefitFields })
  .strict();

export const benefitModelList = z.object({ interventionId: id }).strict();

export type BenefitModelCreate = z.input<typeof benefitModelCreate>;
export type BenefitModelUpdate = z.input<typeof benefitModelUpdate>;

/** A benefit model's values, stored or not yet (benefitModels.derive with dryRun). */
export interface BenefitModelDraft {
  departmentId: string;
  interventionId: string;
  kind: BenefitKind;
  label: string | null;
  classification: BenefitClass;
  hoursPerMonth: number | null;
  hourlyRateCents: number | null;
  realisationPct: number | null;
  amountCents: number | null;
  amountPer: AmountPer | null;
  annualRevenueCents: number | null;
  daysImproved: number | null;
  financingRatePct: number | null;
  startDate: string | null;
  endDate: string | null;
  lastsMonthsAfterEnd: number | null;
  indicatorId: string | null;
  note: string | null;
  /** Where the figures came from when the model was derived from data (benefitModels.derive); null when typed. */
  derivedFrom: BenefitDerivation | null;
}

export interface BenefitModel extends BenefitModelDraft {
  id: string;
  createdAt: string;
  updatedAt: string;
}

/** The ROI results (roi.intervention, roi.department) live in results.ts; re-exported for the callers that import them from here. */
export type * from './results';
