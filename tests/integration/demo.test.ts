import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_RECIPE } from '../../resources/demo';
import { GAP_TYPES, INTERVENTION_STATUSES } from '../../src-shared/domain';
import { createDemo } from '../../src-main/core/demo/generate';
import { exportWorkspace, liveCounts, type WorkspaceJson } from '../../src-main/services/workspace/workspace-json';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const TODAY = '2026-06-15';
const opened: TestWorkspace[] = [];
const open = () => {
  const t = openTestWorkspace();
  opened.push(t);
  return t;
};
afterEach(() => {
  while (opened.length) opened.pop()!.cleanup();
});

const count = (t: TestWorkspace, sql: string) => t.ws.db.prepare(sql).pluck().get() as number;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

function demo(seed = 1) {
  const t = open();
  createDemo(t.ws, { seed, today: TODAY });
  return { t, data: exportWorkspace(t.ws) };
}

function seriesOf(data: WorkspaceJson, indicatorName: string) {
  const ind = data.indicators.find((i) => i.name === indicatorName);
  if (!ind) throw new Error(`no indicator ${indicatorName}`);
  const points = data.measurements.filter((m) => m.indicatorId === ind.id).sort((a, b) => a.period.localeCompare(b.period));
  return { ind, points };
}

describe('boucle demo: content', () => {
  it('creates three departments with rates in EUR, processes with ordered steps in several lanes and systems', async () => {
    const { t, data } = demo();
    expect(data.departments.map((d) => d.name).sort()).toEqual(['Finance', 'Human resources', 'Supply chain']);
    for (const d of data.departments) {
      expect(d.currency).toBe('EUR');
      expect(d.loadedHourlyRateCents).toBeGreaterThan(0);
    }
    const counts = liveCounts(t.ws);
    expect(counts).toMatchObject({
      departments: 3,
      processes: 7,
      steps: 45,
      gaps: 21,
      interventions: 12,
      gap_interventions: 18,
      indicators: 18,
      indicator_links: 37,
    });
    expect(counts.measurements).toBeGreaterThan(800);
    for (const name of ['Procure-to-pay', 'Record-to-report', 'Order-to-cash', 'Recruiting', 'Onboarding', 'Order fulfilment']) {
      expect(data.processes.map((p) => p.name)).toContain(name);
    }
    for (const p of data.processes) {
      const steps = data.steps.filter((s) => s.processId === p.id).sort((a, b) => a.position - b.position);
      expect(steps.map((s) => s.position)).toEqual(steps.map((_, i) => i));
      expect(new Set(steps.map((s) => s.lane)).size).toBeGreaterThanOrEqual(3);
      expect(p.systems.length).toBeGreaterThanOrEqual(3);
    }
    // Read back through the API as well: the gap's cost is computed from the department's rate.
    const gaps = await t.ok('gaps.list', { limit: 100 });
    expect(gaps.items.every((g) => g.monthlyCostCents !== null && g.monthlyCostCents > 0)).toBe(true);
  });

  it('has gaps of all seven types on steps, with evidence, and some closed by several interventions', () => {
    const { data } = demo();
    expect(new Set(data.gaps.map((g) => g.type))).toEqual(new Set(GAP_TYPES));
    for (const g of data.gaps) {
      expect(g.stepId).not.toBeNull();
      expect(g.evidence).toBeTruthy();
      expect(g.foundOn < TODAY).toBe(true);
    }
    expect(data.gaps.some((g) => g.status === 'dismissed')).toBe(true);
    // Many-to-many: a gap closed by two interventions, an intervention closing two gaps.
    const perGap = new Map<string, number>();
    const perItv = new Map<string, number>();
    for (const l of data.gapInterventions) {
      perGap.set(l.gapId, (perGap.get(l.gapId) ?? 0) + 1);
      perItv.set(l.interventionId, (perItv.get(l.interventionId) ?? 0) + 1);
    }
    expect(Math.max(...perGap.values())).toBeGreaterThanOrEqual(2);
    expect(Math.max(...perItv.values())).toBeGreaterThanOrEqual(2);
  });

  it('has interventions in every status, on several platforms, with dates and costs', () => {
    const { data } = demo();
    expect(new Set(data.interventions.map((i) => i.status))).toEqual(new Set(INTERVENTION_STATUSES));
    const platforms = new Set(data.interventions.map((i) => i.platform));
    for (const p of ['Teams', 'Viva Engage', 'SharePoint']) expect(platforms.has(p)).toBe(true);
    expect(new Set(data.interventions.map((i) => i.kind)).size).toBeGreaterThanOrEqual(7);
    for (const i of data.interventions) {
      expect(i.oneOffCostCents + i.recurringCostCents).toBeGreaterThan(0);
      if (i.status === 'running' || i.status === 'done' || i.status === 'stopped') expect(i.startDate! <= TODAY).toBe(true);
      if (i.status === 'done' || i.status === 'stopped') expect(i.endDate! > i.startDate!).toBe(true);
      if (i.status === 'planned') expect(i.startDate! > TODAY).toBe(true);
    }
  });

  it('gives indicators a unit, baseline, target, formula and reference, linked to gaps and interventions', () => {
    const { data } = demo();
    for (const ind of data.indicators) {
      expect(ind.unit).not.toBe('');
      expect(ind.baselineValue).not.toBeNull();
      expect(ind.baselineDate! <= TODAY).toBe(true);
      expect(ind.targetDate! > TODAY).toBe(true);
      expect(ind.formula).toBeTruthy();
    }
    const dso = data.indicators.find((i) => i.name.startsWith('DSO'))!;
    expect(dso).toMatchObject({ unit: 'days', direction: 'lower', category: 'financial', reference: 'APQC PCF 9.2' });
    expect(data.indicators.filter((i) => i.reference?.startsWith('SCOR')).length).toBeGreaterThanOrEqual(2);
    expect(new Set(data.indicators.map((i) => i.category))).toEqual(new Set(['outcome', 'adoption', 'financial']));
    expect(data.indicatorLinks.some((l) => l.gapId)).toBe(true);
    expect(data.indicatorLinks.some((l) => l.interventionId)).toBe(true);
  });

  it('draws at least two years of weekly or monthly measurements ending just before today', () => {
    const { data } = demo();
    for (const rd of DEMO_RECIPE.departments) {
      for (const ri of rd.indicators) {
        const { ind, points } = seriesOf(data, ri.name);
        expect(ind.frequency).toBe(ri.frequency);
        const last = points[points.length - 1]!.period;
        expect(daysBetween(last, TODAY)).toBeGreaterThan(0);
        expect(daysBetween(last, TODAY)).toBeLessThanOrEqual(ri.frequency === 'weekly' ? 14 : 46);
        if (ri.series.from !== 'intervention') expect(daysBetween(points[0]!.period, TODAY)).toBeGreaterThanOrEqual(2 * 365);
      }
    }
  });

  it('shows the effect of each started intervention in the right direction after its start date', () => {
    const { data } = demo();
    let checked = 0;
    for (const rd of DEMO_RECIPE.departments) {
      for (const ri of rd.indicators) {
        const effect = ri.series.effect;
        if (!effect || ri.series.from === 'intervention') continue;
        const itv = data.interventions.find((i) => i.title === rd.interventions.find((x) => x.key === effect.intervention)!.title)!;
        if (!itv.startDate || itv.startDate > TODAY) continue;
        const { ind, points } = seriesOf(data, ri.name);
        expect(data.indicatorLinks.some((l) => l.indicatorId === ind.id && l.interventionId === itv.id)).toBe(true);
        const before = points.filter((p) => p.period < itv.startDate!).map((p) => p.value);
        const after = points.filter((p) => p.period >= itv.startDate!).map((p) => p.value);
        expect(before.length).toBeGreaterThanOrEqual(6);
        expect(after.length).toBeGreaterThanOrEqual(6);
        const better = (mean(after) - mean(before)) * (ind.direction === 'lower' ? -1 : 1);
        expect(better, ri.name).toBeGreaterThan(0.4 * Math.abs(effect.change));
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(12);
    // The example of the brief: DSO drops by several days once the collections forum runs.
    const { points } = seriesOf(data, 'DSO (days sales outstanding)');
    const start = data.interventions.find((i) => i.title.startsWith('Collections Q&A forum'))!.startDate!;
    const lastYearBefore = points.filter((p) => p.period < start).slice(-12).map((p) => p.value);
    const lastSixMonths = points.slice(-6).map((p) => p.value);
    expect(mean(lastYearBefore) - mean(lastSixMonths)).toBeGreaterThan(4);
  });
});

describe('boucle demo: write path, determinism, refusal', () => {
  it('writes everything through the write path in one transaction, with a change-log entry per field', () => {
    const { t } = demo();
    expect(count(t, 'SELECT COUNT(DISTINCT tx_id) FROM change_log')).toBe(1);
    const measurements = count(t, 'SELECT COUNT(*) FROM measurements');
    expect(count(t, `SELECT COUNT(DISTINCT row_id) FROM change_log WHERE entity = 'measurements'`)).toBe(measurements);
  });

  it('is the same for the same seed and day, and differs for another seed', () => {
    const values = (data: WorkspaceJson) => {
      const names = new Map(data.indicators.map((i) => [i.id, i.name]));
      return data.measurements.map((m) => `${names.get(m.indicatorId)}|${m.period}|${m.value}`).sort();
    };
    const a = values(demo(7).data);
    const b = values(demo(7).data);
    const c = values(demo(8).data);
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
    expect(c.length).toBe(a.length);
  });

  it('refuses a workspace that is not empty and changes nothing', async () => {
    const t = open();
    await t.ok('departments.create', { name: 'Legal', code: 'LEG' });
    const log = count(t, 'SELECT COUNT(*) FROM change_log');
    expect(() => createDemo(t.ws, { today: TODAY })).toThrow(/not empty \(1 departments\)/);
    expect(count(t, 'SELECT COUNT(*) FROM change_log')).toBe(log);
    expect(liveCounts(t.ws)).toMatchObject({ departments: 1, processes: 0, measurements: 0 });
  });

  it('with force, soft-deletes the existing departments with their content, then creates the demo', async () => {
    const t = open();
    const d = await t.ok('departments.create', { name: 'Legal', code: 'LEG' });
    const p = await t.ok('processes.create', { departmentId: d.id, name: 'Contract review' });
    const summary = createDemo(t.ws, { today: TODAY, force: true });
    expect(summary.replacedDepartments).toBe(1);
    expect(summary.counts.departments).toBe(3);
    const legal = t.ws.db.prepare(`SELECT deleted_at FROM departments WHERE id = ?`).pluck().get(d.id);
    const proc = t.ws.db.prepare(`SELECT deleted_at FROM processes WHERE id = ?`).pluck().get(p.id);
    expect(legal).not.toBeNull();
    expect(proc).not.toBeNull();
    // A second forced demo replaces the first one.
    createDemo(t.ws, { today: TODAY, force: true });
    expect(liveCounts(t.ws).departments).toBe(3);
  });
});
