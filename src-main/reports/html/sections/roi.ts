import type { RoiFigures } from '../../../../src-shared/roi/schemas';
import type { SectionOf } from '../../../../src-shared/reports/model';
import type { Fmt } from '../../format';
import { table, titleOf, type HtmlContext } from '../context';
import { esc } from '../escape';

// ROI per intervention and department total, hard and soft apart (roi.department, roi.intervention).
// Its own file: the ROI's figures are being reworked, and only this needs to follow.

const months = (f: Fmt, n: number | null) => (n === null ? '—' : f.fill(f.t.col.months, { n }));

function figureCells(f: Fmt, r: RoiFigures): string[] {
  return [
    esc(f.money(r.benefit.hardCents, r.currency)),
    esc(f.money(r.benefit.softCents, r.currency)),
    esc(f.money(r.costCents, r.currency)),
    esc(f.pct(r.roiPct.hard, 0)),
    esc(f.pct(r.roiPct.total, 0)),
    esc(months(f, r.paybackMonths.hard)),
  ];
}

export function roiHtml(ctx: HtmlContext, s: SectionOf<'roi'>): string {
  const { f } = ctx;
  const c = f.t.col;
  const head = [c.intervention, c.hard, c.soft, c.cost, c.roiHard, c.roiTotal, c.payback];
  const parts = s.departments.map((d) => {
    const rows = d.interventions
      .filter((i) => !s.focus || i.interventionId === s.focus.interventionId)
      .map((i) => [`<span class="title">${esc(i.title)}</span>`, ...figureCells(f, i)]);
    if (!s.focus) for (const t of d.totals) rows.push([`<b>${esc(f.t.roi.total)}${d.totals.length > 1 ? ` (${esc(t.currency)})` : ''}</b>`, ...figureCells(f, t).map((x) => `<b>${x}</b>`)]);
    const skipped = d.skipped.length && !s.focus ? `<p class="small muted">${esc(f.fill(f.t.roi.skipped, { titles: d.skipped.map((x) => x.title).join(', ') }))}</p>` : '';
    return `${s.departments.length > 1 ? `<h2>${esc(d.departmentName)}</h2>` : ''}${rows.length ? table(head, rows, [1, 2, 3, 4, 5, 6]) : `<p class="muted">${esc(f.t.roi.none)}</p>`}${skipped}`;
  });
  let focus = '';
  if (s.focus) {
    const r = s.focus;
    focus = `<h2>${esc(f.t.roi.caseStudy)}</h2>${table(
      [f.t.roi.month, c.hard, c.soft, c.cost, f.t.roi.cumulative, f.t.roi.cumulativeCost],
      r.months.map((m) => [esc(f.month(m.month)), ...[m.benefitHardCents, m.benefitSoftCents, m.costCents, m.cumulativeBenefitCents, m.cumulativeCostCents].map((v) => esc(f.money(v, r.currency)))]),
      [1, 2, 3, 4, 5],
    )}<ul class="small">${r.models.map((m) => `<li>${esc(m.label ?? m.kind)} (${esc(m.classification === 'hard' ? c.hard : c.soft)}): ${esc(m.formula)}</li>`).join('')}</ul>`;
  }
  return `<section class="section" data-section="roi"><h1>${esc(titleOf(f, s))}</h1>${parts.join('')}${focus}</section>`;
}
