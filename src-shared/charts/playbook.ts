import type { EChartsOption } from 'echarts';
import { GAP_TYPES } from '../domain';
import type { PlaybookCell } from '../dashboard/schemas';
import type { ChartLabels } from './chart-labels';

// The playbook as a grid: intervention kinds down, gap types across; each cell shows how many gaps of
// that type an intervention of that kind closed and the median measured effect (positive = better).
// Colour follows the number of gaps closed.

export interface PlaybookDatum {
  value: [number, number, number];
  kind: string;
  gapType: string;
  medianEffectPct: number | null;
  measured: number;
}

export function playbookCellText(c: Pick<PlaybookCell, 'gapsClosed' | 'medianEffectPct'>, pct: (v: number) => string): string {
  return c.medianEffectPct === null ? `${c.gapsClosed}` : `${c.gapsClosed} · ${c.medianEffectPct > 0 ? '+' : ''}${pct(c.medianEffectPct)}`;
}

export function buildPlaybookOption(cells: PlaybookCell[], L: ChartLabels, pct: (v: number) => string, animation = true): EChartsOption {
  const kinds = [...new Set(cells.map((c) => c.kind))].sort((a, b) => L.interventionKind(a).localeCompare(L.interventionKind(b)));
  const types = GAP_TYPES.filter((t) => cells.some((c) => c.gapType === t));
  const max = Math.max(1, ...cells.map((c) => c.gapsClosed));
  const data: PlaybookDatum[] = cells.map((c) => ({
    value: [types.indexOf(c.gapType), kinds.indexOf(c.kind), c.gapsClosed],
    kind: c.kind,
    gapType: c.gapType,
    medianEffectPct: c.medianEffectPct,
    measured: c.measured,
  }));
  return {
    animation,
    tooltip: {
      formatter: (p) => {
        const d = (p as unknown as { data: PlaybookDatum }).data;
        const effect = d.medianEffectPct === null ? L.words.notMeasured : `${L.words.medianEffect}: ${pct(d.medianEffectPct)} (n = ${d.measured})`;
        return `${L.interventionKind(d.kind)} → ${L.gapType(d.gapType)}<br/>${L.words.gapsClosed}: ${d.value[2]}<br/>${effect}`;
      },
    },
    grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
    xAxis: { type: 'category', data: types.map((t) => L.gapType(t)), splitArea: { show: true }, axisLabel: { interval: 0, rotate: types.length > 4 ? 25 : 0 } },
    yAxis: { type: 'category', data: kinds.map((k) => L.interventionKind(k)), splitArea: { show: true } },
    visualMap: { min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 80, inRange: { color: ['#ebfbee', '#2b8a3e'] }, text: [String(max), '0'] },
    series: [
      {
        type: 'heatmap',
        data,
        label: {
          show: true,
          fontSize: 11,
          formatter: (p) => {
            const d = (p as unknown as { data: PlaybookDatum }).data;
            return playbookCellText({ gapsClosed: d.value[2], medianEffectPct: d.medianEffectPct }, pct);
          },
        },
        itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
      },
    ],
  };
}
