// The layout of the indicator trend (indicator-trend.ts), so that no label ever lands on another, on
// the data, on an axis or on the legend, at the sizes the app and the reports draw it:
//  * the value axis ticks on round steps only, so two labels never share a line ("57.5" over "57");
//  * baseline and target are named at the right end of their line, outside the plot, moved apart
//    when their values are close;
//  * each intervention start is a numbered badge above the plot (staggered when two are close), its
//    title in the legend, never a label across the axes;
//  * every kind of line has its own look: target solid green, baseline grey dash-dot, tolerance an
//    orange band with no outline, process limits long purple dashes, their average thin and solid.

export interface LineLook {
  color: string;
  type: 'solid' | 'dashed' | 'dotted' | number[];
  width: number;
  opacity?: number;
}

export const TREND_LOOK = {
  value: '#1c7ed6',
  target: { color: '#2f9e44', type: 'solid', width: 2 },
  baseline: { color: '#868e96', type: [10, 4, 2, 4], width: 1.5 },
  band: 'rgba(240, 140, 0, 0.14)',
  limit: { color: '#7048e8', type: [8, 5], width: 1.5 },
  centre: { color: '#7048e8', type: 'solid', width: 1, opacity: 0.55 },
  intervention: { color: '#495057', type: [3, 3], width: 1 },
} as const satisfies Record<string, LineLook | string>;

/** Where the chart is drawn; the app's indicator page and the reports both use about this size. */
export interface ChartSize {
  width: number;
  height: number;
}
export const DEFAULT_TREND_SIZE: ChartSize = { width: 1000, height: 380 };

/** How many rows the legend takes at this width (items about 7 px a character, plus icon and gap). */
export function legendRows(names: string[], size: ChartSize): number {
  const room = size.width - 24;
  let rows = 1;
  let used = 0;
  for (const n of names) {
    const w = Math.min(LEGEND_TEXT.width, n.length * 7) + 40;
    if (used > 0 && used + w > room) {
      rows++;
      used = 0;
    }
    used += w;
  }
  return rows;
}

/** Space around the plot: title and badges above, labels of the lines on the right, legend below. */
export function trendGrid(hasInterventions: boolean, rightLabels: string[], legend = 1) {
  // Right of the plot: room for the longest line label (about 7 px a character at 12 px).
  const right = rightLabels.length ? Math.min(220, Math.max(64, Math.ceil(Math.max(...rightLabels.map((l) => l.length)) * 7) + 20)) : 24;
  // The axis labels and names are kept inside these bounds (the plot shrinks to make room).
  return {
    left: 12,
    right,
    top: hasInterventions ? 104 : 80,
    bottom: 36 + 22 * legend,
    outerBoundsMode: 'same' as const,
    outerBoundsContain: 'all' as const,
  };
}

/** Axis bounds and step on round numbers that keep every line in view; labels only on multiples of the step. */
export function niceAxis(values: number[]): { min: number; max: number; interval: number } | null {
  const finite = values.filter((v) => Number.isFinite(v));
  if (!finite.length) return null;
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (lo === hi) {
    const pad = Math.abs(lo) * 0.1 || 1;
    lo -= pad;
    hi += pad;
  }
  const raw = (hi - lo) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const round = (x: number) => Math.round(x * 1e9) / 1e9;
  let min = round(Math.floor(lo / step) * step);
  let max = round(Math.ceil(hi / step) * step);
  // A line exactly on the edge would lie on the axis itself: leave a step of air.
  if (min === round(lo) && lo !== 0) min = round(min - step);
  if (max === round(hi)) max = round(max + step);
  return { min, max, interval: round(step) };
}

/** Numbers of the axis and the labels the user's way (a decimal comma in French), no more decimals than the step. */
export function axisNumber(locale: string, interval: number | undefined): (n: number) => string {
  const decimals = interval === undefined ? 2 : Math.min(6, (String(interval).split('.')[1] ?? '').length);
  const f = new Intl.NumberFormat(locale, { maximumFractionDigits: decimals });
  return (n) => f.format(n);
}

/**
 * Which of two right-hand labels goes above its line and which below, when their lines are closer on
 * screen than a label is tall; 'middle' (centred on the line) when there is room.
 */
export function rightLabelAlign(
  lines: { key: string; y: number }[],
  axis: { min: number; max: number } | null,
  size: ChartSize,
  grid: { top: number; bottom: number },
): Record<string, 'middle' | 'bottom' | 'top'> {
  const out: Record<string, 'middle' | 'bottom' | 'top'> = {};
  for (const l of lines) out[l.key] = 'middle';
  if (!axis || lines.length < 2) return out;
  const plot = Math.max(1, size.height - grid.top - grid.bottom);
  const px = (y: number) => ((y - axis.min) / (axis.max - axis.min)) * plot;
  const sorted = [...lines].sort((a, b) => b.y - a.y);
  for (let i = 0; i + 1 < sorted.length; i++) {
    if (Math.abs(px(sorted[i]!.y) - px(sorted[i + 1]!.y)) < 16) {
      out[sorted[i]!.key] = 'bottom'; // the higher one sits on top of its line
      out[sorted[i + 1]!.key] = 'top'; // the lower one under its own
    }
  }
  return out;
}

/**
 * The row (0 = just above the plot, 1 = above that) of each intervention badge, oldest first, so that
 * badges closer in time than a badge is wide are stacked, not drawn over each other.
 */
export function badgeRows(dates: string[], range: { min?: number; max?: number }, size: ChartSize, grid: { left: number; right: number }): number[] {
  if (range.min === undefined || range.max === undefined || range.max <= range.min) return dates.map(() => 0);
  const plot = Math.max(1, size.width - grid.left - grid.right - 48);
  const x = (d: string) => ((Date.parse(`${d}T00:00:00Z`) - range.min!) / (range.max! - range.min!)) * plot;
  const lastInRow: number[] = [];
  return dates.map((d) => {
    const at = x(d);
    let row = lastInRow.findIndex((end) => at - end >= 26);
    if (row === -1) row = Math.min(lastInRow.length, 1);
    lastInRow[row] = at;
    return row;
  });
}

/**
 * The time axis a little wider than the values, so no point sits on an axis and the first and last
 * dates' labels stay clear of the value axis labels in the corners.
 */
export function paddedTime(range: { min?: number; max?: number }): { min?: number; max?: number } {
  if (range.min === undefined || range.max === undefined) return range;
  const pad = Math.max((range.max - range.min) * 0.025, 86_400_000);
  return { min: range.min - pad, max: range.max + pad };
}

/** A legend entry that fits: long intervention titles are cut with an ellipsis. */
export const LEGEND_TEXT = { width: 240, overflow: 'truncate' as const, ellipsis: '…' };
