import type { ReportModel } from '../../src-shared/reports/model';
import type { ReportFormat } from '../../src-shared/reports/schemas';
import { renderReportHtml } from './html/render';
import { pdfEngine } from './pdf/engine';
import { pageFurniture } from './pdf/page-furniture';
import { reportToPptx } from './pptx/deck';
import { reportToXlsx } from './xlsx/report-workbook';

// One report model → the bytes of one format. Every format starts from the same model.

export async function renderReportFile(model: ReportModel, format: ReportFormat, signal?: AbortSignal): Promise<Buffer> {
  switch (format) {
    case 'html':
      return Buffer.from(renderReportHtml(model).html, 'utf8');
    case 'pdf':
      return pdfEngine().print(renderReportHtml(model).html, pageFurniture(model), signal);
    case 'xlsx':
      return reportToXlsx(model);
    case 'pptx':
      return reportToPptx(model);
  }
}
