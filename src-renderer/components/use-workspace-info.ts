import type { WorkspaceInfo } from '@shared/workspace/schemas';
import { api } from '../api/client';
import { useLoad } from './use-load';

/**
 * The workspace's counts, size and ids, for the pages that show them (dashboard, sync, settings).
 * Loaded by those pages, and again after edits only while one is open: it counts every table, which
 * is not work to do after every edit app-wide on a workspace of millions of measurements.
 */
export function useWorkspaceInfo(): WorkspaceInfo | null {
  return useLoad(() => api.call('workspace.info', {}), []).data;
}
