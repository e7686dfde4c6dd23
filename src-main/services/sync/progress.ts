import type { SyncProgress } from '../../../src-shared/sync/schemas';
import type { Workspace } from '../../db/workspace';

// Where a running sync stands, per open workspace, so `sync.status` can show a real progress bar
// while `sync.run` is still awaiting the server (the page polls the status; the run's own answer
// only comes at the end). In memory only: a sync that is not running has no progress.
const running = new WeakMap<Workspace, SyncProgress>();

export function setSyncProgress(ws: Workspace, p: SyncProgress): void {
  running.set(ws, { ...p });
}

export function clearSyncProgress(ws: Workspace): void {
  running.delete(ws);
}

export function syncProgress(ws: Workspace): SyncProgress | null {
  return running.get(ws) ?? null;
}
