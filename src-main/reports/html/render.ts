import type { ReportModel } from '../../../src-shared/reports/model';
import { makeFmt } from '../format';
import type { ReportChart } from '../charts/report-charts';
import { makeContext, titleOf } from './context';
import { esc } from './escape';
import { reportCss } from './styles';
import { coverHtml } from './sections/cover';
import { summaryHtml } from './sections/summary';
import { crossHtml } from './sections/cross';
import { mapsHtml } from './sections/maps';
import { registerHtml } from './sections/register';
import { interventionsHtml } from './sections/interventions';
import { indicatorsHtml } from './sections/indicators';
import { roiHtml } from './sections/roi';
import { missingHtml } from './sections/missing';
import { methodsHtml } from './sections/methods';

// The report as one self-contained HTML document: inline CSS, inline SVG charts, the logo as a data
// URL; nothing is fetched. Chromium prints this same document to PDF.

export interface RenderedHtml {
  html: string;
  /** The titles of the sections, in order (the PDF's bookmarks). */
  titles: string[];
  charts: ReportChart[];
}

export function renderReportHtml(model: ReportModel): RenderedHtml {
  const f = makeFmt(model.meta.language);
  const ctx = makeContext(model, f);
  const body = model.sections.map((s) => {
    switch (s.kind) {
      case 'cover':
        return coverHtml(ctx);
      case 'executive_summary':
        return summaryHtml(ctx, s);
      case 'cross_department':
        return crossHtml(ctx, s);
      case 'process_maps':
        return mapsHtml(ctx, s);
      case 'gap_register':
        return registerHtml(ctx, s);
      case 'interventions':
        return interventionsHtml(ctx, s);
      case 'indicators':
        return indicatorsHtml(ctx, s);
      case 'roi':
        return roiHtml(ctx, s);
      case 'missing_updates':
        return missingHtml(ctx, s);
      case 'methods':
        return methodsHtml(ctx, s);
    }
  });
  // A document that does not open on its cover must not open on a blank page either.
  const html = `<!doctype html>
<html lang="${model.meta.language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(model.meta.title)}</title>
<style>${reportCss(model.meta.paper)}
body > .section:first-child { break-before: auto; }</style></head>
<body>${body.join('\n')}</body></html>`;
  return { html, titles: model.sections.map((s) => (s.kind === 'cover' ? model.meta.title : titleOf(f, s))), charts: ctx.charts };
}
