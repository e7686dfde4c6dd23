import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemo } from '../../src-main/core/demo/generate';
import { openWorkspace } from '../../src-main/core/workspace';
import { playbook } from '../../src-main/services/dashboard/playbook';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

// The playbook keeps the effects it computed while the data stays the same (dashboard.get asks for
// them on every visit); a change of the measurements behind an effect must show at once, equal to
// what a fresh connection (an empty cache) computes from the same file.

const TODAY = '2026-06-15';
let t: TestWorkspace;
beforeAll(() => {
  t = openTestWorkspace();
  createDemo(t.ws, { seed: 1, today: TODAY });
});
afterAll(() => t.cleanup());

/** The playbook as a connection that never computed anything sees it. */
function fresh() {
  const other = openWorkspace(t.dir);
  try {
    return playbook(other, null, TODAY);
  } finally {
    other.close();
  }
}

describe('the dashboard’s playbook', () => {
  it('gives the cached effects while nothing changes, and new ones after the measurements change', async () => {
    const first = playbook(t.ws, null, TODAY);
    expect(first.some((c) => c.measured > 0 && c.medianEffectPct !== null)).toBe(true);
    expect(playbook(t.ws, null, TODAY)).toEqual(first);

    // The indicator behind a measured effect: its values after the intervention drop to the baseline's.
    const pair = t.ws.db
      .prepare(
        `SELECT k.indicator_id AS indicatorId, i.start_date AS start FROM gaps g
           JOIN gap_interventions l ON l.gap_id = g.id AND l.deleted_at IS NULL
           JOIN interventions i ON i.id = l.intervention_id AND i.deleted_at IS NULL AND i.start_date IS NOT NULL
           JOIN indicator_links k ON k.deleted_at IS NULL AND (k.gap_id = g.id OR k.intervention_id = i.id)
          WHERE g.status = 'closed' AND g.deleted_at IS NULL ORDER BY i.start_date LIMIT 1`,
      )
      .get() as { indicatorId: string; start: string };
    const points = t.ws.db
      .prepare(`SELECT period, value FROM measurements WHERE indicator_id = ? AND deleted_at IS NULL ORDER BY period`)
      .all(pair.indicatorId) as { period: string; value: number }[];
    const before = points.filter((p) => p.period < pair.start);
    const level = before.reduce((s, p) => s + p.value, 0) / before.length;
    await t.ok('measurements.upsertMany', {
      indicatorId: pair.indicatorId,
      values: points.filter((p) => p.period >= pair.start).map((p, i) => ({ period: p.period, value: level * (1 + (i % 2 ? 0.01 : -0.01)) })),
    });

    const after = playbook(t.ws, null, TODAY);
    expect(after).not.toEqual(first);
    expect(after).toEqual(fresh());
  });
});
