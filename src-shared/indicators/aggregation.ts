import type { IndicatorAggregation } from '../domain';

// The aggregation an indicator gets when none is chosen, from its unit (free text): a rate, a score
// or a duration is averaged over a period (a month of daily "%" is their mean); money and counted
// things ("EUR", "invoices") add up. Migration 0011 applies the same rule to existing indicators:
// keep the two in step.

const MEAN_UNITS = new Set([
  '', '%', 'percent', 'pct', 'ratio', 'rate', 'score', 'points', 'pts', 'index', 'nps',
  'days', 'day', 'd', 'hours', 'hour', 'h', 'minutes', 'min', 'seconds', 's', 'weeks', 'months', 'years',
  'jours', 'jour', 'j', 'heures', 'heure', 'semaines', 'mois', 'ans', 'années', 'taux',
]);

export function aggregationForUnit(unit: string): IndicatorAggregation {
  const u = unit.trim().toLocaleLowerCase('en');
  if (MEAN_UNITS.has(u) || u.endsWith('%') || u.startsWith('% ') || u.includes(' per ') || u.includes('/')) return 'mean';
  return 'sum';
}
