import type { Gap } from '../../../src-shared/gaps/schemas';
import type { GapPriority } from '../../../src-shared/gaps/priorities';
import type { Intervention } from '../../../src-shared/interventions/schemas';
import type { Indicator } from '../../../src-shared/indicators/schemas';
import type { IndicatorStatus } from '../../../src-shared/indicators/status';
import type { GridRow } from '../../../src-shared/indicators/grid';
import type { Fmt } from '../format';
import type { Column } from './table';

// The columns of each table Boucle writes to a spreadsheet: the same for a list's Export button and
// for a report's workbook, in the language asked for, each with its cell type.

export function gapColumns(f: Fmt): Column<Gap>[] {
  const c = f.t.col;
  return [
    { header: c.title, type: 'text', width: 48, value: (g) => g.title },
    { header: c.department, type: 'text', width: 18, value: (g) => g.departmentName ?? null },
    { header: c.process, type: 'text', width: 28, value: (g) => g.processName ?? null },
    { header: c.step, type: 'text', width: 24, value: (g) => g.stepName ?? null },
    { header: c.type, type: 'text', width: 22, value: (g) => f.t.gapType[g.type] ?? g.type },
    { header: c.severity, type: 'integer', width: 8, value: (g) => g.severity },
    { header: c.frequency, type: 'number', width: 11, value: (g) => g.frequencyPerMonth },
    { header: c.hours, type: 'number', width: 12, value: (g) => g.hoursLostPerOccurrence },
    { header: c.monthlyCost, type: 'money', width: 16, currency: (g) => g.currency, value: (g) => g.monthlyCostCents },
    { header: c.status, type: 'text', width: 14, value: (g) => f.t.gapStatus[g.status] ?? g.status },
    { header: c.owner, type: 'text', width: 20, value: (g) => g.owner },
    { header: c.foundOn, type: 'date', width: 12, value: (g) => g.foundOn },
    { header: c.closedOn, type: 'date', width: 12, value: (g) => g.closedOn },
    { header: c.interventions, type: 'integer', width: 13, value: (g) => g.interventionCount ?? 0 },
  ];
}

export function priorityColumns(f: Fmt): Column<GapPriority>[] {
  const c = f.t.col;
  return [
    { header: c.rank, type: 'integer', width: 7, value: (p) => p.rank },
    { header: c.title, type: 'text', width: 48, value: (p) => p.gap.title },
    { header: c.process, type: 'text', width: 28, value: (p) => p.gap.processName ?? null },
    { header: c.monthlyCost, type: 'money', width: 16, currency: (p) => p.gap.currency, value: (p) => p.monthlyCostCents },
    { header: c.severity, type: 'integer', width: 8, value: (p) => p.severity },
    { header: c.frequency, type: 'number', width: 11, value: (p) => p.frequencyPerMonth },
    { header: c.hours, type: 'number', width: 12, value: (p) => p.hoursLostPerOccurrence },
    { header: c.rate, type: 'money', width: 14, currency: (p) => p.gap.currency, value: (p) => p.loadedHourlyRateCents },
    { header: c.foundOn, type: 'date', width: 12, value: (p) => p.foundOn },
    { header: c.status, type: 'text', width: 14, value: (p) => f.t.gapStatus[p.gap.status] ?? p.gap.status },
  ];
}

export interface InterventionLine {
  intervention: Intervention;
  departmentName?: string;
  linkedGaps?: string;
}

export function interventionColumns(f: Fmt): Column<InterventionLine>[] {
  const c = f.t.col;
  const i = (l: InterventionLine) => l.intervention;
  return [
    { header: c.title, type: 'text', width: 44, value: (l) => i(l).title },
    { header: c.department, type: 'text', width: 18, value: (l) => l.departmentName ?? null },
    { header: c.kind, type: 'text', width: 26, value: (l) => f.t.interventionKind[i(l).kind] ?? i(l).kind },
    { header: c.platform, type: 'text', width: 16, value: (l) => i(l).platform },
    { header: c.owner, type: 'text', width: 20, value: (l) => i(l).owner },
    { header: c.status, type: 'text', width: 12, value: (l) => f.t.interventionStatus[i(l).status] ?? i(l).status },
    { header: c.start, type: 'date', width: 12, value: (l) => i(l).startDate },
    { header: c.end, type: 'date', width: 12, value: (l) => i(l).endDate },
    { header: c.oneOff, type: 'money', width: 15, currency: (l) => i(l).currency, value: (l) => i(l).oneOffCostCents },
    { header: c.recurring, type: 'money', width: 17, currency: (l) => i(l).currency, value: (l) => i(l).recurringCostCents },
    { header: c.linkedGaps, type: 'text', width: 40, value: (l) => l.linkedGaps ?? null },
  ];
}

export interface IndicatorLine {
  indicator: Indicator;
  status: IndicatorStatus;
  departmentName?: string;
}

export function indicatorColumns(f: Fmt): Column<IndicatorLine>[] {
  const c = f.t.col;
  const x = (l: IndicatorLine) => l.indicator;
  return [
    { header: c.indicator, type: 'text', width: 40, value: (l) => x(l).name },
    { header: c.department, type: 'text', width: 18, value: (l) => l.departmentName ?? null },
    { header: c.category, type: 'text', width: 12, value: (l) => f.t.category[x(l).category] ?? x(l).category },
    { header: c.direction, type: 'text', width: 18, value: (l) => f.t.direction[x(l).direction] ?? x(l).direction },
    { header: c.unit, type: 'text', width: 10, value: (l) => x(l).unit || null },
    { header: c.latest, type: 'number', width: 13, value: (l) => l.status.latest?.value ?? null },
    { header: c.latestPeriod, type: 'date', width: 13, value: (l) => l.status.latest?.period ?? null },
    { header: c.target, type: 'number', width: 11, value: (l) => x(l).targetValue },
    { header: c.baseline, type: 'number', width: 11, value: (l) => x(l).baselineValue },
    { header: c.status, type: 'text', width: 16, value: (l) => f.t.rag[l.status.status] },
    { header: c.frequencyOf, type: 'text', width: 13, value: (l) => f.t.frequency[x(l).frequency] ?? x(l).frequency },
    { header: c.source, type: 'text', width: 13, value: (l) => f.t.source[x(l).source] ?? x(l).source },
    { header: c.missingPeriods, type: 'integer', width: 12, value: (l) => l.status.missingPeriods },
  ];
}

export interface MeasurementLine {
  indicator: string;
  unit: string;
  period: string;
  value: number | null;
  note: string | null;
}

export function measurementColumns(f: Fmt, withIndicator: boolean): Column<MeasurementLine>[] {
  const c = f.t.col;
  return [
    ...(withIndicator ? [{ header: c.indicator, type: 'text' as const, width: 40, value: (m: MeasurementLine) => m.indicator }] : []),
    { header: c.period, type: 'date', width: 12, value: (m) => m.period },
    { header: c.value, type: 'number', width: 12, value: (m) => m.value },
    { header: c.unit, type: 'text', width: 10, value: (m) => m.unit || null },
    { header: c.note, type: 'text', width: 40, value: (m) => m.note },
  ];
}

export const gridLines = (indicator: Indicator, rows: GridRow[]): MeasurementLine[] =>
  rows.map((r) => ({ indicator: indicator.name, unit: indicator.unit, period: r.period, value: r.value, note: r.note }));
