import type { IndicatorStatus } from '../../../../src-shared/indicators/status';
import type { Fmt } from '../../format';
import { esc } from '../escape';

// The RAG status of an indicator as the core gave it (indicators.status), as a badge and its facts:
// what it was judged on (the median of the last points, not the latest point alone), and a "watch"
// when the latest point alone would be worse.

export const ragBadge = (f: Fmt, s: IndicatorStatus['status']) => `<span class="badge rag-${s}">${esc(f.t.rag[s])}</span>`;

export function ragFacts(f: Fmt, s: IndicatorStatus, unit: string): string {
  const t = f.t.indicator;
  const delta = s.deltaToTarget === null ? '—' : `${s.deltaToTarget > 0 ? '+' : ''}${f.value(s.deltaToTarget, unit)}`;
  const j = s.judged;
  const judged = j ? f.fill(j.rule === 'median_current_phase' ? t.judgedPhase : t.judgedValue, { value: f.value(j.value, unit), n: j.points.length }) : '—';
  const watch = s.watch ? `<div><span>${esc(f.fill(t.watch, { status: f.t.rag[s.latestStatus] }))}</span><b>${ragBadge(f, s.latestStatus)}</b></div>` : '';
  return `<div><span>${esc(t.judged)}</span><b>${esc(judged)}</b></div>${watch}
    <div><span>${esc(t.latest)}</span><b>${esc(s.latest ? `${f.value(s.latest.value, unit)} (${f.date(s.latest.period)})` : '—')}</b></div>
    <div><span>${esc(f.t.col.target)}</span><b>${esc(f.value(s.targetValue, unit))}</b></div>
    <div><span>${esc(t.delta)}</span><b>${esc(delta)}</b></div>
    <div><span>${esc(t.band)}</span><b>${esc(s.band ? `${f.num(s.band.low)} … ${f.num(s.band.high)}` : '—')}</b></div>`;
}
