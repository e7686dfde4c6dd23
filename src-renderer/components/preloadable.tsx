import { createElement, lazy, type ComponentType } from 'react';

/**
 * A component whose code loads on demand, like React.lazy, but drawn at once when its code is already
 * here. React.lazy suspends on a component's first render even when its module was fetched long
 * before (preloaded on idle, on hover), and React holds a suspended boundary's content back for up
 * to 300 ms to batch reveals: every first visit of a page or chart would wait for nothing.
 * `load()` starts fetching (harmless to call again); `loaded()` says whether the code is here.
 */
export interface Preloadable<P extends object> {
  Component: ComponentType<P>;
  load(): Promise<void>;
  loaded(): boolean;
}

const onIdle: (() => Promise<void>)[] = [];

/** Fetches the code of every component marked `idle`, once the app has nothing better to do. */
export function preloadIdleComponents(): void {
  for (const load of onIdle) load().catch(() => undefined);
}

/** `idle`: also fetched by preloadIdleComponents (for the parts most first visits meet: charts, the map). */
export function preloadable<P extends object>(loader: () => Promise<ComponentType<P>>, opts: { idle?: boolean } = {}): Preloadable<P> {
  let ready: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const fetchIt = () =>
    (pending ??= loader().then(
      (c) => (ready = c),
      (e: unknown) => {
        pending = null; // a failed fetch (e.g. offline server restart) may be retried
        throw e;
      },
    ));
  const Lazy = lazy(() => fetchIt().then((c) => ({ default: c })));
  function Component(props: P) {
    return ready ? createElement(ready, props) : createElement(Lazy as unknown as ComponentType<P>, props);
  }
  const load = () => fetchIt().then(() => undefined);
  if (opts.idle) onIdle.push(load);
  return { Component, load, loaded: () => ready !== null };
}
