import type * as A from '../../../src-shared/impact/schemas';
import { periodLabel } from '../../../src-shared/indicators/period-label';
import { formatMessage, type KeyedMessage, type MessageLocale } from '../../../src-shared/messages';
import { sentence, type FigureMethod } from '../../../src-shared/messages/method';
import type { IndicatorRow } from '../indicators/series';
import type { InterventionFacts } from './impact';
import { describeImpact } from './method-text';

// "How is this computed?" for an impact: the engine's sentences (method-text.ts: method, window,
// effect, AR(1), trend before, placebo, Welch, verdict) with, after the window, what bounds it here —
// the ramp-up and where its length comes from, the end or the next intervention, a missing period —
// and the XmR phases' reading of the same change.

const LOCALE: Record<MessageLocale, string> = { en: 'en-GB', fr: 'fr-FR' };

/** Three significant digits, at most 6 decimals. */
function round3(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const d = Math.min(6, Math.max(0, 2 - Math.floor(Math.log10(Math.abs(x)))));
  return Number(x.toFixed(d));
}

function boundSentences(r: Omit<A.ImpactResult, 'method'>): KeyedMessage[] {
  const s: KeyedMessage[] = [];
  const months = r.rampUp.months;
  if (months > 0) s.push(sentence(r.rampUp.source === 'intervention' ? 'impact.method.ramp_up_own' : 'impact.method.ramp_up_kind', { months }));
  else s.push(sentence('impact.method.ramp_up_none', { source: r.rampUp.source }));
  const b = r.bounds;
  if (b.beforeFrom.by === 'previous_intervention' && b.beforeFrom.intervention) {
    s.push(sentence('impact.method.from_previous', { title: b.beforeFrom.intervention.title, date: b.beforeFrom.intervention.endDate! }));
  }
  if (b.beforeFrom.missing) s.push(sentence('impact.method.missing_before', { period: b.beforeFrom.missing }));
  if (b.afterTo.by === 'intervention_end' && r.endDate) s.push(sentence('impact.method.cut_end', { date: r.endDate }));
  if (b.afterTo.by === 'next_intervention' && b.afterTo.intervention) {
    s.push(sentence('impact.method.cut_next', { title: b.afterTo.intervention.title, date: b.afterTo.intervention.startDate }));
  }
  if (b.afterTo.missing) s.push(sentence('impact.method.missing_after', { period: b.afterTo.missing }));
  if (r.xmr) {
    const e = r.xmr.effect;
    s.push(
      e
        ? sentence('impact.method.xmr_shift', { before: round3(e.baselineCentre), after: round3(e.afterCentre), difference: round3(e.difference), unit: r.unit ? ` ${r.unit}` : '' })
        : sentence('impact.method.xmr_none'),
    );
  }
  return s;
}

function uncertainty(r: Omit<A.ImpactResult, 'method'>): KeyedMessage {
  const unit = r.unit ? ` ${r.unit}` : '';
  if (r.reasons.includes('not_separately_attributable')) return sentence('impact.method.uncertainty_overlap');
  const e = r.its?.effect;
  if (!e || !r.its?.model) return sentence('impact.method.uncertainty_none');
  const params = { estimate: round3(e.estimate), low: round3(e.low), high: round3(e.high), unit, lag: r.its.model.lag };
  const ar = r.its.ar1?.effect;
  return ar ? sentence('impact.method.uncertainty_ar1', { ...params, arLow: round3(ar.low), arHigh: round3(ar.high) }) : sentence('impact.method.uncertainty', params);
}

export function impactMethod(r: Omit<A.ImpactResult, 'method'>, itv: InterventionFacts, ind: IndicatorRow): FigureMethod {
  const keyed = boundSentences(r);
  const text = (l: MessageLocale) => keyed.map((k) => formatMessage(k.key, k.params, l));
  let en: string[];
  let fr: string[];
  if (r.its) {
    const words = describeImpact(r.its, {
      unit: ind.unit ? { en: ind.unit, fr: ind.unit } : undefined,
      formatPeriod: (p, lang) => periodLabel(p, ind.frequency, LOCALE[lang]),
    });
    // Method and window first, then what bounds them here, then the figures and the verdict.
    en = [...words.en.slice(0, 2), ...text('en'), ...words.en.slice(2)];
    fr = [...words.fr.slice(0, 2), ...text('fr'), ...words.fr.slice(2)];
  } else {
    const titles = r.overlapping.map((o) => `"${o.title}"`).join(', ');
    const verdict =
      r.overlapping.length > 0
        ? sentence('impact.method.overlap', { titles, start: itv.startDate })
        : sentence('impact.method.nothing_after', { start: itv.startDate });
    en = [...text('en'), formatMessage(verdict.key, verdict.params, 'en')];
    fr = [...text('fr'), formatMessage(verdict.key, verdict.params, 'fr')];
  }
  const u = uncertainty(r);
  const w = r.its?.window;
  return {
    window: w ? { from: w.beforeFrom.period, to: w.afterTo.period } : null,
    used: w ? { count: w.before + w.after, unit: 'points' } : null,
    uncertainty: { en: formatMessage(u.key, u.params, 'en'), fr: formatMessage(u.key, u.params, 'fr') },
    text: { en, fr },
  };
}
