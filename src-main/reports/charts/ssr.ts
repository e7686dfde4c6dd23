import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
  GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, MarkPointComponent, TitleComponent, TooltipComponent, VisualMapComponent,
} from 'echarts/components';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';

// Charts of a report: the app's own option builders (src-shared/charts) rendered by ECharts on the
// server as SVG text (no canvas, no animation), so a chart in a PDF is vector and reads the same as
// on screen. The same SVG becomes a PNG for slides (pptx/png.ts).

echarts.use([
  BarChart, LineChart, HeatmapChart, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent,
  VisualMapComponent, MarkPointComponent, SVGRenderer,
  // As the app's EChart.tsx: ECharts 6 keeps grid.containLabel only with this feature registered.
  LegacyGridContainLabel,
]);

export const REPORT_FONT = "'DejaVu Sans', 'Segoe UI', Arial, Helvetica, sans-serif";

export interface SvgChart {
  svg: string;
  width: number;
  height: number;
}

export function renderChartSvg(option: EChartsOption, width: number, height: number): SvgChart {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ textStyle: { fontFamily: REPORT_FONT }, ...option, animation: false, tooltip: undefined } as echarts.EChartsCoreOption);
    return { svg: chart.renderToSVGString(), width, height };
  } finally {
    chart.dispose();
  }
}
