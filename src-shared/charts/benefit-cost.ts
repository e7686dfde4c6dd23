import type { EChartsOption } from 'echarts';
import type { BenefitCostMonth } from '../dashboard/schemas';
import { BENEFIT_COLOURS, type ChartLabels } from './chart-labels';

// Benefit vs cost per month: hard and soft benefit as stacked bars (never added into one number on
// screen), the cost as a line over them.

export function buildBenefitCostOption(months: BenefitCostMonth[], L: ChartLabels, animation = true): EChartsOption {
  const x = months.map((m) => L.month(m.month));
  return {
    animation,
    tooltip: { trigger: 'axis', valueFormatter: (v) => L.money(Number(v) * 100) },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: x },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => L.money(v * 100) } },
    series: [
      { name: L.words.hard, type: 'bar', stack: 'benefit', itemStyle: { color: BENEFIT_COLOURS.hard }, data: months.map((m) => ({ value: m.hardCents / 100, month: m.month })) },
      { name: L.words.soft, type: 'bar', stack: 'benefit', itemStyle: { color: BENEFIT_COLOURS.soft }, data: months.map((m) => ({ value: m.softCents / 100, month: m.month })) },
      { name: L.words.cost, type: 'line', symbol: 'circle', symbolSize: 5, lineStyle: { color: BENEFIT_COLOURS.cost, width: 2 }, itemStyle: { color: BENEFIT_COLOURS.cost }, data: months.map((m) => ({ value: m.costCents / 100, month: m.month })) },
    ],
  };
}
