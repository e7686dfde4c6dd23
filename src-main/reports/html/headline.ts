import type { DashboardHeadline, Figure, MoneyFigure } from '../../../src-shared/dashboard/schemas';
import type { Fmt } from '../format';
import { esc } from './escape';
import { roiKpis } from './roi-headline';

// The headline figures with their change against the previous period (arrow and %), as tiles.

export interface Kpi {
  label: string;
  value: string;
  change: string;
  /** Whether the change is good news: more loops closed is, more open gaps is not. */
  tone: 'good' | 'bad' | '';
}

export const toneOf = (changePct: number | null, higherIsBetter: boolean): Kpi['tone'] =>
  changePct === null || Math.abs(changePct) < 0.05 ? '' : changePct > 0 === higherIsBetter ? 'good' : 'bad';

const count = (f: Fmt, label: string, fig: Figure, higherIsBetter: boolean): Kpi => ({
  label,
  value: f.num(fig.current, 0),
  change: f.arrow(fig.changePct, fig.previous),
  tone: toneOf(fig.changePct, higherIsBetter),
});

const money = (f: Fmt, label: string, figs: MoneyFigure[], higherIsBetter: boolean): Kpi[] =>
  (figs.length ? figs : [{ currency: 'EUR', current: 0, previous: 0, changePct: null }]).map((m) => ({
    label,
    value: f.money(m.current, m.currency),
    change: f.arrow(m.changePct, m.previous),
    tone: toneOf(m.changePct, higherIsBetter),
  }));

export function headlineKpis(f: Fmt, h: DashboardHeadline): Kpi[] {
  const t = f.t.headline;
  return [
    count(f, t.openGaps, h.openGaps, false),
    ...money(f, t.openGapCost, h.openGapCost, false),
    count(f, t.loopsClosed, h.loopsClosed, true),
    ...money(f, t.costRemoved, h.costRemoved, true),
    count(f, t.onTarget, h.indicators.green, true),
    count(f, t.nearTarget, h.indicators.amber, false),
    count(f, t.offTarget, h.indicators.red, false),
    count(f, t.interventionsRunning, h.interventionsRunning, true),
    ...roiKpis(f, h.roi),
  ];
}

export function kpiTiles(f: Fmt, h: DashboardHeadline): string {
  const tiles = headlineKpis(f, h)
    .map((k) => `<div class="kpi"><div class="label">${esc(k.label)}</div><div class="value">${esc(k.value)}</div><div class="change ${k.tone}">${esc(k.change)}</div></div>`)
    .join('');
  const note = h.uncostedOpenGaps ? `<p class="small muted">${esc(f.fill(f.t.headline.uncosted, { n: h.uncostedOpenGaps }))}</p>` : '';
  return `<div class="kpis">${tiles}</div>${note}`;
}
