import { describe, expect, it } from 'vitest';
import { parseWindowState, restoreBounds } from '../../src-main/electron/window-state';
import { addRecent, parseRecent, pruneRecent, RECENT_CAP, serializeRecent } from '../../src-main/electron/recent-workspaces';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const rightMonitor = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('window state', () => {
  it('reads back what was saved, and nothing from a damaged or foreign file', () => {
    const saved = { x: 10, y: 20, width: 1200, height: 800, maximized: true };
    expect(parseWindowState(JSON.stringify(saved))).toEqual(saved);
    expect(parseWindowState(null)).toBeNull();
    expect(parseWindowState('{"x": 1')).toBeNull();
    expect(parseWindowState(JSON.stringify({ ...saved, width: -5 }))).toBeNull();
    expect(parseWindowState(JSON.stringify({ ...saved, maximized: 'yes' }))).toBeNull();
  });

  it('first launch: default size centred on the primary display', () => {
    expect(restoreBounds(null, [laptop])).toEqual({ x: 80, y: 18, width: 1280, height: 840, maximized: false });
  });

  it('keeps the saved bounds and maximised state when the window is on a display', () => {
    const saved = { x: 1600, y: 100, width: 1400, height: 900, maximized: true };
    expect(restoreBounds(saved, [laptop, rightMonitor])).toEqual(saved);
  });

  it('brings back a window left on a monitor that was unplugged, centred on the remaining one', () => {
    const saved = { x: 1600, y: 100, width: 1400, height: 900, maximized: false };
    const r = restoreBounds(saved, [laptop]);
    expect(r).toEqual({ x: 20, y: 0, width: 1400, height: 875, maximized: false });
  });

  it('a title bar above the top of the screen or barely on it is moved back', () => {
    expect(restoreBounds({ x: 100, y: -200, width: 1000, height: 700, maximized: false }, [laptop]).y).toBeGreaterThanOrEqual(0);
    const r = restoreBounds({ x: 1400, y: 100, width: 1000, height: 700, maximized: false }, [laptop]);
    expect(r.x + r.width).toBeLessThanOrEqual(1440);
  });

  it('never opens smaller than the minimum size unless the display itself is smaller', () => {
    const tiny = { x: 0, y: 0, width: 800, height: 600 };
    expect(restoreBounds({ x: 5000, y: 0, width: 1000, height: 700, maximized: false }, [tiny])).toMatchObject({ width: 800, height: 600 });
  });
});

describe('recent workspaces', () => {
  it('reads the stored list; a damaged file is an empty list', () => {
    expect(parseRecent(serializeRecent(['/a', '/b']))).toEqual(['/a', '/b']);
    expect(parseRecent(null)).toEqual([]);
    expect(parseRecent('not json')).toEqual([]);
    expect(parseRecent(JSON.stringify({ workspaces: [3] }))).toEqual([]);
  });

  it('the workspace just opened comes first, once, and the list is capped', () => {
    let list: string[] = [];
    for (let i = 0; i < RECENT_CAP + 3; i++) list = addRecent(list, `/w/${i}`);
    list = addRecent(list, '/w/5');
    expect(list[0]).toBe('/w/5');
    expect(list).toHaveLength(RECENT_CAP);
    expect(new Set(list).size).toBe(list.length);
  });

  it('drops folders that no longer exist', () => {
    expect(pruneRecent(['/here', '/gone', '/here'], (d) => d !== '/gone')).toEqual(['/here']);
  });
});
