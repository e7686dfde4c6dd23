import type { z } from 'zod';
import type { InterventionStatus } from '../../../src-shared/domain';
import { BoucleError } from '../../../src-shared/errors';
import { RESTARTABLE_STATUSES } from '../../../src-shared/interventions/workflow';
import type * as S from '../../../src-shared/interventions/schemas';
import type { Workspace } from '../../db/workspace';
import { todayIso } from '../../db/ids';
import { FTS_IDS_SQL, toFtsQuery } from '../search/search';
import { checkTransition, syncGapsOfIntervention } from '../gaps/status-rules';
import { resolveVocabulary } from '../gaps/vocabulary';
import { getDto, listPage, requireLive, toColumns } from '../../db/read';

type Itv = S.Intervention;

function checkDates(start: string | null | undefined, end: string | null | undefined) {
  if (start && end && end < start) throw BoucleError.of('validation', 'common.end_before_start', undefined, 'endDate');
}

/**
 * Dates that follow the status: an intervention that starts running without a start date starts
 * today (the measured-improvement proof compares before and after it), and one that ends (done or
 * stopped) without an end date ends today — or on its start date, if that is still ahead.
 */
function datesFor(status: InterventionStatus, start: string | null, end: string | null): { start: string | null; end: string | null } {
  const today = todayIso();
  const s = status === 'running' && !start ? today : start;
  const e = (status === 'done' || status === 'stopped') && !end ? (s && s > today ? s : today) : end;
  return { start: s, end: e };
}

/**
 * One currency per department: an intervention priced in another one needs the rate the user
 * enters to convert it (ROI converts at it); in the department's own currency the rate is cleared.
 */
function fxRateFor(db: Workspace['db'], departmentId: string, currency: string, rate: number | null | undefined): number | null {
  const department = db.prepare(`SELECT currency FROM departments WHERE id = ?`).pluck().get(departmentId) as string;
  if (currency === department) return null;
  if (rate === null || rate === undefined) {
    throw BoucleError.of('validation', 'intervention.currency_needs_rate', { currency, department }, 'fxRate');
  }
  return rate;
}

export function createIntervention(ws: Workspace, input: z.output<typeof S.interventionCreate>): Itv {
  requireLive(ws.db, 'departments', input.departmentId, 'departmentId');
  const fxRate = fxRateFor(ws.db, input.departmentId, input.currency, input.fxRate);
  const kind = resolveVocabulary(ws.db, input.departmentId, 'intervention_kind', input.kind, 'kind');
  const platform = input.platform ? resolveVocabulary(ws.db, input.departmentId, 'platform', input.platform, 'platform') : null;
  // Creating records an intervention as it is (any status); only the start date follows "running".
  const startDate = input.status === 'running' && !input.startDate ? todayIso() : input.startDate;
  checkDates(startDate, input.endDate);
  const id = ws.writer.write((tx) =>
    tx.insert('interventions', {
      ...toColumns({ ...input, kind, platform, startDate, fxRate }, ['departmentId']),
      department_id: input.departmentId,
    }),
  );
  return getDto<Itv>(ws.db, 'interventions', id);
}

export function updateIntervention(ws: Workspace, input: z.output<typeof S.interventionUpdate>): Itv {
  const row = requireLive(ws.db, 'interventions', input.id);
  const dep = row.department_id as string;
  const kind = input.kind === undefined ? undefined : resolveVocabulary(ws.db, dep, 'intervention_kind', input.kind, 'kind');
  // An empty platform clears it.
  const platform =
    input.platform === undefined ? undefined : input.platform ? resolveVocabulary(ws.db, dep, 'platform', input.platform, 'platform') : null;
  const from = row.status as InterventionStatus;
  const status = input.status ?? from;
  checkTransition(from, status);
  let start = input.startDate === undefined ? (row.start_date as string | null) : input.startDate;
  let end = input.endDate === undefined ? (row.end_date as string | null) : input.endDate;
  if (status !== from) ({ start, end } = datesFor(status, start, end));
  checkDates(start, end);
  const currency = input.currency ?? (row.currency as string);
  const fxRate = fxRateFor(ws.db, dep, currency, input.fxRate === undefined ? (row.fx_rate as number | null) : input.fxRate);
  ws.writer.write((tx) => {
    tx.update('interventions', input.id, toColumns({ ...input, kind, platform, startDate: start, endDate: end, fxRate: fxRate === row.fx_rate ? undefined : fxRate }));
    if (status !== from) syncGapsOfIntervention(tx, input.id);
  });
  return getDto<Itv>(ws.db, 'interventions', input.id);
}

/** done or stopped → running again, on purpose. The start date stays; the end date is cleared. */
export function restartIntervention(ws: Workspace, id: string): Itv {
  const row = requireLive(ws.db, 'interventions', id);
  const from = row.status as InterventionStatus;
  if (!RESTARTABLE_STATUSES.includes(from)) {
    throw BoucleError.of('validation', 'intervention.restart_only', { status: from }, 'status');
  }
  ws.writer.write((tx) => {
    tx.update('interventions', id, { status: 'running', end_date: null, start_date: (row.start_date as string | null) ?? todayIso() });
    syncGapsOfIntervention(tx, id);
  });
  return getDto<Itv>(ws.db, 'interventions', id);
}

export function deleteIntervention(ws: Workspace, id: string): { ok: true } {
  requireLive(ws.db, 'interventions', id);
  ws.writer.write((tx) => {
    const gapIds = ws.db
      .prepare(`SELECT gap_id FROM gap_interventions WHERE intervention_id = ? AND deleted_at IS NULL`)
      .pluck()
      .all(id) as string[];
    // Its links and the benefit models that value it go with it.
    for (const table of ['gap_interventions', 'indicator_links', 'benefit_models'] as const) {
      const links = ws.db
        .prepare(`SELECT id FROM ${table} WHERE intervention_id = ? AND deleted_at IS NULL`)
        .pluck()
        .all(id) as string[];
      for (const l of links) tx.remove(table, l);
    }
    tx.remove('interventions', id);
    // Its gaps may have been addressing only because of it.
    syncGapsOfIntervention(tx, id, gapIds);
  });
  return { ok: true };
}

export const getIntervention = (ws: Workspace, id: string) => getDto<Itv>(ws.db, 'interventions', id);

export function listInterventions(ws: Workspace, q: z.output<typeof S.interventionList>) {
  const fts = q.text === undefined ? null : toFtsQuery(q.text);
  return listPage<Itv>(ws.db, 'interventions', {
    where: { department_id: q.departmentId, status: q.status },
    extra: [
      ...(q.gapId
        ? [{ sql: `id IN (SELECT intervention_id FROM gap_interventions WHERE gap_id = ? AND deleted_at IS NULL)`, params: [q.gapId] }]
        : []),
      ...(q.kind ? [{ sql: 'kind = ? COLLATE NOCASE', params: [q.kind] }] : []),
      ...(q.platform ? [{ sql: 'platform = ? COLLATE NOCASE', params: [q.platform] }] : []),
      ...(fts ? [{ sql: `id IN (${FTS_IDS_SQL})`, params: [fts, 'interventions'] }] : []),
    ],
    orderBy: 'COALESCE(start_date, created_at) DESC, id DESC',
    limit: q.limit,
    offset: q.offset,
  });
}
