import type { IndicatorStatus } from '../../../../src-shared/indicators/status';
import type { Fmt } from '../../format';
import { esc } from '../escape';

// The RAG status of an indicator as the core gave it (indicators.status), as a badge and its facts.
// Its own file: the status rule is being reworked, and only this needs to follow.

export const ragBadge = (f: Fmt, s: IndicatorStatus['status']) => `<span class="badge rag-${s}">${esc(f.t.rag[s])}</span>`;

export function ragFacts(f: Fmt, s: IndicatorStatus, unit: string): string {
  const t = f.t.indicator;
  const delta = s.deltaToTarget === null ? '—' : `${s.deltaToTarget > 0 ? '+' : ''}${f.value(s.deltaToTarget, unit)}`;
  return `<div><span>${esc(t.latest)}</span><b>${esc(s.latest ? `${f.value(s.latest.value, unit)} (${f.date(s.latest.period)})` : '—')}</b></div>
    <div><span>${esc(f.t.col.target)}</span><b>${esc(f.value(s.targetValue, unit))}</b></div>
    <div><span>${esc(t.delta)}</span><b>${esc(delta)}</b></div>
    <div><span>${esc(t.band)}</span><b>${esc(s.band ? `${f.num(s.band.low)} … ${f.num(s.band.high)}` : '—')}</b></div>`;
}
