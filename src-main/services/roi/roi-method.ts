import { moneyParam, type KeyedMessage } from '../../../src-shared/messages';
import { keyedMethod, sentence, type FigureMethod } from '../../../src-shared/messages/method';
import type * as R from '../../../src-shared/roi/results';

// "How is this computed?" for ROI: the window, the months counted and the rules, sentence by sentence
// (keys of src-shared/messages). The reports print the same sentences in their methods appendix.

interface MethodInput {
  currency: string;
  from: string;
  to: string;
  months: R.RoiMonth[];
  figures: R.RoiFigures;
  /** For one intervention. */
  oneOffSpread?: R.OneOffSpread;
  lifetime?: R.RoiLifetime;
  fx?: { currency: string; rate: number } | null;
  derivedModels?: number;
  /** For a department. */
  interventions?: number;
  skipped?: number;
}

export function roiMethod(x: MethodInput): FigureMethod {
  const money = (c: number) => moneyParam(c, x.currency);
  const s: KeyedMessage[] = [];
  const incomplete = x.months.filter((m) => !m.complete).length;
  s.push(sentence('roi.method.window', { from: x.from, to: x.to, months: x.months.length }));
  if (incomplete > 0) s.push(sentence('roi.method.incomplete', { count: incomplete }));
  if (x.interventions !== undefined) s.push(sentence('roi.method.department', { count: x.interventions, currency: x.currency }));
  s.push(sentence('roi.method.headline'));
  s.push(sentence('roi.method.days'));
  s.push(sentence('roi.method.life'));
  const spread = x.oneOffSpread;
  if (spread && spread.totalCents > 0) {
    const params = { total: money(spread.totalCents), from: spread.from, to: spread.to, days: spread.days, inWindow: money(spread.inWindowCents) };
    s.push(sentence(spread.rule === 'intervention_life' ? 'roi.method.spread_life' : 'roi.method.spread_default', params));
  } else if (!spread) s.push(sentence('roi.method.spread_rule'));
  if (x.figures.cashReleasedCents > 0) s.push(sentence('roi.method.cash', { cash: money(x.figures.cashReleasedCents) }));
  if (x.lifetime) {
    s.push(
      x.lifetime.started
        ? sentence('roi.method.lifetime', { from: x.lifetime.from, to: x.lifetime.to })
        : sentence('roi.method.not_started', { from: x.lifetime.from }),
    );
  }
  if (x.fx) s.push(sentence('roi.method.fx', { currency: x.fx.currency, department: x.currency, rate: x.fx.rate }));
  if (x.skipped) s.push(sentence('roi.method.skipped', { count: x.skipped }));
  if (x.figures.noCost) s.push(sentence('roi.method.no_cost'));
  s.push(sentence('roi.method.rounding'));
  return keyedMethod({
    window: { from: x.from, to: x.to },
    used: { count: x.months.length, unit: 'months' },
    uncertainty: x.derivedModels ? sentence('roi.method.uncertainty_derived', { count: x.derivedModels }) : sentence('roi.method.uncertainty'),
    sentences: s,
  });
}
