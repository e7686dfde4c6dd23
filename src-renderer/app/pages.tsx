import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Page } from '../stores/route-slice';

// Each page lives in its feature folder and is loaded when first opened.
export const PAGE_COMPONENTS: Record<Page, LazyExoticComponent<ComponentType>> = {
  dashboard: lazy(() => import('../features/dashboard/DashboardPage')),
  processes: lazy(() => import('../features/processes/ProcessesPage')),
  gaps: lazy(() => import('../features/gaps/GapsPage')),
  interventions: lazy(() => import('../features/interventions/InterventionsPage')),
  indicators: lazy(() => import('../features/indicators/IndicatorsPage')),
  reports: lazy(() => import('../features/reports/ReportsPage')),
  sync: lazy(() => import('../features/sync/SyncPage')),
  settings: lazy(() => import('../features/workspace/SettingsPage')),
};
