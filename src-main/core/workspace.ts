import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Workspace } from '../db/workspace';
import { DATABASE_FILE, openDatabase, type OpenOptions } from '../db/connection';
import { newId } from '../db/ids';
import { Writer } from '../db/write';

/** The node id is generated once per installation (per workspace database) and never changes. */
function ensureNodeId(db: Database): string {
  const existing = db.prepare(`SELECT value FROM meta WHERE key = 'node_id'`).pluck().get() as string | undefined;
  if (existing) return existing;
  const id = newId().replace(/-/g, '').slice(-16);
  db.prepare(`INSERT INTO meta (key, value) VALUES ('node_id', ?)`).run(id);
  return id;
}

export function openWorkspace(dataDir: string, opts: OpenOptions = {}): Workspace {
  const db = openDatabase(dataDir, opts);
  const nodeId = ensureNodeId(db);
  const writer = new Writer(db, { nodeId });
  let closed = false;
  return {
    db,
    writer,
    dataDir,
    databaseFile: path.join(dataDir, DATABASE_FILE),
    nodeId,
    close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
