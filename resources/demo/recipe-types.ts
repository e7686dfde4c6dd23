import type { BenefitClass, BenefitKind } from '../../src-shared/roi/schemas';
import type {
  Currency,
  GapType,
  IndicatorCategory,
  IndicatorDirection,
  IndicatorSource,
  InterventionKind,
  InterventionStatus,
} from '../../src-shared/domain';

// The shape of the demo recipe: plain data that the generator (src-main/core/demo) turns into
// API calls. Dates are relative ("months ago") so the demo always ends around the day it is made;
// keys tie the pieces together inside the recipe and never reach the database.

export interface DemoStep {
  key: string;
  name: string;
  /** The role or team doing the step (a swimlane). */
  lane: string;
  system: string;
  inputs?: string;
  outputs?: string;
}

export interface DemoProcess {
  key: string;
  name: string;
  owner: string;
  description: string;
  /** APQC PCF or SCOR element, where one applies. */
  referenceId?: string;
  systems: string[];
  steps: DemoStep[];
}

export interface DemoGap {
  key: string;
  process: string;
  step: string;
  title: string;
  type: GapType;
  description: string;
  evidence: string;
  severity: 1 | 2 | 3 | 4 | 5;
  frequencyPerMonth: number;
  hoursLostPerOccurrence: number;
  owner: string;
  foundMonthsAgo: number;
  /** Logged, then judged not worth acting on (the API lets a gap be dismissed). */
  dismissed?: boolean;
}

export interface DemoIntervention {
  key: string;
  title: string;
  kind: InterventionKind;
  platform: string;
  owner: string;
  description: string;
  /** Months before today's month when it started; negative = planned in the future; null = no date yet. */
  startMonthsAgo: number | null;
  endMonthsAgo?: number | null;
  status: InterventionStatus;
  oneOffCostCents: number;
  /** Per month. */
  recurringCostCents: number;
  expectedBenefit: string;
  /** Keys of the gaps it closes (many-to-many). */
  closes: string[];
  /** Months left out of impact while it settles in; default: its kind's. */
  rampUpMonths?: number;
  /** How its benefit is valued (ROI): typed models, or derived from a measured impact or a closed gap. */
  benefits?: DemoBenefit[];
}

/** A benefit model typed as a loop closer would (benefitModels.create). */
export interface DemoTypedBenefit {
  label: string;
  kind: BenefitKind;
  classification?: BenefitClass;
  note?: string;
  hoursPerMonth?: number;
  realisationPct?: number;
  amountCents?: number;
  amountPer?: 'month' | 'quarter' | 'year' | 'one_off';
  annualRevenueCents?: number;
  daysImproved?: number;
  financingRatePct?: number;
  /** How long the benefit outlives the intervention's end. */
  lastsMonthsAfterEnd?: number;
}

/** A benefit model derived from the data (benefitModels.derive). */
export type DemoDerivedBenefit =
  | {
      label: string;
      derive: 'impact';
      /** Key of the indicator whose measured improvement is valued. */
      indicator: string;
      as: 'time_released' | 'cost_avoided' | 'cash_released';
      classification?: BenefitClass;
      hoursPerUnit?: number;
      realisationPct?: number;
      amountPerUnitCents?: number;
      annualRevenueCents?: number;
      financingRatePct?: number;
    }
  | { label: string; derive: 'gap'; gap: string; classification?: BenefitClass };

export type DemoBenefit = DemoTypedBenefit | DemoDerivedBenefit;

/** How the measurements of an indicator are drawn. */
export interface DemoSeries {
  /** Mean level before any effect (or, for adoption series, at launch). */
  level: number;
  /** Standard deviation of the period-to-period noise. */
  noise: number;
  decimals: number;
  min?: number;
  max?: number;
  /** Slow drift, in units per year (e.g. wage inflation on cost per hire). */
  trendPerYear?: number;
  /** Additive bump by calendar month (1 = January), e.g. the year-end close. */
  seasonal?: Partial<Record<number, number>>;
  /** The change an intervention brings, reached linearly over `rampMonths` after its start. */
  effect?: { intervention: string; change: number; rampMonths: number };
  /** 'intervention': measured only since the effect's intervention started (adoption metrics). */
  from?: 'history' | 'intervention';
}

export interface DemoIndicator {
  key: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  category: IndicatorCategory;
  process?: string;
  targetValue: number;
  targetMonthsAhead: number;
  tolerancePct: number;
  frequency: 'weekly' | 'monthly';
  source: IndicatorSource;
  sourceDetail: string;
  formula: string;
  reference?: string;
  /** Keys of the gaps and interventions this indicator proves (links.indicator.add). */
  gaps: string[];
  interventions: string[];
  series: DemoSeries;
}

export interface DemoDepartment {
  name: string;
  code: string;
  colour: string;
  loadedHourlyRateCents: number;
  currency: Currency;
  processes: DemoProcess[];
  gaps: DemoGap[];
  interventions: DemoIntervention[];
  indicators: DemoIndicator[];
}

export interface DemoRecipe {
  departments: DemoDepartment[];
}
