import { createElement, useEffect, useState, type ComponentType, type ReactNode } from 'react';

/**
 * A component whose code loads on demand, drawn at once when its code is already here, and without
 * Suspense while it is not. React.lazy suspends on a component's first render even when its module was
 * fetched long before (preloaded on idle, on hover), and React holds a suspended boundary's content back
 * for up to 300 ms after any fallback was shown, to batch reveals: a page whose code arrived in 60 ms
 * appeared at 300 ms. Here the component waits in its own state and draws `fallback` meanwhile, so it
 * appears the frame its code arrives. A failed fetch is thrown during render, to the error boundary.
 * `load()` starts fetching (harmless to call again); `loaded()` says whether the code is here.
 */
export interface Preloadable<P extends object> {
  Component: ComponentType<P>;
  load(): Promise<void>;
  loaded(): boolean;
}

export interface PreloadableOptions<P> {
  /** Also fetched by preloadIdleComponents (for the parts most first visits meet: charts, the map). */
  idle?: boolean;
  /** What stands in its place while the code loads (it should take the same room, so nothing jumps). */
  fallback?: (props: P) => ReactNode;
}

const onIdle: (() => Promise<void>)[] = [];

/** The loads of every component marked `idle` so far (a page's module declares its own when it runs). */
export function idleComponentLoads(): readonly (() => Promise<void>)[] {
  return onIdle;
}

export function preloadable<P extends object>(loader: () => Promise<ComponentType<P>>, opts: PreloadableOptions<P> = {}): Preloadable<P> {
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
  function Component(props: P) {
    // The same hooks whether or not the code is here, so the component keeps its place (and its
    // children their state) when it arrives.
    const [, setArrived] = useState(false);
    const [failure, setFailure] = useState<{ error: unknown } | null>(null);
    useEffect(() => {
      if (ready) return;
      let live = true;
      fetchIt().then(
        () => live && setArrived(true),
        (error: unknown) => live && setFailure({ error }),
      );
      return () => {
        live = false;
      };
    }, []);
    if (failure) throw failure.error;
    if (ready) return createElement(ready, props);
    return opts.fallback ? opts.fallback(props) : null;
  }
  const load = () => fetchIt().then(() => undefined);
  if (opts.idle) onIdle.push(load);
  return { Component, load, loaded: () => ready !== null };
}
