import type { StepKind } from '../../../src-shared/processes/map';


// The parsed BPMN model read through the few properties Boucle needs: element kinds, names, diagram
// positions and lanes. What Boucle stores is planned from it in bpmn-graph.ts.

/** The parsed model, read through the few properties this file needs. */
export interface El {
  readonly $type: string;
  $instanceOf(type: string): boolean;
  [key: string]: unknown;
}

export const ACTIVITY_KINDS: Record<string, StepKind> = {
  'bpmn:Task': 'task',
  'bpmn:UserTask': 'user_task',
  'bpmn:ServiceTask': 'service_task',
  'bpmn:ManualTask': 'manual_task',
  'bpmn:ScriptTask': 'script_task',
  'bpmn:BusinessRuleTask': 'business_rule_task',
  'bpmn:SendTask': 'send_task',
  'bpmn:ReceiveTask': 'receive_task',
  'bpmn:CallActivity': 'call_activity',
  'bpmn:SubProcess': 'sub_process',
  'bpmn:Transaction': 'sub_process',
  'bpmn:AdHocSubProcess': 'sub_process',
};

export const KIND_LABEL: Record<StepKind, string> = {
  task: 'Task',
  user_task: 'User task',
  service_task: 'Service task',
  manual_task: 'Manual task',
  script_task: 'Script task',
  business_rule_task: 'Business rule task',
  send_task: 'Send task',
  receive_task: 'Receive task',
  call_activity: 'Call activity',
  sub_process: 'Sub-process',
  gateway: 'Decision',
};

export const DECISION_GATEWAYS = new Set(['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway', 'bpmn:ComplexGateway']);

export const list = (el: unknown, prop: string): El[] => {
  const v = (el as Record<string, unknown> | undefined)?.[prop];
  return Array.isArray(v) ? (v as El[]) : [];
};
export const one = (el: unknown, prop: string): El | undefined => {
  const v = (el as Record<string, unknown> | undefined)?.[prop];
  return v && typeof v === 'object' ? (v as El) : undefined;
};
export const str = (el: unknown, prop: string): string | undefined => {
  const v = (el as Record<string, unknown> | undefined)?.[prop];
  return typeof v === 'string' ? v : undefined;
};
export const idOf = (el: El) => str(el, 'id') ?? '';

/**
 * Names drawn on several lines in the modeller: "Arbeits-\nvertrag  versenden" → "Arbeits-vertrag versenden"
 * (a word broken after its hyphen is joined), "Bewerbung - \nPersonal" → "Bewerbung - Personal".
 */
export function cleanName(raw: string | undefined | null): string {
  if (!raw) return '';
  return raw.replace(/(\p{L})-[ \t]*\r?\n\s*(?=\p{Ll})/gu, '$1-').replace(/\s+/g, ' ').trim();
}

export const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export interface Pos {
  x: number;
  y: number;
  horizontal: boolean;
}

/** Diagram positions of the elements that have a shape (any diagram: bpmn-js draws one per collapsed sub-process). */
export function diagramPositions(defs: El): Map<El, Pos> {
  const out = new Map<El, Pos>();
  for (const diagram of list(defs, 'diagrams')) {
    for (const shape of list(one(diagram, 'plane'), 'planeElement')) {
      const target = one(shape, 'bpmnElement');
      const bounds = one(shape, 'bounds') as { x?: unknown; y?: unknown } | undefined;
      if (!target || typeof bounds?.x !== 'number' || typeof bounds.y !== 'number') continue;
      out.set(target, { x: bounds.x, y: bounds.y, horizontal: (shape as { isHorizontal?: unknown }).isHorizontal !== false });
    }
  }
  return out;
}

export interface LaneInfo {
  /** flow node → "Parent / Child" label of the innermost named lane holding it */
  laneOf: Map<El, string>;
  order: string[];
}

export function readLanes(process: El, pos: Map<El, Pos>): LaneInfo {
  const laneOf = new Map<El, string>();
  const order: string[] = [];
  const sorted = (lanes: El[]) => {
    if (!lanes.every((l) => pos.has(l))) return lanes; // no diagram data: the order of the file
    return [...lanes].sort((a, b) => {
      const pa = pos.get(a)!;
      const pb = pos.get(b)!;
      return pa.horizontal ? pa.y - pb.y || pa.x - pb.x : pa.x - pb.x || pa.y - pb.y;
    });
  };
  const walk = (lanes: El[], path: string[]) => {
    for (const lane of sorted(lanes)) {
      const name = cleanName(str(lane, 'name'));
      const here = name ? [...path, name] : path;
      const label = clip(here.join(' / '), 120);
      const children = list(one(lane, 'childLaneSet'), 'lanes');
      const refs = list(lane, 'flowNodeRef');
      if (label && (children.length === 0 || refs.length > 0) && !order.includes(label)) order.push(label);
      if (label) for (const node of refs) laneOf.set(node, label); // children below overwrite: innermost wins
      walk(children, here);
    }
  };
  for (const set of list(process, 'laneSets')) walk(list(set, 'lanes'), []);
  return { laneOf, order };
}
