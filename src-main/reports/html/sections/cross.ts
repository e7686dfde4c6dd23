import type { SectionOf } from '../../../../src-shared/reports/model';
import { departmentsChart, playbookChart } from '../../charts/report-charts';
import { table, titleOf, type HtmlContext } from '../context';
import { esc } from '../escape';

// Across departments: the departments side by side (chart and figures), and the playbook.

export function crossHtml(ctx: HtmlContext, s: SectionOf<'cross_department'>): string {
  const { f } = ctx;
  const c = f.t.col;
  const h = f.t.headline;
  const rows = s.departments.map((d) => [
    `<span class="title">${esc(d.name)}</span> <span class="muted small">${esc(d.code)}</span>`,
    f.num(d.openGaps, 0),
    esc(f.money(d.openGapCostCents, d.currency)),
    f.num(d.loopsClosed, 0),
    esc(f.money(d.costRemovedCents, d.currency)),
    `${d.indicatorsGreen} / ${d.indicatorsAmber} / ${d.indicatorsRed}`,
    f.num(d.interventionsRunning, 0),
    esc(f.money(d.hardBenefitCents, d.currency)),
    esc(f.money(d.softBenefitCents, d.currency)),
  ]);
  return `<section class="section" data-section="cross_department"><h1>${esc(titleOf(f, s))}</h1>
  ${ctx.chart(departmentsChart(f, s.departments))}
  <h2>${esc(f.t.cross.table)}</h2>
  ${table([c.department, h.openGaps, h.openGapCost, h.loopsClosed, h.costRemoved, `${h.onTarget} / ${h.nearTarget} / ${h.offTarget}`, h.interventionsRunning, h.hardBenefit, h.softBenefit], rows, [1, 2, 3, 4, 5, 6, 7, 8])}
  ${s.playbook.length ? ctx.chart(playbookChart(f, s.playbook)) : `<h2>${esc(f.t.charts.playbook)}</h2><p class="muted">${esc(f.t.cross.none)}</p>`}
</section>`;
}
