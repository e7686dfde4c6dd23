import { z } from 'zod';

// The app's side of the sync (Settings → Sync, the Sync page, `boucle sync`): what it configures,
// what a run reports, the conflicts a person resolves.

export const syncConfigure = z.object({
  serverUrl: z
    .string()
    .trim()
    .url('a web address such as https://sync.example.com')
    .refine((u) => /^https?:\/\//.test(u), 'an http:// or https:// address'),
  /** A new token (kept in a file only this user reads); omitted: keep the one there is. */
  token: z.string().trim().min(20, 'the token boucle-server token printed').max(200).optional(),
});

export const syncRun = z.object({
  /** A person confirmed what the fail-safe asked (upload to an empty server, a mass delete). */
  confirm: z.boolean().default(false),
});

export const syncShare = z.object({ departmentId: z.string().min(1), shared: z.boolean() });

export const conflictResolve = z.object({
  id: z.number().int().positive(),
  /** Which words stay on the row. */
  keep: z.enum(['kept', 'lost']),
});

export interface SyncDepartmentStatus {
  id: string;
  code: string;
  access: 'read' | 'write' | 'none';
  shared: boolean;
  revokedAt: string | null;
  /** Own changes held back (no write grant). */
  held: boolean;
  /** How many: they go once a write grant comes. */
  heldChanges: number;
}

/** How far a running sync is: pushing own changes, or downloading one department's feed. */
export interface SyncProgress {
  phase: 'push' | 'pull';
  /** The department's code while pulling. */
  department?: string;
  done: number;
  /** 0 while the total is not known yet. */
  total: number;
}

export interface SyncStatus {
  configured: boolean;
  serverUrl: string | null;
  hasToken: boolean;
  /** Where the token is kept, for the warning the browser shell shows. */
  tokenFile: string;
  /** 'keychain': sealed with the operating system's keychain (desktop app); 'file': a plain file only this user may read. */
  tokenProtection: 'keychain' | 'file';
  user: string | null;
  lastSyncAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
  refusals: string[];
  /** The last sync found these departments different from the server's and downloaded them again. */
  repaired: string[];
  /** Of those, the ones still different after the download (a person should look). */
  stillDiffer: string[];
  /** Own changes not yet offered to the server. */
  pending: number;
  /** Own changes of departments this user may not write, kept on this computer until a grant comes. */
  heldBack: number;
  conflicts: number;
  departments: SyncDepartmentStatus[];
  /** Set while a sync runs in this app (the Sync page's progress bar), else null. */
  running: SyncProgress | null;
}

export interface SyncRunResult {
  ok: boolean;
  pushed: number;
  duplicates: number;
  pulled: number;
  conflicts: number;
  refusals: string[];
  /** Departments whose checksum differed from the server's after the pull, so downloaded again. */
  repaired: string[];
  error?: { code: string; message: string };
  confirm?: { reason: 'empty_server' | 'mass_delete'; message: string };
}

export interface SyncConflict {
  id: number;
  entity: string;
  rowId: string;
  /** What the row is called (its title or name), for a person to find it. */
  rowLabel: string | null;
  field: string;
  kept: { value: unknown; by: string | null; at: string };
  lost: { value: unknown; by: string | null; at: string };
  detectedAt: string;
}
