import type { ComponentType } from 'react';
import { preloadable, preloadIdleComponents, type Preloadable } from '../components/preloadable';
import { api } from '../api/client';
import { PAGES, type Page, type Route } from '../stores/route-slice';
import { DEPT_KEY } from '../stores/workspace-slice';

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

const PAGE_CODE = Object.fromEntries(PAGES.map((p) => [p, preloadable(() => LOADERS[p]().then((m) => m.default))])) as Record<
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
    // A module of its own, fetched beside the page's code (its period rules would weigh on the first load).
    void import('../features/dashboard/dashboard-query').then(({ dashboardInput, DEFAULT_PERIOD }) =>
      api.prefetch('dashboard.get', dashboardInput(localStorage.getItem(DEPT_KEY), DEFAULT_PERIOD)),
    );
  },
};

export function openingPage(route: Route): void {
  preloadPage(route.page);
  FIRST_READS[route.page]?.(route);
}

/**
 * Once the opening page has its data and the browser is idle: the code of every page, so later first
 * visits do not wait for it. Not before: twenty chunks fetched and parsed meanwhile would hold back
 * the opening page's own calls on the same server and the same thread.
 */
export function preloadAllPagesWhenIdle(): void {
  // The pages first: their modules declare the idle components (charts, the map) when they run.
  const run = () => Promise.all(PAGES.map((p) => PAGE_CODE[p].load().catch(() => undefined))).then(preloadIdleComponents);
  const idle = () => ('requestIdleCallback' in window ? window.requestIdleCallback(() => void run(), { timeout: 3000 }) : setTimeout(() => void run(), 300));
  // A first wait lets the opening page start its calls; then wait until they are answered.
  setTimeout(() => void api.whenIdle().then(idle), 50);
}
