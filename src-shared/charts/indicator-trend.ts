import type { EChartsOption, LineSeriesOption } from 'echarts';
import type { RagStatus } from '../indicators/status';

// The indicator trend, one pure builder for the app's <EChart> and the reports' server-side
// rendering: the values as a line, baseline and target as horizontal lines, the tolerance band next
// to the target, the start of each linked intervention as a vertical line, and the XmR natural process
// limits as dashed lines — by phase when the core found a sustained shift (XmR by phase), with the
// moving ranges above their limit marked. The numbers (band, limits, phases, status) come from the core;
// this only draws them.

export interface IndicatorTrendLabels {
  value: string;
  baseline: string;
  target: string;
  tolerance: string;
  centre: string;
  unpl: string;
  lnpl: string;
  status: Record<RagStatus, string>;
  /** A new XmR phase (a sustained shift) and a jump above the moving-range limit. */
  phase: string;
  jump: string;
}

export const INDICATOR_TREND_LABELS: { en: IndicatorTrendLabels; fr: IndicatorTrendLabels } = {
  en: {
    value: 'Value',
    baseline: 'Baseline',
    target: 'Target',
    tolerance: 'Tolerance band',
    centre: 'Average (XmR)',
    unpl: 'Upper natural process limit',
    lnpl: 'Lower natural process limit',
    status: { green: 'On target', amber: 'Within tolerance', red: 'Off target', no_data: 'No data', no_target: 'No target' },
    phase: 'New phase',
    jump: 'Jump above the range limit',
  },
  fr: {
    value: 'Valeur',
    baseline: 'Référence',
    target: 'Cible',
    tolerance: 'Bande de tolérance',
    centre: 'Moyenne (XmR)',
    unpl: 'Limite naturelle haute',
    lnpl: 'Limite naturelle basse',
    status: { green: 'Cible atteinte', amber: 'Dans la tolérance', red: 'Hors cible', no_data: 'Pas de données', no_target: 'Pas de cible' },
    phase: 'Nouvelle phase',
    jump: 'Saut au-delà de la limite des étendues',
  },
};

export const RAG_COLOURS: Record<RagStatus, string> = {
  green: '#2f9e44',
  amber: '#f08c00',
  red: '#e03131',
  no_data: '#868e96',
  no_target: '#868e96',
};

const COLOURS = { value: '#1c7ed6', baseline: '#868e96', target: '#2f9e44', band: 'rgba(240, 140, 0, 0.12)', limits: '#7048e8', intervention: '#495057' };

export interface IndicatorTrendInput {
  indicator: {
    name: string;
    unit: string;
    direction: 'higher' | 'lower';
    baselineValue: number | null;
    targetValue: number | null;
    tolerancePct: number;
  };
  /** Oldest first. */
  measurements: { period: string; value: number }[];
  /** From indicators.xmr (limits); null or absent: no limits drawn. */
  xmr?: { centre: number; unpl: number; lnpl: number } | null;
  /**
   * From indicators.xmr (phases): with more than one, each phase's limits are drawn over its own
   * periods instead of the baseline's across the chart (XmR by phase), and a new phase is marked.
   */
  phases?: { from: string; to: string; centre: number; unpl: number; lnpl: number }[] | null;
  /** Periods whose moving range is above their phase's upper range limit: marked on the values. */
  rangesAboveLimit?: string[] | null;
  interventions?: { title: string; startDate: string }[];
  /** Colours the latest point. */
  status?: RagStatus | null;
  /** Default: English. */
  labels?: IndicatorTrendLabels;
  /** false for server-side rendering (reports). */
  animation?: boolean;
}

/** Same band as the core's RAG status (|target| × tolerance %, on the wrong side of the target). */
export function toleranceBand(i: IndicatorTrendInput['indicator']): { low: number; high: number } | null {
  if (i.targetValue === null) return null;
  const tol = (Math.abs(i.targetValue) * i.tolerancePct) / 100;
  return i.direction === 'higher' ? { low: i.targetValue - tol, high: i.targetValue } : { low: i.targetValue, high: i.targetValue + tol };
}

/** Axis bounds on round numbers that keep every line of the chart in view. */
function niceBounds(values: number[]): { min: number; max: number } | null {
  if (!values.length) return null;
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    const pad = Math.abs(lo) * 0.1 || 1;
    lo -= pad;
    hi += pad;
  }
  const raw = (hi - lo) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const round = (x: number) => Math.round(x * 1e9) / 1e9;
  return { min: round(Math.floor(lo / step) * step), max: round(Math.ceil(hi / step) * step) };
}

/** The time axis must reach an intervention that started before the first or after the last value. */
function timeBounds(dates: string[]): { min?: number; max?: number } {
  if (!dates.length) return {};
  const sorted = [...dates].sort();
  return { min: Date.parse(`${sorted[0]}T00:00:00Z`), max: Date.parse(`${sorted.at(-1)}T00:00:00Z`) };
}

export function buildIndicatorTrendOption(input: IndicatorTrendInput): EChartsOption {
  const L = input.labels ?? INDICATOR_TREND_LABELS.en;
  const ind = input.indicator;
  const points = input.measurements;
  const band = toleranceBand(ind);
  const first = points[0]?.period;
  const last = points.at(-1)?.period;
  const statusColour = input.status ? RAG_COLOURS[input.status] : null;

  const horizontal: NonNullable<NonNullable<LineSeriesOption['markLine']>['data']> = [];
  if (ind.baselineValue !== null) {
    horizontal.push({ name: L.baseline, yAxis: ind.baselineValue, lineStyle: { color: COLOURS.baseline, type: 'dotted' }, label: { formatter: L.baseline, position: 'insideMiddleTop' } });
  }
  if (ind.targetValue !== null) {
    horizontal.push({ name: L.target, yAxis: ind.targetValue, lineStyle: { color: COLOURS.target, type: 'solid', width: 2 }, label: { formatter: L.target, position: 'insideEndTop' } });
  }
  for (const itv of input.interventions ?? []) {
    horizontal.push({ name: itv.title, xAxis: itv.startDate, lineStyle: { color: COLOURS.intervention, type: 'dashed' }, label: { formatter: itv.title, position: 'insideEndBottom' } });
  }

  const values: LineSeriesOption = {
    id: 'values',
    name: L.value,
    type: 'line',
    data: points.map((p, i) =>
      i === points.length - 1 && statusColour
        ? { value: [p.period, p.value], itemStyle: { color: statusColour }, symbolSize: 10 }
        : { value: [p.period, p.value] },
    ),
    showSymbol: true,
    symbolSize: 6,
    lineStyle: { color: COLOURS.value, width: 2 },
    itemStyle: { color: COLOURS.value },
    markLine: { silent: true, symbol: 'none', data: horizontal },
    ...(band
      ? { markArea: { silent: true, itemStyle: { color: COLOURS.band }, data: [[{ name: L.tolerance, yAxis: band.low }, { yAxis: band.high }]] } }
      : {}),
  };

  const series: LineSeriesOption[] = [values];
  const limit = (id: string, name: string, y: number, type: 'dashed' | 'dotted', from: string, to: string): LineSeriesOption => ({
    id,
    name,
    type: 'line',
    data: [
      [from, y],
      [to, y],
    ],
    symbol: 'none',
    silent: true,
    lineStyle: { color: COLOURS.limits, type, width: 1 },
    itemStyle: { color: COLOURS.limits },
    tooltip: { show: false },
  });
  const phases = input.phases && input.phases.length > 1 ? input.phases : null;
  if (phases) {
    // Each phase's limits over its own periods; series of one name share one legend entry.
    phases.forEach((ph, i) => {
      series.push(
        limit(`xmr-unpl-${i}`, L.unpl, ph.unpl, 'dashed', ph.from, ph.to),
        limit(`xmr-centre-${i}`, L.centre, ph.centre, 'dotted', ph.from, ph.to),
        limit(`xmr-lnpl-${i}`, L.lnpl, ph.lnpl, 'dashed', ph.from, ph.to),
      );
      if (i > 0) horizontal.push({ name: L.phase, xAxis: ph.from, lineStyle: { color: COLOURS.limits, type: 'solid', width: 1, opacity: 0.5 }, label: { formatter: L.phase, position: 'insideStartTop' } });
    });
  } else if (input.xmr && first && last) {
    series.push(
      limit('xmr-unpl', L.unpl, input.xmr.unpl, 'dashed', first, last),
      limit('xmr-centre', L.centre, input.xmr.centre, 'dotted', first, last),
      limit('xmr-lnpl', L.lnpl, input.xmr.lnpl, 'dashed', first, last),
    );
  }
  const jumps = new Set(input.rangesAboveLimit ?? []);
  if (jumps.size) {
    values.markPoint = {
      symbol: 'triangle',
      symbolSize: 9,
      itemStyle: { color: COLOURS.limits },
      label: { show: false },
      data: points.filter((p) => jumps.has(p.period)).map((p) => ({ name: L.jump, coord: [p.period, p.value], symbolOffset: [0, -12] })),
    };
  }

  const bounds = niceBounds([
    ...points.map((p) => p.value),
    ...(ind.baselineValue !== null ? [ind.baselineValue] : []),
    ...(ind.targetValue !== null ? [ind.targetValue] : []),
    ...(band ? [band.low, band.high] : []),
    ...(phases ? phases.flatMap((p) => [p.unpl, p.lnpl]) : input.xmr ? [input.xmr.unpl, input.xmr.lnpl] : []),
  ]);

  return {
    animation: input.animation ?? true,
    title: {
      text: ind.name,
      subtext: input.status ? L.status[input.status] : undefined,
      subtextStyle: statusColour ? { color: statusColour, fontWeight: 'bold' } : undefined,
      left: 'left',
    },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, data: [...new Set(series.map((s) => String(s.name)))] },
    grid: { left: 56, right: 24, top: 84, bottom: 48, containLabel: true },
    xAxis: { type: 'time', ...timeBounds([...points.map((p) => p.period), ...(input.interventions ?? []).map((i) => i.startDate)]) },
    yAxis: { type: 'value', name: ind.unit || undefined, ...(bounds ?? {}) },
    series,
  };
}
