import type { ApiInput } from '@shared/api';
import { resolvePeriod, type RelativePeriod } from '@shared/reports/period-window';

// What the dashboard asks the core for, in a module of its own (no React, no charts, no zod) that the
// app's own code holds, so the app starts that call while the dashboard's code is still loading; the
// page makes the very same call.

export const DEFAULT_PERIOD: RelativePeriod = 'last_12_months';

export const today = () => new Date().toISOString().slice(0, 10);

export function dashboardWindow(period: RelativePeriod, day = today()) {
  return resolvePeriod({ kind: 'relative', relative: period }, day);
}

export function dashboardInput(departmentId: string | null, period: RelativePeriod, day = today()): ApiInput<'dashboard.get'> {
  const w = dashboardWindow(period, day);
  return { ...(departmentId ? { departmentId } : {}), ...w };
}
