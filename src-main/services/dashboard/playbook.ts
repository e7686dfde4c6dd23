import { median } from 'simple-statistics';
import type { GapType } from '../../../src-shared/domain';
import type { PlaybookCell } from '../../../src-shared/dashboard/schemas';
import type { ImpactResult } from '../../../src-shared/impact/schemas';
import type { Workspace } from '../../db/workspace';
import { prepared } from '../../db/statements';
import { computeImpactFigures } from '../impact/impact';
import { scopeSql, type Scope } from './scope';

// The playbook no other tool has: for each kind of intervention and type of gap, how many gaps of that
// type were closed with an intervention of that kind, and the median effect measured on the indicators
// linked to those gaps or interventions (impact.compute, the same numbers as the impact panel).

/** The relative effect of an impact result (its segmented regression), signed so that positive is better; null without a number. */
export function improvementPct(r: Pick<ImpactResult, 'effect' | 'changePct' | 'direction'>): number | null {
  if (r.effect === null || r.changePct === null) return null;
  return r.direction === 'higher' ? r.changePct : -r.changePct;
}

interface Pair {
  kind: string;
  gap_type: GapType;
  gap_id: string;
  intervention_id: string;
  start_date: string | null;
}

/**
 * Effects already computed, per connection, valid while the data has not changed: every write, local,
 * imported or synced, appends to log_entries, so its last sequence number is the data's version. The
 * statistics of an impact (segmented regression, AR(1), placebo) are the dashboard's costliest part,
 * and they are asked again on every visit of the dashboard and on each change of its period.
 */
const effects = new WeakMap<Workspace['db'], { version: number; byPair: Map<string, number | null> }>();

function effectCache(ws: Workspace): Map<string, number | null> {
  const version = (prepared(ws.db, `SELECT COALESCE(MAX(seq), 0) FROM log_entries`).pluck().get() as number) ?? 0;
  const held = effects.get(ws.db);
  if (held && held.version === version) return held.byPair;
  const fresh = { version, byPair: new Map<string, number | null>() };
  effects.set(ws.db, fresh);
  return fresh.byPair;
}

export function playbook(ws: Workspace, scope: Scope, to: string): PlaybookCell[] {
  const s = scopeSql('g', scope);
  const pairs = prepared(
    ws.db,
    `SELECT i.kind AS kind, g.type AS gap_type, g.id AS gap_id, i.id AS intervention_id, i.start_date AS start_date
       FROM gaps g
       JOIN gap_interventions l ON l.gap_id = g.id AND l.deleted_at IS NULL
       JOIN interventions i ON i.id = l.intervention_id AND i.deleted_at IS NULL
      WHERE g.deleted_at IS NULL AND g.status = 'closed' AND g.closed_on <= ?${s.sql}
      ORDER BY i.kind, g.type`,
  ).all(to, ...s.params) as Pair[];
  const indicatorsOf = prepared(
    ws.db,
    `SELECT DISTINCT k.indicator_id FROM indicator_links k JOIN indicators x ON x.id = k.indicator_id AND x.deleted_at IS NULL
      WHERE k.deleted_at IS NULL AND (k.gap_id = ? OR k.intervention_id = ?)`,
  ).pluck();

  const impacts = effectCache(ws);
  const effectOf = (interventionId: string, indicatorId: string): number | null => {
    const key = `${interventionId}|${indicatorId}`;
    if (!impacts.has(key)) impacts.set(key, improvementPct(computeImpactFigures(ws, { interventionId, indicatorId })));
    return impacts.get(key)!;
  };

  const cells = new Map<string, { kind: string; gapType: GapType; gaps: Set<string>; effects: Map<string, number> }>();
  for (const p of pairs) {
    const key = `${p.kind}|${p.gap_type}`;
    const cell = cells.get(key) ?? cells.set(key, { kind: p.kind, gapType: p.gap_type, gaps: new Set(), effects: new Map() }).get(key)!;
    cell.gaps.add(p.gap_id);
    if (!p.start_date) continue;
    for (const indicatorId of indicatorsOf.all(p.gap_id, p.intervention_id) as string[]) {
      const e = effectOf(p.intervention_id, indicatorId);
      if (e !== null) cell.effects.set(`${p.intervention_id}|${indicatorId}`, e);
    }
  }
  return [...cells.values()].map((c) => {
    const effects = [...c.effects.values()];
    return { kind: c.kind, gapType: c.gapType, gapsClosed: c.gaps.size, measured: effects.length, medianEffectPct: effects.length ? median(effects) : null };
  });
}
