import type { EChartsOption } from 'echarts';
import type { Dashboard } from '../../../src-shared/dashboard/schemas';
import type { IndicatorPage } from '../../../src-shared/reports/model';
import { buildBenefitCostOption } from '../../../src-shared/charts/benefit-cost';
import { buildDepartmentsCompareOption } from '../../../src-shared/charts/departments-compare';
import { buildGapCostOption } from '../../../src-shared/charts/gap-cost';
import { buildGapFlowOption } from '../../../src-shared/charts/gap-flow';
import { buildIndicatorTrendOption, INDICATOR_TREND_LABELS } from '../../../src-shared/charts/indicator-trend';
import { buildInterventionMixOption } from '../../../src-shared/charts/intervention-mix';
import { buildPlaybookOption } from '../../../src-shared/charts/playbook';
import { buildSparklineOption } from '../../../src-shared/charts/sparkline';
import { chartLabels, type Fmt } from '../format';

// The options of every chart a report draws, from the same builders as the app's dashboard and
// indicator screens, in the report's language. Each format renders them its own way (SVG, PNG, or a
// native chart for KPI trends in slides).

export interface ReportChart {
  /** Stable id, for slide notes and tests. */
  id: string;
  title: string;
  option: EChartsOption;
  width: number;
  height: number;
}

const W = 680;

export function gapCostChart(f: Fmt, gapCost: Dashboard['charts']['gapCost']): ReportChart | null {
  const first = gapCost[0];
  if (!first || first.cells.length === 0) return null;
  return { id: 'gap-cost', title: f.t.charts.gapCost, option: buildGapCostOption(first.cells, chartLabels(f, first.currency), false), width: W, height: 300 };
}

export function gapFlowChart(f: Fmt, months: Dashboard['charts']['gapFlow']): ReportChart {
  return { id: 'gap-flow', title: f.t.charts.gapFlow, option: buildGapFlowOption(months, chartLabels(f, 'EUR'), false), width: W, height: 260 };
}

export function benefitCostChart(f: Fmt, benefitCost: Dashboard['charts']['benefitCost']): ReportChart | null {
  const first = benefitCost[0];
  if (!first || first.months.length === 0) return null;
  return { id: 'benefit-cost', title: f.t.charts.benefitCost, option: buildBenefitCostOption(first.months, chartLabels(f, first.currency), false), width: W, height: 280 };
}

export function interventionMixChart(f: Fmt, mix: Dashboard['charts']['interventionMix']): ReportChart | null {
  if (mix.length === 0) return null;
  const kinds = new Set(mix.map((m) => m.kind)).size;
  return { id: 'intervention-mix', title: f.t.charts.interventionMix, option: buildInterventionMixOption(mix, chartLabels(f, 'EUR'), false), width: W, height: Math.max(180, 60 + kinds * 34) };
}

export function departmentsChart(f: Fmt, deps: NonNullable<Dashboard['departments']>): ReportChart | null {
  if (deps.length === 0) return null;
  const h = f.t.headline;
  return {
    id: 'departments',
    title: f.t.charts.departments,
    option: buildDepartmentsCompareOption(deps, { openGaps: h.openGaps, loopsClosed: h.loopsClosed, interventionsRunning: h.interventionsRunning, indicatorsGreen: h.onTarget }, false),
    width: W,
    height: 280,
  };
}

export function playbookChart(f: Fmt, cells: Dashboard['playbook']): ReportChart | null {
  if (cells.length === 0) return null;
  const kinds = new Set(cells.map((c) => c.kind)).size;
  return { id: 'playbook', title: f.t.charts.playbook, option: buildPlaybookOption(cells, chartLabels(f, 'EUR'), (v) => f.pct(v, 0), false), width: W, height: Math.max(220, 110 + kinds * 40) };
}

export function indicatorTrendChart(f: Fmt, p: IndicatorPage): ReportChart {
  const option = buildIndicatorTrendOption({
    indicator: p.indicator,
    measurements: p.measurements,
    xmr: p.xmr?.status === 'ok' ? p.xmr.limits : null,
    interventions: p.interventions.map((i) => ({ title: i.title, startDate: i.startDate })),
    status: p.status.status,
    labels: INDICATOR_TREND_LABELS[f.lang],
    animation: false,
  });
  return { id: `trend-${p.indicator.id}`, title: p.indicator.name, option, width: W, height: 330 };
}

export function sparklineChart(p: IndicatorPage): ReportChart {
  return { id: `spark-${p.indicator.id}`, title: p.indicator.name, option: buildSparklineOption(p.measurements.slice(-12), p.status.status, p.indicator.targetValue, false), width: 120, height: 32 };
}
