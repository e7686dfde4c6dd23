import type { z } from 'zod';
import { BoucleError } from '../../../src-shared/errors';
import type * as S from '../../../src-shared/processes/bpmn';
import type { Workspace } from '../../db/workspace';
import type { Row } from '../../db/entities';
import type { WriteTx } from '../../db/write';
import { planImport, type PlannedProcess } from './bpmn-graph';
import type { El } from './bpmn-model';
import { checkBpmnLimits } from './bpmn-limits';
import { parseBpmn } from './bpmn-parse';
import { readBpmnSource } from './bpmn-source';
import { ensureDepartment, findDepartment } from './department-target';
import { detachFromStep } from './undo';

// BPMN 2.0 import. The whole file is parsed and planned before anything is written; the plan is then
// written in ONE transaction of the write path, so a refused or failing file leaves nothing behind.
//
// Re-importing the same file updates what the earlier import created instead of adding copies:
// a process matches on source 'bpmn' + `<file key>#<process id>` in the department, a step on its
// BPMN element id within the process. The file decides names, kinds, lanes, order and nesting;
// what the user added in Boucle stays: steps and flows of their own, and system, inputs and outputs
// once a step exists. Steps that left the file are soft-deleted; their gaps stay on the process.

type Input = z.output<typeof S.bpmnImport>;

/** The file name without folders identifies the file; without one, the id of its definitions. */
export function fileKeyOf(fileName: string | undefined, definitions: El): { key: string; label: string } {
  const base = (fileName ?? '').split(/[\\/]/).pop()!.trim();
  if (base) return { key: base.slice(0, 200), label: base.replace(/\.(bpmn2?|xml)$/i, '') || base };
  const id = typeof definitions.id === 'string' && definitions.id ? definitions.id : 'definitions';
  const name = typeof definitions.name === 'string' && definitions.name.trim() ? definitions.name.trim() : 'BPMN import';
  return { key: `definitions:${id}`.slice(0, 200), label: name };
}

function distinct(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))];
}

function writeProcess(ws: Workspace, tx: WriteTx, departmentId: string, fileKey: string, p: PlannedProcess): S.BpmnProcessResult {
  const sourceKey = `${fileKey}#${p.bpmnId}`.slice(0, 500);
  const existing = ws.db
    .prepare(
      `SELECT * FROM processes WHERE department_id = ? AND source = 'bpmn' AND source_key = ? AND deleted_at IS NULL
        ORDER BY created_at, id LIMIT 1`,
    )
    .get(departmentId, sourceKey) as Row | undefined;
  const systems = distinct(p.steps.map((s) => s.system));

  let processId: string;
  if (existing) {
    processId = existing.id as string;
    const values: Row = { name: p.name, lane_order: p.laneOrder };
    if (p.description) values.description = p.description;
    if (systems.length && (existing.systems === '[]' || !existing.systems)) values.systems = systems;
    tx.update('processes', processId, values);
  } else {
    processId = tx.insert('processes', {
      name: p.name,
      description: p.description,
      systems,
      source: 'bpmn',
      source_key: sourceKey,
      lane_order: p.laneOrder,
      department_id: departmentId,
    });
  }

  const liveSteps = ws.db
    .prepare(`SELECT * FROM steps WHERE process_id = ? AND deleted_at IS NULL ORDER BY position, id`)
    .all(processId) as Row[];
  const oldByKey = new Map(liveSteps.filter((s) => s.source_key).map((s) => [s.source_key as string, s]));
  const planned = new Set(p.steps.map((s) => s.key));

  // Steps that left the file go first, so their flows and gap links are cleared before new ones come.
  const handled = new Set<string>();
  let stepsRemoved = 0;
  for (const [key, row] of oldByKey) {
    if (planned.has(key)) continue;
    handled.add(row.id as string);
    detachFromStep(ws, tx, row.id as string);
    tx.remove('steps', row.id as string);
    stepsRemoved++;
  }

  const idByKey = new Map<string, string>();
  let stepsCreated = 0;
  let stepsUpdated = 0;
  p.steps.forEach((s, position) => {
    const parent = s.parentKey ? (idByKey.get(s.parentKey) ?? null) : null;
    const old = oldByKey.get(s.key);
    if (old) {
      const values: Row = { name: s.name, kind: s.kind, lane: s.lane, position, parent_step_id: parent };
      if (old.system === null && s.system) values.system = s.system;
      if (old.inputs === null && s.inputs) values.inputs = s.inputs;
      if (old.outputs === null && s.outputs) values.outputs = s.outputs;
      if (tx.update('steps', old.id as string, values).length) stepsUpdated++;
      idByKey.set(s.key, old.id as string);
      handled.add(old.id as string);
    } else {
      const id = tx.insert('steps', {
        process_id: processId,
        name: s.name,
        kind: s.kind,
        lane: s.lane,
        system: s.system,
        inputs: s.inputs,
        outputs: s.outputs,
        position,
        parent_step_id: parent,
        source_key: s.key,
        department_id: departmentId,
      });
      idByKey.set(s.key, id);
      stepsCreated++;
    }
  });
  // Steps the user added in Boucle keep their relative order, after the imported ones.
  let next = p.steps.length;
  for (const row of liveSteps) {
    if (handled.has(row.id as string)) continue;
    tx.update('steps', row.id as string, { position: next++ });
  }

  const liveFlows = ws.db
    .prepare(`SELECT * FROM step_flows WHERE process_id = ? AND deleted_at IS NULL`)
    .all(processId) as Row[];
  const oldFlows = new Map(liveFlows.filter((f) => f.source_key).map((f) => [f.source_key as string, f]));
  const plannedFlows = new Set(p.flows.map((f) => f.key));
  for (const [key, row] of oldFlows) {
    if (!plannedFlows.has(key)) tx.remove('step_flows', row.id as string);
  }
  const pairTaken = ws.db.prepare(
    `SELECT 1 FROM step_flows WHERE from_step_id = ? AND to_step_id = ? AND deleted_at IS NULL`,
  );
  let flows = 0;
  for (const f of p.flows) {
    const from = idByKey.get(f.fromKey);
    const to = idByKey.get(f.toKey);
    if (!from || !to) continue;
    const old = oldFlows.get(f.key);
    const values = { label: f.label, kind: f.kind, condition: f.condition };
    if (old && old.from_step_id === from && old.to_step_id === to) {
      tx.update('step_flows', old.id as string, values);
    } else {
      if (old) tx.remove('step_flows', old.id as string);
      if (pairTaken.get(from, to)) continue; // the user already drew this flow
      tx.insert('step_flows', {
        process_id: processId,
        from_step_id: from,
        to_step_id: to,
        ...values,
        source_key: f.key,
        department_id: departmentId,
      });
    }
    flows++;
  }

  return {
    id: processId,
    name: p.name,
    sourceKey,
    status: existing ? 'updated' : 'created',
    steps: p.steps.length,
    lanes: distinct([...p.laneOrder, ...p.steps.map((s) => s.lane)]).length,
    flows,
    stepsCreated,
    stepsUpdated,
    stepsRemoved,
  };
}

/** Where an import stands, for a progress bar: each phase has its share of the bar. */
export interface BpmnProgress {
  phase: 'checking' | 'reading' | 'planning' | 'writing';
  fraction: number;
}

export interface BpmnImportHooks {
  progress?(p: BpmnProgress): void;
  /** Awaited once everything is checked, before the write (a worker thread asks for write access there). */
  beforeWrite?(): Promise<void>;
}

const SHARE = { checking: [0, 0.1], reading: [0.1, 0.6], planning: [0.6, 0.7], writing: [0.7, 1] } as const;
const at = (phase: BpmnProgress['phase'], f: number): BpmnProgress => ({ phase, fraction: SHARE[phase][0] + (SHARE[phase][1] - SHARE[phase][0]) * f });

/** Parses and plans a file, refusing it when it is not importable. Reads nothing, writes nothing. */
export async function prepareBpmnImport(xml: string, fileName: string | undefined, hooks: BpmnImportHooks = {}) {
  checkBpmnLimits(xml, (p) => hooks.progress?.(at('checking', p.chars / Math.max(1, p.total))));
  hooks.progress?.(at('reading', 0));
  const parsed = await parseBpmn(xml);
  hooks.progress?.(at('planning', 0));
  const file = fileKeyOf(fileName, parsed.definitions as El);
  const plan = planImport(parsed.definitions as El, file.label);
  if (plan.processes.length === 0) {
    throw BoucleError.of('validation', 'bpmn.no_process', undefined, 'xml');
  }
  return { parsed, file, plan };
}

export async function importBpmn(ws: Workspace, input: Input, hooks: BpmnImportHooks = {}): Promise<S.BpmnImportSummary> {
  // Everything that can refuse the file runs before the write: department, XML, BPMN, plan.
  findDepartment(ws, { departmentId: input.departmentId, departmentName: input.departmentName });
  const source = readBpmnSource(input);
  const { parsed, file, plan } = await prepareBpmnImport(source.xml, source.fileName, hooks);
  await hooks.beforeWrite?.();
  // Looked up again: between the check and the write (another thread's turn), it may have changed.
  const target = findDepartment(ws, { departmentId: input.departmentId, departmentName: input.departmentName });
  const steps = Math.max(1, plan.processes.reduce((n, p) => n + p.steps.length, 0));
  let written = 0;
  hooks.progress?.(at('writing', 0));

  return ws.writer.write((tx) => {
    const dep = ensureDepartment(ws, tx, target);
    const processes = plan.processes.map((p) => {
      const r = writeProcess(ws, tx, dep.id, file.key, p);
      written += p.steps.length;
      hooks.progress?.(at('writing', written / steps));
      return r;
    });
    return {
      departmentId: dep.id,
      departmentCreated: dep.created,
      fileKey: file.key,
      processes,
      created: processes.filter((p) => p.status === 'created').length,
      updated: processes.filter((p) => p.status === 'updated').length,
      steps: processes.reduce((n, p) => n + p.steps, 0),
      lanes: processes.reduce((n, p) => n + p.lanes, 0),
      flows: processes.reduce((n, p) => n + p.flows, 0),
      warnings: [...parsed.warnings, ...plan.warnings],
    };
  });
}
