import { Skeleton } from '@mantine/core';
import { preloadable } from '../components/preloadable';

// ECharts is most of the renderer's weight: it loads the first time a chart is shown, not with the
// page that may show one, and is fetched on idle once the opening page has its data (app/pages.tsx).
// Once here, a chart is drawn at once. The placeholder takes the chart's size so nothing jumps.
const Chart = preloadable(() => import('./EChart').then((m) => m.EChart), {
  idle: true,
  fallback: (props) => <Skeleton height={props.height ?? 360} radius="sm" animate={false} />,
});

export const LazyEChart = Chart.Component;
