import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import { buildIndicatorTrendOption, INDICATOR_TREND_LABELS, RAG_COLOURS, type IndicatorTrendInput } from '../../src-shared/charts/indicator-trend';

// The trend option holds every mark the indicator page and the reports need, and renders server-side.

type Mark = { name?: string; xAxis?: string; yAxis?: number };
type Series = { id: string; name: string; data: unknown[]; markLine?: { data: Mark[] }; markArea?: { data: Mark[][] } };

const input: IndicatorTrendInput = {
  indicator: { name: 'Invoice-to-payment days', unit: 'days', direction: 'lower', baselineValue: 45, targetValue: 30, tolerancePct: 10 },
  measurements: [
    { period: '2025-01-01', value: 44 },
    { period: '2025-02-01', value: 41 },
    { period: '2025-03-01', value: 36 },
    { period: '2025-04-01', value: 32 },
  ],
  xmr: { centre: 42.5, unpl: 50.48, lnpl: 34.52 },
  interventions: [
    { title: 'AP community', startDate: '2025-02-15' },
    { title: 'Supplier portal', startDate: '2024-12-01' },
  ],
  status: 'amber',
  animation: false,
};

describe('buildIndicatorTrendOption', () => {
  const option = buildIndicatorTrendOption(input);
  const series = option.series as Series[];
  const values = series.find((s) => s.id === 'values')!;

  it('draws the values, baseline, target, tolerance band and each intervention start', () => {
    expect(values.data).toHaveLength(4);
    expect(values.data[3]).toEqual({ value: ['2025-04-01', 32], itemStyle: { color: RAG_COLOURS.amber }, symbolSize: 10 });
    const lines = values.markLine!.data;
    expect(lines).toContainEqual(expect.objectContaining({ name: 'Baseline', yAxis: 45 }));
    expect(lines).toContainEqual(expect.objectContaining({ name: 'Target', yAxis: 30 }));
    // Each intervention its own series (named, numbered by start date, in the legend) with its start line.
    const starts = series.filter((s) => s.id.startsWith('intervention-'));
    expect(starts.map((s) => s.name)).toEqual(['1 · Supplier portal', '2 · AP community']);
    expect(starts.map((s) => s.markLine!.data[0])).toEqual([
      expect.objectContaining({ name: 'Supplier portal', xAxis: '2024-12-01' }),
      expect.objectContaining({ name: 'AP community', xAxis: '2025-02-15' }),
    ]);
    // Lower is better: the band is [30, 30 + 10% of 30] = [30, 33].
    expect(series.find((s) => s.id === 'tolerance')!.markArea!.data).toEqual([[{ name: 'Tolerance', yAxis: 30 }, { yAxis: 33 }]]);
  });

  it('draws the XmR natural process limits across the values, and keeps every line in view', () => {
    const limits = Object.fromEntries(series.filter((s) => s.id.startsWith('xmr-')).map((s) => [s.id, s.data]));
    expect(limits).toEqual({
      'xmr-unpl': [['2025-01-01', 50.48], ['2025-04-01', 50.48]],
      'xmr-centre': [['2025-01-01', 42.5], ['2025-04-01', 42.5]],
      'xmr-lnpl': [['2025-01-01', 34.52], ['2025-04-01', 34.52]],
    });
    const y = option.yAxis as { min: number; max: number; name: string };
    expect(y.name).toBe('days');
    expect(y.min).toBeLessThanOrEqual(30);
    expect(y.max).toBeGreaterThanOrEqual(50.48);
    // The axis starts (with a little air) at the intervention that began before the first value.
    const x = option.xAxis as { min: number; max: number };
    expect(x.min).toBeLessThan(Date.UTC(2024, 11, 1));
    expect(x.min).toBeGreaterThan(Date.UTC(2024, 10, 15));
    expect(x.max).toBeGreaterThan(Date.UTC(2025, 3, 1));
    expect(option.animation).toBe(false);
  });

  it('draws each XmR phase over its own periods, marks the new phase and the jumps above the range limit', () => {
    const phased = buildIndicatorTrendOption({
      ...input,
      phases: [
        { from: '2025-01-01', to: '2025-02-01', centre: 42.5, unpl: 50.48, lnpl: 34.52 },
        { from: '2025-03-01', to: '2025-04-01', centre: 34, unpl: 38, lnpl: 30 },
      ],
      rangesAboveLimit: ['2025-03-01'],
    });
    const s = phased.series as (Series & { markPoint?: { data: { coord: unknown[] }[] } })[];
    const limits = Object.fromEntries(s.filter((x) => x.id.startsWith('xmr-')).map((x) => [x.id, x.data]));
    expect(limits).toEqual({
      'xmr-unpl-0': [['2025-01-01', 50.48], ['2025-02-01', 50.48]],
      'xmr-centre-0': [['2025-01-01', 42.5], ['2025-02-01', 42.5]],
      'xmr-lnpl-0': [['2025-01-01', 34.52], ['2025-02-01', 34.52]],
      'xmr-unpl-1': [['2025-03-01', 38], ['2025-04-01', 38]],
      'xmr-centre-1': [['2025-03-01', 34], ['2025-04-01', 34]],
      'xmr-lnpl-1': [['2025-03-01', 30], ['2025-04-01', 30]],
    });
    const vals = s.find((x) => x.id === 'values')!;
    expect(vals.markLine!.data).toContainEqual(expect.objectContaining({ name: 'New phase', xAxis: '2025-03-01' }));
    expect(vals.markPoint!.data.map((d) => d.coord)).toEqual([['2025-03-01', 36]]);
    // One legend entry per kind of line, not per phase.
    const legend = (phased.legend as { data: string[] }).data;
    expect(legend).toEqual([...new Set(legend)]);
    expect(legend.filter((n) => /\(XmR\)/.test(n))).toEqual(['Upper limit (XmR)', 'Average (XmR)', 'Lower limit (XmR)']);
  });

  it('speaks French when given the French labels, and leaves out what the indicator lacks', () => {
    const fr = buildIndicatorTrendOption({
      ...input,
      indicator: { ...input.indicator, baselineValue: null, targetValue: null },
      xmr: null,
      interventions: [],
      status: 'no_target',
      labels: INDICATOR_TREND_LABELS.fr,
    });
    const s = fr.series as Series[];
    expect(s.map((x) => x.id)).toEqual(['values']);
    expect(s[0]!.name).toBe('Valeur');
    expect(s[0]!.markLine!.data).toEqual([]);
    expect(s[0]!.markArea).toBeUndefined();
    expect((fr.title as { subtext: string }).subtext).toBe('Pas de cible');
  });

  it('renders to SVG on the server (reports), with the titles of the interventions', () => {
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 800, height: 400 });
    chart.setOption(option);
    const svg = chart.renderToSVGString();
    chart.dispose();
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('AP community');
    expect(svg).toContain('Supplier portal');
    expect(svg).toContain('Invoice-to-payment days');
  });
});
