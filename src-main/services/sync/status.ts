import fs from 'node:fs';
import { BoucleError } from '../../../src-shared/errors';
import type { SyncStatus } from '../../../src-shared/sync/schemas';
import { ownPending } from '../../db/outbox';
import type { Workspace } from '../../db/workspace';
import { SyncFailure, SyncHttp } from './http';
import { syncProgress } from './progress';
import { heldBack } from './push';
import { defaultTokenFile, readSettings, saveToken, syncDepartments, tokenOrProblem, tokenProtection, writeSettings } from './state';

// Where sync stands, and its settings: the server's address, the token (checked against the server
// before anything is kept), which departments are shared from this laptop.

export function syncStatus(ws: Workspace): SyncStatus {
  const s = readSettings(ws.db);
  const held = new Map(heldBack(ws).map((h) => [h.id, h.changes]));
  const tokenFile = s.tokenFile ?? defaultTokenFile(ws);
  return {
    configured: Boolean(s.serverUrl),
    serverUrl: s.serverUrl ?? null,
    hasToken: tokenOrProblem(tokenFile).token !== null,
    tokenProtection: tokenProtection(),
    tokenFile,
    user: s.user ?? null,
    lastSyncAt: s.lastSyncAt ?? null,
    lastAttemptAt: s.lastAttemptAt ?? null,
    lastError: s.lastError ?? null,
    refusals: s.lastRefusals ?? [],
    repaired: s.lastRepaired ?? [],
    stillDiffer: s.lastStillDiffer ?? [],
    pending: ownPending(ws.db, ws.nodeId, s.pushedSeq ?? 0),
    heldBack: [...held.values()].reduce((a, b) => a + b, 0),
    conflicts: ws.db.prepare('SELECT count(*) FROM sync_conflicts').pluck().get() as number,
    departments: syncDepartments(ws.db).map((d) => ({
      id: d.id,
      code: d.code,
      access: d.access,
      shared: d.shared !== 0,
      revokedAt: d.revoked_at,
      held: d.held_from !== null,
      heldChanges: held.get(d.id) ?? 0,
    })),
    running: syncProgress(ws),
  };
}

/** Sets the server (and a token, kept once the server accepted it). `tokenFile`: the CLI's own file. */
export async function configureSync(ws: Workspace, input: { serverUrl: string; token?: string; tokenFile?: string }): Promise<SyncStatus> {
  const s = readSettings(ws.db);
  const tokenFile = input.tokenFile ?? s.tokenFile ?? defaultTokenFile(ws);
  const kept = input.token ? { token: input.token, problem: null } : tokenOrProblem(tokenFile);
  if (kept.problem) throw BoucleError.of('validation', 'sync.tokenSealed', {}, 'token');
  const token = kept.token;
  if (!token) throw BoucleError.of('validation', 'sync.tokenMissing', {}, 'token');
  try {
    const session = await new SyncHttp(input.serverUrl, token, 20_000).session();
    if (input.token && !input.tokenFile) saveToken(tokenFile, input.token);
    writeSettings(ws.db, { serverUrl: input.serverUrl.replace(/\/+$/, ''), tokenFile: input.tokenFile ?? s.tokenFile, user: session.user, lastError: null });
  } catch (e) {
    if (e instanceof SyncFailure) {
      const key = e.code === 'unauthorized' ? 'sync.tokenRefused' : e.code === 'network' ? 'sync.unreachable' : 'sync.notAServer';
      throw BoucleError.of(e.code === 'unauthorized' ? 'unauthorized' : 'unavailable', key, { url: input.serverUrl }, e.code === 'unauthorized' ? 'token' : 'serverUrl');
    }
    throw e;
  }
  return syncStatus(ws);
}

export function disconnectSync(ws: Workspace): SyncStatus {
  const s = readSettings(ws.db);
  if (!s.tokenFile) fs.rmSync(defaultTokenFile(ws), { force: true }); // ours; a --token-file is the user's
  writeSettings(ws.db, { serverUrl: undefined, tokenFile: undefined, user: undefined, lastError: undefined });
  return syncStatus(ws);
}

export function shareDepartment(ws: Workspace, input: { departmentId: string; shared: boolean }): SyncStatus {
  const r = ws.db.prepare('UPDATE sync_departments SET shared = ? WHERE id = ?').run(input.shared ? 1 : 0, input.departmentId);
  if (!r.changes) throw BoucleError.of('not_found', 'sync.departmentUnknown', {}, 'departmentId');
  return syncStatus(ws);
}
