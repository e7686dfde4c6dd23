import type { RoiFigures } from '../../../src-shared/roi/schemas';
import type { SectionOf } from '../../../src-shared/reports/model';
import type { Fmt } from '../format';
import type { Table } from '../tables/table';

// The ROI sheet: one line per intervention and one total per department and currency, hard and soft
// apart. Its own file: the ROI's figures are being reworked, and only this needs to follow.

interface RoiLine {
  department: string;
  title: string;
  total: boolean;
  r: RoiFigures;
}

export function roiTable(f: Fmt, s: SectionOf<'roi'>): Table<RoiLine> {
  const c = f.t.col;
  const rows: RoiLine[] = [];
  for (const d of s.departments) {
    for (const i of d.interventions) if (!s.focus || i.interventionId === s.focus.interventionId) rows.push({ department: d.departmentName, title: i.title, total: false, r: i });
    if (!s.focus) for (const t of d.totals) rows.push({ department: d.departmentName, title: f.t.roi.total, total: true, r: t });
  }
  return {
    name: f.t.list.roi,
    rows,
    columns: [
      { header: c.department, type: 'text', width: 18, value: (l) => l.department },
      { header: c.intervention, type: 'text', width: 44, value: (l) => l.title },
      { header: c.hard, type: 'money', width: 16, currency: (l) => l.r.currency, value: (l) => l.r.benefit.hardCents },
      { header: c.soft, type: 'money', width: 16, currency: (l) => l.r.currency, value: (l) => l.r.benefit.softCents },
      { header: c.cost, type: 'money', width: 16, currency: (l) => l.r.currency, value: (l) => l.r.costCents },
      { header: c.roiHard, type: 'percent', width: 12, value: (l) => l.r.roiPct.hard },
      { header: c.roiTotal, type: 'percent', width: 12, value: (l) => l.r.roiPct.total },
      { header: c.payback, type: 'integer', width: 14, value: (l) => l.r.paybackMonths.hard },
    ],
  };
}
