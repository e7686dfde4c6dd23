import type { ReportModel, ReportSectionModel } from '../../../src-shared/reports/model';
import { renderChartSvg } from '../charts/ssr';
import type { ReportChart } from '../charts/report-charts';
import type { Fmt } from '../format';
import { esc } from './escape';

// What every section renderer gets: the model, the report's formats and words, and a way to draw a chart.

export interface HtmlContext {
  model: ReportModel;
  f: Fmt;
  /** Inline SVG of a chart, with its caption; the chart is also recorded (tests count them). */
  chart(c: ReportChart | null, caption?: boolean): string;
  charts: ReportChart[];
}

export function makeContext(model: ReportModel, f: Fmt): HtmlContext {
  const charts: ReportChart[] = [];
  return {
    model,
    f,
    charts,
    chart(c, caption = true) {
      if (!c) return '';
      charts.push(c);
      const { svg } = renderChartSvg(c.option, c.width, c.height);
      return `<figure class="chart" data-chart="${esc(c.id)}">${caption ? `<div class="caption">${esc(c.title)}</div>` : ''}${svg}</figure>`;
    },
  };
}

/** The section's title: the user's own, else the section's name in the report's language. */
export const titleOf = (f: Fmt, s: ReportSectionModel) => s.title ?? f.t.section[s.kind];

export const table = (head: string[], rows: string[][], numeric: number[] = []) =>
  `<table><thead><tr>${head.map((h, i) => `<th${numeric.includes(i) ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
