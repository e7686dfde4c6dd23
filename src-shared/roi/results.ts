import { z } from 'zod';
import type { KeyedMessage } from '../messages';
import type { FigureMethod } from '../messages/method';
import { dateRange, dateRangeError, id, isoDate } from '../common';
import type { BenefitDerivation } from './derivation';
import type { BenefitClass, BenefitKind } from './schemas';

// ROI of an intervention and of a department, as the core computes it (services/roi). What a finance
// reviewer can defend:
//  * hard ROI is the headline; soft benefit is beside it, and the one figure that adds it says so
//    in its name (withSoft);
//  * cash released is working capital (balance sheet), never a benefit: only the financing it saves
//    is a P&L effect, in the hard benefit;
//  * a benefit lives within its intervention's life (never before its start; after its end only for
//    the months its model says it lasts);
//  * the period ROI spreads the one-off cost over the intervention's life (oneOffSpread says how);
//    the lifetime ROI carries it whole, from the start;
//  * one currency per department; amounts are whole cents, and the months add up to the totals.

/** The window: both dates inclusive. Default: the 12 last complete months. */
const window = { from: isoDate.optional(), to: isoDate.optional() };

export const roiInterventionInput = z.object({ interventionId: id, ...window }).strict().refine(dateRange, dateRangeError);
export const roiDepartmentInput = z.object({ departmentId: id, ...window }).strict().refine(dateRange, dateRangeError);

export interface RoiFigures {
  /** The department's currency: every amount below is in it. */
  currency: string;
  /** P&L benefit: hard (shows in the accounts) and soft (capacity, goodwill) — never added here. */
  benefit: { hardCents: number; softCents: number };
  /** Working capital freed by cash-released models (balance sheet); not a benefit, not in any ROI. */
  cashReleasedCents: number;
  /** oneOffCostCents + recurringCostCents. */
  costCents: number;
  /** Period: the share of the one-off cost spread into the window; lifetime: all of it. */
  oneOffCostCents: number;
  recurringCostCents: number;
  /**
   * hard: (hard benefit − cost) ÷ cost × 100, the headline. withSoft: the same with the soft benefit
   * added, shown beside it under that name. Both null when there is no cost (see noCost).
   */
  roiPct: { hard: number | null; withSoft: number | null };
  /** No cost at all: ROI is not a number; the UI says "no cost". */
  noCost: boolean;
}

export interface RoiLifetime extends RoiFigures {
  /** From the intervention's start to the last day counted: its end (or its last benefit's), at most the end of the last complete month. */
  from: string;
  to: string;
  /** False when the intervention starts after the last complete month: nothing is counted yet. */
  started: boolean;
  /**
   * Months from the start month to the month (inclusive) in which cumulative benefit first reaches
   * cumulative cost (one-off at the start); null when it has not. hard = hard benefit only.
   */
  paybackMonths: { hard: number | null; withSoft: number | null };
}

/** How the one-off cost is spread for the period ROI: evenly per day over [from, to]. */
export interface OneOffSpread {
  /** intervention_life: its start to the day before its end; default_life: no end date, DEFAULT_LIFE_MONTHS from its start. */
  rule: 'intervention_life' | 'default_life';
  from: string;
  to: string;
  days: number;
  totalCents: number;
  inWindowCents: number;
}

export interface RoiMonth {
  /** YYYY-MM */
  month: string;
  /** Share of the month inside the window (1 for a whole month). */
  fraction: number;
  /** False for a month that has not ended yet (its figures are what the models expect, not lived). */
  complete: boolean;
  benefitHardCents: number;
  benefitSoftCents: number;
  cashReleasedCents: number;
  oneOffCostCents: number;
  recurringCostCents: number;
  /** oneOffCostCents + recurringCostCents */
  costCents: number;
  /** Running totals from the window's first month: hard benefit and cost. */
  cumulativeHardCents: number;
  cumulativeCostCents: number;
}

export interface RoiModelLine {
  benefitModelId: string;
  kind: BenefitKind;
  label: string | null;
  classification: BenefitClass;
  /** P&L benefit in the window (for cash released: the financing saved). The lines add up to the figures' hard and soft. */
  benefitCents: number;
  /** Cash released only: the working capital freed in the window (balance sheet). */
  cashCents: number;
  /** When the benefit counts: its start, and the first day it no longer does (null: open). */
  life: { from: string; until: string | null };
  /** The calculation with its numbers, as a message (e.g. "20 h/month × €65.00/h × 80%"). */
  formula: KeyedMessage;
  /** A rate the calculation needs is missing: counted as 0. */
  missing: 'hourly_rate' | 'financing_rate' | null;
  /** Where the model's figures came from, when derived from data. */
  derivedFrom: BenefitDerivation | null;
}

export interface InterventionRoi extends RoiFigures {
  interventionId: string;
  title: string;
  /** The window asked for (or the default), both inclusive. */
  from: string;
  to: string;
  /** The intervention's own currency and the rate it is converted at (null when it is the department's). */
  interventionCurrency: string;
  fxRate: number | null;
  oneOffSpread: OneOffSpread;
  lifetime: RoiLifetime;
  models: RoiModelLine[];
  months: RoiMonth[];
  /** "How is this computed?": the window, the months counted, the rules, in words (EN/FR keys). */
  method: FigureMethod;
}

export type InterventionRoiSummary = Omit<InterventionRoi, 'months' | 'method'>;

export interface DepartmentRoi {
  departmentId: string;
  currency: string;
  from: string;
  to: string;
  /** Interventions with a start date, each with its own figures. */
  interventions: InterventionRoiSummary[];
  /** The sum of the interventions' period figures (to the cent: the rows add up to it). */
  total: RoiFigures;
  /** The sum of their lifetime figures (each over its own life). */
  lifetime: RoiFigures;
  /** The department's months: the sum of its interventions' months. */
  months: RoiMonth[];
  /** Interventions left out, and why. */
  skipped: { interventionId: string; title: string; reason: 'no_start_date' | 'currency_without_rate'; currency?: string }[];
  method: FigureMethod;
}
