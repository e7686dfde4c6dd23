import type { EChartsOption } from 'echarts';
import { RAG_COLOURS } from './indicator-trend';
import type { RagStatus } from '../indicators/status';

// A sparkline: the last points of an indicator, no axes, the line in its status colour, the target dotted.

export function buildSparklineOption(points: { period: string; value: number }[], status: RagStatus, target: number | null, animation = true): EChartsOption {
  const values = points.map((p) => p.value);
  const all = target === null ? values : [...values, target];
  const lo = all.length ? Math.min(...all) : 0;
  const hi = all.length ? Math.max(...all) : 1;
  const pad = (hi - lo) * 0.1 || Math.abs(hi) * 0.1 || 1;
  return {
    animation,
    grid: { left: 2, right: 2, top: 4, bottom: 4 },
    xAxis: { type: 'category', show: false, data: points.map((p) => p.period), boundaryGap: false },
    yAxis: { type: 'value', show: false, min: lo - pad, max: hi + pad },
    series: [
      {
        type: 'line',
        data: values,
        symbol: 'none',
        silent: true,
        lineStyle: { color: RAG_COLOURS[status], width: 2 },
        areaStyle: { color: RAG_COLOURS[status], opacity: 0.08 },
        ...(target === null ? {} : { markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: '#868e96', type: 'dotted' }, data: [{ yAxis: target }] } }),
      },
    ],
  };
}
