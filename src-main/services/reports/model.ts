import type { ReportModel, ReportSectionModel } from '../../../src-shared/reports/model';
import type { ReportSpec, SectionKind } from '../../../src-shared/reports/schemas';
import { previousWindow, resolvePeriod } from '../../../src-shared/reports/period';
import type { Workspace } from '../../db/workspace';
import { todayIso } from '../../db/ids';
import { buildDashboard } from '../dashboard/dashboard';
import { loopsClosed, openGaps, processMaps } from './model-gaps';
import { indicatorIds, indicatorPage, missingUpdates } from './model-indicators';
import { interventionRows } from './model-interventions';
import { roiSection } from './model-roi';
import { resolveScope } from './scope';

// The report model of a spec: each section's figures read once from the services, in order. The
// builder reports its progress section by section and stops between two reads when it is aborted.

export interface ModelProgress {
  (section: SectionKind, done: number, total: number): void;
}

export interface BuildOptions {
  /** The day the report is built for (relative periods end before it); default today. */
  today?: string;
  onProgress?: ModelProgress;
  signal?: AbortSignal;
}

const TOP_GAPS = 10;

/** The model section by section: yields after each read, so an async caller can let progress show. */
export function* modelSteps(ws: Workspace, spec: ReportSpec, opts: BuildOptions = {}): Generator<SectionKind, ReportModel> {
  const today = opts.today ?? todayIso();
  const w = resolvePeriod(spec.period, today);
  const scope = resolveScope(ws, spec);
  const check = () => opts.signal?.throwIfAborted();
  const progress = opts.onProgress ?? (() => undefined);
  const needsDashboard = spec.sections.some((s) => s.kind === 'executive_summary' || s.kind === 'cross_department' || s.kind === 'interventions');
  const dashboard = needsDashboard ? buildDashboard(ws, scope.ids, w) : null;

  const sections: ReportSectionModel[] = [];
  for (const [i, sec] of spec.sections.entries()) {
    check();
    progress(sec.kind, i, spec.sections.length);
    const title = sec.title;
    switch (sec.kind) {
      case 'cover':
      case 'methods':
        sections.push({ kind: sec.kind, title });
        break;
      case 'executive_summary': {
        const gaps = openGaps(ws, scope);
        const d = dashboard!;
        sections.push({
          kind: 'executive_summary',
          title,
          headline: d.headline,
          topGaps: gaps.slice(0, TOP_GAPS),
          loopsClosed: loopsClosed(ws, scope, w.from, w.to),
          charts: { gapCost: d.charts.gapCost, gapFlow: d.charts.gapFlow, benefitCost: d.charts.benefitCost },
        });
        break;
      }
      case 'cross_department': {
        const d = dashboard!;
        sections.push({ kind: 'cross_department', title, departments: d.departments ?? [], playbook: d.playbook });
        break;
      }
      case 'process_maps':
        sections.push({ kind: 'process_maps', title, maps: processMaps(ws, scope) });
        break;
      case 'gap_register':
        sections.push({ kind: 'gap_register', title, gaps: openGaps(ws, scope) });
        break;
      case 'interventions':
        sections.push({ kind: 'interventions', title, rows: interventionRows(ws, scope), mix: dashboard!.charts.interventionMix });
        break;
      case 'indicators': {
        const ids = indicatorIds(ws, scope);
        const pages = ids.map((id, n) => {
          check();
          progress('indicators', n, ids.length);
          return indicatorPage(ws, id, w.to);
        });
        sections.push({ kind: 'indicators', title, pages });
        break;
      }
      case 'roi':
        sections.push({ ...roiSection(ws, scope, w), title });
        break;
      case 'missing_updates':
        sections.push({ kind: 'missing_updates', title, rows: missingUpdates(ws, indicatorIds(ws, scope), w.to) });
        break;
    }
    yield sec.kind;
  }
  return {
    meta: {
      title: spec.title,
      language: spec.language,
      paper: spec.paper,
      companyName: spec.companyName ?? null,
      logo: spec.logo ?? null,
      confidentiality: spec.confidentiality ?? null,
      from: w.from,
      to: w.to,
      relative: spec.period.kind === 'relative' ? spec.period.relative : null,
      previous: previousWindow(w),
      generatedAt: new Date().toISOString(),
      departments: scope.departments,
      allDepartments: scope.all,
      focusIntervention: scope.focus ? { id: scope.focus.id, title: scope.focus.title } : null,
    },
    sections,
  };
}

export function buildReportModel(ws: Workspace, spec: ReportSpec, opts: BuildOptions = {}): ReportModel {
  const steps = modelSteps(ws, spec, opts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** The same, letting the event loop turn between sections (progress polls, cancel). */
export async function buildReportModelAsync(ws: Workspace, spec: ReportSpec, opts: BuildOptions = {}): Promise<ReportModel> {
  const steps = modelSteps(ws, spec, opts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
