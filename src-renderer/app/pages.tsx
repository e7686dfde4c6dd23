import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { PAGES, type Page } from '../stores/route-slice';

// Each page lives in its feature folder and is loaded when first needed: the page the app opens on
// is fetched alongside the app's own code (not after its first render), the others once the first
// page is on screen or when the pointer reaches their link, so that a click rarely waits for code.
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

export const PAGE_COMPONENTS = Object.fromEntries(PAGES.map((p) => [p, lazy(LOADERS[p])])) as Record<
  Page,
  LazyExoticComponent<ComponentType>
>;

const started = new Set<Page>();

/** Starts loading a page's code; harmless to call again (the browser keeps one copy of a module). */
export function preloadPage(page: Page): void {
  if (started.has(page)) return;
  started.add(page);
  // A failure shows when the page is really opened, through its Suspense boundary.
  LOADERS[page]().catch(() => started.delete(page));
}

/** Once the browser is idle: the code of every page, so later first visits do not wait for it. */
export function preloadAllPagesWhenIdle(): void {
  const run = () => PAGES.forEach(preloadPage);
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 3000 });
  else setTimeout(run, 1500);
}
