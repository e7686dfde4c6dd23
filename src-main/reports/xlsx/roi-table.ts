import type { RoiFigures } from '../../../src-shared/roi/schemas';
import type { SectionOf } from '../../../src-shared/reports/model';
import type { Fmt } from '../format';
import type { Table } from '../tables/table';

// The ROI sheet: one line per intervention and one total per department (one currency each), hard and
// soft apart, the ROI with soft under that name, the cash released apart (balance sheet).

interface RoiLine {
  department: string;
  title: string;
  total: boolean;
  r: RoiFigures;
  /** Months to payback over the lifetime (hard); null for totals or when it has not paid back. */
  payback: number | null;
}

export function roiTable(f: Fmt, s: SectionOf<'roi'>): Table<RoiLine> {
  const c = f.t.col;
  const rows: RoiLine[] = [];
  for (const d of s.departments) {
    for (const i of d.interventions) if (!s.focus || i.interventionId === s.focus.interventionId) rows.push({ department: d.departmentName, title: i.title, total: false, r: i, payback: i.lifetime.paybackMonths.hard });
    if (!s.focus) rows.push({ department: d.departmentName, title: f.t.roi.total, total: true, r: d.total, payback: null });
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
      { header: c.roiTotal, type: 'percent', width: 12, value: (l) => l.r.roiPct.withSoft },
      { header: c.payback, type: 'integer', width: 14, value: (l) => l.payback },
      // Working capital (balance sheet), in no ROI: beside the figures, never added to them.
      { header: c.cash, type: 'money', width: 18, currency: (l) => l.r.currency, value: (l) => l.r.cashReleasedCents },
    ],
  };
}
