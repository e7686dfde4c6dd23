import type { z } from 'zod';
import { BoucleError } from '../../../src-shared/errors';
import type * as D from '../../../src-shared/roi/derivation';
import type { BenefitModelDraft } from '../../../src-shared/roi/schemas';
import type { Workspace } from '../../db/workspace';
import { todayIso } from '../../db/ids';
import { requireLive } from '../../db/read';
import { getGap } from '../gaps/register';
import { loadIndicator } from '../indicators/series';
import { measuredEffect } from '../impact/measured-effect';
import { createBenefitModel, DEFAULT_CLASS } from './benefit-models';

// benefitModels.derive: a benefit model from the data instead of typed figures.
//  * from a measured impact: only an improvement the Impact tab calls one (same rule, same numbers);
//    the improvement × what the user says one unit is worth gives the model's figures;
//  * from a closed gap: the hours it no longer loses (frequency × hours lost per occurrence), at the
//    department's loaded rate — time released.
// The model keeps the derivation (derivedFrom) so the ROI shows where it came from and when.

type Input = z.output<typeof D.benefitDeriveInput>;

const DAYS = /^(days?|jours?|j|d)$/i;
const r4 = (n: number) => Math.round(n * 10_000) / 10_000;

function draftBase(interventionId: string, departmentId: string, input: Input): Omit<BenefitModelDraft, 'kind' | 'classification' | 'derivedFrom'> {
  return {
    departmentId,
    interventionId,
    label: input.label ?? null,
    hoursPerMonth: null,
    hourlyRateCents: null,
    realisationPct: null,
    amountCents: null,
    amountPer: null,
    annualRevenueCents: null,
    daysImproved: null,
    financingRatePct: null,
    startDate: null,
    endDate: null,
    lastsMonthsAfterEnd: null,
    indicatorId: null,
    note: null,
  };
}

function fromImpact(ws: Workspace, departmentId: string, input: Extract<Input, { source: 'impact' }>): BenefitModelDraft {
  const ind = loadIndicator(ws, input.indicatorId, 'indicatorId');
  const linked = ws.db
    .prepare(`SELECT 1 FROM indicator_links WHERE indicator_id = ? AND intervention_id = ? AND deleted_at IS NULL`)
    .get(ind.id, input.interventionId);
  if (!linked) throw BoucleError.of('validation', 'derive.indicator_not_linked', { name: ind.name }, 'indicatorId');
  const need = (field: 'hoursPerUnit' | 'amountPerUnitCents' | 'annualRevenueCents' | 'financingRatePct', value: number | undefined): number => {
    if (value === undefined) throw BoucleError.of('validation', `derive.needs.${field}`, { unit: ind.unit || '1' }, field);
    return value;
  };
  if (input.as === 'cash_released' && !DAYS.test(ind.unit.trim())) {
    throw BoucleError.of('validation', 'derive.not_days', { name: ind.name, unit: ind.unit || '—' }, 'as');
  }
  // Check what the user must give before measuring, so the error is about their input.
  const perUnit: Extract<D.BenefitDerivation, { source: 'impact' }>['perUnit'] = {};
  if (input.as === 'time_released') perUnit.hours = need('hoursPerUnit', input.hoursPerUnit);
  if (input.as === 'cost_avoided') perUnit.amountCents = need('amountPerUnitCents', input.amountPerUnitCents);
  if (input.as === 'cash_released') {
    perUnit.annualRevenueCents = need('annualRevenueCents', input.annualRevenueCents);
    perUnit.financingRatePct = need('financingRatePct', input.financingRatePct);
  }
  const effect = measuredEffect(ws, input.interventionId, ind.id);
  if (effect.verdict === 'not_enough_data') throw BoucleError.of('validation', 'derive.not_enough_data', { name: ind.name }, 'indicatorId');
  if (effect.verdict !== 'improved') {
    throw BoucleError.of('validation', 'derive.no_improvement', { name: ind.name, verdict: effect.verdict }, 'indicatorId');
  }
  const improvement = effect.improvement!;
  const derivedFrom: D.BenefitDerivation = {
    source: 'impact',
    indicatorId: ind.id,
    indicatorName: ind.name,
    unit: ind.unit,
    frequency: ind.frequency,
    interventionId: input.interventionId,
    improvement,
    low: effect.low!,
    high: effect.high!,
    method: effect.method,
    window: effect.window!,
    perUnit,
    derivedOn: todayIso(),
  };
  const base = { ...draftBase(input.interventionId, departmentId, input), indicatorId: ind.id, derivedFrom };
  switch (input.as) {
    case 'time_released':
      return { ...base, kind: 'time_released', classification: input.classification ?? DEFAULT_CLASS.time_released, hoursPerMonth: r4(improvement * perUnit.hours!), realisationPct: input.realisationPct ?? null };
    case 'cost_avoided':
      return { ...base, kind: 'cost_avoided', classification: input.classification ?? DEFAULT_CLASS.cost_avoided, amountCents: Math.round(improvement * perUnit.amountCents!), amountPer: 'month' };
    case 'cash_released':
      return {
        ...base,
        kind: 'cash_released',
        classification: input.classification ?? DEFAULT_CLASS.cash_released,
        daysImproved: r4(improvement),
        annualRevenueCents: perUnit.annualRevenueCents!,
        financingRatePct: perUnit.financingRatePct!,
      };
  }
}

function fromGap(ws: Workspace, departmentId: string, input: Extract<Input, { source: 'gap' }>): BenefitModelDraft {
  const gap = getGap(ws, input.gapId);
  const linked = ws.db
    .prepare(`SELECT 1 FROM gap_interventions WHERE gap_id = ? AND intervention_id = ? AND deleted_at IS NULL`)
    .get(gap.id, input.interventionId);
  if (!linked) throw BoucleError.of('validation', 'derive.gap_not_linked', { title: gap.title }, 'gapId');
  if (gap.status !== 'closed') throw BoucleError.of('validation', 'derive.gap_not_closed', { title: gap.title }, 'gapId');
  if (gap.monthlyCostCents === null) throw BoucleError.of('validation', 'derive.gap_no_rate', undefined, 'gapId');
  const derivedFrom: D.BenefitDerivation = {
    source: 'gap',
    gapId: gap.id,
    gapTitle: gap.title,
    closedOn: gap.closedOn,
    frequencyPerMonth: gap.frequencyPerMonth,
    hoursLostPerOccurrence: gap.hoursLostPerOccurrence,
    monthlyCostCents: gap.monthlyCostCents,
    derivedOn: todayIso(),
  };
  return {
    ...draftBase(input.interventionId, departmentId, input),
    kind: 'time_released',
    classification: input.classification ?? DEFAULT_CLASS.time_released,
    hoursPerMonth: r4(gap.frequencyPerMonth * gap.hoursLostPerOccurrence),
    derivedFrom,
  };
}

export function deriveBenefitModel(ws: Workspace, input: Input): D.BenefitDerived {
  const itv = requireLive(ws.db, 'interventions', input.interventionId, 'interventionId');
  const departmentId = itv.department_id as string;
  const draft = input.source === 'impact' ? fromImpact(ws, departmentId, input) : fromGap(ws, departmentId, input);
  if (input.dryRun) return { saved: false, model: draft };
  const { departmentId: _d, derivedFrom, ...fields } = draft;
  const model = createBenefitModel(ws, { ...fields, kind: draft.kind }, derivedFrom);
  return { saved: true, model };
}
