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

// ------------------------------------------------------------------ backups, health, the writer lock

export const BACKUP_REASONS = ['daily', 'manual', 'before-migration', 'before-restore', 'before-import', 'copied'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface BackupInfo {
  /** The file's name in the backups folder: what restore accepts from the app. */
  name: string;
  reason: BackupReason;
  createdAt: string;
  bytes: number;
  schemaVersion: number | null;
  /** Live rows of the main tables when it was written (absent for a file copied in by hand). */
  counts: Record<string, number> | null;
  /** Checked (integrity_check or quick_check) right after it was written. */
  checked: boolean;
}

export interface BackupList {
  folder: string;
  items: BackupInfo[];
  totalBytes: number;
  /** Free space on the disk of the data folder, when the OS tells. */
  freeBytes: number | null;
}

export const backupNameInput = z.object({ name: z.string().regex(/^boucle-[0-9A-Za-z-]{1,80}\.sqlite$/, 'Not the name of a backup').max(100) }).strict();
export const emptyInput = z.object({}).strict();
export const openFolderInput = z.object({ path: z.string().min(1).max(4096) }).strict();

export const DAMAGE_KINDS = ['empty_file', 'unreadable', 'wal_without_database', 'not_a_database', 'corrupt', 'refused'] as const;
export type DamageKindName = (typeof DAMAGE_KINDS)[number];

export interface LockHolderInfo {
  pid: number;
  host: string;
  program: string;
  startedAt: string;
}

/**
 * How the open workspace stands: writable; read-only because another Boucle process writes it;
 * or damaged (opened read-only when it can be read at all, never written), with what can be done.
 */
export type WorkspaceHealth =
  | { state: 'ok'; dataDir: string; lastFullCheck: string | null }
  | { state: 'read_only'; dataDir: string; holder: LockHolderInfo | null }
  | {
      state: 'damaged';
      dataDir: string;
      kind: DamageKindName;
      detail: string;
      /** Some of it can be read: "export what can be read" is offered. */
      readable: boolean;
      latestBackup: BackupInfo | null;
    };

export interface RestoreResult {
  restored: BackupInfo;
  /** Where the database that was replaced now lies (nothing is deleted). */
  keptAside: string;
  health: WorkspaceHealth;
}

export interface RescueResult {
  file: string;
  counts: Record<string, number>;
  /** Tables, or ranges of rows, that could not be read. */
  unreadable: string[];
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
