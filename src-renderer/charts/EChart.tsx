import { useEffect, useRef } from 'react';
import type { EChartsOption } from 'echarts';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import {
  DataZoomComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// The app's one ECharts wrapper. Options are built by pure builders (src-shared/charts/*) so that the
// reports draw the same charts; this only mounts them: init on a div, setOption when the option
// changes, follow the container's size, dispose on unmount. Only the modules the builders use are
// registered, which keeps the bundle small.
echarts.use([
  LineChart, BarChart, TitleComponent, TooltipComponent, LegendComponent, GridComponent, MarkLineComponent, MarkAreaComponent,
  DataZoomComponent, CanvasRenderer,
]);

export interface EChartProps {
  option: EChartsOption;
  height?: number | string;
  /** Accessible name of the chart (a canvas says nothing to a screen reader). */
  ariaLabel: string;
  'data-testid'?: string;
}

export function EChart({ option, height = 360, ariaLabel, 'data-testid': testId }: EChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const div = el.current;
    if (!div) return;
    const instance = echarts.init(div, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(div);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // notMerge: a series that disappeared (e.g. XmR limits) must not linger from the previous option.
    chart.current?.setOption(option as echarts.EChartsCoreOption, { notMerge: true });
  }, [option]);

  return <div ref={el} role="img" aria-label={ariaLabel} data-testid={testId} style={{ width: '100%', height }} />;
}
