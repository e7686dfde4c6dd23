import { formatDate } from '../format';
import type { IndicatorFrequency } from '../domain';

/** A period start as people name it for the indicator's frequency: "Mar 2025", "Q1 2025", "2025", or the date. */
export function periodLabel(period: string, frequency: IndicatorFrequency, locale: string): string {
  const d = new Date(`${period}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return period;
  switch (frequency) {
    case 'monthly':
      return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
    case 'quarterly':
      return `${locale.startsWith('fr') ? 'T' : 'Q'}${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`;
    case 'yearly':
      return String(d.getUTCFullYear());
    default:
      return formatDate(period, locale);
  }
}
