import type { ComponentType } from 'react';
import { Center, Loader } from '@mantine/core';
import { idleComponentLoads, preloadable, type Preloadable } from '../components/preloadable';
import { api } from '../api/client';
import { PAGES, type Page, type Route } from '../stores/route-slice';
import { DEPT_KEY } from '../stores/workspace-slice';
import { DEFAULT_PERIOD, dashboardInput } from '../features/dashboard/dashboard-query';

// Each page lives in its feature folder and is loaded when first needed: the page the app opens on
// is fetched alongside the app's own code (not after its first render), together with its first data;
// the others once the opening page has its data and the browser is idle, or when the pointer reaches
// their link, so that a click rarely waits for code. A page whose code is here is drawn at once
// (components/preloadable.tsx), without a Suspense round.
const LOADERS: Record<Page, () => Promise<{ default: ComponentType }>> = {
  dashboard: () => import('../features/dashboard/DashboardPage'),
  processes: () => import('../features/processes/ProcessesPage'),
  gaps: () => import('../features/gaps/GapsPage'),
  interventions: () => import('../features/interventions/InterventionsPage'),
  indicators: () => import('../features/indicators/IndicatorsPage'),
  reports: () => import('../features/reports/ReportsPage'),
  sync: () => import('../features/sync/SyncPage'),
  settings: () => import('../features/workspace/SettingsPage'),
};

const pageLoading = () => (
  <Center h={200}>
    <Loader size="sm" />
  </Center>
);

const PAGE_CODE = Object.fromEntries(
  PAGES.map((p) => [p, preloadable(() => LOADERS[p]().then((m) => m.default), { fallback: pageLoading })]),
) as Record<
  Page,
  Preloadable<object>
>;

export const PAGE_COMPONENTS = Object.fromEntries(PAGES.map((p) => [p, PAGE_CODE[p].Component])) as Record<Page, ComponentType>;

/** Starts loading a page's code; harmless to call again. A failure shows when the page is opened. */
export function preloadPage(page: Page): void {
  PAGE_CODE[page].load().catch(() => undefined);
}

/**
 * The first reads of the page the app opens on, started with its code rather than after it has
 * loaded and drawn (the page then makes the same calls and takes these answers, see api.prefetch).
 */
const FIRST_READS: Partial<Record<Page, (route: Route) => void>> = {
  dashboard: () => {
    api.prefetch('workspace.info', {});
    api.prefetch('dashboard.get', dashboardInput(localStorage.getItem(DEPT_KEY), DEFAULT_PERIOD));
  },
};

export function openingPage(route: Route): void {
  preloadPage(route.page);
  FIRST_READS[route.page]?.(route);
}

/**
 * A page just navigated to: if its code is not here yet, its first reads start with its code, as for
 * the opening page, rather than once the code has arrived and drawn. Once the code is here the page
 * makes its calls in the frame it opens, so there is nothing to gain.
 */
export function enteringPage(route: Route): void {
  if (!PAGE_CODE[route.page].loaded()) openingPage(route);
}

/**
 * Once the opening page has its data and the browser is idle: the code of every page, then of the
 * charts and the map, so later first visits do not wait for it. One at a time, each once the app's
 * calls are answered: all at once, thirty chunks took the browser's six connections to the server,
 * and a page opened meanwhile waited behind them for its code and its data (the dashboard's first
 * call answered in 200 ms instead of 40). Not waiting for the browser to be idle between them: on a
 * busy machine that is up to seconds each, and the last pages would still be missing when visited.
 */
export function preloadAllPagesWhenIdle(): void {
  const run = async () => {
    for (const p of PAGES) {
      await api.whenIdle();
      await PAGE_CODE[p].load().catch(() => undefined);
    }
    // After the pages: their modules declare the idle components (charts, the map) when they run.
    for (const load of idleComponentLoads()) {
      await api.whenIdle();
      await load().catch(() => undefined);
    }
  };
  const browserIdle = () => ('requestIdleCallback' in window ? window.requestIdleCallback(() => void run(), { timeout: 3000 }) : setTimeout(() => void run(), 300));
  // A first wait lets the opening page start its calls; then wait until they are answered.
  setTimeout(() => void api.whenIdle().then(browserIdle), 50);
}
