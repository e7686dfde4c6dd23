import { useEffect, useRef } from 'react';
import type { EChartsOption } from 'echarts';
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
  DataZoomComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, MarkPointComponent, TitleComponent, TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { LegacyGridContainLabel } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';
import langFR from 'echarts/lib/i18n/langFR.js';

// The app's one ECharts wrapper. Options are built by pure builders (src-shared/charts/*) so that the
// reports draw the same charts; this only mounts them: init on a div, setOption when the option
// changes, follow the container's size, dispose on unmount. Only the modules the builders use are
// registered, which keeps the bundle small.
echarts.use([
  LineChart, BarChart, HeatmapChart, VisualMapComponent, TitleComponent, TooltipComponent, LegendComponent, GridComponent, MarkLineComponent, MarkAreaComponent,
  MarkPointComponent, DataZoomComponent, CanvasRenderer,
  // ECharts 6 keeps grid.containLabel (the dashboard charts use it) only with this feature registered.
  LegacyGridContainLabel,
]);
// Month and day names of time axes in the user's language (English is built in).
echarts.registerLocale('FR', langFR);

export interface EChartProps {
  option: EChartsOption;
  height?: number | string;
  /** Accessible name of the chart (a canvas says nothing to a screen reader). */
  ariaLabel: string;
  /** The app's language ("fr", "en-US"…): names of months and days on time axes. */
  locale?: string;
  'data-testid'?: string;
  /** A click on a bar, a point or a cell: its data item (the builders put there what the list behind it needs). */
  onItemClick?: (data: unknown) => void;
}

export function EChart({ option, height = 360, ariaLabel, locale = 'en', 'data-testid': testId, onItemClick }: EChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const latest = useRef(option);
  const onClick = useRef(onItemClick);
  onClick.current = onItemClick;
  const lang = locale.toLowerCase().startsWith('fr') ? 'FR' : 'EN';

  // The locale is an init option: a new language means a new instance.
  useEffect(() => {
    const div = el.current;
    if (!div) return;
    const instance = echarts.init(div, undefined, { renderer: 'canvas', locale: lang });
    instance.setOption(latest.current as echarts.EChartsCoreOption);
    instance.on('click', (p) => onClick.current?.((p as { data?: unknown }).data));
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(div);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [lang]);

  useEffect(() => {
    latest.current = option;
    // notMerge: a series that disappeared (e.g. XmR limits) must not linger from the previous option.
    chart.current?.setOption(option as echarts.EChartsCoreOption, { notMerge: true });
  }, [option]);

  return <div ref={el} role="img" aria-label={ariaLabel} data-testid={testId} style={{ width: '100%', height, cursor: onItemClick ? 'pointer' : undefined }} />;
}
