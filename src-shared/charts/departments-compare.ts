import type { EChartsOption } from 'echarts';
import type { DepartmentSideBySide } from '../dashboard/schemas';

// The departments side by side: for each, its open gaps, loops closed, interventions running and
// indicators on target (counts, comparable whatever each department's currency).

export interface DepartmentsCompareLabels {
  openGaps: string;
  loopsClosed: string;
  interventionsRunning: string;
  indicatorsGreen: string;
}

export function buildDepartmentsCompareOption(deps: DepartmentSideBySide[], L: DepartmentsCompareLabels, animation = true): EChartsOption {
  const bar = (name: string, colour: string, pick: (d: DepartmentSideBySide) => number) => ({
    name,
    type: 'bar' as const,
    itemStyle: { color: colour },
    label: { show: true, position: 'top' as const, fontSize: 10 },
    data: deps.map((d) => ({ value: pick(d), departmentId: d.departmentId })),
  });
  return {
    animation,
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 24, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: deps.map((d) => d.name) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      bar(L.openGaps, '#f76707', (d) => d.openGaps),
      bar(L.loopsClosed, '#2f9e44', (d) => d.loopsClosed),
      bar(L.interventionsRunning, '#1c7ed6', (d) => d.interventionsRunning),
      bar(L.indicatorsGreen, '#66a80f', (d) => d.indicatorsGreen),
    ],
  };
}
