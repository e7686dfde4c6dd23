import { z } from 'zod';
import { msg } from '../messages';
import { id, optionalText, type Stamped } from './common';
import type { Process } from './processes';
import type { Step } from './steps';

// Process maps (issue 3): the map of a process, flows between steps, undo, department templates and
// BPMN import. Inputs are zod schemas the core validates; outputs are plain DTO types.

/** What a step is on the map. BPMN task kinds keep their own kind so the map can show an icon. */
export const STEP_KINDS = [
  'task',
  'user_task',
  'service_task',
  'manual_task',
  'script_task',
  'business_rule_task',
  'send_task',
  'receive_task',
  'call_activity',
  'sub_process',
  'gateway',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** sequence: the normal next step; default: the branch taken when no condition holds; conditional: taken when its condition holds. */
export const FLOW_KINDS = ['sequence', 'default', 'conditional'] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

export const LANGS = ['en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];

// ---------------------------------------------------------------------------------------------
// Inputs

export const processMapInput = z.object({ processId: id }).strict();

export const stepsReorder = z
  .object({
    processId: id,
    orderedStepIds: z
      .array(id)
      .max(10_000)
      .refine((ids) => new Set(ids).size === ids.length, msg('map.step_twice')),
  })
  .strict();

export const lanesReorder = z
  .object({
    processId: id,
    lanes: z
      .array(z.string().trim().min(1, msg('map.lane_name')).max(120))
      .max(200)
      .refine((l) => new Set(l).size === l.length, msg('map.lane_twice')),
  })
  .strict();

const flowLabel = optionalText(300);
const flowCondition = optionalText(1000);

export const flowCreate = z
  .object({
    fromStepId: id,
    toStepId: id,
    label: flowLabel,
    kind: z.enum(FLOW_KINDS, msg('flow.kind')).default('sequence'),
    condition: flowCondition,
  })
  .strict()
  .refine((f) => f.fromStepId !== f.toStepId, { ...msg('flow.self'), path: ['toStepId'] });

export const flowUpdate = z
  .object({
    id,
    label: flowLabel,
    kind: z.enum(FLOW_KINDS, msg('flow.kind')).optional(),
    condition: flowCondition,
  })
  .strict();

export const flowList = z.object({ processId: id }).strict();

export const templateListInput = z.object({}).strict();

/** Exactly one way to say where imported or template content goes (or, for templates, none: the pack's own department). */
const departmentTarget = {
  departmentId: id.optional(),
  /** A department code or name; created (with a generated code) when no department matches. */
  departmentName: z.string().trim().min(1, msg('common.required')).max(120, msg('common.max_chars', { max: 120 })).optional(),
};

export const templateApply = z
  .object({
    template: z.string().trim().min(1, msg('template.choose')).max(60),
    ...departmentTarget,
    lang: z.enum(LANGS, msg('template.lang')).default('en'),
  })
  .strict()
  .refine((i) => !(i.departmentId && i.departmentName), {
    ...msg('department.id_or_name'),
    path: ['departmentName'],
  });

/** 30 MB of XML is far beyond any real process model; the limit keeps a wrong file from filling memory. */
export const MAX_BPMN_CHARS = 30_000_000;

export const bpmnImport = z
  .object({
    xml: z.string(msg('common.required')).max(MAX_BPMN_CHARS, msg('bpmn.too_large')),
    fileName: z.string().trim().max(255).optional(),
    ...departmentTarget,
  })
  .strict()
  .refine((i) => Boolean(i.departmentId) !== Boolean(i.departmentName), {
    ...msg('bpmn.choose_department'),
    path: ['departmentId'],
  });

export type StepsReorder = z.input<typeof stepsReorder>;
export type LanesReorder = z.input<typeof lanesReorder>;
export type FlowCreate = z.input<typeof flowCreate>;
export type FlowUpdate = z.input<typeof flowUpdate>;
export type TemplateApply = z.input<typeof templateApply>;
export type BpmnImport = z.input<typeof bpmnImport>;

// ---------------------------------------------------------------------------------------------
// Outputs

export interface StepFlow extends Stamped {
  departmentId: string;
  processId: string;
  fromStepId: string;
  toStepId: string;
  label: string | null;
  kind: FlowKind;
  condition: string | null;
  sourceKey: string | null;
}

/** The gap marker of a step (or of the process, for gaps on no step): computed in the core. */
export interface GapMarker {
  /** Gaps still open: status open or addressing. */
  openGaps: number;
  /** Highest severity (1–5) among those open gaps; null when there is none. */
  worstSeverity: number | null;
}

export interface MapStep extends Step {
  parentStepId: string | null;
  /** 0 for a top-level step, 1 inside a sub-process, 2 inside a nested one… */
  depth: number;
  gaps: GapMarker;
}

export interface MapLane {
  /** null: the row of steps that have no lane. */
  name: string | null;
  stepCount: number;
}

export interface ProcessMap {
  process: Process & { laneOrder: string[] | null };
  /** Rows of the swimlane map, top to bottom. */
  lanes: MapLane[];
  /** In process order; inner steps of a sub-process come right after it. */
  steps: MapStep[];
  /** Flows whose two steps are live. */
  flows: StepFlow[];
  /** Open gaps logged on the process but on no step. */
  processGaps: GapMarker;
  /** All open gaps of the process, on a step or not. */
  totalGaps: GapMarker;
}

export interface UndoResult {
  /** The change-log transaction that was reverted. */
  undoneTxId: string;
  /** How many field changes were reverted. */
  reverted: number;
  map: ProcessMap;
}

export interface LocalText {
  en: string;
  fr: string;
}

export interface TemplateProcessSummary {
  key: string;
  name: LocalText;
  description: LocalText | null;
  referenceId: string | null;
  counts: { steps: number; lanes: number; gaps: number; interventions: number; indicators: number };
}

export interface TemplatePackSummary {
  key: string;
  name: LocalText;
  description: LocalText;
  department: { name: LocalText; code: string; colour: string };
  processes: TemplateProcessSummary[];
  counts: { processes: number; steps: number; gaps: number; interventions: number; indicators: number };
}

export interface CreatedSkipped {
  created: number;
  /** Already there from an earlier application (or deleted by the user after it): left as they are. */
  skipped: number;
}

export interface TemplateApplySummary {
  template: string;
  lang: Lang;
  departmentId: string;
  departmentCreated: boolean;
  processes: (CreatedSkipped & { ids: string[] });
  steps: CreatedSkipped;
  flows: CreatedSkipped;
  gaps: CreatedSkipped;
  interventions: CreatedSkipped;
  indicators: CreatedSkipped;
  links: CreatedSkipped;
}

export interface BpmnProcessResult {
  id: string;
  name: string;
  /** `<file key>#<BPMN process id>`: what a re-import matches on. */
  sourceKey: string;
  status: 'created' | 'updated';
  steps: number;
  lanes: number;
  flows: number;
  stepsCreated: number;
  stepsUpdated: number;
  /** Steps of an earlier import that are no longer in the file: soft-deleted, their gaps kept on the process. */
  stepsRemoved: number;
}

export interface BpmnImportSummary {
  departmentId: string;
  departmentCreated: boolean;
  fileKey: string;
  processes: BpmnProcessResult[];
  created: number;
  updated: number;
  steps: number;
  lanes: number;
  flows: number;
  warnings: string[];
}

export type { Process, Step };
