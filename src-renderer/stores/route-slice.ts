import type { StateCreator } from 'zustand';
import type { AppState } from './index';

// Hash routes (#/processes/<id>): they work the same from file:// under Electron, where navigation
// away from index.html is blocked, and from the web shell.

export const PAGES = ['dashboard', 'processes', 'gaps', 'interventions', 'indicators', 'reports', 'sync', 'settings'] as const;
export type Page = (typeof PAGES)[number];

export interface Route {
  page: Page;
  /** Path segments after the page, e.g. a process id. */
  params: string[];
}

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const page = (PAGES as readonly string[]).includes(parts[0] ?? '') ? (parts[0] as Page) : 'dashboard';
  return { page, params: page === parts[0] ? parts.slice(1) : [] };
}

export function routeHash(page: Page, ...params: string[]): string {
  return `#/${[page, ...params].map(encodeURIComponent).join('/')}`;
}

export interface RouteSlice {
  route: Route;
  navigate(page: Page, ...params: string[]): void;
  /** Called on hashchange (back/forward). */
  syncRoute(): void;
}

export const createRouteSlice: StateCreator<AppState, [], [], RouteSlice> = (set) => ({
  route: parseHash(window.location.hash),
  navigate(page, ...params) {
    const hash = routeHash(page, ...params);
    if (window.location.hash !== hash) window.location.hash = hash;
    set({ route: { page, params } });
  },
  syncRoute() {
    set({ route: parseHash(window.location.hash) });
  },
});
