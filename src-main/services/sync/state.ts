import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Access } from '../../../src-shared/sync/protocol';
import type { Workspace } from '../../db/workspace';

// The sync's own bookkeeping in the workspace (migration 0010): settings and cursors in sync_state,
// the departments the server shares with this user in sync_departments. The token itself is never
// in the database: it is in a file only this user may read (sync-token in the data folder, or the
// file `boucle sync --token-file` named), so a copied workspace file carries no credential.

export interface SyncSettings {
  serverUrl?: string;
  /** Where the token is read from; the default is <data>/sync-token. */
  tokenFile?: string;
  serverId?: string;
  user?: string;
  /** The last own change-log seq the server accepted (or held back, see sync_departments.held_from). */
  pushedSeq?: number;
  lastSyncAt?: string;
  lastAttemptAt?: string;
  lastError?: string | null;
  /** Refusals of the last sync, in words. */
  lastRefusals?: string[];
  /** Departments (codes) the last sync downloaded again after a checksum difference. */
  lastRepaired?: string[];
  /** Of those, the ones the download did not bring in line. */
  lastStillDiffer?: string[];
  /** Per department id: when its checksum was last compared with the server's (ms). */
  checkedAt?: Record<string, number>;
}

export function readSettings(db: Database): SyncSettings {
  const rows = db.prepare('SELECT key, value FROM sync_state').all() as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)])) as SyncSettings;
}

export function writeSettings(db: Database, patch: Partial<SyncSettings>): void {
  const set = db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const del = db.prepare('DELETE FROM sync_state WHERE key = ?');
  db.transaction(() => {
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) del.run(k);
      else set.run(k, JSON.stringify(v));
    }
  })();
}

export interface SyncDepartmentRow {
  id: string;
  code: string;
  access: Access | 'none';
  shared: number;
  cursor: number;
  revoked_at: string | null;
  held_from: number | null;
}

export function syncDepartments(db: Database): SyncDepartmentRow[] {
  return db.prepare('SELECT * FROM sync_departments ORDER BY code').all() as SyncDepartmentRow[];
}

export const defaultTokenFile = (ws: Workspace) => path.join(ws.dataDir, 'sync-token');

/**
 * Seals the token with the operating system's keychain (Electron's safeStorage in the desktop app),
 * so the token file is useless to anyone but this user on this computer. The browser shell and the
 * CLI have none: their token file is plain, readable by this user only, and the Sync page says so.
 */
export interface TokenVault {
  seal(token: string): Buffer;
  open(sealed: Buffer): string;
}

const SEALED = 'boucle-sealed-token:v1:';
let vault: TokenVault | null = null;

/** The desktop shell sets its vault once at start; null goes back to a plain file. */
export function setTokenVault(v: TokenVault | null): void {
  vault = v;
}

/** How a token saved now would be kept. */
export const tokenProtection = (): 'keychain' | 'file' => (vault ? 'keychain' : 'file');

/** Keeps a token in a file only this user can read (0600), sealed when a vault is set, replacing any before. */
export function saveToken(file: string, token: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const text = vault ? `${SEALED}${vault.seal(token.trim()).toString('base64')}` : token.trim();
  fs.writeFileSync(tmp, `${text}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** Thrown when the token file is sealed by the desktop app and this process cannot open it. */
export class SealedTokenError extends Error {}

export function readToken(file: string): string | null {
  let t: string;
  try {
    t = fs.readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
  if (!t.startsWith(SEALED)) return t || null;
  if (!vault) {
    throw new SealedTokenError(`The sync token in ${file} is sealed by the desktop app with this computer's keychain and cannot be read here: run the sync from the app, or give a token file with --token-file`);
  }
  try {
    return vault.open(Buffer.from(t.slice(SEALED.length), 'base64')).trim() || null;
  } catch {
    throw new SealedTokenError(`The sync token in ${file} cannot be unsealed with this computer's keychain (another user or computer sealed it): sign in again with a new token`);
  }
}

/** The token, or why it cannot be read (sealed elsewhere), for callers that must answer in words. */
export function tokenOrProblem(file: string): { token: string | null; problem: string | null } {
  try {
    return { token: readToken(file), problem: null };
  } catch (e) {
    if (e instanceof SealedTokenError) return { token: null, problem: e.message };
    throw e;
  }
}
