import { BUILTIN_TEMPLATES } from '../../../src-shared/reports/builtin-templates';
import { isoDate } from '../../../src-shared/common';
import type { ReportPeriod, RelativePeriod } from '../../../src-shared/reports/period';
import type { ReportSpecInput } from '../../../src-shared/reports/schemas';
import type { Department, Intervention } from '../../../src-shared/api';
import type { ReportTemplate } from '../../../src-shared/reports/schemas';
import { CliError } from '../context';

// `boucle report` options → one report spec: the template (a ready one by key, or a saved one by
// name), the departments (by code or name), the period, the language. Every refusal is one line.

export interface ReportOpts {
  format?: string;
  out?: string;
  template?: string;
  department?: string[];
  from?: string;
  to?: string;
  period?: string;
  lang?: string;
  force?: boolean;
  intervention?: string;
  paper?: string;
  title?: string;
  company?: string;
  confidentiality?: string;
  data?: string;
}

const PERIODS: Record<string, RelativePeriod> = { 'last-quarter': 'last_quarter', ytd: 'ytd', 'last-12-months': 'last_12_months' };

export function periodOf(o: ReportOpts): ReportPeriod | null {
  if (o.period !== undefined) {
    if (o.from !== undefined || o.to !== undefined) throw new CliError('give either --period or --from and --to, not both');
    const p = PERIODS[o.period];
    if (!p) throw new CliError(`--period must be ${Object.keys(PERIODS).join(', ')}, not "${o.period}"`);
    return { kind: 'relative', relative: p };
  }
  if (o.from === undefined && o.to === undefined) return null;
  if (!o.from || !o.to) throw new CliError('the period is empty: give both --from and --to (YYYY-MM-DD)');
  for (const [flag, v] of [['--from', o.from], ['--to', o.to]] as const) {
    if (!isoDate.safeParse(v).success) throw new CliError(`${flag}: "${v}" is not a date (YYYY-MM-DD)`);
  }
  if (o.from > o.to) throw new CliError(`the period is reversed: --from ${o.from} comes after --to ${o.to}`);
  return { kind: 'dates', from: o.from, to: o.to };
}

export function departmentsOf(all: Department[], names: string[] | undefined): Department[] {
  return (names ?? []).map((n) => {
    const key = n.trim().toLowerCase();
    const d = all.find((x) => x.code.toLowerCase() === key || x.name.toLowerCase() === key);
    if (!d) throw new CliError(`no department has the code or name "${n}" (there are: ${all.map((x) => x.code).join(', ') || 'none'})`);
    return d;
  });
}

export type TemplateChoice = { builtin: (typeof BUILTIN_TEMPLATES)[number] } | { saved: ReportTemplate };

export function templateOf(name: string | undefined, saved: ReportTemplate[], deps: Department[]): TemplateChoice {
  const key = (name ?? (deps.length === 1 ? 'monthly-review' : 'quarterly-cross-department')).trim().toLowerCase();
  const builtin = BUILTIN_TEMPLATES.find((t) => t.key === key);
  if (builtin) return { builtin };
  const named = saved.filter((t) => t.name.toLowerCase() === key);
  const mine = named.filter((t) => deps.some((d) => d.id === t.departmentId));
  const pick = mine[0] ?? named[0];
  if (!pick) {
    const names = [...BUILTIN_TEMPLATES.map((t) => t.key), ...saved.map((t) => `"${t.name}"`)];
    throw new CliError(`no report template is named "${name}" (try: ${names.join(', ')}; see boucle report templates)`);
  }
  return { saved: pick };
}

export function interventionOf(all: Intervention[], v: string): Intervention {
  const key = v.trim().toLowerCase();
  const i = all.find((x) => x.id === v || x.title.toLowerCase() === key) ?? all.find((x) => x.title.toLowerCase().includes(key));
  if (!i) throw new CliError(`no intervention has the title or id "${v}"`);
  return i;
}

export function specOf(o: ReportOpts, choice: TemplateChoice, deps: Department[], all: Department[], focus: Intervention | null): ReportSpecInput {
  const lang = (o.lang ?? ('saved' in choice ? choice.saved.language : 'en')).toLowerCase();
  if (lang !== 'en' && lang !== 'fr') throw new CliError(`--lang must be en or fr, not "${o.lang}"`);
  const paper = (o.paper ?? ('saved' in choice ? choice.saved.paper : 'a4')).toLowerCase();
  if (paper !== 'a4' && paper !== 'letter') throw new CliError(`--paper must be a4 or letter, not "${o.paper}"`);
  const base = 'saved' in choice ? choice.saved : null;
  const builtin = 'builtin' in choice ? choice.builtin : null;
  let scope = base?.scope ?? builtin!.scope;
  let departmentId = base?.departmentId ?? null;
  if (deps.length === 1) {
    departmentId = deps[0]!.id;
    if (scope.kind !== 'all' || builtin) scope = { kind: 'own' };
  } else if (deps.length > 1) {
    scope = { kind: 'several', departmentIds: deps.map((d) => d.id) };
  } else if (scope.kind === 'own' && !departmentId) {
    if (all.length !== 1) throw new CliError(`this template covers one department: choose it with --department (one of ${all.map((d) => d.code).join(', ') || 'none'})`);
    departmentId = all[0]!.id;
  }
  if (builtin?.needsIntervention && !focus) throw new CliError(`the ${builtin.key} template follows one intervention: name it with --intervention TITLE_OR_ID`);
  const scopeName = scope.kind === 'all' ? null : (deps[0] ?? all.find((d) => d.id === departmentId))?.name;
  const name = base?.name ?? builtin!.name[lang];
  return {
    departmentId,
    title: o.title ?? (focus ? `${name}: ${focus.title}` : scopeName && deps.length <= 1 ? `${name} — ${scopeName}` : name),
    sections: base?.sections ?? builtin!.sections,
    scope,
    period: periodOf(o) ?? base?.period ?? builtin!.period,
    language: lang,
    companyName: o.company ?? base?.companyName ?? null,
    logo: base?.logo ?? null,
    confidentiality: o.confidentiality ?? base?.confidentiality ?? null,
    paper,
    focusInterventionId: focus?.id ?? base?.focusInterventionId ?? null,
  };
}
