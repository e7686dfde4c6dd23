import type { EChartsOption, LineSeriesOption } from 'echarts';
import type { RagStatus } from '../indicators/status';
import {
  axisNumber, badgeRows, DEFAULT_TREND_SIZE, LEGEND_TEXT, legendRows, niceAxis, paddedTime, rightLabelAlign, TREND_LOOK, trendGrid,
  type ChartSize,
} from './trend-layout';

// The indicator trend, one pure builder for the app's <EChart> and the reports' server-side
// rendering: the values as a line, baseline and target as horizontal lines, the tolerance band next
// to the target, the start of each linked intervention as a vertical line, and the XmR natural process
// limits as dashed lines — by phase when the core found a sustained shift (XmR by phase), with the
// moving ranges above their limit marked. The numbers (band, limits, phases, status) come from the core;
// this only draws them. Where labels go and how each line looks is trend-layout.ts.

export interface IndicatorTrendLabels {
  value: string;
  baseline: string;
  target: string;
  tolerance: string;
  centre: string;
  unpl: string;
  lnpl: string;
  /** A new XmR phase (a sustained shift) and a jump above the moving-range limit. */
  phase: string;
  jump: string;
  status: Record<RagStatus, string>;
}

export const INDICATOR_TREND_LABELS: { en: IndicatorTrendLabels; fr: IndicatorTrendLabels } = {
  en: {
    value: 'Value',
    baseline: 'Baseline',
    target: 'Target',
    tolerance: 'Tolerance',
    centre: 'Average (XmR)',
    unpl: 'Upper limit (XmR)',
    lnpl: 'Lower limit (XmR)',
    phase: 'New phase',
    jump: 'Jump above the range limit',
    status: { green: 'On target', amber: 'Within tolerance', red: 'Off target', no_data: 'No data', no_target: 'No target' },
  },
  fr: {
    value: 'Valeur',
    baseline: 'Point de départ',
    target: 'Cible',
    tolerance: 'Tolérance',
    centre: 'Moyenne (XmR)',
    unpl: 'Limite haute (XmR)',
    lnpl: 'Limite basse (XmR)',
    phase: 'Nouvelle phase',
    jump: 'Saut au-delà de la limite des étendues',
    status: { green: 'Cible atteinte', amber: 'Dans la tolérance', red: 'Hors cible', no_data: 'Pas de données', no_target: 'Pas de cible' },
  },
};

export const RAG_COLOURS: Record<RagStatus, string> = {
  green: '#2f9e44',
  amber: '#f08c00',
  red: '#e03131',
  no_data: '#868e96',
  no_target: '#868e96',
};


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
  /** The language of the numbers on the axis and the labels ("fr": 57,5); default English. */
  locale?: string;
  /** About the size it is drawn at, to keep close labels apart; default that of the indicator page. */
  size?: ChartSize;
}

/** Same band as the core's RAG status (|target| × tolerance %, on the wrong side of the target). */
export function toleranceBand(i: IndicatorTrendInput['indicator']): { low: number; high: number } | null {
  if (i.targetValue === null) return null;
  const tol = (Math.abs(i.targetValue) * i.tolerancePct) / 100;
  return i.direction === 'higher' ? { low: i.targetValue - tol, high: i.targetValue } : { low: i.targetValue, high: i.targetValue + tol };
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
  const size = input.size ?? DEFAULT_TREND_SIZE;
  const interventions = [...(input.interventions ?? [])].sort((a, b) => a.startDate.localeCompare(b.startDate));

  const phases = input.phases && input.phases.length > 1 ? input.phases : null;
  const axis = niceAxis([
    ...points.map((p) => p.value),
    ...(ind.baselineValue !== null ? [ind.baselineValue] : []),
    ...(ind.targetValue !== null ? [ind.targetValue] : []),
    ...(band ? [band.low, band.high] : []),
    ...(phases ? phases.flatMap((p) => [p.unpl, p.lnpl]) : input.xmr ? [input.xmr.unpl, input.xmr.lnpl] : []),
  ]);
  const num = axisNumber(input.locale ?? 'en', axis?.interval);
  const exact = axisNumber(input.locale ?? 'en', undefined);
  const baselineText = ind.baselineValue !== null ? `${L.baseline} ${exact(ind.baselineValue)}` : null;
  const targetText = ind.targetValue !== null ? `${L.target} ${exact(ind.targetValue)}` : null;
  // The legend names every series: the values, the band, the limits and each intervention.
  const legendNames = [
    L.value,
    ...(band ? [L.tolerance] : []),
    ...((phases || input.xmr) && first ? [L.unpl, L.centre, L.lnpl] : []),
    ...interventions.map((itv, i) => `${i + 1} · ${itv.title}`),
  ];
  const grid = trendGrid(
    interventions.length > 0,
    [baselineText, targetText].filter((x): x is string => x !== null),
    legendRows(legendNames, size),
  );
  const range = paddedTime(timeBounds([...points.map((p) => p.period), ...interventions.map((i) => i.startDate)]));

  // Baseline and target: named, with their value, right of the plot; apart when close.
  const align = rightLabelAlign(
    [
      ...(ind.baselineValue !== null ? [{ key: 'baseline', y: ind.baselineValue }] : []),
      ...(ind.targetValue !== null ? [{ key: 'target', y: ind.targetValue }] : []),
    ],
    axis,
    size,
    grid,
  );
  const rightLabel = (key: string, text: string, colour: string) => ({
    formatter: text,
    position: 'end' as const,
    distance: 10,
    color: colour,
    fontWeight: key === 'target' ? ('bold' as const) : ('normal' as const),
    verticalAlign: align[key],
    width: grid.right - 12,
    overflow: 'truncate' as const,
  });
  const horizontal: NonNullable<NonNullable<LineSeriesOption['markLine']>['data']> = [];
  if (ind.baselineValue !== null) {
    horizontal.push({
      name: L.baseline,
      yAxis: ind.baselineValue,
      lineStyle: { ...TREND_LOOK.baseline },
      label: rightLabel('baseline', baselineText!, TREND_LOOK.baseline.color),
    });
  }
  if (ind.targetValue !== null) {
    horizontal.push({
      name: L.target,
      yAxis: ind.targetValue,
      lineStyle: { ...TREND_LOOK.target },
      label: rightLabel('target', targetText!, TREND_LOOK.target.color),
    });
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
    z: 3,
    lineStyle: { color: TREND_LOOK.value, width: 2 },
    itemStyle: { color: TREND_LOOK.value },
    markLine: { silent: true, symbol: 'none', data: horizontal },
  };

  const series: LineSeriesOption[] = [values];
  // The tolerance band: a fill only (no outline to mistake for a limit), named in the legend.
  if (band) {
    series.push({
      id: 'tolerance',
      name: L.tolerance,
      type: 'line',
      data: [],
      symbol: 'rect',
      itemStyle: { color: 'rgba(240, 140, 0, 0.45)' },
      lineStyle: { width: 0 },
      markArea: { silent: true, label: { show: false }, itemStyle: { color: TREND_LOOK.band }, data: [[{ name: L.tolerance, yAxis: band.low }, { yAxis: band.high }]] },
    });
  }
  const limit = (id: string, name: string, y: number, look: typeof TREND_LOOK.limit | typeof TREND_LOOK.centre, from: string, to: string): LineSeriesOption => ({
    id,
    name,
    type: 'line',
    data: [
      [from, y],
      [to, y],
    ],
    symbol: 'none',
    silent: true,
    lineStyle: { ...look },
    itemStyle: { color: look.color },
    tooltip: { show: false },
  });
  if (phases) {
    // Each phase's limits over its own periods; series of one name share one legend entry.
    phases.forEach((ph, i) => {
      series.push(
        limit(`xmr-unpl-${i}`, L.unpl, ph.unpl, TREND_LOOK.limit, ph.from, ph.to),
        limit(`xmr-centre-${i}`, L.centre, ph.centre, TREND_LOOK.centre, ph.from, ph.to),
        limit(`xmr-lnpl-${i}`, L.lnpl, ph.lnpl, TREND_LOOK.limit, ph.from, ph.to),
      );
      if (i > 0) {
        horizontal.push({
          name: L.phase,
          xAxis: ph.from,
          lineStyle: { color: TREND_LOOK.limit.color, type: 'solid', width: 1, opacity: 0.5 },
          label: { formatter: L.phase, position: 'insideStartTop' },
        });
      }
    });
  } else if (input.xmr && first && last) {
    series.push(
      limit('xmr-unpl', L.unpl, input.xmr.unpl, TREND_LOOK.limit, first, last),
      limit('xmr-centre', L.centre, input.xmr.centre, TREND_LOOK.centre, first, last),
      limit('xmr-lnpl', L.lnpl, input.xmr.lnpl, TREND_LOOK.limit, first, last),
    );
  }
  const jumps = new Set(input.rangesAboveLimit ?? []);
  if (jumps.size) {
    values.markPoint = {
      symbol: 'triangle',
      symbolSize: 9,
      itemStyle: { color: TREND_LOOK.limit.color },
      label: { show: false },
      data: points.filter((p) => jumps.has(p.period)).map((p) => ({ name: L.jump, coord: [p.period, p.value], symbolOffset: [0, -12] })),
    };
  }
  // Each intervention start: a dashed line with a numbered badge above the plot; its title in the legend.
  const rows = badgeRows(interventions.map((i) => i.startDate), range, size, grid);
  interventions.forEach((itv, i) => {
    series.push({
      id: `intervention-${i + 1}`,
      name: `${i + 1} · ${itv.title}`,
      type: 'line',
      data: [],
      symbol: 'circle',
      itemStyle: { color: TREND_LOOK.intervention.color },
      lineStyle: { ...TREND_LOOK.intervention },
      markLine: {
        silent: true,
        symbol: 'none',
        lineStyle: { ...TREND_LOOK.intervention },
        data: [
          {
            name: itv.title,
            xAxis: itv.startDate,
            label: {
              formatter: String(i + 1),
              position: 'end',
              distance: 4 + rows[i]! * 22,
              color: '#fff',
              backgroundColor: TREND_LOOK.intervention.color,
              borderRadius: 9,
              padding: [3, 6],
              fontSize: 11,
              fontWeight: 'bold',
            },
          },
        ],
      },
    });
  });

  return {
    animation: input.animation ?? true,
    title: {
      text: ind.name,
      subtext: input.status ? L.status[input.status] : undefined,
      subtextStyle: statusColour ? { color: statusColour, fontWeight: 'bold' } : undefined,
      left: 'left',
    },
    tooltip: { trigger: 'axis' },
    legend: { type: 'plain', bottom: 4, left: 'center', width: size.width - 24, data: [...new Set(series.map((s) => String(s.name)))], textStyle: LEGEND_TEXT },
    grid,
    xAxis: { type: 'time', ...range, axisLabel: { hideOverlap: true } },
    yAxis: {
      type: 'value',
      // The unit runs along the axis, left of its labels (the grid keeps it inside the chart).
      name: ind.unit || undefined,
      nameLocation: 'middle',
      nameRotate: 90,
      nameMoveOverlap: true,
      nameTextStyle: { color: '#495057' },
      ...(axis ?? {}),
      axisLabel: { formatter: (v: number) => num(v), hideOverlap: true },
    },
    series,
  };
}
