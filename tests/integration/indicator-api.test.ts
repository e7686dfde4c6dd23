import { afterEach, describe, expect, it } from 'vitest';
import { periodStart, todayIso } from '../../src-main/services/indicators/periods';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

// indicators.status, indicators.statusList, measurements.grid, measurements.upsertMany and
// indicators.xmr through the API, on a real workspace.

let t: TestWorkspace;
afterEach(() => t?.cleanup());

const count = (sql: string) => t.ws.db.prepare(sql).pluck().get() as number;

async function setup(frequency = 'monthly', extra: Record<string, unknown> = {}) {
  t = openTestWorkspace();
  const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
  const ind = await t.ok('indicators.create', {
    departmentId: d.id,
    name: 'Invoice-to-payment days',
    unit: 'days',
    direction: 'lower',
    frequency,
    targetValue: 30,
    tolerancePct: 10,
    ...extra,
  });
  return { d, ind };
}

describe('indicators.status', () => {
  it('judges the median of the last points on or before asOf, direction-aware, with band and delta', async () => {
    const { ind } = await setup();
    for (const [period, value] of [['2025-01-01', 40], ['2025-02-01', 32], ['2025-03-01', 29]] as const) {
      await t.ok('measurements.create', { indicatorId: ind.id, period, value });
    }
    const now = await t.ok('indicators.status', { indicatorId: ind.id, asOf: '2025-04-15' });
    // The median of 40, 32, 29 is 32: within the amber band [30, 33]; March's 29 alone would be green.
    expect(now).toMatchObject({ status: 'amber', latest: { period: '2025-03-01', value: 29 }, latestStatus: 'green', watch: false, band: { low: 30, high: 33 }, deltaToTarget: 2 });
    expect(now.judged).toEqual({ rule: 'median_last_points', value: 32, wanted: 5, points: [{ period: '2025-01-01', value: 40 }, { period: '2025-02-01', value: 32 }, { period: '2025-03-01', value: 29 }] });
    expect(now.missingPeriods).toBe(0);
    expect(now.stale).toBe(false);
    // On 20 January the latest value is January's 40: beyond 33, red. January has not ended yet.
    const feb = await t.ok('indicators.status', { indicatorId: ind.id, asOf: '2025-01-20' });
    expect(feb).toMatchObject({ status: 'red', latest: { period: '2025-01-01', value: 40 }, deltaToTarget: 10, stale: false });
    // On 15 May, April has ended without a value: one missing period, stale.
    const may = await t.ok('indicators.status', { indicatorId: ind.id, asOf: '2025-05-15' });
    expect(may).toMatchObject({ status: 'amber', missingPeriods: 1, stale: true });
  });

  it('says no data and no target, and lists a department in name order', async () => {
    const { d, ind } = await setup();
    const none = await t.ok('indicators.create', { departmentId: d.id, name: 'Adoption', direction: 'higher' });
    await t.ok('measurements.create', { indicatorId: none.id, period: '2025-01-01', value: 12 });
    expect((await t.ok('indicators.status', { indicatorId: ind.id })).status).toBe('no_data');
    expect((await t.ok('indicators.status', { indicatorId: none.id })).status).toBe('no_target');
    const list = await t.ok('indicators.statusList', { departmentId: d.id });
    expect(list.map((s) => s.indicatorId)).toEqual([none.id, ind.id]);
    const bad = await t.core.call('indicators.statusList', { indicatorIds: [ind.id, '01890000-0000-7000-8000-000000000000'] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'not_found', field: 'indicatorIds.1' } });
  });
});

describe('measurements.grid and upsertMany', () => {
  it('lays out every expected period from the baseline date, with the missing ones', async () => {
    const { ind } = await setup('monthly', { baselineDate: '2024-10-20', baselineValue: 45 });
    await t.ok('measurements.create', { indicatorId: ind.id, period: '2024-11-01', value: 41, note: 'first' });
    await t.ok('measurements.create', { indicatorId: ind.id, period: '2025-01-15', value: 38 }); // typed mid-month
    const g = await t.ok('measurements.grid', { indicatorId: ind.id, to: '2025-02-10' });
    expect(g.frequency).toBe('monthly');
    expect(g.rows.map((r) => [r.period, r.periodEnd, r.value, r.missing])).toEqual([
      ['2024-10-01', '2024-10-31', null, true],
      ['2024-11-01', '2024-11-30', 41, false],
      ['2024-12-01', '2024-12-31', null, true],
      ['2025-01-01', '2025-01-31', 38, false],
      ['2025-02-01', '2025-02-28', null, true],
    ]);
    expect(g.rows[3]!.measuredOn).toBe('2025-01-15');
    expect(g.rows[1]!.note).toBe('first');
    expect(g.missing).toEqual(['2024-10-01', '2024-12-01', '2025-02-01']);
  });

  it('marks the current period as not due yet', async () => {
    const { ind } = await setup('weekly');
    const monday = periodStart('weekly', todayIso());
    const g = await t.ok('measurements.grid', { indicatorId: ind.id, from: monday });
    expect(g.rows).toHaveLength(1);
    expect(g.rows[0]).toMatchObject({ period: monday, current: true, missing: false });
  });

  it('saves inserts, updates and deletions in one go, and nothing when one entry is wrong', async () => {
    const { ind } = await setup();
    const kept = await t.ok('measurements.create', { indicatorId: ind.id, period: '2025-01-01', value: 40, note: 'keep me' });
    await t.ok('measurements.create', { indicatorId: ind.id, period: '2025-02-01', value: 35 });
    const before = { m: count('SELECT COUNT(*) FROM measurements'), log: count('SELECT COUNT(*) FROM change_log'), seq: count('SELECT COALESCE(MAX(seq), 0) FROM change_log') };
    const refused = await t.core.call('measurements.upsertMany', {
      indicatorId: ind.id,
      values: [
        { period: '2025-03-01', value: 31 },
        { period: '2025-04-15', value: 30 }, // not the first day of a month
      ],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation', field: 'values.1.period' } });
    const twice = await t.core.call('measurements.upsertMany', {
      indicatorId: ind.id,
      values: [{ period: '2025-03-01', value: 31 }, { period: '2025-03-01', value: 32 }],
    });
    expect(twice).toMatchObject({ ok: false, error: { field: 'values.1.period' } });
    expect({ m: count('SELECT COUNT(*) FROM measurements'), log: count('SELECT COUNT(*) FROM change_log'), seq: count('SELECT COALESCE(MAX(seq), 0) FROM change_log') }).toEqual(before);

    const r = await t.ok('measurements.upsertMany', {
      indicatorId: ind.id,
      values: [
        { period: '2025-01-01', value: 39 }, // note left as it is
        { period: '2025-02-01', value: null }, // deleted
        { period: '2025-03-01', value: 31, note: 'new' },
        { period: '2025-05-01', value: null }, // nothing there: unchanged
      ],
    });
    expect(r).toEqual({ inserted: 1, updated: 1, deleted: 1, unchanged: 1 });
    expect(await t.ok('measurements.get', { id: kept.id })).toMatchObject({ value: 39, note: 'keep me' });
    const g = await t.ok('measurements.grid', { indicatorId: ind.id, from: '2025-01-01', to: '2025-03-31' });
    expect(g.rows.map((x) => [x.value, x.note])).toEqual([[39, 'keep me'], [null, null], [31, 'new']]);
    // One write-path transaction for the whole save.
    const txs = count(`SELECT COUNT(DISTINCT tx_id) FROM change_log WHERE seq > ${before.seq}`);
    expect(txs).toBe(1);
  });
});

describe('indicators.xmr', () => {
  it('computes the limits on the points before the first linked intervention, signals after', async () => {
    const { d, ind } = await setup();
    const values = [10, 12, 11, 13, 12, 14, 9, 8, 10, 9, 7, 8];
    for (const [i, value] of values.entries()) {
      await t.ok('measurements.create', { indicatorId: ind.id, period: `2024-${String(i + 1).padStart(2, '0')}-01`, value });
    }
    const itv = await t.ok('interventions.create', { departmentId: d.id, title: 'AP community', kind: 'community_of_practice', startDate: '2024-07-01' });
    await t.ok('links.indicator.add', { indicatorId: ind.id, target: 'intervention', targetId: itv.id });
    const x = await t.ok('indicators.xmr', { indicatorId: ind.id });
    if (x.status !== 'ok') throw new Error('expected limits');
    expect(x.basis).toBe('before_intervention');
    expect(x.limits).toMatchObject({ centre: 12, n: 6, from: '2024-01-01', to: '2024-06-01' });
    expect(x.limits.unpl).toBeCloseTo(16.256, 9);
    expect(x.points).toHaveLength(12);
    expect(x.points[1]!.movingRange).toBe(2);
    // 7 (November) is below 7.744: favourable for a "lower is better" indicator.
    expect(x.signals).toContainEqual({ rule: 'beyond_limits', side: 'below', effect: 'favourable', periods: ['2024-11-01'] });
    // Limits on all points when asked for a range.
    const chosen = await t.ok('indicators.xmr', { indicatorId: ind.id, limitsFrom: '2024-01-01', limitsTo: '2024-12-01' });
    expect(chosen).toMatchObject({ status: 'ok', basis: 'chosen', limits: { n: 12 } });
    const few = await t.ok('indicators.xmr', { indicatorId: ind.id, to: '2024-05-01' });
    expect(few).toMatchObject({ status: 'not_enough_data', needed: 6, have: 5, indicatorId: ind.id });
    expect(few.method.text.en).toEqual(['Not enough points for limits: 5, at least 6 are needed.']);
  });
});
