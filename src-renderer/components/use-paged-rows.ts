import { useCallback, useEffect, useRef, useState } from 'react';
import { useApp } from '../stores';

export interface Page<T> {
  items: T[];
  total: number;
}

export interface PagedRows<T> {
  /** Rows the query matches, once the first page is in. */
  total: number | null;
  /** The row at an index, or undefined while its page is loading. */
  row(index: number): T | undefined;
  /** The virtual list tells which rows are on screen; their pages are fetched if missing. */
  onRange(first: number, last: number): void;
  loading: boolean;
  error: string | null;
  /** Changes with the query (not with edits): the list goes back to its top. */
  queryKey: string;
}

/**
 * Rows of a long list fetched page by page from the core (which pages in SQL) as the virtual list
 * scrolls to them. A new query, or a change anywhere (the store's `revision`), starts over from the
 * first page; until it arrives the old rows stay on screen, so editing a gap does not flash the list.
 */
export function usePagedRows<T>(fetch: (offset: number, limit: number) => Promise<Page<T>>, deps: readonly unknown[], pageSize = 100): PagedRows<T> {
  const revision = useApp((s) => s.revision);
  // Each page remembers the query (generation) it was fetched for: older ones are shown until replaced.
  const [state, setState] = useState<{ pages: Map<number, { gen: number; items: T[] }>; total: number | null; loading: boolean; error: string | null }>({
    pages: new Map(),
    total: null,
    loading: true,
    error: null,
  });
  // Which query the pages belong to; an answer for an older one is dropped.
  const generation = useRef(0);
  const inFlight = useRef(new Set<number>());
  const visible = useRef<[number, number]>([0, 0]);
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;

  const load = useCallback(
    (page: number, gen: number, fresh: boolean) => {
      inFlight.current.add(page);
      fetchRef.current(page * pageSize, pageSize).then(
        (res) => {
          if (gen !== generation.current) return;
          inFlight.current.delete(page);
          setState((s) => {
            // The first page of a new query retires what is left of the old one.
            const pages = new Map(fresh ? [...s.pages].filter(([, v]) => v.gen === gen) : s.pages);
            pages.set(page, { gen, items: res.items });
            return { pages, total: res.total, loading: fresh ? false : s.loading, error: null };
          });
        },
        (e: unknown) => {
          if (gen !== generation.current) return;
          inFlight.current.delete(page);
          setState((s) => ({ ...s, loading: false, error: e instanceof Error ? e.message : String(e) }));
        },
      );
    },
    [pageSize],
  );

  useEffect(() => {
    const gen = ++generation.current;
    inFlight.current = new Set();
    setState((s) => ({ ...s, loading: true }));
    // The first page replaces everything; the pages on screen follow through onRange.
    load(0, gen, true);
    const [first, last] = visible.current;
    for (let p = Math.floor(first / pageSize); p <= Math.floor(last / pageSize); p++) if (p > 0) load(p, gen, false);
    // `fetch` is a fresh closure each render; `deps` say when it really changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, revision, load, pageSize]);

  const { pages, total } = state;
  const row = useCallback((i: number) => pages.get(Math.floor(i / pageSize))?.items[i % pageSize], [pages, pageSize]);
  const onRange = useCallback(
    (first: number, last: number) => {
      visible.current = [first, last];
      for (let p = Math.floor(first / pageSize); p <= Math.floor(last / pageSize); p++) {
        if (pages.get(p)?.gen !== generation.current && !inFlight.current.has(p)) load(p, generation.current, false);
      }
    },
    [pages, pageSize, load],
  );
  return { total, row, onRange, loading: state.loading, error: state.error, queryKey: JSON.stringify(deps) };
}
