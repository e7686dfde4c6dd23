import { z } from 'zod';

// The workspace as a whole: where it lives and what it holds.

export const workspaceInfoInput = z.object({}).strict();

export interface WorkspaceInfo {
  dataDir: string;
  databaseFile: string;
  nodeId: string;
  schemaVersion: number;
  appVersion: string;
  counts: Record<string, number>;
  /** The database file and its write-ahead log, in bytes. */
  databaseBytes: number;
  /** Entries of the change log (one per changed field): history, undo and sync read them. */
  historyEntries: number;
}
