import { useDeferredValue, type ReactNode } from 'react';

/**
 * Draws `children` in a second, interruptible render after the screen around them is on screen:
 * for the heavy lower part of a page (a grid of a hundred inputs under a chart), so the part the
 * user came for shows first. `fallback` holds the place meanwhile.
 */
export function AfterFirstPaint({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }) {
  const ready = useDeferredValue(true, false);
  return ready ? children : fallback;
}
