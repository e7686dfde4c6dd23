import type { z } from 'zod';
import type { Page } from '../../../src-shared/common';
import type { GapPriority, GapPriorityPage, gapPriorities } from '../../../src-shared/gaps/priorities';
import type { Gap, GapSort, SortDir, gapList } from '../../../src-shared/gaps/schemas';
import type { Workspace } from '../../db/workspace';
import { rowToDto, type Row } from '../../db/entities';
import { BoucleError } from '../../../src-shared/errors';
import { MEASURED_BASIS_SQL, MEASURED_FREQUENCY_SQL, MONTHLY_COST_SQL } from './gap-cost';
import { FTS_IDS_SQL, toFtsQuery } from '../search/search';
import { prepared } from '../../db/statements';

// The gap register: filters, sorting and paging done in SQL (20,000 gaps are never loaded into
// JavaScript to be sorted), and the one read that turns gap rows into DTOs with their cost, place and
// number of interventions. Column names and ORDER BY text come from the fixed maps below; every
// value the user gives is bound.

type Filters = Pick<
  z.output<typeof gapList>,
  'departmentId' | 'processId' | 'stepId' | 'type' | 'status' | 'owner' | 'severityMin' | 'severityMax' | 'text'
> & Partial<Pick<z.output<typeof gapList>, 'foundFrom' | 'foundTo' | 'closedFrom' | 'closedTo' | 'interventionKind'>>;

const list = <T>(v: T | T[] | undefined): T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

interface Where {
  sql: string;
  params: unknown[];
  /** A full-text filter is there: the matching ids drive the query. */
  text: boolean;
}

/** The WHERE clause of the register (alias g for gaps); a text with nothing searchable in it filters nothing. */
function whereOf(f: Filters): Where {
  const conds = ['g.deleted_at IS NULL'];
  const params: unknown[] = [];
  const eq = (col: string, v: unknown) => {
    if (v === undefined) return;
    conds.push(`${col} = ?`);
    params.push(v);
  };
  const anyOf = (col: string, values: readonly string[] | undefined) => {
    if (!values) return;
    conds.push(`${col} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  eq('g.department_id', f.departmentId);
  eq('g.process_id', f.processId);
  eq('g.step_id', f.stepId);
  anyOf('g.type', list(f.type));
  anyOf('g.status', list(f.status));
  if (f.owner !== undefined) {
    conds.push('g.owner COLLATE NOCASE = ?');
    params.push(f.owner);
  }
  if (f.severityMin !== undefined) {
    conds.push('g.severity >= ?');
    params.push(f.severityMin);
  }
  if (f.severityMax !== undefined) {
    conds.push('g.severity <= ?');
    params.push(f.severityMax);
  }
  const bound = (sql: string, v: unknown) => {
    if (v === undefined) return;
    conds.push(sql);
    params.push(v);
  };
  bound('g.found_on >= ?', f.foundFrom);
  bound('g.found_on <= ?', f.foundTo);
  bound('g.closed_on >= ?', f.closedFrom);
  bound('g.closed_on <= ?', f.closedTo);
  bound(
    `g.id IN (SELECT l.gap_id FROM gap_interventions l JOIN interventions i ON i.id = l.intervention_id AND i.deleted_at IS NULL
      WHERE l.deleted_at IS NULL AND i.kind = ?)`,
    f.interventionKind,
  );
  const fts = f.text === undefined ? null : toFtsQuery(f.text);
  if (fts) {
    conds.push(`g.id IN (${FTS_IDS_SQL})`);
    params.push(fts, 'gaps');
  }
  return { sql: conds.join(' AND '), params, text: Boolean(fts) };
}

const STATUS_ORDER = `CASE g.status WHEN 'open' THEN 0 WHEN 'addressing' THEN 1 WHEN 'closed' THEN 2 ELSE 3 END`;

/** ORDER BY per sort; ties broken by id so that pages never overlap nor skip a row. */
function orderOf(by: GapSort, dir: SortDir): string {
  const d = dir === 'asc' ? 'ASC' : 'DESC';
  switch (by) {
    case 'cost':
      // Gaps without a cost (no loaded rate in their department) come last in both directions.
      return `monthly_cost_cents ${d} NULLS LAST, g.severity DESC, g.id ${d}`;
    case 'severity':
      return `g.severity ${d}, g.found_on DESC, g.id ${d}`;
    case 'foundOn':
      return `g.found_on ${d}, g.id ${d}`;
    case 'title':
      return `g.title COLLATE NOCASE ${d}, g.id ${d}`;
    case 'status':
      return `${STATUS_ORDER} ${d}, g.found_on DESC, g.id ${d}`;
  }
}

const VIEW_SQL = `SELECT g.*, ${MONTHLY_COST_SQL} AS monthly_cost_cents, d.currency AS currency,
    ${MEASURED_FREQUENCY_SQL} AS measured_frequency, ${MEASURED_BASIS_SQL} AS measured_basis,
    (SELECT name FROM indicators WHERE id = g.frequency_indicator_id) AS frequency_indicator_name,
    d.loaded_hourly_rate_cents AS loaded_hourly_rate_cents,
    d.name AS department_name, p.name AS process_name, s.name AS step_name,
    (SELECT COUNT(*) FROM gap_interventions l JOIN interventions i ON i.id = l.intervention_id AND i.deleted_at IS NULL
      WHERE l.gap_id = g.id AND l.deleted_at IS NULL) AS intervention_count
  FROM gaps g
  JOIN departments d ON d.id = g.department_id
  JOIN processes p ON p.id = g.process_id
  LEFT JOIN steps s ON s.id = g.step_id
  WHERE g.id IN (SELECT value FROM json_each(?))`;

interface GapView {
  gap: Gap;
  loadedHourlyRateCents: number | null;
}

/** Gap DTOs for these ids, in the order of `ids` (the order SQL gave); missing ids are skipped. */
function readViews(ws: Workspace, ids: string[]): GapView[] {
  if (ids.length === 0) return [];
  const rows = prepared(ws.db, VIEW_SQL).all(JSON.stringify(ids)) as Row[];
  const byId = new Map<string, GapView>();
  for (const { loaded_hourly_rate_cents: rate, measured_frequency: measured, measured_basis: basis, frequency_indicator_name: name, ...r } of rows) {
    const gap = rowToDto<Gap>('gaps', r);
    gap.costBasis =
      measured === null
        ? { source: 'estimate', estimatedOn: gap.costEstimatedOn ?? gap.foundOn }
        : {
            source: 'indicator',
            indicatorId: gap.frequencyIndicatorId!,
            indicatorName: name as string,
            frequencyPerMonth: measured as number,
            ...(JSON.parse(basis as string) as { points: number; from: string; to: string }),
          };
    byId.set(r.id as string, { gap, loadedHourlyRateCents: (rate as number | null) ?? null });
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export function readGaps(ws: Workspace, ids: string[]): Gap[] {
  return readViews(ws, ids).map((v) => v.gap);
}

/** The live gap, or not_found. */
export function getGap(ws: Workspace, id: string): Gap {
  const row = prepared(ws.db, `SELECT id FROM gaps WHERE id = ? AND deleted_at IS NULL`).get(id);
  const gap = row ? readGaps(ws, [id])[0] : undefined;
  if (!gap) throw BoucleError.of('not_found', 'notFound.gaps');
  return gap;
}

/**
 * The ids of one page. Sorts that no index orders (cost: it multiplies by the department's rate;
 * status: its workflow order) read the narrow covering index gaps_register (migration 0003) rather
 * than the wide rows — the planner, left alone, walks another index and fetches every row. With a
 * text filter the planner is left alone: it starts from the (usually few) ids the search matched.
 */
function pageIds(ws: Workspace, where: Where, by: GapSort | 'priority', order: string, limit: number, offset: number): string[] {
  const narrow = !where.text && (by === 'cost' || by === 'priority' || by === 'status');
  const from = narrow ? 'gaps g INDEXED BY gaps_register' : 'gaps g';
  const select =
    by === 'cost' || by === 'priority'
      ? `SELECT g.id, ${MONTHLY_COST_SQL} AS monthly_cost_cents FROM ${from} JOIN departments d ON d.id = g.department_id`
      : `SELECT g.id FROM ${from}`;
  return (prepared(ws.db, `${select} WHERE ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...where.params, limit, offset) as {
    id: string;
  }[]).map((r) => r.id);
}

/** Every filter but the text one is a column of gaps_register, so the count never reads the wide rows. */
function countOf(ws: Workspace, where: Where): number {
  const from = where.text ? 'gaps g' : 'gaps g INDEXED BY gaps_register';
  return prepared(ws.db, `SELECT COUNT(*) FROM ${from} WHERE ${where.sql}`).pluck().get(...where.params) as number;
}

export function listGaps(ws: Workspace, q: z.output<typeof gapList>): Page<Gap> {
  const where = whereOf(q);
  const ids = pageIds(ws, where, q.sortBy, orderOf(q.sortBy, q.sortDir), q.limit, q.offset);
  return { items: readGaps(ws, ids), total: countOf(ws, where), limit: q.limit, offset: q.offset };
}

/**
 * The prioritisation view: the loops still open (status open or addressing), ranked by
 *   1. estimated monthly cost, highest first — what the gap costs is what the loop closer defends in
 *      front of management (DOMAIN.md: "ranks where to act first"); a gap of a department without a
 *      loaded rate has no cost and ranks after every costed gap (set the rate to rank it);
 *   2. severity, highest first — between gaps of the same cost, the worse one;
 *   3. found on, oldest first — then the one that has waited longest; then the id, for a stable order.
 * A lexicographic order rather than a blended score: each rank can be explained in one sentence.
 */
export function listPriorities(ws: Workspace, q: z.output<typeof gapPriorities>): GapPriorityPage {
  const where = whereOf({ departmentId: q.departmentId, processId: q.processId, status: ['open', 'addressing'] });
  const order = `monthly_cost_cents DESC NULLS LAST, g.severity DESC, g.found_on ASC, g.id ASC`;
  const ids = pageIds(ws, where, 'priority', order, q.limit, q.offset);
  const items = readViews(ws, ids).map(
    (v, i): GapPriority => ({
      rank: q.offset + i + 1,
      monthlyCostCents: v.gap.monthlyCostCents,
      severity: v.gap.severity,
      frequencyPerMonth: v.gap.frequencyPerMonth,
      hoursLostPerOccurrence: v.gap.hoursLostPerOccurrence,
      loadedHourlyRateCents: v.loadedHourlyRateCents,
      foundOn: v.gap.foundOn,
      gap: v.gap,
    }),
  );
  return { items, total: countOf(ws, where), limit: q.limit, offset: q.offset, rule: 'cost_desc_severity_desc_found_asc' };
}
