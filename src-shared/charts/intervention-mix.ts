import type { BarSeriesOption, EChartsOption } from 'echarts';
import { INTERVENTION_STATUSES } from '../domain';
import type { InterventionMixCell } from '../dashboard/schemas';
import { STATUS_COLOURS, type ChartLabels } from './chart-labels';

// Interventions by kind (one horizontal bar each) stacked by status, idea → stopped.

export function buildInterventionMixOption(cells: InterventionMixCell[], L: ChartLabels, animation = true): EChartsOption {
  const kinds = [...new Set(cells.map((c) => c.kind))].sort((a, b) => L.interventionKind(a).localeCompare(L.interventionKind(b)));
  const series: BarSeriesOption[] = INTERVENTION_STATUSES.filter((s) => cells.some((c) => c.status === s)).map((status) => ({
    name: L.interventionStatus(status),
    type: 'bar',
    stack: 'n',
    itemStyle: { color: STATUS_COLOURS[status] },
    data: kinds.map((kind) => ({ value: cells.find((c) => c.kind === kind && c.status === status)?.count ?? 0, kind, status })),
  }));
  return {
    animation,
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 24, top: 8, bottom: 40, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: kinds.map((k) => L.interventionKind(k)), inverse: true },
    series,
  };
}
