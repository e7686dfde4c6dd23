import ExcelJS from 'exceljs';
import type { ReportModel, SectionOf } from '../../../src-shared/reports/model';
import type { SectionKind } from '../../../src-shared/reports/schemas';
import { makeFmt, type Fmt } from '../format';
import { headlineKpis } from '../html/headline';
import { gapColumns, indicatorColumns, interventionColumns, measurementColumns, type MeasurementLine } from '../tables/columns';
import type { AnyTable, Table } from '../tables/table';
import { addSheet } from './sheet';
import { roiTable } from './roi-table';

// The report as a workbook: one sheet per table — headline figures, gaps, interventions, indicators
// with their latest values, the measurements of the period, ROI — from the same model as the PDF.

const sectionOf = <K extends SectionKind>(m: ReportModel, kind: K) => m.sections.find((s) => s.kind === kind) as SectionOf<K> | undefined;

function summaryTable(f: Fmt, m: ReportModel): Table<{ label: string; value: string; change: string }> | null {
  const s = sectionOf(m, 'executive_summary');
  if (!s) return null;
  return {
    name: f.t.section.executive_summary,
    rows: headlineKpis(f, s.headline),
    columns: [
      { header: f.t.col.title, type: 'text', width: 36, value: (k) => k.label },
      { header: f.t.col.value, type: 'text', width: 20, value: (k) => k.value },
      { header: f.t.headline.vsPrevious, type: 'text', width: 28, value: (k) => k.change },
    ],
  };
}

export function reportTables(model: ReportModel): AnyTable[] {
  const f = makeFmt(model.meta.language);
  const tables: (AnyTable | null)[] = [summaryTable(f, model)];
  const register = sectionOf(model, 'gap_register');
  const summary = sectionOf(model, 'executive_summary');
  const gaps = register?.gaps ?? summary?.topGaps;
  if (gaps) tables.push({ name: f.t.list.gaps, columns: gapColumns(f), rows: gaps });
  const itv = sectionOf(model, 'interventions');
  if (itv) {
    tables.push({
      name: f.t.list.interventions,
      columns: interventionColumns(f),
      rows: itv.rows.map((r) => ({ intervention: r.intervention, departmentName: r.departmentName, linkedGaps: r.linkedGaps.map((g) => g.title).join('; ') })),
    });
  }
  const ind = sectionOf(model, 'indicators');
  if (ind) {
    tables.push({ name: f.t.list.indicators, columns: indicatorColumns(f), rows: ind.pages.map((p) => ({ indicator: p.indicator, status: p.status, departmentName: p.departmentName })) });
    const rows: MeasurementLine[] = ind.pages.flatMap((p) =>
      p.measurements.filter((x) => x.period >= model.meta.from && x.period <= model.meta.to).map((x) => ({ indicator: p.indicator.name, unit: p.indicator.unit, period: x.period, value: x.value, note: null })),
    );
    tables.push({ name: f.t.list.measurements, columns: measurementColumns(f, true), rows });
  }
  const roi = sectionOf(model, 'roi');
  if (roi) tables.push(roiTable(f, roi));
  return tables.filter((t): t is AnyTable => t !== null);
}

export async function tablesToXlsx(tables: AnyTable[], meta: { title: string; company?: string | null }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Boucle';
  wb.title = meta.title;
  if (meta.company) wb.company = meta.company;
  wb.created = new Date();
  const used = new Set<string>();
  for (const t of tables) {
    let name = t.name.slice(0, 31);
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${t.name.slice(0, 27)} (${n})`;
    used.add(name.toLowerCase());
    addSheet(wb, { ...t, name });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const reportToXlsx = (model: ReportModel) => tablesToXlsx(reportTables(model), { title: model.meta.title, company: model.meta.companyName });
