import type { ImpactResult } from '../../../../src-shared/impact/schemas';
import { methodSentences } from '../../../../src-shared/messages/method';
import type { Fmt } from '../../format';
import { esc } from '../escape';

// The impact of one intervention on an indicator, as the core computed it (impact.compute, an
// interrupted time series): the verdict and, without a clear effect, why; the effect with its 95%
// interval and the points it rests on; how it was computed, in the core's own words (its method).

export function impactHtml(f: Fmt, title: string, r: ImpactResult, unit: string): string {
  const t = f.t.indicator;
  const words = r.method.text[f.lang];
  const verdict = words.at(-1) ?? '';
  const head = `<h3>${esc(f.fill(t.impact, { title }))} — ${esc(f.t.verdict[r.verdict])}</h3>`;
  if (!r.effect || !r.its) {
    return `<div class="impact" data-impact="${esc(r.interventionId)}">${head}<p class="muted">${esc(verdict)}</p></div>`;
  }
  const signed = (v: number) => `${v > 0 ? '+' : ''}${f.value(v, unit)}`;
  const pct = r.changePct === null ? '' : ` (${r.changePct > 0 ? '+' : ''}${f.pct(r.changePct, 1)})`;
  const w = r.its.window;
  return `<div class="impact" data-impact="${esc(r.interventionId)}">${head}
  <div class="facts">
    <div><span>${esc(t.change)}</span><b>${esc(signed(r.effect.estimate))}${esc(pct)}</b></div>
    <div><span>${esc(t.interval)}</span><b>${esc(signed(r.effect.low))} … ${esc(signed(r.effect.high))}</b></div>
    <div><span>${esc(t.before)} → ${esc(t.after)}</span><b>${esc(f.fill(t.points, { n: w.before }))} → ${esc(f.fill(t.points, { n: w.after }))}</b></div>
  </div>
  ${r.verdict === 'no_clear_effect' ? `<p class="small">${esc(verdict)}</p>` : ''}
  <p class="small muted">${esc(t.method)}: ${esc(impactMethod(f, r))}</p></div>`;
}

/** How the impact was computed, in the core's words: its uncertainty (the appendix has every sentence). */
export function impactMethod(f: Fmt, r: ImpactResult): string {
  return r.method.uncertainty?.[f.lang] ?? methodSentences(r.method, f.lang).join(' ');
}
