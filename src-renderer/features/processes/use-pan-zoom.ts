import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';

// Zoom and pan of the map viewport: buttons, Ctrl/⌘ + wheel (around the pointer), wheel and drag to
// pan, and "fit". The zoom never goes below MIN_ZOOM so the 12 px labels stay readable (about 5 px
// on screen at the least). "Fit" shows every lane, top to bottom; along the flow it shows as much as
// a readable zoom (MIN_FIT) allows and leaves the rest to panning, the lane names pinned on the left.

export const MIN_ZOOM = 0.4;
export const MAX_ZOOM = 2.5;
const MIN_FIT = 0.7;
const MARGIN = 24;

export interface View {
  k: number;
  tx: number;
  ty: number;
}

const clampK = (k: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));

export function usePanZoom(contentW: number, contentH: number) {
  const ref = useRef<HTMLDivElement | null>(null);
  const [view, setView] = useState<View>({ k: 1, tx: 0, ty: 0 });
  const viewRef = useRef(view);
  viewRef.current = view;
  const drag = useRef<{ x: number; y: number; tx: number; ty: number; moved: boolean; id: number } | null>(null);
  /** True right after a drag, so the click that ends it does not select a step. */
  const dragged = useRef(false);
  /** True from a "fit" until the user zooms or pans: while true, a resized viewport is fitted again. */
  const fitted = useRef(false);

  const size = () => {
    const el = ref.current;
    return { w: el?.clientWidth ?? 800, h: el?.clientHeight ?? 500 };
  };

  /** Keeps some of the map on screen: a small map is centred, a large one cannot be pushed away. */
  const clamp = useCallback(
    (v: View): View => {
      const { w, h } = size();
      const cw = contentW * v.k;
      const ch = contentH * v.k;
      const tx = cw + 2 * MARGIN <= w ? (w - cw) / 2 : Math.min(MARGIN, Math.max(w - cw - MARGIN, v.tx));
      const ty = ch + 2 * MARGIN <= h ? MARGIN : Math.min(MARGIN, Math.max(h - ch - MARGIN, v.ty));
      return { k: v.k, tx, ty };
    },
    [contentW, contentH],
  );

  const fit = useCallback(() => {
    const { w, h } = size();
    if (!contentW || !contentH) return;
    const kh = (h - 2 * MARGIN) / contentH;
    const kw = (w - 2 * MARGIN) / contentW;
    const k = Math.max(MIN_ZOOM, Math.min(1, kh, Math.max(kw, MIN_FIT)));
    fitted.current = true;
    setView(clamp({ k, tx: MARGIN, ty: MARGIN }));
  }, [contentW, contentH, clamp]);

  // The window resized, the page above grew, a side pane opened: a fitted map is fitted again.
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let last = `${el.clientWidth}x${el.clientHeight}`;
    const ro = new ResizeObserver(() => {
      const now = `${el.clientWidth}x${el.clientHeight}`;
      if (now === last) return;
      last = now;
      if (fitted.current) fit();
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [fit]);

  /** Pans as little as needed for the map box (x0, y0)–(x1, y1) to be in view, e.g. after a side pane opened. */
  const ensureVisible = useCallback(
    (x0: number, y0: number, x1: number, y1: number) => {
      setView((v) => {
        const { w, h } = size();
        let { tx, ty } = v;
        const left = x0 * v.k + tx;
        const right = x1 * v.k + tx;
        const top = y0 * v.k + ty;
        const bottom = y1 * v.k + ty;
        if (right > w - MARGIN) tx -= right - (w - MARGIN);
        if (left + (tx - v.tx) < MARGIN) tx += MARGIN - (left + (tx - v.tx));
        if (bottom > h - MARGIN) ty -= bottom - (h - MARGIN);
        if (top + (ty - v.ty) < MARGIN) ty += MARGIN - (top + (ty - v.ty));
        return tx === v.tx && ty === v.ty ? v : clamp({ k: v.k, tx, ty });
      });
    },
    [clamp],
  );

  const zoomAt = useCallback(
    (factor: number, px?: number, py?: number) => {
      fitted.current = false;
      setView((v) => {
        const { w, h } = size();
        const x = px ?? w / 2;
        const y = py ?? h / 2;
        const k = clampK(v.k * factor);
        return clamp({ k, tx: x - ((x - v.tx) * k) / v.k, ty: y - ((y - v.ty) * k) / v.k });
      });
    },
    [clamp],
  );

  /** Brings the map point (x, y) to the middle of the viewport, at a readable zoom. */
  const centerOn = useCallback(
    (x: number, y: number) => {
      fitted.current = false;
      setView((v) => {
        const { w, h } = size();
        const k = Math.max(v.k, 0.9);
        return clamp({ k, tx: w / 2 - x * k, ty: h / 2 - y * k });
      });
    },
    [clamp],
  );

  const panBy = useCallback(
    (dx: number, dy: number) => {
      fitted.current = false;
      setView((v) => clamp({ k: v.k, tx: v.tx + dx, ty: v.ty + dy }));
    },
    [clamp],
  );

  const setZoom = useCallback(
    (k: number) => {
      fitted.current = false;
      setView((v) => clamp({ ...v, k: clampK(k) }));
    },
    [clamp],
  );

  // Wheel: a native non-passive listener, since React's onWheel cannot preventDefault.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      const rect = el.getBoundingClientRect();
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - rect.left, e.clientY - rect.top);
        return;
      }
      // Read the view from the ref: preventDefault must be decided now, not in a deferred updater.
      const v = viewRef.current;
      const fits = contentW * v.k + 2 * MARGIN <= rect.width && contentH * v.k + 2 * MARGIN <= rect.height;
      if (fits) return; // nothing to pan: let the page scroll
      e.preventDefault();
      fitted.current = false;
      const dx = e.shiftKey && !e.deltaX ? e.deltaY : e.deltaX;
      const dy = e.shiftKey && !e.deltaX ? 0 : e.deltaY;
      setView((cur) => clamp({ k: cur.k, tx: cur.tx - dx, ty: cur.ty - dy }));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [zoomAt, clamp, contentW, contentH]);

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    drag.current = { x: e.clientX, y: e.clientY, tx: view.tx, ty: view.ty, moved: false, id: e.pointerId };
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < 4) return;
    if (!d.moved) {
      d.moved = true;
      fitted.current = false;
      // Captured only once it is a real drag, so a plain click still reaches the step under it.
      e.currentTarget.setPointerCapture(d.id);
    }
    setView((v) => clamp({ k: v.k, tx: d.tx + dx, ty: d.ty + dy }));
  };
  const onPointerUp = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    drag.current = null;
    if (d?.moved) {
      dragged.current = true;
      if (e.currentTarget.hasPointerCapture(d.id)) e.currentTarget.releasePointerCapture(d.id);
      setTimeout(() => (dragged.current = false), 0);
    }
  };

  return {
    ref,
    view,
    fit,
    zoomIn: () => zoomAt(1.25),
    zoomOut: () => zoomAt(1 / 1.25),
    setZoom,
    centerOn,
    ensureVisible,
    panBy,
    dragged,
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp },
  };
}
