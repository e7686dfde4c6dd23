import type { RoiHeadline } from '../../../src-shared/dashboard/schemas';
import type { Fmt } from '../format';
import type { Kpi } from './headline';

// The ROI tiles of the headline, per currency: hard ROI (change in points), soft benefit apart, and the
// cash released apart from both (working capital, balance sheet) when there is some — as the dashboard.

export function roiKpis(f: Fmt, rois: RoiHeadline[]): Kpi[] {
  const t = f.t.headline;
  return rois.flatMap((r) => {
    const pts = r.hardRoiPct.changePoints;
    const soft = r.softBenefitCents;
    return [
      {
        label: rois.length > 1 ? `${t.hardRoi} (${r.currency})` : t.hardRoi,
        value: r.costCents.current === 0 ? f.t.roi.noCost : f.pct(r.hardRoiPct.current, 0),
        change: pts === null ? '' : Math.abs(pts) < 0.05 ? `= ${t.noChange}` : `${pts > 0 ? '▲' : '▼'} ${f.num(Math.abs(pts), 0)} pts`,
        tone: pts === null || Math.abs(pts) < 0.05 ? '' : pts > 0 ? 'good' : 'bad',
      },
      {
        label: t.softBenefit,
        value: f.money(soft.current, soft.currency),
        change: f.arrow(soft.changePct, soft.previous),
        tone: soft.changePct === null || Math.abs(soft.changePct) < 0.05 ? '' : soft.changePct > 0 ? 'good' : 'bad',
      },
      ...(r.cashReleasedCents.current || r.cashReleasedCents.previous
        ? [{ label: t.cashReleased, value: f.money(r.cashReleasedCents.current, r.currency), change: f.arrow(r.cashReleasedCents.changePct, r.cashReleasedCents.previous), tone: '' as const }]
        : []),
    ] satisfies Kpi[];
  });
}
