import { lazy, Suspense } from 'react';
import { Skeleton } from '@mantine/core';
import type { EChartProps } from './EChart';

// ECharts is most of the renderer's weight: it loads the first time a chart is shown, not with the
// page that may show one. The placeholder takes the chart's size so nothing jumps when it arrives.
const Chart = lazy(() => import('./EChart').then((m) => ({ default: m.EChart })));

export function LazyEChart(props: EChartProps) {
  return (
    <Suspense fallback={<Skeleton height={props.height ?? 360} radius="sm" animate={false} />}>
      <Chart {...props} />
    </Suspense>
  );
}
