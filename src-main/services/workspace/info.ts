import fs from 'node:fs';
import type { WorkspaceInfo } from '../../../src-shared/workspace/schemas';
import { ENTITY_NAMES } from '../../db/entities';
import { SCHEMA_VERSION } from '../../db/migrations';
import type { Workspace } from '../../db/workspace';
import { lastSeq } from '../../db/log-read';

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
    // a COUNT(*) would scan millions of entries after a big import.
    historyEntries: lastSeq(ws.db),
    historyBytes: logBytes(ws),
  };
}

/** The change log's tables and indexes on disk (SQLite's dbstat), or null where dbstat is not built in. */
function logBytes(ws: Workspace): number | null {
  try {
    return ws.db
      .prepare(`SELECT COALESCE(SUM(pgsize), 0) FROM dbstat WHERE aggregate = TRUE AND name IN ('log_entries', 'log_entries_row', 'log_txs', 'sqlite_autoindex_log_txs_1', 'interned', 'sqlite_autoindex_interned_1')`)
      .pluck()
      .get() as number;
  } catch {
    return null;
  }
}
