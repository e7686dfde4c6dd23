import { z } from 'zod';
import { msg, type MessageKey } from '../messages';
import { cents, dateRange, dateRangeError, finite, id, isoDate, optionalText } from '../common';

// Benefit models (how an intervention's benefit is valued) and the ROI computed from them.

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
  /** Hard = cash that shows in the accounts; soft = capacity or value that does not (yet). */
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
  // cash_released: annual revenue ÷ 365 × days improved (e.g. DSO)
  annualRevenueCents: cents.nullable(),
  daysImproved: pct(3650).nullable(),
  /** With a rate, the benefit is the yearly financing saved on the released cash, not the cash itself. */
  financingRatePct: pct(100).nullable(),
  /** When the benefit starts and ends; default: the intervention's start, no end. */
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
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
  const need = (field: 'hoursPerMonth' | 'amountCents' | 'annualRevenueCents' | 'daysImproved') =>
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
      missing = need('annualRevenueCents') ?? need('daysImproved');
      break;
  }
  if (missing) return missing;
  if (m.startDate && m.endDate && m.endDate < m.startDate) return problem('endDate', 'common.end_before_start');
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

export interface BenefitModel {
  id: string;
  createdAt: string;
  updatedAt: string;
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
  indicatorId: string | null;
  note: string | null;
}

const roiWindow = { from: isoDate, to: isoDate };
export const roiInterventionInput = z
  .object({ interventionId: id, ...roiWindow })
  .strict()
  .refine(dateRange, dateRangeError);
export const roiDepartmentInput = z
  .object({ departmentId: id, ...roiWindow })
  .strict()
  .refine(dateRange, dateRangeError);

export interface RoiFigures {
  currency: string;
  benefit: { hardCents: number; softCents: number; totalCents: number };
  costCents: number;
  oneOffCostCents: number;
  recurringCostCents: number;
  /** (benefit − cost) ÷ cost × 100, with the hard benefit only and with all of it; null when cost is 0. */
  roiPct: { hard: number | null; total: number | null };
  /**
   * Months from the first month with a cost or a benefit to the month (inclusive) in which the
   * cumulative benefit first reaches the cumulative cost; null when it does not within the window.
   */
  paybackMonths: { hard: number | null; total: number | null };
}

export interface RoiMonth {
  /** YYYY-MM */
  month: string;
  /** Share of the month inside the window (1 for a whole month). */
  fraction: number;
  benefitHardCents: number;
  benefitSoftCents: number;
  costCents: number;
  cumulativeBenefitCents: number;
  cumulativeCostCents: number;
}

export interface RoiModelLine {
  benefitModelId: string;
  kind: BenefitKind;
  label: string | null;
  classification: BenefitClass;
  benefitCents: number;
  /** The formula with its numbers, e.g. "20 h/month × 65.00 × 80% × 3 months". */
  formula: string;
  /** time_released with no hourly rate on the model nor on the department: counted as 0. */
  missingRate: boolean;
}

export interface InterventionRoi extends RoiFigures {
  interventionId: string;
  title: string;
  from: string;
  to: string;
  models: RoiModelLine[];
  months: RoiMonth[];
}

export interface DepartmentRoi {
  departmentId: string;
  from: string;
  to: string;
  /** Interventions with a start date, each with its own figures (months left out). */
  interventions: Omit<InterventionRoi, 'months'>[];
  /** One line per currency: amounts in different currencies are never added. */
  totals: RoiFigures[];
  /** Interventions left out, and why. */
  skipped: { interventionId: string; title: string; reason: 'no_start_date' }[];
}
