import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { BoucleError } from '../../../src-shared/errors';
import type * as S from '../../../src-shared/processes/templates';
import type { Workspace } from '../../db/workspace';
import { todayIso } from '../../db/ids';
import type { WriteTx } from '../../db/write';
import { ensureDepartment, findDepartment } from './department-target';
import { templatePack, type LocalText, type TemplatePack, type TemplateProcess } from './template-pack';

// Department packs (resources/templates/*.json): standard processes with their steps, typical gaps,
// suggested interventions and standard indicators. Applying a pack stores its text in one language.
// Applying it again adds only what is missing: every row it creates carries a key (processes:
// source 'template' + source_key; steps and flows: source_key; gaps, interventions, indicators:
// source_key "template:…"). Within a process that is already there, a row the user deleted is not
// brought back; a deleted process comes back whole. Typical gaps are created as open example gaps
// whose evidence says so, suggested interventions as ideas.

// Vite (app, CLI, tests) replaces the glob call with the packs' text at build time, so the built CLI
// needs no resources folder; plain Node (tsx) has no import.meta.glob, so the call throws and the packs
// are read from the repository. (Not `typeof import.meta.glob`: CommonJS bundles rewrite it to false.)
const files: Record<string, string> = bundledTemplateFiles() ?? readTemplateFiles();

function bundledTemplateFiles(): Record<string, string> | null {
  try {
    return import.meta.glob('../../../resources/templates/*.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
  } catch {
    return null;
  }
}

function readTemplateFiles(): Record<string, string> {
  const dir = path.resolve(__dirname, '../../../resources/templates');
  if (!fs.existsSync(dir)) return {};
  return Object.fromEntries(
    fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]),
  );
}

let cache: TemplatePack[] | undefined;

/** All packs, checked. A broken pack is a bug of the release: its error names the file and the path in it. */
export function loadPacks(): TemplatePack[] {
  if (cache) return cache;
  const packs = Object.entries(files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, text]) => {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        throw new Error(`Template ${file} is not valid JSON: ${(e as Error).message}`);
      }
      const parsed = templatePack.safeParse(json);
      if (!parsed.success) {
        const i = parsed.error.issues[0]!;
        throw new Error(`Template ${file} is invalid at ${i.path.join('.')}: ${i.message}`);
      }
      return parsed.data;
    });
  cache = packs;
  return packs;
}

const counts = (p: TemplateProcess) => ({
  steps: p.steps.length,
  lanes: p.lanes.length,
  gaps: p.gaps.length,
  interventions: p.interventions.length,
  indicators: p.indicators.length,
});

export function listTemplates(): S.TemplatePackSummary[] {
  return loadPacks().map((pack) => {
    const processes = pack.processes.map((p) => ({
      key: p.key,
      name: p.name,
      description: p.description ?? null,
      referenceId: p.referenceId ?? null,
      counts: counts(p),
    }));
    const sum = (k: 'steps' | 'gaps' | 'interventions' | 'indicators') => processes.reduce((n, p) => n + p.counts[k], 0);
    return {
      key: pack.key,
      name: pack.name,
      description: pack.description,
      department: pack.department,
      processes,
      counts: { processes: processes.length, steps: sum('steps'), gaps: sum('gaps'), interventions: sum('interventions'), indicators: sum('indicators') },
    };
  });
}

function findPack(name: string): TemplatePack {
  const wanted = name.trim().toLowerCase();
  const packs = loadPacks();
  const pack = packs.find(
    (p) =>
      p.key === wanted ||
      p.department.code.toLowerCase() === wanted ||
      p.name.en.toLowerCase() === wanted ||
      p.name.fr.toLowerCase() === wanted,
  );
  if (!pack) {
    throw BoucleError.of('not_found', 'template.not_found', { name, templates: packs.map((p) => p.key).join(', ') }, 'template');
  }
  return pack;
}

const EXAMPLE_NOTE: LocalText = {
  en: 'Typical gap suggested by the template: confirm it with evidence from your own process, or dismiss it.',
  fr: 'Écart type proposé par le modèle : confirmez-le avec des preuves tirées de votre processus, ou écartez-le.',
};

type Summary = S.TemplateApplySummary;
const tally = (): S.CreatedSkipped => ({ created: 0, skipped: 0 });

function applyProcess(ws: Workspace, tx: WriteTx, pack: TemplatePack, def: TemplateProcess, dep: { id: string; currency: string }, lang: S.Lang, out: Summary) {
  const t = (text: LocalText | undefined | null) => (text ? text[lang] : null);
  const base = `${pack.key}/${def.key}`;
  const one = (sql: string, ...params: unknown[]) => ws.db.prepare(sql).pluck().get(...params) as string | undefined;

  let processId = one(
    `SELECT id FROM processes WHERE department_id = ? AND source = 'template' AND source_key = ? AND deleted_at IS NULL ORDER BY created_at LIMIT 1`,
    dep.id,
    base,
  );
  if (processId) out.processes.skipped++;
  else {
    processId = tx.insert('processes', {
      name: def.name[lang],
      description: t(def.description),
      reference_id: def.referenceId ?? null,
      systems: def.systems,
      source: 'template',
      source_key: base,
      lane_order: def.lanes.map((l) => l.name[lang]),
      department_id: dep.id,
    });
    out.processes.created++;
  }
  out.processes.ids.push(processId);

  const laneName = new Map(def.lanes.map((l) => [l.key, l.name[lang]]));
  // Any row with the key counts, deleted or not: what the user removed stays removed.
  const stepByKey = new Map<string, string>();
  for (const s of def.steps) {
    const sourceKey = `${base}/step/${s.key}`;
    const row = ws.db
      .prepare(`SELECT id, deleted_at FROM steps WHERE process_id = ? AND source_key = ? ORDER BY deleted_at IS NOT NULL, created_at LIMIT 1`)
      .get(processId, sourceKey) as { id: string; deleted_at: string | null } | undefined;
    if (row) {
      out.steps.skipped++;
      if (!row.deleted_at) stepByKey.set(s.key, row.id);
      continue;
    }
    const position = ws.db.prepare(`SELECT COUNT(*) FROM steps WHERE process_id = ? AND deleted_at IS NULL`).pluck().get(processId) as number;
    const id = tx.insert('steps', {
      process_id: processId,
      name: s.name[lang],
      lane: laneName.get(s.lane)!,
      system: s.system ?? null,
      kind: s.kind,
      inputs: t(s.inputs),
      outputs: t(s.outputs),
      position,
      source_key: sourceKey,
      department_id: dep.id,
    });
    stepByKey.set(s.key, id);
    out.steps.created++;
  }

  const flows = def.flows ?? def.steps.slice(1).map((s, i) => ({ from: def.steps[i]!.key, to: s.key, label: undefined, kind: 'sequence' as const }));
  for (const f of flows) {
    const sourceKey = `${base}/flow/${f.from}->${f.to}`;
    const from = stepByKey.get(f.from);
    const to = stepByKey.get(f.to);
    const known = one(`SELECT id FROM step_flows WHERE process_id = ? AND source_key = ?`, processId, sourceKey);
    const pair = from && to ? one(`SELECT id FROM step_flows WHERE from_step_id = ? AND to_step_id = ? AND deleted_at IS NULL`, from, to) : undefined;
    if (known || pair || !from || !to) {
      out.flows.skipped++;
      continue;
    }
    tx.insert('step_flows', {
      process_id: processId,
      from_step_id: from,
      to_step_id: to,
      label: t(f.label),
      kind: f.kind,
      source_key: sourceKey,
      department_id: dep.id,
    });
    out.flows.created++;
  }

  const newGaps = new Map<string, string>();
  const gapByKey = new Map<string, string>();
  for (const g of def.gaps) {
    const sourceKey = `template:${base}/gap/${g.key}`;
    const row = ws.db
      .prepare(`SELECT id, deleted_at FROM gaps WHERE process_id = ? AND source_key = ? ORDER BY deleted_at IS NOT NULL LIMIT 1`)
      .get(processId, sourceKey) as { id: string; deleted_at: string | null } | undefined;
    if (row) {
      out.gaps.skipped++;
      if (!row.deleted_at) gapByKey.set(g.key, row.id);
      continue;
    }
    const id = tx.insert('gaps', {
      process_id: processId,
      step_id: g.step ? (stepByKey.get(g.step) ?? null) : null,
      title: g.title[lang],
      type: g.type,
      description: g.why[lang],
      evidence: EXAMPLE_NOTE[lang],
      severity: g.severity,
      frequency_per_month: g.frequencyPerMonth,
      hours_lost_per_occurrence: g.hoursLostPerOccurrence,
      status: 'open',
      found_on: todayIso(),
      source_key: sourceKey,
      department_id: dep.id,
    });
    newGaps.set(g.key, id);
    gapByKey.set(g.key, id);
    out.gaps.created++;
  }

  const byDeptKey = (table: 'interventions' | 'indicators', sourceKey: string) =>
    ws.db.prepare(`SELECT id FROM ${table} WHERE department_id = ? AND source_key = ? LIMIT 1`).pluck().get(dep.id, sourceKey) as
      | string
      | undefined;
  // A link is made only together with a gap or an intervention/indicator created now, so a link the user removed stays removed.
  const link = (table: 'gap_interventions' | 'indicator_links', values: Record<string, string>, isNew: boolean) => {
    if (!isNew) return;
    tx.insert(table, { ...values, department_id: dep.id });
    out.links.created++;
  };

  for (const v of def.interventions) {
    const sourceKey = `template:${base}/intervention/${v.key}`;
    let id = byDeptKey('interventions', sourceKey);
    const created = !id;
    if (id) out.interventions.skipped++;
    else {
      id = tx.insert('interventions', {
        title: v.title[lang],
        kind: v.kind,
        platform: v.platform,
        description: v.why[lang],
        expected_benefit: t(v.expectedBenefit),
        status: 'idea',
        currency: dep.currency,
        source_key: sourceKey,
        department_id: dep.id,
      });
      out.interventions.created++;
    }
    const live = ws.db.prepare(`SELECT 1 FROM interventions WHERE id = ? AND deleted_at IS NULL`).get(id);
    for (const gk of v.closes) {
      const gapId = gapByKey.get(gk);
      if (!gapId || !live) continue;
      link('gap_interventions', { gap_id: gapId, intervention_id: id }, created || newGaps.has(gk));
    }
  }

  for (const v of def.indicators) {
    const sourceKey = `template:${base}/indicator/${v.key}`;
    let id = byDeptKey('indicators', sourceKey);
    const created = !id;
    if (id) out.indicators.skipped++;
    else {
      const unit = typeof v.unit === 'string' ? v.unit : v.unit[lang];
      id = tx.insert('indicators', {
        process_id: processId,
        name: v.name[lang],
        unit: unit.replace('{currency}', dep.currency),
        direction: v.direction,
        category: v.category,
        frequency: v.frequency,
        source: v.source,
        formula: v.formula[lang],
        reference: v.reference ?? null,
        source_key: sourceKey,
        department_id: dep.id,
      });
      out.indicators.created++;
    }
    const live = ws.db.prepare(`SELECT 1 FROM indicators WHERE id = ? AND deleted_at IS NULL`).get(id);
    for (const gk of v.proves) {
      const gapId = gapByKey.get(gk);
      if (!gapId || !live) continue;
      link('indicator_links', { indicator_id: id, gap_id: gapId }, created || newGaps.has(gk));
    }
  }
}

export function applyTemplate(ws: Workspace, input: z.output<typeof S.templateApply>): Summary {
  const pack = findPack(input.template);
  const lang = input.lang;
  const target = findDepartment(ws, {
    departmentId: input.departmentId,
    departmentName: input.departmentName,
    fallback: { name: pack.department.name[lang], code: pack.department.code, colour: pack.department.colour },
  });
  if (target.create && input.departmentName) target.create.colour = pack.department.colour;

  return ws.writer.write((tx) => {
    const dep = ensureDepartment(ws, tx, target);
    const currency = (ws.db.prepare(`SELECT currency FROM departments WHERE id = ?`).pluck().get(dep.id) as string | undefined) ?? 'EUR';
    const out: Summary = {
      template: pack.key,
      lang,
      departmentId: dep.id,
      departmentCreated: dep.created,
      processes: { ...tally(), ids: [] },
      steps: tally(),
      flows: tally(),
      gaps: tally(),
      interventions: tally(),
      indicators: tally(),
      links: tally(),
    };
    for (const def of pack.processes) applyProcess(ws, tx, pack, def, { id: dep.id, currency }, lang, out);
    return out;
  });
}
