import type { Dashboard, DashboardHeadline } from '../dashboard/schemas';
import type { Gap, ClosureEvidence } from '../gaps/schemas';
import type { Intervention } from '../interventions/schemas';
import type { Indicator } from '../indicators/schemas';
import type { IndicatorStatus } from '../indicators/status';
import type { IndicatorXmr } from '../indicators/xmr';
import type { ImpactResult } from '../impact/schemas';
import type { DepartmentRoi, InterventionRoi } from '../roi/schemas';
import type { ProcessMap } from '../processes/map';
import type { PaperSize, ReportLanguage, ReportLogo, SectionKind } from './schemas';
import type { RelativePeriod } from './period';

// The report model: every figure of a report, read from the core's services once, in language-neutral
// form (codes, numbers, ISO dates). Every format (PDF, HTML, XLSX, PPTX) is rendered from it, so they
// all show the same numbers as the app.

export interface ReportDepartment {
  id: string;
  name: string;
  code: string;
  colour: string;
  currency: string;
}

export interface ReportMeta {
  title: string;
  language: ReportLanguage;
  paper: PaperSize;
  companyName: string | null;
  logo: ReportLogo | null;
  confidentiality: string | null;
  from: string;
  to: string;
  /** The relative period it was asked as (the cover says "last quarter"), null for dates. */
  relative: RelativePeriod | null;
  previous: { from: string; to: string };
  /** When it was built (ISO timestamp). */
  generatedAt: string;
  departments: ReportDepartment[];
  /** Every department of the workspace is in scope. */
  allDepartments: boolean;
  focusIntervention: { id: string; title: string } | null;
}

export interface ClosedLoop {
  gap: Gap;
  /** Interventions linked to the gap. */
  interventions: { id: string; title: string; kind: string }[];
  evidence: ClosureEvidence | null;
}

export interface IndicatorPage {
  indicator: Indicator;
  departmentName: string;
  processName: string | null;
  status: IndicatorStatus;
  /** Every measurement up to the period's end, oldest first (the trend shows the history). */
  measurements: { period: string; value: number }[];
  xmr: IndicatorXmr | null;
  interventions: { id: string; title: string; startDate: string }[];
  impacts: { interventionId: string; interventionTitle: string; result: ImpactResult }[];
}

export interface InterventionRow {
  intervention: Intervention;
  departmentName: string;
  linkedGaps: { id: string; title: string; status: Gap['status'] }[];
}

export type ReportSectionData =
  | { kind: 'cover' }
  | {
      kind: 'executive_summary';
      headline: DashboardHeadline;
      topGaps: Gap[];
      loopsClosed: ClosedLoop[];
      charts: Pick<Dashboard['charts'], 'gapCost' | 'gapFlow' | 'benefitCost'>;
    }
  | { kind: 'cross_department'; departments: NonNullable<Dashboard['departments']>; playbook: Dashboard['playbook'] }
  | { kind: 'process_maps'; maps: ProcessMap[] }
  | { kind: 'gap_register'; gaps: Gap[] }
  | { kind: 'interventions'; rows: InterventionRow[]; mix: Dashboard['charts']['interventionMix'] }
  | { kind: 'indicators'; pages: IndicatorPage[] }
  | { kind: 'roi'; departments: (DepartmentRoi & { departmentName: string })[]; focus: InterventionRoi | null }
  | { kind: 'missing_updates'; rows: { indicator: Indicator; departmentName: string; status: IndicatorStatus }[] }
  | { kind: 'methods' };

export type ReportSectionModel = ReportSectionData & { title: string | null };

export interface ReportModel {
  meta: ReportMeta;
  sections: ReportSectionModel[];
}

export type SectionOf<K extends SectionKind> = Extract<ReportSectionModel, { kind: K }>;
