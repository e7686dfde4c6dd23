import type { Page } from '../../src-shared/common';
import type { ListExport, ListExportResult } from '../../src-shared/reports/list-export';
import type { Workspace } from '../db/workspace';
import { getDto } from '../db/read';
import { listGaps, listPriorities } from '../services/gaps/register';
import { listInterventions } from '../services/interventions/intervention-service';
import { listIndicators } from '../services/indicators/indicator-service';
import { indicatorStatusList } from '../services/indicators/rag';
import { measurementGrid } from '../services/indicators/grid';
import type { Indicator } from '../../src-shared/indicators/schemas';
import { makeFmt } from './format';
import { gapColumns, gridLines, indicatorColumns, interventionColumns, measurementColumns, priorityColumns } from './tables/columns';
import type { AnyTable } from './tables/table';
import { tableToCsv } from './tables/csv';
import { tablesToXlsx } from './xlsx/report-workbook';
import { fileBase, writeOutput } from './output';

// reports.exportList: what a list screen shows, with its filters and sort, read through the very
// service call the list makes (page after page), written as CSV or XLSX with the list's columns.

const PAGE = 1000;

function all<T>(read: (limit: number, offset: number) => Page<T>): T[] {
  const out: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const p = read(PAGE, offset);
    out.push(...p.items);
    if (offset + PAGE >= p.total || p.items.length === 0) return out;
  }
}

const departmentNames = (ws: Workspace) =>
  new Map((ws.db.prepare(`SELECT id, name FROM departments`).all() as { id: string; name: string }[]).map((d) => [d.id, d.name]));

function tableOf(ws: Workspace, q: ListExport): AnyTable {
  const f = makeFmt(q.language);
  const name = f.t.list[q.list];
  switch (q.list) {
    case 'gaps':
      return { name, columns: gapColumns(f), rows: all((limit, offset) => listGaps(ws, { ...q.filters, limit, offset })) };
    case 'priorities':
      return { name, columns: priorityColumns(f), rows: all((limit, offset) => listPriorities(ws, { ...q.filters, limit, offset })) };
    case 'interventions': {
      const deps = departmentNames(ws);
      const rows = all((limit, offset) => listInterventions(ws, { ...q.filters, limit, offset }));
      return { name, columns: interventionColumns(f).filter((c) => c.header !== f.t.col.linkedGaps), rows: rows.map((intervention) => ({ intervention, departmentName: deps.get(intervention.departmentId) })) };
    }
    case 'indicators': {
      const deps = departmentNames(ws);
      const items = all((limit, offset) => listIndicators(ws, { ...q.filters, limit, offset }));
      const statuses = indicatorStatusList(ws, { indicatorIds: items.map((i) => i.id) });
      return { name, columns: indicatorColumns(f), rows: items.map((indicator, i) => ({ indicator, status: statuses[i]!, departmentName: deps.get(indicator.departmentId) })) };
    }
    case 'measurements': {
      const indicator = getDto<Indicator>(ws.db, 'indicators', q.filters.indicatorId);
      const grid = measurementGrid(ws, q.filters);
      return { name: `${name} ${indicator.name}`.slice(0, 31), columns: measurementColumns(f, false), rows: gridLines(indicator, grid.rows) };
    }
  }
}

export async function exportList(ws: Workspace, q: ListExport): Promise<ListExportResult> {
  const table = tableOf(ws, q);
  const today = new Date().toISOString().slice(0, 10);
  const fileName = `${fileBase(table.name)}-${today}.${q.format}`;
  const bytes = q.format === 'csv' ? tableToCsv(table, q.language) : await tablesToXlsx([table], { title: table.name });
  const file = writeOutput(bytes, fileName, { force: false });
  return { ...file, rows: table.rows.length };
}
