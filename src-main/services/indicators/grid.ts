import type { z } from 'zod';
import { BoucleError } from '../../../src-shared/errors';
import type * as A from '../../../src-shared/indicators/grid';
import type { Workspace } from '../../db/workspace';
import { dayOf, isoOfDay, nextPeriodStartDay, periodStart, periodStartDay, todayIso } from './periods';
import { firstExpected, loadIndicator, loadPoints, type Point } from './series';

// The typing grid: every expected period of the indicator's frequency, its value if any, and the
// missing ones; saved back all or nothing through the write path.

const MAX_ROWS = 10_000;

export function measurementGrid(ws: Workspace, input: z.output<typeof A.measurementGridInput>): A.MeasurementGrid {
  const ind = loadIndicator(ws, input.indicatorId, 'indicatorId');
  const f = ind.frequency;
  const today = todayIso();
  const all = loadPoints(ws, ind.id);
  const from = periodStart(f, input.from ?? firstExpected(ind, all[0]?.period) ?? today);
  const to = periodStart(f, input.to ?? (all.at(-1) && all.at(-1)!.period > today ? all.at(-1)!.period : today));
  if (from > to) throw BoucleError.of('validation', 'common.end_before_start', undefined, 'to');

  const byPeriod = new Map<number, Point>();
  let outside = 0;
  for (const p of all) {
    const start = periodStartDay(f, dayOf(p.period));
    if (isoOfDay(start) < from || isoOfDay(start) > to) outside++;
    // Two values in one period exist only if typed before periods were laid out: show the one on the
    // period's first day, else the latest.
    else if (!byPeriod.has(start) || p.period === isoOfDay(start)) byPeriod.set(start, p);
  }

  const rows: A.GridRow[] = [];
  const todayDay = dayOf(today);
  for (let p = dayOf(from); p <= dayOf(to); p = nextPeriodStartDay(f, p)) {
    if (rows.length === MAX_ROWS) {
      throw BoucleError.of('validation', 'grid.too_many_periods', { max: MAX_ROWS }, 'from');
    }
    const end = nextPeriodStartDay(f, p) - 1;
    const m = byPeriod.get(p);
    const period = isoOfDay(p);
    rows.push({
      period,
      periodEnd: isoOfDay(end),
      value: m?.value ?? null,
      note: m?.note ?? null,
      measurementId: m?.id ?? null,
      measuredOn: m && m.period !== period ? m.period : null,
      missing: !m && end < todayDay,
      current: p <= todayDay && todayDay <= end,
    });
  }
  return {
    indicatorId: ind.id,
    frequency: f,
    from,
    to,
    rows,
    missing: rows.filter((r) => r.missing).map((r) => r.period),
    outside,
  };
}

export function upsertMeasurements(ws: Workspace, input: z.output<typeof A.measurementUpsertMany>): A.UpsertManyResult {
  const ind = loadIndicator(ws, input.indicatorId, 'indicatorId');
  const f = ind.frequency;
  const seen = new Set<string>();
  input.values.forEach((v, i) => {
    const start = periodStart(f, v.period);
    if (start !== v.period) {
      throw BoucleError.of('validation', 'grid.not_period_start', { frequency: f, start }, `values.${i}.period`);
    }
    if (seen.has(v.period)) throw BoucleError.of('validation', 'grid.period_twice', { period: v.period }, `values.${i}.period`);
    seen.add(v.period);
  });

  // The stored value of each period, wherever in the period it was dated.
  const find = ws.db.prepare(
    `SELECT id, value, note FROM measurements
      WHERE indicator_id = ? AND deleted_at IS NULL AND period >= ? AND period <= ?
      ORDER BY period = ? DESC, period DESC LIMIT 1`,
  );
  const out: A.UpsertManyResult = { inserted: 0, updated: 0, deleted: 0, unchanged: 0 };
  ws.writer.write((tx) => {
    for (const v of input.values) {
      const end = isoOfDay(nextPeriodStartDay(f, dayOf(v.period)) - 1);
      const old = find.get(ind.id, v.period, end, v.period) as { id: string; value: number; note: string | null } | undefined;
      if (v.value === null) {
        if (old) {
          tx.remove('measurements', old.id);
          out.deleted++;
        } else out.unchanged++;
        continue;
      }
      if (!old) {
        tx.insert('measurements', {
          department_id: ind.departmentId,
          indicator_id: ind.id,
          period: v.period,
          value: v.value,
          note: v.note ?? null,
          source: input.source ?? null,
        });
        out.inserted++;
        continue;
      }
      const changes: Record<string, unknown> = { value: v.value };
      if (v.note !== undefined) changes.note = v.note;
      if (tx.update('measurements', old.id, changes).length) out.updated++;
      else out.unchanged++;
    }
  });
  return out;
}
