import type { ImpactResult } from '../../../../src-shared/impact/schemas';
import type { Fmt } from '../../format';
import { esc } from '../escape';

// The impact of one intervention on an indicator, as the core computed it (impact.compute): the
// verdict, the change with its 95% interval, the points on each side and how it was computed.
// Its own file: the impact's method is being reworked, and only this needs to follow.

export function impactHtml(f: Fmt, title: string, r: ImpactResult, unit: string): string {
  const t = f.t.indicator;
  if (r.status !== 'ok') {
    return `<div class="impact"><h3>${esc(f.fill(t.impact, { title }))}</h3><p class="muted">${esc(
      f.fill(t.notEnough, { before: r.have.before, after: r.have.after, needed: r.needed }),
    )}</p></div>`;
  }
  const signed = (v: number) => `${v > 0 ? '+' : ''}${f.value(v, unit)}`;
  const pct = r.changePct === null ? '' : ` (${r.changePct > 0 ? '+' : ''}${f.pct(r.changePct, 1)})`;
  return `<div class="impact" data-impact="${esc(r.interventionId)}"><h3>${esc(f.fill(t.impact, { title }))} — ${esc(f.t.verdict[r.verdict])}</h3>
  <div class="facts">
    <div><span>${esc(t.change)}</span><b>${esc(signed(r.change))}${esc(pct)}</b></div>
    <div><span>${esc(t.interval)}</span><b>${esc(signed(r.interval.low))} … ${esc(signed(r.interval.high))}</b></div>
    <div><span>${esc(t.before)} → ${esc(t.after)}</span><b>${esc(f.value(r.before.mean, unit))} → ${esc(f.value(r.after.mean, unit))}</b></div>
  </div>
  <p class="small muted">${esc(t.method)}: ${esc(impactMethod(f, r))}</p></div>`;
}

/** One line on how the impact was computed, with its points and uncertainty (reused by the appendix). */
export function impactMethod(f: Fmt, r: Extract<ImpactResult, { status: 'ok' }>): string {
  return `Welch t, ${f.pct(95, 0)} · ${f.fill(f.t.indicator.points, { n: r.before.n })} ${f.t.indicator.before.toLowerCase()} (${f.date(r.before.from)} – ${f.date(r.before.to)}), ${f.fill(f.t.indicator.points, { n: r.after.n })} ${f.t.indicator.after.toLowerCase()} (${f.date(r.after.from)} – ${f.date(r.after.to)}) · df ${f.num(r.interval.df, 1)}`;
}
