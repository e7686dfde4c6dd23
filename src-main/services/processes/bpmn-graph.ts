import type { FlowKind, StepKind } from '../../../src-shared/processes/map';
import { ACTIVITY_KINDS, KIND_LABEL, DECISION_GATEWAYS, list, one, str, idOf, clip, diagramPositions, readLanes, cleanName, type Pos, type El } from './bpmn-model';

// From a parsed BPMN model to what Boucle stores: for each process (pool), its steps in order with
// their lanes, sub-process nesting, and the flows between steps. Pure: no database here.
//
// Choices, made for a readable swimlane map:
//  * every activity is a step (all task kinds, call activities, sub-processes);
//  * a named decision gateway (exclusive, inclusive or complex, with two or more ways out) is kept
//    as a step of kind 'gateway' — "Invoice approved?" is where work waits; other gateways
//    (parallel splits, joins, unnamed ones) and all events are collapsed into step-to-step flows,
//    whose label keeps what was said on the way ("yes", "60 minutes", "pizza received");
//  * order: a topological order of the sequence flows from the start events; back edges of loops
//    (found by a depth-first search) are ignored for the order, so loops cannot hang it; among
//    steps ready at the same time the one drawn further left comes first when the file has diagram
//    data, else the branch being followed is finished first;
//  * the inner steps of a sub-process follow it in the order and point at it (parentKey).

export interface PlannedStep {
  /** The BPMN element id: what a re-import matches on. */
  key: string;
  name: string;
  kind: StepKind;
  lane: string | null;
  parentKey: string | null;
  system: string | null;
  inputs: string | null;
  outputs: string | null;
}

export interface PlannedFlow {
  key: string;
  fromKey: string;
  toKey: string;
  label: string | null;
  kind: FlowKind;
  condition: string | null;
}

export interface PlannedProcess {
  bpmnId: string;
  name: string;
  description: string | null;
  laneOrder: string[];
  steps: PlannedStep[];
  flows: PlannedFlow[];
}

export interface BpmnPlan {
  processes: PlannedProcess[];
  warnings: string[];
}


function isStepNode(node: El, outgoing: Map<El, El[]>): boolean {
  if (ACTIVITY_KINDS[node.$type]) return true;
  return DECISION_GATEWAYS.has(node.$type) && cleanName(str(node, 'name')) !== '' && (outgoing.get(node)?.length ?? 0) >= 2;
}

/** Names of the data objects and stores an activity reads and writes; the first data store is its system. */
function dataOf(node: El) {
  const nameOf = (ref: El | undefined): { name: string; store: boolean } | null => {
    if (!ref) return null;
    const store = ref.$type === 'bpmn:DataStoreReference' || ref.$type === 'bpmn:DataStore';
    const object = ref.$type === 'bpmn:DataObjectReference' || ref.$type === 'bpmn:DataObject';
    if (!store && !object) return null;
    const name = cleanName(str(ref, 'name') ?? str(one(ref, 'dataObjectRef') ?? one(ref, 'dataStoreRef'), 'name'));
    return name ? { name, store } : null;
  };
  const ins = list(node, 'dataInputAssociations').flatMap((a) => list(a, 'sourceRef').map(nameOf));
  const outs = list(node, 'dataOutputAssociations').map((a) => nameOf(one(a, 'targetRef')));
  const names = (xs: ({ name: string } | null)[]) => [...new Set(xs.filter((x) => x !== null).map((x) => x!.name))];
  const store = [...ins, ...outs].find((x) => x?.store);
  const join = (xs: string[]) => (xs.length ? clip(xs.join(', '), 2000) : null);
  return { inputs: join(names(ins)), outputs: join(names(outs)), system: store ? clip(store.name, 60) : null };
}

interface Container {
  nodes: El[];
  flows: El[];
  outgoing: Map<El, El[]>;
  /** boundary events by the activity they are attached to */
  boundary: Map<El, El[]>;
}

function containerOf(el: El): Container {
  const elements = list(el, 'flowElements');
  const nodes = elements.filter((e) => e.$instanceOf('bpmn:FlowNode'));
  const inside = new Set(nodes);
  const flows = elements.filter(
    (e) => e.$type === 'bpmn:SequenceFlow' && inside.has(one(e, 'sourceRef')!) && inside.has(one(e, 'targetRef')!),
  );
  const outgoing = new Map<El, El[]>();
  for (const f of flows) {
    const src = one(f, 'sourceRef')!;
    outgoing.set(src, [...(outgoing.get(src) ?? []), f]);
  }
  const boundary = new Map<El, El[]>();
  for (const n of nodes) {
    const host = n.$type === 'bpmn:BoundaryEvent' ? one(n, 'attachedToRef') : undefined;
    if (host && inside.has(host)) boundary.set(host, [...(boundary.get(host) ?? []), n]);
  }
  return { nodes, flows, outgoing, boundary };
}

/**
 * Orders the nodes of one container. Successors are the targets of sequence flows plus the boundary
 * events of an activity. Back edges found by an iterative depth-first search are dropped, which
 * leaves a DAG; Kahn's algorithm then orders it.
 */
function orderNodes(c: Container, pos: Map<El, Pos>): El[] {
  const index = new Map(c.nodes.map((n, i) => [n, i]));
  const succ = new Map<El, El[]>();
  for (const n of c.nodes) {
    const targets = (c.outgoing.get(n) ?? []).map((f) => one(f, 'targetRef')!);
    succ.set(n, [...targets, ...(c.boundary.get(n) ?? [])]);
  }
  const indegree = new Map<El, number>(c.nodes.map((n) => [n, 0]));
  for (const ts of succ.values()) for (const t of ts) indegree.set(t, indegree.get(t)! + 1);

  const starts = c.nodes.filter((n) => n.$type === 'bpmn:StartEvent');
  const sources = c.nodes.filter((n) => indegree.get(n) === 0 && n.$type !== 'bpmn:StartEvent');
  const roots = [...starts, ...sources, ...c.nodes];

  // 1. Depth-first search: an edge to a node still on the path is a back edge (a loop).
  const state = new Map<El, 1 | 2>(); // 1 on the path, 2 done
  const back = new Set<string>();
  for (const root of roots) {
    if (state.has(root)) continue;
    const stack: { node: El; next: number }[] = [{ node: root, next: 0 }];
    state.set(root, 1);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const targets = succ.get(top.node)!;
      if (top.next < targets.length) {
        const t = targets[top.next++]!;
        const s = state.get(t);
        if (s === 1) back.add(`${index.get(top.node)}>${index.get(t)}`);
        else if (s === undefined) {
          state.set(t, 1);
          stack.push({ node: t, next: 0 });
        }
      } else {
        state.set(top.node, 2);
        stack.pop();
      }
    }
  }

  // 2. Kahn's algorithm on the graph without back edges.
  const forward = new Map<El, El[]>();
  const inCount = new Map<El, number>(c.nodes.map((n) => [n, 0]));
  for (const [n, ts] of succ) {
    const kept = ts.filter((t) => !back.has(`${index.get(n)}>${index.get(t)}`));
    forward.set(n, kept);
    for (const t of kept) inCount.set(t, inCount.get(t)! + 1);
  }
  const drawn = c.nodes.every((n) => pos.has(n) || n.$type === 'bpmn:BoundaryEvent');
  const where = (n: El) => pos.get(n) ?? pos.get(one(n, 'attachedToRef')!) ?? { x: Infinity, y: Infinity, horizontal: true };
  const ready: El[] = roots.filter((n, i) => inCount.get(n) === 0 && roots.indexOf(n) === i).reverse();
  const out: El[] = [];
  while (ready.length) {
    let pick = ready.length - 1; // without a drawing: the most recently freed node, so a branch is finished first
    if (drawn) {
      for (let i = 0; i < ready.length; i++) {
        const a = where(ready[i]!);
        const b = where(ready[pick]!);
        if (a.x < b.x || (a.x === b.x && (a.y < b.y || (a.y === b.y && index.get(ready[i]!)! < index.get(ready[pick]!)!)))) pick = i;
      }
    }
    const node = ready.splice(pick, 1)[0]!;
    out.push(node);
    const freed: El[] = [];
    for (const t of forward.get(node)!) {
      inCount.set(t, inCount.get(t)! - 1);
      if (inCount.get(t) === 0) freed.push(t);
    }
    ready.push(...freed.reverse()); // first way out ends on top of the stack
  }
  return out;
}

interface Walk {
  node: El;
  labels: string[];
  kind: FlowKind;
  condition: string | null;
}

/** Follows the ways out of a step through collapsed nodes (events, other gateways) to the next steps. */
function flowsFrom(step: El, c: Container, isStep: (n: El) => boolean): Walk[] {
  const found: Walk[] = [];
  const seen = new Set<El>();
  const start: Walk[] = [];
  const along = (from: El, flow: El, w: Omit<Walk, 'node'>): Walk => {
    const name = cleanName(str(flow, 'name'));
    const cond = one(flow, 'conditionExpression');
    const body = cleanName(str(cond, 'body'));
    const isDefault = one(from, 'default') === flow;
    return {
      node: one(flow, 'targetRef')!,
      labels: name ? [...w.labels, name] : w.labels,
      kind: isDefault ? 'default' : cond ? 'conditional' : w.kind,
      condition: body ? clip(body, 1000) : w.condition,
    };
  };
  const initial = { labels: [] as string[], kind: 'sequence' as FlowKind, condition: null };
  for (const f of c.outgoing.get(step) ?? []) start.push(along(step, f, initial));
  for (const b of c.boundary.get(step) ?? []) {
    const name = cleanName(str(b, 'name'));
    start.push({ node: b, labels: name ? [name] : [], kind: 'sequence', condition: null });
  }
  const stack = start.reverse();
  while (stack.length) {
    const w = stack.pop()!;
    if (isStep(w.node)) {
      if (w.node !== step) found.push(w);
      continue;
    }
    if (seen.has(w.node)) continue;
    seen.add(w.node);
    const isEvent = w.node.$instanceOf('bpmn:Event');
    const name = cleanName(str(w.node, 'name'));
    const labels = isEvent && name && w.node.$type !== 'bpmn:BoundaryEvent' ? [...w.labels, name] : w.labels;
    const next: Walk[] = [];
    for (const f of c.outgoing.get(w.node) ?? []) next.push(along(w.node, f, { ...w, labels }));
    stack.push(...next.reverse());
  }
  return found;
}

function planProcess(process: El, name: string, pos: Map<El, Pos>, warnings: string[]): PlannedProcess {
  const lanes = readLanes(process, pos);
  const steps: PlannedStep[] = [];
  const flows: PlannedFlow[] = [];
  const keys = new Set<string>();
  let unnamed = 0;

  const visit = (container: El, parentKey: string | null, parentLane: string | null) => {
    const c = containerOf(container);
    const isStep = (n: El) => isStepNode(n, c.outgoing);
    const keyOf = new Map<El, string>();
    for (const node of orderNodes(c, pos)) {
      if (!isStep(node)) continue;
      const kind: StepKind = ACTIVITY_KINDS[node.$type] ?? 'gateway';
      let key = idOf(node) || `${kind}-${steps.length + 1}`;
      while (keys.has(key)) key = `${key}'`; // a duplicated id in the file: keep both steps apart
      keys.add(key);
      keyOf.set(node, key);
      let stepName = cleanName(str(node, 'name'));
      if (!stepName) {
        unnamed++;
        stepName = `${KIND_LABEL[kind]} (${idOf(node) || key})`;
      }
      const lane = lanes.laneOf.get(node) ?? parentLane;
      const data = dataOf(node);
      steps.push({ key, name: clip(stepName, 300), kind, lane, parentKey, ...data });
      if (kind === 'sub_process') visit(node, key, lane);
    }
    const seenPairs = new Set<string>();
    for (const [node, from] of keyOf) {
      for (const w of flowsFrom(node, c, isStep)) {
        const to = keyOf.get(w.node);
        if (!to) continue;
        const pair = `${from}->${to}`;
        if (seenPairs.has(pair)) continue;
        seenPairs.add(pair);
        flows.push({
          key: pair,
          fromKey: from,
          toKey: to,
          label: w.labels.length ? clip(w.labels.join(' · '), 300) : null,
          kind: w.kind,
          condition: w.condition,
        });
      }
    }
  };
  visit(process, null, null);

  if (steps.length === 0) warnings.push(`“${name}” has no tasks or sub-processes: it was imported with no steps`);
  if (unnamed) warnings.push(`“${name}”: ${unnamed} step(s) have no name in the file and were named after their BPMN id`);
  const documentation = list(process, 'documentation').map((d) => cleanName(str(d, 'text'))).filter(Boolean);
  return {
    bpmnId: idOf(process),
    name,
    description: documentation.length ? clip(documentation.join('\n'), 10_000) : null,
    laneOrder: lanes.order,
    steps,
    flows,
  };
}

/** The processes of a file: one per pool of a collaboration (named after the pool), and each process no pool shows. */
export function planImport(defs: El, fileLabel: string): BpmnPlan {
  const warnings: string[] = [];
  const roots = list(defs, 'rootElements');
  const processes = roots.filter((r) => r.$type === 'bpmn:Process');
  const participants = roots.filter((r) => r.$type === 'bpmn:Collaboration').flatMap((c) => list(c, 'participants'));
  const poolOf = new Map<El, El>();
  for (const p of participants) {
    const ref = one(p, 'processRef');
    if (ref && !poolOf.has(ref)) poolOf.set(ref, p);
  }
  const messageFlows = roots
    .filter((r) => r.$type === 'bpmn:Collaboration')
    .reduce((n, c) => n + list(c, 'messageFlows').length, 0);
  const blackBoxes = participants.filter((p) => !one(p, 'processRef')).length;

  const pos = diagramPositions(defs);
  const planned = processes.map((proc, i) => {
    const pool = poolOf.get(proc);
    const name =
      cleanName(str(pool, 'name')) ||
      cleanName(str(proc, 'name')) ||
      (processes.length === 1 ? fileLabel : `${fileLabel} (${idOf(proc) || i + 1})`);
    return planProcess(proc, clip(name, 200), pos, warnings);
  });
  if (messageFlows) {
    warnings.push(`${messageFlows} message flow(s) between pools were not imported: flows connect steps of one process`);
  }
  if (blackBoxes) warnings.push(`${blackBoxes} pool(s) without a process (external parties) were not imported`);
  return { processes: planned, warnings };
}
