import type { BarSeriesOption, EChartsOption } from 'echarts';
import { GAP_TYPES } from '../domain';
import type { GapCostCell } from '../dashboard/schemas';
import { SEVERITY_COLOURS, type ChartLabels } from './chart-labels';

// Open-gap cost by gap type × severity: one bar per type, stacked by severity (1 light → 5 dark red).
// Each bar segment carries its type and severity so a click can open the register filtered on them.

export interface GapCostDatum {
  value: number;
  type: string;
  severity: number;
  count: number;
}

export function buildGapCostOption(cells: GapCostCell[], L: ChartLabels, animation = true): EChartsOption {
  const types = GAP_TYPES.filter((t) => cells.some((c) => c.type === t));
  const series: BarSeriesOption[] = [1, 2, 3, 4, 5].map((sev) => ({
    name: L.severity(sev),
    type: 'bar',
    stack: 'cost',
    itemStyle: { color: SEVERITY_COLOURS[sev - 1] },
    emphasis: { focus: 'series' },
    data: types.map((t) => {
      const c = cells.find((x) => x.type === t && x.severity === sev);
      return { value: c ? c.cents / 100 : 0, type: t, severity: sev, count: c?.count ?? 0 } satisfies GapCostDatum;
    }),
  }));
  return {
    animation,
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const { data: d, seriesName } = p as unknown as { data: GapCostDatum; seriesName: string };
        return `${L.gapType(d.type)} · ${seriesName}<br/>${d.count} · ${L.money(d.value * 100)}`;
      },
    },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: types.map((t) => L.gapType(t)), axisLabel: { interval: 0, rotate: types.length > 4 ? 25 : 0 } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => L.money(v * 100) } },
    series,
  };
}
