import type { z } from 'zod';
import { BoucleError } from '../../../src-shared/errors';
import * as A from '../../../src-shared/roi/schemas';
import type { BenefitDerivation } from '../../../src-shared/roi/derivation';
import type { Workspace } from '../../db/workspace';
import { rowToDto, type Row } from '../../db/entities';
import { getDto, requireLive, toColumns } from '../../db/read';

// Benefit models of an intervention (migrations 0004, 0006): create, update, delete, list, through
// the write path. The rules of each kind live in src-shared (benefitModelProblem) so that the form
// and the core refuse the same things; an update is checked on the merged row. A benefit cannot
// start before its intervention: nothing the intervention did can pay back before it began.

type BM = A.BenefitModel;

/** Time released is capacity until it shows up in the accounts; avoided costs and cash are money. */
export const DEFAULT_CLASS: Record<A.BenefitKind, A.BenefitClass> = {
  time_released: 'soft',
  cost_avoided: 'hard',
  cash_released: 'hard',
  custom: 'soft',
};

function checkIndicator(ws: Workspace, departmentId: string, indicatorId: string | null | undefined) {
  if (!indicatorId) return;
  const ind = requireLive(ws.db, 'indicators', indicatorId, 'indicatorId');
  if (ind.department_id !== departmentId) {
    throw BoucleError.of('validation', 'indicator.other_department', undefined, 'indicatorId');
  }
}

function assertValid(m: A.BenefitFields, interventionStart: string | null) {
  const p = A.benefitModelProblem(m);
  if (p) throw BoucleError.of('validation', p.key, undefined, p.field);
  if (m.startDate && interventionStart && m.startDate < interventionStart) {
    throw BoucleError.of('validation', 'benefit.before_intervention', { start: interventionStart }, 'startDate');
  }
}

/** The fields a derived model's figures come from: editing one of them makes it a typed model again. */
const DERIVED_VALUES = ['kind', 'hoursPerMonth', 'hourlyRateCents', 'realisationPct', 'amountCents', 'amountPer', 'annualRevenueCents', 'daysImproved', 'financingRatePct'] as const;

export function createBenefitModel(ws: Workspace, input: z.output<typeof A.benefitModelCreate>, derivedFrom: BenefitDerivation | null = null): BM {
  const itv = requireLive(ws.db, 'interventions', input.interventionId, 'interventionId');
  const departmentId = itv.department_id as string;
  checkIndicator(ws, departmentId, input.indicatorId);
  const values = {
    ...input,
    classification: input.classification ?? DEFAULT_CLASS[input.kind],
    amountPer: input.amountPer ?? (input.amountCents !== undefined && input.amountCents !== null ? 'month' : null),
  };
  assertValid(values, itv.start_date as string | null);
  const id = ws.writer.write((tx) =>
    tx.insert('benefit_models', { ...toColumns(values), department_id: departmentId, ...(derivedFrom ? { derived_from: derivedFrom } : {}) }),
  );
  return getDto<BM>(ws.db, 'benefit_models', id);
}

export function updateBenefitModel(ws: Workspace, input: z.output<typeof A.benefitModelUpdate>): BM {
  const stored = getDto<BM>(ws.db, 'benefit_models', input.id);
  const merged = { ...stored, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as BM;
  if (merged.amountCents !== null && merged.amountPer === null) merged.amountPer = 'month';
  checkIndicator(ws, stored.departmentId, input.indicatorId);
  const itv = requireLive(ws.db, 'interventions', stored.interventionId, 'interventionId');
  assertValid(merged, itv.start_date as string | null);
  const rederived = stored.derivedFrom !== null && DERIVED_VALUES.some((k) => input[k] !== undefined && input[k] !== stored[k]);
  ws.writer.write((tx) =>
    tx.update('benefit_models', input.id, {
      ...toColumns({ ...input, amountPer: merged.amountPer === stored.amountPer ? undefined : merged.amountPer }),
      ...(rederived ? { derived_from: null } : {}),
    }),
  );
  return getDto<BM>(ws.db, 'benefit_models', input.id);
}

export function deleteBenefitModel(ws: Workspace, id: string): { ok: true } {
  requireLive(ws.db, 'benefit_models', id);
  ws.writer.write((tx) => tx.remove('benefit_models', id));
  return { ok: true };
}

export function listBenefitModels(ws: Workspace, interventionId: string): BM[] {
  requireLive(ws.db, 'interventions', interventionId, 'interventionId');
  const rows = ws.db
    .prepare(`SELECT * FROM benefit_models WHERE intervention_id = ? AND deleted_at IS NULL ORDER BY created_at, id`)
    .all(interventionId) as Row[];
  return rows.map((r) => rowToDto<BM>('benefit_models', r));
}
