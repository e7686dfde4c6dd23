import type { z } from 'zod';
import { BoucleError } from '../../src-shared/errors';
import type * as S from '../../src-shared/schemas/gaps';
import type { Page } from '../../src-shared/schemas/common';
import type { Workspace } from '../core/workspace';
import { todayIso } from '../db/ids';
import { monthlyCostCents } from './gap-cost';
import { listPage, requireLive, toColumns } from './store';
import { rowToDto } from '../db/entities';

type Gap = S.Gap;
type StoredGap = Omit<Gap, 'monthlyCostCents' | 'currency'>;

/** Adds what the core computes: the monthly cost at the department's loaded rate. */
function withCost(ws: Workspace, gaps: StoredGap[]): Gap[] {
  const rates = new Map<string, { rate: number | null; currency: string }>();
  for (const g of gaps) {
    if (rates.has(g.departmentId)) continue;
    const d = ws.db
      .prepare(`SELECT loaded_hourly_rate_cents AS rate, currency FROM departments WHERE id = ?`)
      .get(g.departmentId) as { rate: number | null; currency: string } | undefined;
    rates.set(g.departmentId, d ?? { rate: null, currency: 'EUR' });
  }
  return gaps.map((g) => {
    const r = rates.get(g.departmentId)!;
    return { ...g, monthlyCostCents: monthlyCostCents(g.frequencyPerMonth, g.hoursLostPerOccurrence, r.rate), currency: r.currency };
  });
}

export function getGap(ws: Workspace, id: string): Gap {
  return withCost(ws, [rowToDto<StoredGap>('gaps', requireLive(ws.db, 'gaps', id))])[0]!;
}

function checkStep(ws: Workspace, processId: string, stepId: string | null | undefined) {
  if (!stepId) return;
  const step = requireLive(ws.db, 'steps', stepId, 'stepId');
  if (step.process_id !== processId) {
    throw new BoucleError('validation', 'This step belongs to another process', 'stepId');
  }
}

export function createGap(ws: Workspace, input: z.output<typeof S.gapCreate>): Gap {
  const proc = requireLive(ws.db, 'processes', input.processId, 'processId');
  checkStep(ws, input.processId, input.stepId);
  const id = ws.writer.write((tx) =>
    tx.insert('gaps', {
      ...toColumns(input),
      found_on: input.foundOn ?? todayIso(),
      status: 'open',
      department_id: proc.department_id as string,
    }),
  );
  return getGap(ws, id);
}

export function updateGap(ws: Workspace, input: z.output<typeof S.gapUpdate>): Gap {
  const gap = requireLive(ws.db, 'gaps', input.id);
  if (input.stepId !== undefined) checkStep(ws, gap.process_id as string, input.stepId);
  if (input.status && gap.status === 'closed') {
    throw new BoucleError('validation', 'A closed gap is reopened through its closing record', 'status');
  }
  ws.writer.write((tx) => tx.update('gaps', input.id, toColumns(input)));
  return getGap(ws, input.id);
}

export function deleteGap(ws: Workspace, id: string): { ok: true } {
  requireLive(ws.db, 'gaps', id);
  ws.writer.write((tx) => {
    for (const table of ['gap_interventions', 'indicator_links'] as const) {
      const links = ws.db.prepare(`SELECT id FROM ${table} WHERE gap_id = ? AND deleted_at IS NULL`).pluck().all(id) as string[];
      for (const l of links) tx.remove(table, l);
    }
    tx.remove('gaps', id);
  });
  return { ok: true };
}

export function listGaps(ws: Workspace, q: z.output<typeof S.gapList>): Page<Gap> {
  const page = listPage<StoredGap>(ws.db, 'gaps', {
    where: {
      department_id: q.departmentId,
      process_id: q.processId,
      step_id: q.stepId,
      type: q.type,
      status: q.status,
    },
    orderBy: 'found_on DESC, id DESC',
    limit: q.limit,
    offset: q.offset,
  });
  return { ...page, items: withCost(ws, page.items) };
}
