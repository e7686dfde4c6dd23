import { useCallback, useEffect, useState } from 'react';
import { useApp } from '../stores';

export interface Loaded<T> {
  data: T | null;
  loading: boolean;
  error: string | null;
  reload(): void;
}

/**
 * Loads data from the core and loads it again when `deps` change or after any mutation anywhere
 * (the store's `revision`), so every list stays fresh without each screen tracking the others.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const revision = useApp((s) => s.revision);
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<{ data: T | null; loading: boolean; error: string | null }>({
    data: null,
    loading: true,
    error: null,
  });
  const reload = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    let alive = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => alive && setState({ data, loading: false, error: null }),
      (e: unknown) => alive && setState((s) => ({ ...s, loading: false, error: e instanceof Error ? e.message : String(e) })),
    );
    return () => {
      alive = false;
    };
    // `load` is a fresh closure each render; `deps` say when it really changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, revision, tick]);

  return { ...state, reload };
}
