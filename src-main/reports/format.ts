import { formatDate, formatMoney, formatNumber, formatPercent } from '../../src-shared/format';
import type { ChartLabels } from '../../src-shared/charts/chart-labels';
import type { ReportLanguage } from '../../src-shared/reports/schemas';
import { fill, TEXTS, type ReportTexts } from './texts';

// How a report writes numbers, money, dates and changes in its language (the app's own formatters,
// so that a figure reads the same on paper as on screen).

export interface Fmt {
  lang: ReportLanguage;
  t: ReportTexts;
  locale: string;
  money(cents: number | null | undefined, currency: string, digits?: number): string;
  num(v: number | null | undefined, digits?: number): string;
  /** 12.5 → "12.5%" / "12,5 %". */
  pct(v: number | null | undefined, digits?: number): string;
  date(iso: string | null | undefined): string;
  /** "2026-03" → "Mar 2026" / "mars 2026". */
  month(yyyyMm: string): string;
  /** A value with its unit: "4.2 days". */
  value(v: number | null | undefined, unit: string): string;
  /** "▲ 12%" / "▼ 3%" / "= " — the arrow of a change. */
  arrow(changePct: number | null, previous: number): string;
  fill: typeof fill;
}

export function makeFmt(lang: ReportLanguage): Fmt {
  const t = TEXTS[lang];
  const locale = t.locale;
  const monthFmt = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const f: Fmt = {
    lang,
    t,
    locale,
    money: (cents, currency, digits = 0) => formatMoney(cents, currency, locale, digits),
    num: (v, digits = 2) => formatNumber(v, locale, digits),
    pct: (v, digits = 1) => formatPercent(v, locale, digits),
    date: (iso) => formatDate(iso, locale),
    month: (m) => monthFmt.format(new Date(`${m}-01T00:00:00Z`)),
    value: (v, unit) => (v === null || v === undefined ? '—' : `${formatNumber(v, locale, 2)}${unit ? `\u00a0${unit}` : ''}`),
    arrow: (changePct, previous) => {
      if (changePct === null) return previous === 0 ? '' : t.headline.noChange;
      if (Math.abs(changePct) < 0.05) return `= ${t.headline.noChange}`;
      return `${changePct > 0 ? '▲' : '▼'} ${formatPercent(Math.abs(changePct), locale, 0)}`;
    },
    fill,
  };
  return f;
}

/** The shared option builders' words and formats, in the report's language. */
export function chartLabels(f: Fmt, currency: string): ChartLabels {
  const c = f.t.charts;
  return {
    gapType: (code) => f.t.gapType[code] ?? code,
    interventionKind: (code) => f.t.interventionKind[code] ?? code,
    interventionStatus: (code) => f.t.interventionStatus[code] ?? code,
    severity: (n) => fill(c.severity, { n }),
    money: (cents) => f.money(cents, currency),
    month: f.month,
    words: {
      opened: c.opened,
      closed: c.closed,
      hard: c.hard,
      soft: c.soft,
      cost: c.cost,
      openGapCost: f.t.headline.openGapCost,
      costRemoved: f.t.headline.costRemoved,
      benefit: c.benefit,
      gapsClosed: c.gapsClosed,
      medianEffect: c.medianEffect,
      notMeasured: c.notMeasured,
    },
  };
}
