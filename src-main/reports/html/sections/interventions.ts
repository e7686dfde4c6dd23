import type { SectionOf } from '../../../../src-shared/reports/model';
import { interventionMixChart } from '../../charts/report-charts';
import { table, titleOf, type HtmlContext } from '../context';
import { esc } from '../escape';

// The interventions: status, costs and the gaps each one is linked to.

export function interventionsHtml(ctx: HtmlContext, s: SectionOf<'interventions'>): string {
  const { f } = ctx;
  const c = f.t.col;
  const rows = s.rows.map(({ intervention: i, linkedGaps, departmentName }) => [
    `<span class="title">${esc(i.title)}</span><br><span class="small muted">${esc(f.t.interventionKind[i.kind] ?? i.kind)}${i.platform ? ` · ${esc(i.platform)}` : ''}${ctx.model.meta.departments.length > 1 ? ` · ${esc(departmentName)}` : ''}</span>`,
    esc(f.t.interventionStatus[i.status] ?? i.status),
    `${esc(f.date(i.startDate))}${i.endDate ? ` – ${esc(f.date(i.endDate))}` : ''}`,
    esc(f.money(i.oneOffCostCents, i.currency)),
    esc(f.money(i.recurringCostCents, i.currency)),
    linkedGaps.length ? linkedGaps.map((g) => `${esc(g.title)} <span class="small muted">(${esc(f.t.gapStatus[g.status] ?? g.status)})</span>`).join('<br>') : '—',
  ]);
  const body = s.rows.length
    ? table([c.intervention, c.status, `${c.start} – ${c.end}`, c.oneOff, c.recurring, c.linkedGaps], rows, [3, 4])
    : `<p class="muted">${esc(f.t.interventions.none)}</p>`;
  return `<section class="section" data-section="interventions"><h1>${esc(titleOf(f, s))}</h1>
  ${s.rows.length > 1 ? ctx.chart(interventionMixChart(f, s.mix)) : ''}${body}</section>`;
}
