// The main window's size, position and maximised state, kept in userData between launches.
// Pure (no Electron import): the file is read by the shell and the decision is tested under Node.
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const WindowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive().max(100_000),
  height: z.number().int().positive().max(100_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export const DEFAULT_SIZE = { width: 1280, height: 840 } as const;
export const MIN_SIZE = { width: 900, height: 600 } as const;
/** How much of the title bar must lie on a display for the window to be grabbable. */
const MIN_VISIBLE = 100;

/** The saved state, or null when the file is absent, not JSON or not a window state (first launch). */
export function parseWindowState(text: string | null): WindowState | null {
  if (text === null) return null;
  try {
    const r = WindowStateSchema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where to open the window: the saved bounds if enough of the window lies on one of today's displays
 * (work areas), else the saved size shrunk to fit and centred on the display it overlapped most, or
 * on the first display (a monitor was unplugged, the resolution changed). No state → default size, centred.
 */
export function restoreBounds(saved: WindowState | null, displays: readonly Rect[]): Rect & { maximized: boolean } {
  const primary = displays[0] ?? { x: 0, y: 0, width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height };
  const centre = (size: { width: number; height: number }, d: Rect): Rect => {
    const width = Math.max(Math.min(size.width, d.width), Math.min(MIN_SIZE.width, d.width));
    const height = Math.max(Math.min(size.height, d.height), Math.min(MIN_SIZE.height, d.height));
    return { x: d.x + Math.round((d.width - width) / 2), y: d.y + Math.round((d.height - height) / 2), width, height };
  };
  if (!saved) return { ...centre(DEFAULT_SIZE, primary), maximized: false };
  const bounds: Rect = { x: saved.x, y: saved.y, width: saved.width, height: saved.height };
  // The title bar: the top strip of the window, which the user needs to move it.
  const titleBar: Rect = { x: bounds.x, y: bounds.y, width: bounds.width, height: 30 };
  const fits = displays.find(
    (d) => overlap(titleBar, d) >= MIN_VISIBLE * 30 && bounds.width <= d.width && bounds.height <= d.height && bounds.y >= d.y,
  );
  if (fits) return { ...bounds, maximized: saved.maximized };
  const best = displays.reduce<Rect>((acc, d) => (overlap(bounds, d) > overlap(bounds, acc) ? d : acc), primary);
  return { ...centre(bounds, best), maximized: saved.maximized };
}
