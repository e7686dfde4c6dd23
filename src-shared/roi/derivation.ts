import { z } from 'zod';
import { msg } from '../messages';
import { cents, finite, id, optionalText } from '../common';
import type { IndicatorFrequency } from '../domain';
import { BENEFIT_CLASSES } from './schemas';

// A benefit model derived from the data rather than typed (benefitModels.derive): from a measured
// impact (an improvement of N units × what one unit is worth) or from a closed gap's monthly cost.
// The model keeps where its figures came from, so the ROI can say it.

const common = {
  interventionId: id,
  label: optionalText(200),
  classification: z.enum(BENEFIT_CLASSES, msg('benefit.classification')).optional(),
  /** Compute and return the model without saving it (the form's preview). */
  dryRun: z.boolean().default(false),
};

const positive = finite.positive(msg('derive.positive'));

export const benefitDeriveInput = z.discriminatedUnion(
  'source',
  [
    z
      .object({
        source: z.literal('impact'),
        ...common,
        indicatorId: id,
        /**
         * What one unit of improvement is worth:
         *  time_released — hoursPerUnit: hours released per month for each unit of improvement;
         *  cost_avoided  — amountPerUnitCents: money no longer spent per month for each unit;
         *  cash_released — the improvement is in days (DSO, days of inventory): annual revenue and
         *                  financing rate turn it into cash and its financing saved.
         */
        as: z.enum(['time_released', 'cost_avoided', 'cash_released'], msg('benefit.kind')),
        hoursPerUnit: positive.max(10_000, msg('common.at_most', { max: 10_000 })).optional(),
        realisationPct: finite.min(0, msg('common.not_negative')).max(100, msg('common.at_most', { max: 100 })).optional(),
        amountPerUnitCents: cents.optional(),
        annualRevenueCents: cents.optional(),
        financingRatePct: finite.min(0, msg('common.not_negative')).max(100, msg('common.at_most', { max: 100 })).optional(),
      })
      .strict(),
    z.object({ source: z.literal('gap'), ...common, gapId: id }).strict(),
  ],
  msg('derive.source'),
);

export type BenefitDeriveInput = z.input<typeof benefitDeriveInput>;

export type BenefitDerivation =
  | {
      source: 'impact';
      indicatorId: string;
      indicatorName: string;
      unit: string;
      frequency: IndicatorFrequency;
      interventionId: string;
      /** The improvement credited, in the indicator's unit (positive = better), and its 95% interval. */
      improvement: number;
      low: number;
      high: number;
      /** How the effect was measured (impact.compute's method) and over which periods. */
      method: string;
      window: { from: string; to: string };
      /** What one unit was said to be worth (the derive input). */
      perUnit: { hours?: number; amountCents?: number; annualRevenueCents?: number; financingRatePct?: number };
      /** The day it was derived: the measured effect may change with later measurements. */
      derivedOn: string;
    }
  | {
      source: 'gap';
      gapId: string;
      gapTitle: string;
      closedOn: string | null;
      frequencyPerMonth: number;
      hoursLostPerOccurrence: number;
      /** The gap's cost when derived (frequency × hours × the department's rate). */
      monthlyCostCents: number | null;
      derivedOn: string;
    };

/** benefitModels.derive: the model (saved, or only computed when dryRun). */
export type BenefitDerived =
  | { saved: true; model: import('./schemas').BenefitModel }
  | { saved: false; model: import('./schemas').BenefitModelDraft };
