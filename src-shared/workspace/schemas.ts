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
  /** Entries of the change log, one per row change (each with every field it changed): history, undo and sync read them. */
  historyEntries: number;
  /** What the change log takes on disk (its tables and indexes), in bytes; null where SQLite cannot tell. */
  historyBytes: number | null;
}

/** Fill an empty workspace with the demo (three departments with two to three years of history). */
export const workspaceDemoInput = z
  .object({
    /** The language of the demo's texts: the UI's, so a French user searches French words. */
    lang: z.enum(['en', 'fr']).default('en'),
  })
  .strict();
export type WorkspaceDemoInput = z.input<typeof workspaceDemoInput>;

export interface WorkspaceDemoResult {
  /** Rows now in the workspace, by entity. */
  counts: Record<string, number>;
  /** The day the demo's history ends before (YYYY-MM-DD). */
  today: string;
}
