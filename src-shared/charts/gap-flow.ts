import type { EChartsOption } from 'echarts';
import type { GapFlowMonth } from '../dashboard/schemas';
import { FLOW_COLOURS, type ChartLabels } from './chart-labels';

// Gaps opened (found) vs closed per month: two bars side by side per month, 24 months.

export function buildGapFlowOption(months: GapFlowMonth[], L: ChartLabels, animation = true): EChartsOption {
  return {
    animation,
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => L.month(m.month)), axisLabel: { interval: 2 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: L.words.opened, type: 'bar', itemStyle: { color: FLOW_COLOURS.opened }, data: months.map((m) => ({ value: m.opened, month: m.month, flow: 'opened' })) },
      { name: L.words.closed, type: 'bar', itemStyle: { color: FLOW_COLOURS.closed }, data: months.map((m) => ({ value: m.closed, month: m.month, flow: 'closed' })) },
    ],
  };
}
