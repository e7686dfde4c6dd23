import type { ClosedLoop, SectionOf } from '../../../../src-shared/reports/model';
import type { ClosureEvidence, Gap } from '../../../../src-shared/gaps/schemas';
import { benefitCostChart, gapCostChart, gapFlowChart } from '../../charts/report-charts';
import type { Fmt } from '../../format';
import { table, titleOf, type HtmlContext } from '../context';
import { esc } from '../escape';
import { kpiTiles } from '../headline';

// The executive summary: the headline figures with their change, the costliest open gaps, the loops
// closed in the period with the proof they were closed with, and three charts.

export function proofText(f: Fmt, e: ClosureEvidence | null, note: string | null): string {
  const p = f.t.proof;
  if (!e) return note ? f.fill(p.override, { note }) : '—';
  if (e.kind === 'indicator_target') {
    return f.fill(p.target, { indicator: e.indicatorName, value: f.value(e.latestValue, e.unit), target: f.value(e.targetValue, e.unit), period: f.date(e.latestPeriod) });
  }
  if (e.effect !== undefined && e.low !== undefined && e.high !== undefined) {
    // Closed on the Impact tab's measure (interrupted time series): the effect and its interval.
    const signed = (v: number) => `${v > 0 ? '+' : ''}${f.value(v, e.unit)}`;
    return f.fill(p.effect, { indicator: e.indicatorName, intervention: e.interventionTitle, effect: signed(e.effect), low: signed(e.low), high: signed(e.high) });
  }
  // A closing recorded before the interrupted time series kept the means.
  const delta = e.change ?? 0;
  const change = e.changePct === null ? f.value(delta, e.unit) : `${delta > 0 ? '+' : ''}${f.pct(e.changePct, 0)}`;
  return f.fill(p.improvement, { indicator: e.indicatorName, before: f.value(e.before.mean, e.unit), after: f.value(e.after.mean, e.unit), change, intervention: e.interventionTitle });
}

export const sevBadge = (n: number) => `<span class="sev sev-${n}">${n}</span>`;
export const costOf = (f: Fmt, g: Gap) => (g.monthlyCostCents === null ? '—' : esc(f.money(g.monthlyCostCents, g.currency)));

function loopsTable(f: Fmt, loops: ClosedLoop[]): string {
  if (!loops.length) return `<p class="muted">${esc(f.t.summary.noLoops)}</p>`;
  const c = f.t.col;
  return table(
    [c.title, c.closedOn, c.interventions, c.proof],
    loops.map((l) => [
      `<span class="title">${esc(l.gap.title)}</span><br><span class="small muted">${esc(l.gap.processName ?? '')}</span>`,
      esc(f.date(l.gap.closedOn)),
      esc(l.interventions.map((i) => i.title).join(', ') || '—'),
      `<span class="small">${esc(f.t.closure[l.gap.closureKind ?? ''] ?? '')}</span><br>${esc(proofText(f, l.evidence, l.gap.closureNote))}`,
    ]),
  );
}

export function summaryHtml(ctx: HtmlContext, s: SectionOf<'executive_summary'>): string {
  const { f } = ctx;
  const c = f.t.col;
  const top = s.topGaps.length
    ? table(
        [c.title, c.process, c.type, c.severity, c.monthlyCost],
        s.topGaps.map((g) => [`<span class="title">${esc(g.title)}</span>`, esc(g.processName ?? ''), esc(f.t.gapType[g.type] ?? g.type), sevBadge(g.severity), costOf(f, g)]),
        [3, 4],
      )
    : `<p class="muted">${esc(f.t.summary.noGaps)}</p>`;
  return `<section class="section" data-section="executive_summary"><h1>${esc(titleOf(f, s))}</h1>
  ${kpiTiles(f, s.headline)}
  ${ctx.chart(gapCostChart(f, s.charts.gapCost))}
  <h2>${esc(f.t.summary.topGaps)}</h2>${top}
  <h2>${esc(f.t.summary.loopsClosed)}</h2>${loopsTable(f, s.loopsClosed)}
  ${ctx.chart(gapFlowChart(f, s.charts.gapFlow))}
  ${ctx.chart(benefitCostChart(f, s.charts.benefitCost))}
</section>`;
}
