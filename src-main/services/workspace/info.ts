import fs from 'node:fs';
import type { WorkspaceInfo } from '../../../src-shared/workspace/schemas';
import { ENTITY_NAMES } from '../../db/entities';
import { SCHEMA_VERSION } from '../../db/migrations';
import type { Workspace } from '../../db/workspace';

/** Where the workspace is and what it holds (workspace.info); `appVersion` is the running build's. */
export function workspaceInfo(ws: Workspace, appVersion: string): WorkspaceInfo {
  const counts: Record<string, number> = {};
  for (const e of ENTITY_NAMES) {
    counts[e] = ws.db.prepare(`SELECT COUNT(*) FROM ${e} WHERE deleted_at IS NULL`).pluck().get() as number;
  }
  const size = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);
  return {
    dataDir: ws.dataDir,
    databaseFile: ws.databaseFile,
    nodeId: ws.nodeId,
    schemaVersion: SCHEMA_VERSION,
    appVersion,
    counts,
    databaseBytes: size(ws.databaseFile) + size(`${ws.databaseFile}-wal`),
    // The log is append-only and seq is its rowid, so the last seq is the count, read in O(log n):
    // a COUNT(*) would scan millions of entries after a big import, and this runs after every edit.
    historyEntries: ws.db.prepare(`SELECT COALESCE(MAX(seq), 0) FROM change_log`).pluck().get() as number,
  };
}
