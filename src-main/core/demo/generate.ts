import { DEMO_HISTORY, DEMO_RECIPE, type DemoDepartment, type DemoIndicator, type DemoRecipe } from '../../../resources/demo';
import { BoucleError } from '../../../src-shared/errors';
import type { Workspace } from '../../db/workspace';
import { todayIso } from '../../db/ids';
import { describeCounts, liveCounts, totalRows, type EntityCounts } from '../../services/workspace/workspace-json';
import { callSync } from './api-call';
import { addDays, monthStart, pastPeriods } from './calendar';
import { createRng, hashSeed } from './prng';
import { baselineOf, drawSeries } from './series';
import { addBenefitModels } from './benefits';
import { addOutcomes } from './outcomes';

// `boucle demo`: turns the recipe of resources/demo into API calls, all in one transaction of the
// write path (a failure leaves the workspace as it was). Same seed + same day = same demo.

export const DEFAULT_DEMO_SEED = 1;

export interface DemoOptions {
  /** Seed of the measurement noise; default DEFAULT_DEMO_SEED. */
  seed?: number;
  /** The day the demo is built for (YYYY-MM-DD); default today. Histories end just before it. */
  today?: string;
  /** Delete (softly, through the API) every department of a non-empty workspace first. */
  force?: boolean;
  recipe?: DemoRecipe;
}

export interface DemoSummary {
  seed: number;
  today: string;
  /** Departments deleted first (with --force). */
  replacedDepartments: number;
  counts: EntityCounts;
}

export function createDemo(ws: Workspace, opts: DemoOptions = {}): DemoSummary {
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  const today = opts.today ?? todayIso();
  const recipe = opts.recipe ?? DEMO_RECIPE;
  const before = liveCounts(ws);
  if (totalRows(before) > 0 && !opts.force) {
    throw new BoucleError('conflict', `This workspace is not empty (${describeCounts(before)}): the demo only fills an empty workspace`);
  }
  let replacedDepartments = 0;
  ws.writer.write(() => {
    if (opts.force) {
      const ids = ws.db.prepare(`SELECT id FROM departments WHERE deleted_at IS NULL ORDER BY id`).pluck().all() as string[];
      for (const id of ids) callSync(ws, 'departments.delete', { id });
      replacedDepartments = ids.length;
      const left = liveCounts(ws);
      if (totalRows(left) > 0) throw new BoucleError('conflict', `Could not clear the workspace: ${describeCounts(left)} left outside any department`);
    }
    for (const dep of recipe.departments) buildDepartment(ws, dep, seed, today);
  });
  return { seed, today, replacedDepartments, counts: liveCounts(ws) };
}

function lookup<T>(map: Map<string, T>, key: string, what: string, where: string): T {
  const v = map.get(key);
  if (v === undefined) throw new Error(`Demo recipe: ${where} names an unknown ${what} "${key}"`);
  return v;
}

function buildDepartment(ws: Workspace, dep: DemoDepartment, seed: number, today: string) {
  const d = callSync(ws, 'departments.create', {
    name: dep.name,
    code: dep.code,
    colour: dep.colour,
    loadedHourlyRateCents: dep.loadedHourlyRateCents,
    currency: dep.currency,
  });

  const processIds = new Map<string, string>();
  const stepIds = new Map<string, string>(); // "process/step" → id
  for (const p of dep.processes) {
    const proc = callSync(ws, 'processes.create', {
      departmentId: d.id,
      name: p.name,
      owner: p.owner,
      description: p.description,
      referenceId: p.referenceId ?? null,
      systems: p.systems,
    });
    processIds.set(p.key, proc.id);
    for (const s of p.steps) {
      const step = callSync(ws, 'steps.create', {
        processId: proc.id,
        name: s.name,
        lane: s.lane,
        system: s.system,
        inputs: s.inputs ?? null,
        outputs: s.outputs ?? null,
      });
      stepIds.set(`${p.key}/${s.key}`, step.id);
    }
  }

  const gapIds = new Map<string, string>();
  dep.gaps.forEach((g, i) => {
    const gap = callSync(ws, 'gaps.create', {
      processId: lookup(processIds, g.process, 'process', `gap ${g.key}`),
      stepId: lookup(stepIds, `${g.process}/${g.step}`, 'step', `gap ${g.key}`),
      title: g.title,
      type: g.type,
      description: g.description,
      evidence: g.evidence,
      severity: g.severity,
      frequencyPerMonth: g.frequencyPerMonth,
      hoursLostPerOccurrence: g.hoursLostPerOccurrence,
      owner: g.owner,
      // Spread over the month so the gap list does not look machine-made.
      foundOn: addDays(monthStart(today, g.foundMonthsAgo), (i * 7) % 26),
    });
    if (g.dismissed) callSync(ws, 'gaps.update', { id: gap.id, status: 'dismissed' });
    gapIds.set(g.key, gap.id);
  });

  const interventions = new Map<string, { id: string; title: string; startDate: string | null; status: string }>();
  for (const it of dep.interventions) {
    const startDate = it.startMonthsAgo === null ? null : monthStart(today, it.startMonthsAgo);
    const endDate = it.endMonthsAgo === undefined || it.endMonthsAgo === null ? null : monthStart(today, it.endMonthsAgo);
    const row = callSync(ws, 'interventions.create', {
      departmentId: d.id,
      title: it.title,
      kind: it.kind,
      platform: it.platform,
      owner: it.owner,
      description: it.description,
      startDate,
      endDate,
      status: it.status,
      oneOffCostCents: it.oneOffCostCents,
      recurringCostCents: it.recurringCostCents,
      currency: dep.currency,
      expectedBenefit: it.expectedBenefit,
      ...(it.rampUpMonths === undefined ? {} : { rampUpMonths: it.rampUpMonths }),
    });
    interventions.set(it.key, { id: row.id, title: it.title, startDate, status: it.status });
    for (const g of it.closes) {
      callSync(ws, 'links.gapIntervention.add', { gapId: lookup(gapIds, g, 'gap', `intervention ${it.key}`), interventionId: row.id });
    }
  }

  const indicatorIds = new Map<string, string>();
  const effectIndicator = new Map<string, string>();
  for (const ind of dep.indicators) {
    const id = buildIndicator(ws, d.id, ind, { processIds, gapIds, interventions }, seed, today);
    indicatorIds.set(ind.key, id);
    if (ind.series.effect && !effectIndicator.has(ind.series.effect.intervention)) effectIndicator.set(ind.series.effect.intervention, id);
  }
  // First the loops closed by a measured improvement, then the benefit models (some derive from those gaps).
  addOutcomes(ws, dep, today, { gapIds, interventions, effectIndicator });
  const interventionIds = new Map([...interventions].map(([k, v]) => [k, v.id]));
  addBenefitModels(ws, dep, { gapIds, interventionIds, indicatorIds });
}

interface Refs {
  processIds: Map<string, string>;
  gapIds: Map<string, string>;
  interventions: Map<string, { id: string; title: string; startDate: string | null; status: string }>;
}

function buildIndicator(ws: Workspace, departmentId: string, ind: DemoIndicator, refs: Refs, seed: number, today: string): string {
  const where = `indicator ${ind.key}`;
  const effect = ind.series.effect ? lookup(refs.interventions, ind.series.effect.intervention, 'intervention', where) : undefined;
  // An intervention that has not started yet has no effect to show.
  const effectStart = effect?.startDate && effect.startDate <= today ? effect.startDate : null;
  const count = ind.frequency === 'weekly' ? DEMO_HISTORY.weeks : DEMO_HISTORY.months;
  const perYear = ind.frequency === 'weekly' ? 52 : 12;
  const points = drawSeries(ind.series, pastPeriods(ind.frequency, today, count), effectStart, createRng(hashSeed(seed, ind.key)));
  const baseline = baselineOf(points, effectStart, perYear, ind.series.decimals);

  const row = callSync(ws, 'indicators.create', {
    departmentId,
    name: ind.name,
    unit: ind.unit,
    direction: ind.direction,
    category: ind.category,
    baselineValue: baseline?.value ?? null,
    baselineDate: baseline?.date ?? null,
    targetValue: ind.targetValue,
    targetDate: monthStart(today, -ind.targetMonthsAhead),
    tolerancePct: ind.tolerancePct,
    frequency: ind.frequency,
    source: ind.source,
    sourceDetail: ind.sourceDetail,
    formula: ind.formula,
    reference: ind.reference ?? null,
    processId: ind.process ? lookup(refs.processIds, ind.process, 'process', where) : null,
  });
  for (const g of ind.gaps) {
    callSync(ws, 'links.indicator.add', { indicatorId: row.id, target: 'gap', targetId: lookup(refs.gapIds, g, 'gap', where) });
  }
  for (const it of ind.interventions) {
    const target = lookup(refs.interventions, it, 'intervention', where);
    callSync(ws, 'links.indicator.add', { indicatorId: row.id, target: 'intervention', targetId: target.id });
  }

  let noted = false;
  for (const p of points) {
    // Mark the first period of the effect so the chart tells its own story.
    const note = effect && effectStart && !noted && p.period >= effectStart ? `${effect.title}: started ${effectStart}` : null;
    if (note) noted = true;
    callSync(ws, 'measurements.create', { indicatorId: row.id, period: p.period, value: p.value, source: ind.sourceDetail, note });
  }
  return row.id;
}
