import { z } from 'zod';
import type { GapType, InterventionStatus } from '../domain';
import { dateRange, dateRangeError, id, isoDate } from '../common';
import type { RagStatus } from '../indicators/status';

// The dashboard of one department, or of all (departmentId absent): every figure in one call, so the
// screen, the CLI and the reports show the same numbers. "Previous" is the window of the same length
// just before [from, to] (src-shared/reports/period.ts previousWindow).

export const dashboardInput = z
  .object({ departmentId: id.optional(), from: isoDate, to: isoDate })
  .strict()
  .refine(dateRange, dateRangeError);
export type DashboardInput = z.input<typeof dashboardInput>;

/** A count in the window and in the previous one; changePct null when the previous is 0. */
export interface Figure {
  current: number;
  previous: number;
  changePct: number | null;
}

/** Amounts in one currency (amounts in different currencies are never added). */
export interface MoneyFigure extends Figure {
  currency: string;
}

/** A percentage now and before; the change is in points. */
export interface PctFigure {
  current: number | null;
  previous: number | null;
  changePoints: number | null;
}

export interface RoiHeadline {
  currency: string;
  /** (hard benefit − cost) ÷ cost over the window (roi.department's period ROI); null when there is no cost. */
  hardRoiPct: PctFigure;
  /** P&L benefit: hard (in the ROI) and soft (beside it, never added). */
  hardBenefitCents: MoneyFigure;
  softBenefitCents: MoneyFigure;
  costCents: MoneyFigure;
  /** Working capital freed (balance sheet): shown apart, in no ROI. */
  cashReleasedCents: MoneyFigure;
}

export interface DashboardHeadline {
  /** Open or addressing on the last day of the window (and of the previous one). */
  openGaps: Figure;
  /** Their estimated monthly cost, per currency; gaps of a department without a loaded rate are not costed. */
  openGapCost: MoneyFigure[];
  uncostedOpenGaps: number;
  /** Gaps closed (with proof) in the window. */
  loopsClosed: Figure;
  /** Monthly cost of the gaps closed in the window: what no longer stalls every month. */
  costRemoved: MoneyFigure[];
  /** RAG status of the indicators on the last day of the window. */
  indicators: { green: Figure; amber: Figure; red: Figure; noData: number; noTarget: number; total: number };
  /** Started on or before the last day, not ended before it, and gone past "planned". */
  interventionsRunning: Figure;
  roi: RoiHeadline[];
}

export interface GapCostCell {
  type: GapType;
  severity: number;
  count: number;
  cents: number;
}

export interface GapFlowMonth {
  /** YYYY-MM */
  month: string;
  opened: number;
  closed: number;
}

export interface IndicatorTile {
  indicatorId: string;
  departmentId: string;
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
  status: RagStatus;
  latest: { period: string; value: number } | null;
  targetValue: number | null;
  /** The last points up to the window's end, oldest first. */
  spark: { period: string; value: number }[];
}

export interface InterventionMixCell {
  kind: string;
  status: InterventionStatus;
  count: number;
}

export interface BenefitCostMonth {
  month: string;
  hardCents: number;
  softCents: number;
  costCents: number;
}

export interface DepartmentSideBySide {
  departmentId: string;
  name: string;
  code: string;
  colour: string;
  currency: string;
  openGaps: number;
  openGapCostCents: number | null;
  loopsClosed: number;
  costRemovedCents: number | null;
  indicatorsGreen: number;
  indicatorsAmber: number;
  indicatorsRed: number;
  interventionsRunning: number;
  hardBenefitCents: number;
  softBenefitCents: number;
  costCents: number;
}

/** The playbook: which kind of intervention closed which type of gap, and with what measured effect. */
export interface PlaybookCell {
  kind: string;
  gapType: GapType;
  /** Closed gaps of this type linked to an intervention of this kind (all time up to the window's end). */
  gapsClosed: number;
  /** Impact results with a number (enough points on each side) behind the median. */
  measured: number;
  /** Median of the relative changes, signed so that positive is better (direction-aware); null unmeasured. */
  medianEffectPct: number | null;
}

export interface Dashboard {
  departmentId: string | null;
  from: string;
  to: string;
  previous: { from: string; to: string };
  headline: DashboardHeadline;
  charts: {
    /** Open gaps on the window's last day, per currency. */
    gapCost: { currency: string; cells: GapCostCell[] }[];
    /** 24 months ending with the window's last month. */
    gapFlow: GapFlowMonth[];
    indicators: IndicatorTile[];
    interventionMix: InterventionMixCell[];
    /** Month by month over the window, per currency. */
    benefitCost: { currency: string; months: BenefitCostMonth[] }[];
  };
  /** Across departments only (no departmentId): one entry per department. */
  departments: DepartmentSideBySide[] | null;
  playbook: PlaybookCell[];
}
