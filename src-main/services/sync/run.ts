import type { SessionInfo } from '../../../src-shared/sync/protocol';
import type { SyncProgress, SyncRunResult } from '../../../src-shared/sync/schemas';
import { applyHeld } from '../../db/apply-remote';
import { ownPending } from '../../db/outbox';
import type { Workspace } from '../../db/workspace';
import { localChecksum, sameChecksum } from './checksum';
import { SyncFailure, SyncHttp } from './http';
import { pullDepartment } from './pull';
import { clearSyncProgress, setSyncProgress } from './progress';
import { heldBack, pushAll } from './push';
import { readSettings, tokenOrProblem, defaultTokenFile, syncDepartments, writeSettings } from './state';

// One sync: ask the server who we are and what we may touch, push our own changes, then pull each
// department we may read. Everything is safe to stop at any point and to run again.
//
// A revoked grant: the department stops syncing at the next request (the server refuses it and no
// longer lists it). Its rows STAY on this laptop, as this user's own copy, marked as no longer shared
// (sync_departments.access = 'none', revoked_at); changes made to it afterwards are held back and go
// if the grant comes back. Nothing is deleted for a revoke: a laptop never loses work for it.
//
// A new or wiped server (its id differs from the one remembered, or it holds nothing while this
// laptop synced before): the cursors start again from zero, and nothing happens until a person
// confirms that this laptop's data should be uploaded to it.

/** What a sync run did: the API's own result shape (src-shared/sync/schemas.ts), not a copy of it. */
export type SyncOutcome = SyncRunResult;

export type { SyncProgress };

export interface SyncRunOptions {
  confirm?: boolean;
  onProgress?: (p: SyncProgress) => void;
  /** The token, when not read from the remembered file. */
  token?: string;
  /** Compare every department's checksum with the server's now, changed or not. */
  verify?: boolean;
  /** The time (ms) the check intervals count from; tests play a later sync with it. */
  now?: number;
}

// The checksum reads every row of the department on both ends, so it cannot run at every sync of
// a big department (an incremental sync must stay fast): a department that changed is compared at
// most every few minutes, one nothing came for every few hours (damage needs no new change), and
// any of them when a person asks (`boucle sync --verify`).
export const VERIFY_CHANGED_MS = 5 * 60_000;
export const VERIFY_EVERY_MS = 6 * 3600_000;

const upper = (s: string) => s.toUpperCase();

function hasLocalData(ws: Workspace): boolean {
  return ws.db.prepare('SELECT 1 FROM departments WHERE deleted_at IS NULL LIMIT 1').pluck().get() !== undefined;
}

/** Brings sync_departments in line with what the session lists; returns the ids revoked just now. */
function recordSession(ws: Workspace, s: SessionInfo, resetCursors: boolean): string[] {
  const now = new Date().toISOString();
  const revoked: string[] = [];
  ws.db.transaction(() => {
    if (resetCursors) ws.db.prepare('UPDATE sync_departments SET cursor = 0, held_from = NULL').run();
    const upsert = ws.db.prepare(
      `INSERT INTO sync_departments (id, code, access, shared, cursor) VALUES (?, ?, ?, 1, 0)
       ON CONFLICT (id) DO UPDATE SET code = excluded.code, access = excluded.access, revoked_at = NULL`,
    );
    const listed = new Set<string>();
    for (const d of s.departments) {
      if (!d.id) continue;
      listed.add(d.id);
      upsert.run(d.id, d.code, d.access);
    }
    for (const d of syncDepartments(ws.db)) {
      if (listed.has(d.id) || d.access === 'none') continue;
      ws.db.prepare(`UPDATE sync_departments SET access = 'none', revoked_at = ? WHERE id = ?`).run(now, d.id);
      revoked.push(d.code);
    }
  })();
  return revoked;
}

export async function runSync(ws: Workspace, opts: SyncRunOptions = {}): Promise<SyncOutcome> {
  const report = opts.onProgress;
  const onProgress = (p: SyncProgress) => {
    setSyncProgress(ws, p);
    report?.(p);
  };
  setSyncProgress(ws, { phase: 'push', done: 0, total: 0 });
  try {
    return await runSyncOnce(ws, { ...opts, onProgress });
  } finally {
    clearSyncProgress(ws);
  }
}

async function runSyncOnce(ws: Workspace, opts: SyncRunOptions): Promise<SyncOutcome> {
  const settings = readSettings(ws.db);
  const out: SyncOutcome = { ok: false, pushed: 0, duplicates: 0, pulled: 0, conflicts: 0, refusals: [], repaired: [] };
  const fail = (code: string, message: string) => {
    out.error = { code, message };
    writeSettings(ws.db, { lastAttemptAt: new Date().toISOString(), lastError: message, lastRefusals: out.refusals });
    return out;
  };
  if (!settings.serverUrl) return fail('not_configured', 'No sync server is set: give its address and a token first');
  const kept = opts.token ? { token: opts.token, problem: null } : tokenOrProblem(settings.tokenFile ?? defaultTokenFile(ws));
  if (kept.problem) return fail('not_configured', kept.problem);
  const token = kept.token;
  if (!token) return fail('not_configured', 'No token to sign in with: ask your administrator for one (boucle-server token NAME)');
  const http = new SyncHttp(settings.serverUrl, token);
  try {
    const session = await http.session();
    const ahead = Date.now() - session.serverTime;
    if (ahead > session.maxDriftMs) {
      return fail('clock_ahead', `This computer's clock is ${Math.round(ahead / 60_000)} minutes ahead of the sync server's: set its date and time right, then sync again. Nothing was sent.`);
    }
    // A new server (another id), or one that lost what this laptop already pulled from it (restored
    // from an old backup, emptied): everything starts again from zero, once a person agrees.
    const newServer = settings.serverId !== undefined && settings.serverId !== session.serverId;
    const cursors = new Map(syncDepartments(ws.db).map((d) => [d.id, d.cursor]));
    const regressed = !newServer && session.departments.some((d) => d.id !== null && d.lastOrd < (cursors.get(d.id) ?? 0));
    if ((newServer || regressed) && hasLocalData(ws) && !opts.confirm) {
      const serverEmpty = session.departments.every((d) => d.lastOrd === 0);
      out.confirm = {
        reason: 'empty_server',
        message: `The sync server at ${settings.serverUrl} ${serverEmpty ? 'holds none of your departments' : 'has less than this computer already received from it'}${newServer ? ' (it is not the server this computer synced with before)' : ''}. Nothing was changed on this computer. Confirm to send this computer's data to it.`,
      };
      return fail('confirm', out.confirm.message);
    }
    if (newServer || regressed) {
      writeSettings(ws.db, { pushedSeq: 0 });
      if (newServer) ws.db.prepare('DELETE FROM sync_departments').run();
    }
    const revoked = recordSession(ws, session, regressed);
    for (const code of revoked) out.refusals.push(`${code}: your access was revoked; its data stays on this computer and no longer syncs`);
    writeSettings(ws.db, { serverId: session.serverId, user: session.user });
    applyHeld(ws, { keeps: () => true });

    const writable = new Set(session.departments.filter((d) => d.access === 'write').map((d) => upper(d.code)));
    const toPush = ownPending(ws.db, ws.nodeId, readSettings(ws.db).pushedSeq ?? 0);
    const pushed = await pushAll(ws, http, { writable, onProgress: (done) => opts.onProgress?.({ phase: 'push', done, total: Math.max(toPush, done) }) });
    out.pushed = pushed.pushed;
    out.duplicates = pushed.duplicates;
    // Every department whose changes still wait, not only those this push held: until a grant
    // comes they are not on the server, and a sync that leaves them is not a complete one.
    const waiting = heldBack(ws);
    for (const h of waiting) {
      out.refusals.push(`${h.code}: no write grant, so ${h.changes === 1 ? 'its 1 change stays' : `its ${h.changes} changes stay`} on this computer (held back until a grant comes)`);
    }

    // after the push, the session lists the departments this laptop just created on the server
    const after = await http.session();
    recordSession(ws, after, false);
    const shared = new Map(syncDepartments(ws.db).map((d) => [d.id, d]));
    const readable = after.departments.filter((d) => d.id && shared.get(d.id)?.shared !== 0);
    const readIds = new Set(readable.map((d) => d.id!));
    const pull = async (d: { id: string; code: string }, from?: number) => {
      const r = await pullDepartment(ws, http, d.id, {
        keeps: (dep) => readIds.has(dep),
        // a repair replays the feed this laptop already accepted once: its old removals are not new
        confirm: opts.confirm === true || from === 0,
        from,
        onProgress: (done, total) => opts.onProgress?.({ phase: 'pull', department: d.code, done, total }),
      });
      out.pulled += r.applied;
      out.conflicts += r.conflicts;
      if (r.wouldRemove) {
        out.confirm = {
          reason: 'mass_delete',
          message: `The server would remove ${r.wouldRemove.removals} of the ${r.wouldRemove.local} rows this computer holds of ${d.code}. Nothing of ${d.code} was changed. Confirm to apply it.`,
        };
      }
      return r;
    };
    const changed = new Set<string>();
    for (const d of readable) {
      const cursor = shared.get(d.id!)?.cursor ?? 0;
      if (d.lastOrd <= cursor) continue;
      const r = await pull({ id: d.id!, code: d.code });
      if (!r.wouldRemove) changed.add(d.id!);
    }
    const stillDiffer: string[] = [];
    if (!out.confirm) {
      const checkedAt = { ...(readSettings(ws.db).checkedAt ?? {}) };
      const now = opts.now ?? Date.now();
      const held = new Set(syncDepartments(ws.db).filter((d) => d.held_from !== null).map((d) => d.id));
      for (const d of readable) {
        const id = d.id!;
        // own changes held back make it differ by design; nothing new and checked lately: skip
        if (held.has(id)) continue;
        const since = now - (checkedAt[id] ?? 0);
        if (!opts.verify && since < (changed.has(id) ? VERIFY_CHANGED_MS : VERIFY_EVERY_MS)) continue;
        const verdict = await verifyDepartment(ws, http, { id, code: d.code }, pull);
        if (verdict === 'moving') continue; // others pushed meanwhile: compared at the next sync
        checkedAt[id] = now;
        if (verdict === 'same') continue;
        out.repaired.push(d.code);
        if (verdict === 'still') stillDiffer.push(d.code);
      }
      writeSettings(ws.db, { checkedAt, lastRepaired: out.repaired, lastStillDiffer: stillDiffer });
      // the repair logs this laptop's own changes again as they came back: they go once more, and
      // the server answers that it has them (a duplicate changes nothing there)
      if (out.repaired.length) out.duplicates += (await pushAll(ws, http, { writable })).duplicates;
    }
    for (const code of stillDiffer) {
      out.refusals.push(`${code}: this computer's copy still differs from the server's after downloading it again; keep working, and tell your administrator`);
    }
    out.ok = !out.refusals.length && !out.confirm;
    writeSettings(ws.db, {
      lastAttemptAt: new Date().toISOString(),
      ...(out.confirm ? {} : { lastSyncAt: new Date().toISOString() }),
      lastError: out.confirm?.message ?? null,
      lastRefusals: out.refusals,
    });
    return out;
  } catch (e) {
    if (e instanceof SyncFailure) {
      if (e.code === 'forbidden') out.refusals.push(e.message);
      return fail(e.code, e.message);
    }
    throw e;
  }
}

type Verdict = 'same' | 'repaired' | 'still' | 'moving';

/**
 * Compares a department's checksum with the server's at the same point of its feed; on a
 * difference, downloads the whole department again in one stream (applying it changes only what
 * differs: per field, the newer clock wins, and a row lost here comes back whole) and compares again.
 */
async function verifyDepartment(
  ws: Workspace,
  http: SyncHttp,
  d: { id: string; code: string },
  pull: (d: { id: string; code: string }, from?: number) => Promise<{ wouldRemove?: unknown }>,
): Promise<Verdict> {
  const cursorOf = () => (ws.db.prepare('SELECT cursor FROM sync_departments WHERE id = ?').pluck().get(d.id) as number | undefined) ?? 0;
  let server = await http.checksum(d.id);
  if (server.upTo > cursorOf()) {
    await pull(d);
    server = await http.checksum(d.id);
    if (server.upTo !== cursorOf()) return 'moving';
  }
  if (sameChecksum(localChecksum(ws, d.id), server)) return 'same';
  const r = await pull(d, 0);
  if (r.wouldRemove) return 'still';
  server = await http.checksum(d.id);
  if (server.upTo !== cursorOf()) return 'repaired';
  return sameChecksum(localChecksum(ws, d.id), server) ? 'repaired' : 'still';
}
