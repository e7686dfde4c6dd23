import type { IndicatorPage, SectionOf } from '../../../../src-shared/reports/model';
import { indicatorTrendChart } from '../../charts/report-charts';
import { titleOf, type HtmlContext } from '../context';
import { esc } from '../escape';
import { impactHtml } from './impact';
import { ragBadge, ragFacts } from './rag';

// One page per indicator: the trend (baseline, target, tolerance band, intervention starts, XmR limits),
// the status on the period's end, the XmR limits and signals, and each linked intervention's impact.

function xmrHtml(ctx: HtmlContext, p: IndicatorPage): string {
  const { f } = ctx;
  const t = f.t.indicator;
  const x = p.xmr;
  if (!x) return '';
  if (x.status !== 'ok') return `<p class="small muted">${esc(f.fill(t.xmrNot, { have: x.have, needed: x.needed }))}</p>`;
  const u = p.indicator.unit;
  const signals = x.signals.length
    ? x.signals.map((s) => `${esc(f.t.xmrRule[s.rule])} (${esc(f.t.effect[s.effect])}): ${esc(s.periods.map((d) => f.date(d)).join(', '))}`).join('<br>')
    : esc(t.noSignals);
  // By phase (Wheeler): each phase with its own limits, and the shift as the difference of centre lines.
  const phases = x.phases.length > 1
    ? `<p class="small"><b>${esc(t.phases)}:</b> ${x.phases.map((ph) => esc(`${ph.number + 1}. ${f.fill(t.phase, { from: f.date(ph.from.period), centre: f.value(ph.limits.centre, u), lnpl: f.num(ph.limits.lnpl), unpl: f.num(ph.limits.unpl), n: ph.n })}`)).join('<br>')}</p>`
    : '';
  const e = x.effect;
  const shift = e ? `<div><span>${esc(t.phaseEffect)}</span><b>${esc(`${e.difference > 0 ? '+' : ''}${f.value(e.difference, u)}`)}${e.effect === 'none' ? '' : ` (${esc(f.t.effect[e.effect])})`}</b></div>` : '';
  const ranges = x.rangesAboveLimit.length
    ? `<p class="small"><b>${esc(t.ranges)}:</b> ${esc(x.rangesAboveLimit.map((r) => f.date(r.period)).join(', '))}</p>`
    : '';
  return `<h3>${esc(t.xmr)}</h3><div class="facts">
    <div><span>X̄</span><b>${esc(f.value(x.limits.centre, u))}</b></div>
    <div><span>LNPL … UNPL</span><b>${esc(f.num(x.limits.lnpl))} … ${esc(f.num(x.limits.unpl))}</b></div>
    <div><span>n</span><b>${x.limits.n} (${esc(f.date(x.limits.from))} – ${esc(f.date(x.limits.to))})</b></div>
    ${shift}
  </div>${phases}<p class="small"><b>${esc(t.signals)}:</b> ${signals}</p>${ranges}`;
}

function pageHtml(ctx: HtmlContext, p: IndicatorPage): string {
  const { f } = ctx;
  const t = f.t.indicator;
  const i = p.indicator;
  const meta = [p.departmentName, p.processName, f.t.direction[i.direction], f.t.frequency[i.frequency]].filter(Boolean).join(' · ');
  const trend = p.measurements.length ? ctx.chart(indicatorTrendChart(f, p), false) : `<p class="muted">${esc(t.noData)}</p>`;
  const impacts = p.impacts.length
    ? p.impacts.map((im) => impactHtml(f, im.interventionTitle, im.result, i.unit)).join('')
    : `<p class="small muted">${esc(t.noImpact)}</p>`;
  return `<div class="indicator-page" data-indicator="${esc(i.id)}"><h2>${esc(i.name)} ${ragBadge(f, p.status.status)}</h2>
  <p class="small muted">${esc(meta)}${i.reference ? ` · ${esc(i.reference)}` : ''}</p>
  ${trend}
  <h3>${esc(f.fill(t.status, { date: f.date(ctx.model.meta.to) }))}</h3><div class="facts">${ragFacts(f, p.status, i.unit)}
    <div><span>${esc(f.t.col.baseline)}</span><b>${esc(f.value(i.baselineValue, i.unit))}</b></div></div>
  <p class="small muted">${esc(p.status.method.text[f.lang].join(' '))}</p>
  ${xmrHtml(ctx, p)}
  ${impacts}
</div>`;
}

export function indicatorsHtml(ctx: HtmlContext, s: SectionOf<'indicators'>): string {
  return `<section class="section" data-section="indicators"><h1>${esc(titleOf(ctx.f, s))}</h1>${s.pages.map((p) => pageHtml(ctx, p)).join('')}</section>`;
}
