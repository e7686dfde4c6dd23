import type { MapStep, ProcessMap } from './map';
import { wrapText } from './map-drawing';

// The swimlane layout of a process map, pure and deterministic (no DOM), shared by the app and the reports
// (the same boxes on screen and on paper). Choices, for legibility rather than compactness:
//  * lanes are rows in the core's order; the step column is its "layer": one more than the latest of
//    the steps flowing into it (forward flows only), so parallel branches share columns and the map
//    reads left → right; a flow to an earlier or same step (position not after its source) is a loop;
//  * steps of a sub-process start one column after it, and what follows the sub-process comes after
//    all its inner steps; inner steps are drawn inside a dashed frame spanning them;
//  * two steps falling in the same lane and column are stacked inside the lane, which grows;
//  * a process with no flows at all (drawn by hand in the step editor) is read as a sequence.
// Arrows are orthogonal and run in the gutters between columns and lanes, where no box ever sits, and
// never across a name: a step's is inside its box, a decision's under its diamond, and loops leave and
// enter a decision by its lower sides and run under the band of those names.

export const LABEL_W = 156;
export const BOX_W = 156;
export const BOX_H = 62;
export const COL_GAP = 60;
export const LANE_PAD = 18;
export const TOP = 8;
export const RIGHT_PAD = 40;
export const LEGEND_H = 40;
export const COL_W = BOX_W + COL_GAP;
export const GATEWAY_R = 26;
/** Free band under a row of boxes (loops run there); more under a row holding a decision, whose name is written below it. */
export const ROW_GAP = 38;
export const ROW_GAP_DECISION = 58;
/** A decision's name: 12 px text, at most 2 lines of 22 characters, under the diamond. */
const NAME_LINE_H = 14;
const NAME_CHAR_W = 6.6;

export interface PlacedStep {
  step: MapStep;
  layer: number;
  laneIndex: number;
  stack: number;
  /** Box (or, for a gateway, the diamond's bounding square) in map coordinates. */
  x: number;
  y: number;
  w: number;
  h: number;
  cx: number;
  cy: number;
  /** Where the step's name is drawn: inside the box, or under a decision's diamond (`lines` at `baselines`). */
  label: StepLabel;
  implicit?: false;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface StepLabel {
  /** The area the text takes (a box's inside, or the lines under a diamond). */
  box: Rect;
  /** A decision's name, wrapped; empty for a box (which draws its own lines inside itself). */
  lines: string[];
  baselines: number[];
}

export interface PlacedLane {
  name: string | null;
  y: number;
  h: number;
  index: number;
}

export interface PlacedEdge {
  id: string;
  from: string;
  to: string;
  label: string | null;
  kind: 'sequence' | 'default' | 'conditional' | 'implicit';
  loop: boolean;
  /** SVG path data. */
  d: string;
  labelX: number;
  labelY: number;
  labelAnchor: 'start' | 'middle' | 'end';
  /** How many characters of the label fit where it is drawn (the full text is in its tooltip). */
  labelMax: number;
}

export interface SubFrame {
  parentId: string;
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
  depth: number;
}

export interface MapLayout {
  width: number;
  height: number;
  lanes: PlacedLane[];
  steps: PlacedStep[];
  edges: PlacedEdge[];
  frames: SubFrame[];
  legendY: number;
}

const laneKey = (lane: string | null) => lane ?? '\u0000';

function labelOf(s: MapStep, x: number, y: number, w: number, h: number, cx: number): StepLabel {
  if (s.kind !== 'gateway') return { box: { x: x + 4, y: y + 4, w: w - 8, h: h - 8 }, lines: [], baselines: [] };
  const lines = wrapText(s.name, 22, 2);
  const textW = Math.max(...lines.map((l) => l.length), 1) * NAME_CHAR_W + 6;
  const baselines = lines.map((_, i) => y + h + 14 + i * NAME_LINE_H);
  // From the cap height of the first line to the descenders of the last.
  const top = y + h + 3;
  const bottom = (baselines.at(-1) ?? y + h + 14) + 4;
  return { box: { x: cx - textW / 2, y: top, w: textW, h: bottom - top }, lines, baselines };
}

/** The straight runs of a flow's path (our paths use M, H and V only), as [x1, y1, x2, y2]. */
export function pathSegments(d: string): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  let x = 0;
  let y = 0;
  for (const m of d.matchAll(/([MHV])\s*(-?[\d.]+)(?:,(-?[\d.]+))?/g)) {
    const [, op, a, b] = m;
    if (op === 'M') {
      x = Number(a);
      y = Number(b);
      continue;
    }
    const nx = op === 'H' ? Number(a) : x;
    const ny = op === 'V' ? Number(a) : y;
    out.push([x, y, nx, ny]);
    x = nx;
    y = ny;
  }
  return out;
}

export function layoutMap(map: ProcessMap): MapLayout {
  const steps = map.steps;
  const index = new Map(steps.map((s, i) => [s.id, i]));
  const byId = new Map(steps.map((s) => [s.id, s]));
  const laneIndex = new Map(map.lanes.map((l, i) => [laneKey(l.name), i]));

  // A flow is forward when its target comes later in the process order; anything else closes a loop.
  const forwardIn = new Map<string, string[]>();
  for (const f of map.flows) {
    const a = index.get(f.fromStepId);
    const b = index.get(f.toStepId);
    if (a === undefined || b === undefined || b <= a) continue;
    (forwardIn.get(f.toStepId) ?? forwardIn.set(f.toStepId, []).get(f.toStepId)!).push(f.fromStepId);
  }
  const implicitSequence = map.flows.length === 0;

  const isInside = (id: string, ancestor: string): boolean => {
    let p = byId.get(id)?.parentStepId ?? null;
    const seen = new Set<string>();
    while (p && !seen.has(p)) {
      if (p === ancestor) return true;
      seen.add(p);
      p = byId.get(p)?.parentStepId ?? null;
    }
    return false;
  };

  const layer = new Map<string, number>();
  /** Last column used by a step and everything nested in it. */
  const end = new Map<string, number>();
  steps.forEach((s, i) => {
    let l = s.parentStepId && layer.has(s.parentStepId) ? layer.get(s.parentStepId)! + 1 : 0;
    const preds = forwardIn.get(s.id) ?? [];
    for (const p of preds) {
      const pl = isInside(s.id, p) ? layer.get(p) : end.get(p);
      if (pl !== undefined) l = Math.max(l, pl + 1);
    }
    if (implicitSequence && i > 0) {
      const prev = steps[i - 1]!;
      l = Math.max(l, (s.parentStepId === prev.id ? layer.get(prev.id)! : end.get(prev.id)!) + 1);
    }
    layer.set(s.id, l);
    end.set(s.id, l);
    // Widen every enclosing sub-process so what follows it starts after its inner steps.
    let p = s.parentStepId;
    const seen = new Set<string>();
    while (p && !seen.has(p)) {
      seen.add(p);
      end.set(p, Math.max(end.get(p) ?? 0, l));
      p = byId.get(p)?.parentStepId ?? null;
    }
  });

  // Stack steps sharing a lane and a column.
  const stackOf = new Map<string, number>();
  const cellCount = new Map<string, number>();
  const laneRows: number[] = map.lanes.map(() => 1);
  /** Rows (lane|stack) holding a decision: their band below is deeper, for its name above the loops. */
  const decisionRows = new Set<string>();
  for (const s of steps) {
    const li = laneIndex.get(laneKey(s.lane)) ?? map.lanes.length - 1;
    const key = `${li}|${layer.get(s.id)}`;
    const n = cellCount.get(key) ?? 0;
    cellCount.set(key, n + 1);
    stackOf.set(s.id, n);
    laneRows[li] = Math.max(laneRows[li] ?? 1, n + 1);
    if (s.kind === 'gateway') decisionRows.add(`${li}|${n}`);
  }
  const gapBelow = (li: number, stack: number) => (decisionRows.has(`${li}|${stack}`) ? ROW_GAP_DECISION : ROW_GAP);
  /** Top of each stacked row, from the lane's first row. */
  const rowTop = map.lanes.map((_, li) => {
    const tops = [0];
    for (let k = 1; k < (laneRows[li] ?? 1); k++) tops.push(tops[k - 1]! + BOX_H + gapBelow(li, k - 1));
    return tops;
  });

  const lanes: PlacedLane[] = [];
  let y = TOP;
  map.lanes.forEach((l, i) => {
    // Room under the last row for a decision's name and for loops running back under the boxes.
    const last = (laneRows[i] ?? 1) - 1;
    const h = LANE_PAD + rowTop[i]![last]! + BOX_H + gapBelow(i, last);
    lanes.push({ name: l.name, y, h, index: i });
    y += h;
  });
  const lanesBottom = y;

  let maxLayer = 0;
  const placed: PlacedStep[] = steps.map((s) => {
    const li = laneIndex.get(laneKey(s.lane)) ?? lanes.length - 1;
    const lane = lanes[li]!;
    const l = layer.get(s.id)!;
    maxLayer = Math.max(maxLayer, l);
    const stack = stackOf.get(s.id)!;
    const cellX = LABEL_W + COL_GAP / 2 + l * COL_W;
    const cellY = lane.y + LANE_PAD + rowTop[li]![stack]!;
    const gateway = s.kind === 'gateway';
    const w = gateway ? GATEWAY_R * 2 : BOX_W;
    const h = gateway ? GATEWAY_R * 2 : BOX_H;
    const x = gateway ? cellX + BOX_W / 2 - GATEWAY_R : cellX;
    const yy = cellY;
    const cx = x + w / 2;
    return { step: s, layer: l, laneIndex: li, stack, x, y: yy, w, h, cx, cy: yy + h / 2, label: labelOf(s, x, yy, w, h, cx) };
  });
  const placedById = new Map(placed.map((p) => [p.step.id, p]));

  // Which (lane, stack row, column) cells hold a box: a straight arrow must not cross one.
  const occupied = new Set(placed.map((p) => `${p.laneIndex}|${p.stack}|${p.layer}`));
  const rowClear = (p: PlacedStep, fromLayer: number, toLayer: number) => {
    for (let l = fromLayer + 1; l < toLayer; l++) if (occupied.has(`${p.laneIndex}|${p.stack}|${l}`)) return false;
    return true;
  };

  const edges: PlacedEdge[] = [];
  const loopDepthBelow = new Map<string, number>();
  const addEdge = (id: string, fromId: string, toId: string, text: string | null, kind: PlacedEdge['kind']) => {
    const a = placedById.get(fromId);
    const b = placedById.get(toId);
    if (!a || !b) return;
    const loop = (index.get(toId) ?? 0) <= (index.get(fromId) ?? 0) || b.layer <= a.layer;
    if (!loop) {
      const sx = a.x + a.w;
      const sy = a.cy;
      const tx = b.x;
      const ty = b.cy;
      const gutterAfterA = LABEL_W + COL_GAP / 2 + a.layer * COL_W + BOX_W + COL_GAP / 2;
      const gutterBeforeB = LABEL_W + COL_GAP / 2 + b.layer * COL_W - COL_GAP / 2;
      let d: string;
      // The label sits where this flow is alone: on a straight run above its middle, else next to the
      // vertical run close to the target (branches out of one gateway part there).
      let label: Pick<PlacedEdge, 'labelX' | 'labelY' | 'labelAnchor'> & { labelMax?: number };
      // Beside the vertical run, at the foot of a band between rows (just above a row's boxes): the
      // top of a band holds the names of the decisions above it and the loops of their row. Going
      // down that is just before the target's box; going up, just above the source's row.
      const nearTarget = ty > sy ? b.y - 6 : a.y - 6;
      if (Math.abs(sy - ty) < 1 && rowClear(a, a.layer, b.layer)) {
        d = `M${sx},${sy} H${tx - 2}`;
        label = { labelX: (sx + tx) / 2, labelY: sy - 6, labelAnchor: 'middle', labelMax: Math.max(6, Math.floor((tx - sx - 6) / 6)) };
      } else if (rowClear(a, a.layer, b.layer)) {
        // Along the source's row, then down or up in the gutter just before the target.
        d = `M${sx},${sy} H${gutterBeforeB} V${ty} H${tx - 2}`;
        label = { labelX: gutterBeforeB + 4, labelY: nearTarget, labelAnchor: 'start' };
      } else if (rowClear(b, a.layer, b.layer)) {
        d = `M${sx},${sy} H${gutterAfterA} V${ty} H${tx - 2}`;
        label = { labelX: gutterAfterA + 4, labelY: nearTarget, labelAnchor: 'start' };
      } else {
        // Both rows are busy: run along the top edge of the target's lane, a channel boxes never use.
        const lane = lanes[b.laneIndex]!;
        const channel = lane.y + 6;
        d = `M${sx},${sy} H${gutterAfterA} V${channel} H${gutterBeforeB} V${ty} H${tx - 2}`;
        // Under the channel, above the boxes' tops (12 px lower): 11 px type fits between them.
        label = { labelX: gutterAfterA + 4, labelY: channel + 10, labelAnchor: 'start' };
      }
      edges.push({ id, from: fromId, to: toId, label: text, kind, loop, d, labelMax: 24, ...label });
    } else {
      // A loop goes back under the boxes: down from the source into the band under its row, along
      // it, and up into the target. The band's channel runs below the decisions' names of that row;
      // a decision is left and entered by its lower sides, beside its name, never through it.
      const rowKey = `${a.laneIndex}|${a.stack}`;
      const n = (loopDepthBelow.get(rowKey) ?? 0) + 1;
      loopDepthBelow.set(rowKey, n);
      const decisionRow = decisionRows.has(rowKey);
      // Boxes and diamonds of a row share its top; the row's band starts under the boxes' height.
      const rowBottom = a.y + BOX_H;
      const lane = lanes[a.laneIndex]!;
      // 13 px under a row of plain boxes: room for the label above the channel, clear of the boxes' bottom.
      const yLoop = Math.min(rowBottom + (decisionRow ? 30 : 13) + ((n - 1) % 3) * 6, lane.y + lane.h - 3);
      const side = GATEWAY_R / 2;
      const labelHalf = (p: PlacedStep) => p.label.box.w / 2;
      let start: string;
      let sx: number;
      if (a.step.kind === 'gateway') {
        sx = Math.max(a.cx + side + 8, a.cx + labelHalf(a) + 6);
        start = `M${a.cx + side},${a.cy + side} H${sx} V${yLoop}`;
      } else {
        sx = a.cx + 10;
        start = `M${sx},${a.y + a.h} V${yLoop}`;
      }
      const sameRow = b.laneIndex === a.laneIndex && b.stack === a.stack;
      let tx: number;
      let end: string;
      if (sameRow && b.step.kind !== 'gateway') {
        tx = b.cx - 10;
        end = `V${b.y + b.h + 2}`;
      } else if (sameRow) {
        tx = Math.min(b.cx - side - 8, b.cx - labelHalf(b) - 6);
        end = `V${b.cy + side} H${b.cx - side - 2}`;
      } else {
        // Another row: up or down in the gutter just left of the target's column, then into its left side.
        tx = LABEL_W + COL_GAP / 2 + b.layer * COL_W - 10 - ((n - 1) % 3) * 5;
        const entryY = b.step.kind === 'gateway' ? b.cy + side : b.cy + 14;
        const entryX = b.step.kind === 'gateway' ? b.cx - side - 2 : b.x - 2;
        end = `V${entryY} H${entryX}`;
      }
      const d = `${start} H${tx} ${end}`;
      edges.push({
        id, from: fromId, to: toId, label: text, kind, loop, d,
        // Under the channel in a row of decisions (their names are above it), else just above it.
        labelX: (sx + tx) / 2, labelY: decisionRow ? yLoop + 12 : yLoop - 3, labelAnchor: 'middle', labelMax: Math.max(8, Math.floor(Math.abs(sx - tx) / 6.5)),
      });
    }
  };
  for (const f of map.flows) addEdge(f.id, f.fromStepId, f.toStepId, f.label, f.kind);
  if (implicitSequence) {
    for (let i = 1; i < steps.length; i++) {
      const prev = steps[i - 1]!;
      const cur = steps[i]!;
      if (cur.parentStepId === prev.id) continue; // entering a sub-process: the frame shows it
      addEdge(`seq-${prev.id}-${cur.id}`, prev.id, cur.id, null, 'implicit');
    }
  }

  // Frames around the inner steps of each sub-process (and the sub-process box itself).
  const frames: SubFrame[] = [];
  for (const p of placed) {
    const inner = placed.filter((q) => isInside(q.step.id, p.step.id));
    if (inner.length === 0) continue;
    const all = [p, ...inner];
    const pad = 8 + (3 - Math.min(p.step.depth, 3)) * 2;
    const x0 = Math.min(...all.map((q) => q.x)) - pad;
    const y0 = Math.min(...all.map((q) => q.y)) - pad - 4;
    const x1 = Math.max(...all.map((q) => q.x + q.w)) + pad;
    const y1 = Math.max(...all.map((q) => q.y + q.h)) + pad;
    frames.push({ parentId: p.step.id, name: p.step.name, x: x0, y: y0, w: x1 - x0, h: y1 - y0, depth: p.step.depth });
  }

  const width = LABEL_W + (maxLayer + 1) * COL_W + RIGHT_PAD;
  return { width, height: lanesBottom + LEGEND_H, lanes, steps: placed, edges, frames, legendY: lanesBottom + 12 };
}
