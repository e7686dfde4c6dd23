import type { ReportModel } from '../../../src-shared/reports/model';
import { REPORT_FONT } from '../charts/ssr';
import { esc } from '../html/escape';
import { TEXTS } from '../texts';

// What Chromium prints on every page around the report: the running header (title, departments) and
// footer (confidentiality line, page x of y), and the margins that leave them room. Used alike by
// playwright's page.pdf and Electron's printToPDF, which take the same templates.

export interface PageFurniture {
  paper: 'A4' | 'Letter';
  headerTemplate: string;
  footerTemplate: string;
  /** In millimetres. */
  margin: { top: number; bottom: number; left: number; right: number };
}

export function pageFurniture(model: ReportModel): PageFurniture {
  const t = TEXTS[model.meta.language];
  const m = model.meta;
  const scope = m.allDepartments ? t.cover.allDepartments : m.departments.map((d) => d.name).join(', ');
  const style = `font-family:${REPORT_FONT.replace(/"/g, "'")};font-size:7.5pt;color:#868e96;width:100%;margin:0 15mm;display:flex;justify-content:space-between;gap:8mm;`;
  return {
    paper: m.paper === 'letter' ? 'Letter' : 'A4',
    headerTemplate: `<div style="${style}border-bottom:0.5pt solid #dee2e6;padding-bottom:1.5mm;"><span>${esc(m.title)}</span><span>${esc(scope)}</span></div>`,
    footerTemplate: `<div style="${style}"><span>${esc(m.confidentiality ?? m.companyName ?? '')}</span><span>${esc(t.page.page)} <span class="pageNumber"></span> ${esc(t.page.of)} <span class="totalPages"></span></span></div>`,
    margin: { top: 22, bottom: 18, left: 15, right: 15 },
  };
}
