import { z } from 'zod';
import { msg } from '../messages';
import { id, optionalText, type Stamped } from '../common';
import type { Process } from './schemas';
import type { Step } from './steps';

// The swimlane map of a process: step kinds, flows between steps, reordering, undo.

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
    /**
     * A process without flows is drawn as its steps in order; with this, drawing its first flow writes
     * that order as flows too, in the same change, so the map keeps its shape (and one undo takes both back).
     */
    keepSequence: z.boolean().default(false),
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

export type StepsReorder = z.input<typeof stepsReorder>;
export type LanesReorder = z.input<typeof lanesReorder>;
export type FlowCreate = z.input<typeof flowCreate>;
export type FlowUpdate = z.input<typeof flowUpdate>;

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
