import type { RagStatus, IndicatorStatus } from '../../../src-shared/indicators/status';
import type { KeyedMessage } from '../../../src-shared/messages';
import { keyedMethod, sentence, type FigureMethod } from '../../../src-shared/messages/method';
import type { IndicatorRow } from './series';

// "How is this computed?" for a RAG status: the rule, the points, the band, the watch.

const r4 = (n: number) => Math.round(n * 10_000) / 10_000;

export function ragMethod(x: {
  ind: IndicatorRow;
  asOf: string;
  judged: IndicatorStatus['judged'];
  band: { low: number; high: number } | null;
  status: RagStatus;
  latestStatus: RagStatus;
  latest: { period: string; value: number } | null;
  watch: boolean;
  phaseStart: string | null;
}): FigureMethod {
  const unit = x.ind.unit ? ` ${x.ind.unit}` : '';
  const s: KeyedMessage[] = [];
  const j = x.judged;
  if (!j) {
    s.push(sentence('rag.method.no_data', { asOf: x.asOf }));
  } else {
    const params = { count: j.points.length, from: j.points[0]!.period, to: j.points.at(-1)!.period, median: r4(j.value), unit };
    s.push(j.rule === 'median_current_phase' ? sentence('rag.method.phase', { ...params, since: x.phaseStart! }) : sentence('rag.method.median', params));
  }
  if (x.ind.targetValue === null) s.push(sentence('rag.method.no_target'));
  else if (x.band) {
    const p = { target: r4(x.ind.targetValue), low: r4(x.band.low), high: r4(x.band.high), tolerance: r4(x.ind.tolerancePct), unit };
    s.push(sentence(x.ind.direction === 'higher' ? 'rag.method.band_higher' : 'rag.method.band_lower', p));
  }
  if (x.watch && x.latest) {
    s.push(sentence('rag.method.watch', { value: r4(x.latest.value), unit, period: x.latest.period, status: x.latestStatus, judged: x.status }));
  }
  return keyedMethod({
    window: j ? { from: j.points[0]!.period, to: j.points.at(-1)!.period } : null,
    used: j ? { count: j.points.length, unit: 'points', periods: j.points.map((p) => p.period) } : null,
    uncertainty: sentence('rag.method.uncertainty'),
    sentences: s,
  });
}
