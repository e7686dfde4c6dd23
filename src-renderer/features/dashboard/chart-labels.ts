import type { TFunction } from 'i18next';
import type { ChartLabels } from '@shared/charts/chart-labels';
import { formatMoney } from '@shared/format';

/** The shared option builders' words and formats, in the app's language. */
export function appChartLabels(t: TFunction, tc: TFunction, locale: string, currency: string): ChartLabels {
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  return {
    gapType: (c) => tc(`gapType.${c}`, { defaultValue: c }),
    interventionKind: (c) => tc(`interventionKind.${c}`, { defaultValue: c }),
    interventionStatus: (c) => tc(`interventionStatus.${c}`, { defaultValue: c }),
    severity: (n) => t('charts.severity', { n }),
    money: (cents) => formatMoney(cents, currency, locale, 0),
    month: (m) => month.format(new Date(`${m}-01T00:00:00Z`)),
    words: {
      opened: t('charts.opened'),
      closed: t('charts.closed'),
      hard: t('charts.hard'),
      soft: t('charts.soft'),
      cost: t('charts.cost'),
      openGapCost: t('headline.openGapCost'),
      costRemoved: t('headline.costRemoved'),
      benefit: t('charts.benefit'),
      gapsClosed: t('charts.gapsClosed'),
      medianEffect: t('charts.medianEffect'),
      notMeasured: t('charts.notMeasured'),
    },
  };
}
