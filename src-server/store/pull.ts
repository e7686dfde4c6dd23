import type pg from 'pg';
import type { DepartmentChecksum, PullHead, SessionDepartment, SessionInfo, SyncOp } from '../../src-shared/sync/protocol';
import { DEFAULT_MAX_DRIFT_MS, SYNC_PROTOCOL_VERSION } from '../../src-shared/sync/protocol';
import { canRead, canWrite, type Caller } from '../auth/access';
import { SyncRefusal } from './errors';

// What leaves the server, and only for a caller with a read grant on the department (or the
// transverse reader): the department's feed after a cursor, its checksum, the session's list.

async function codeOf(pool: pg.Pool, dep: string): Promise<string | null> {
  const r = await pool.query<{ code: string }>('SELECT code FROM departments WHERE id = $1', [dep]);
  return r.rows[0]?.code ?? null;
}

/** Refuses (403, saying nothing of the department) unless the caller may read it. */
export async function requireRead(pool: pg.Pool, caller: Caller, dep: string): Promise<void> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(dep)) {
    throw new SyncRefusal(400, { error: 'bad_request', message: 'A department is named by its id' });
  }
  if (!canRead(caller, await codeOf(pool, dep))) {
    throw new SyncRefusal(403, { error: 'forbidden', refused: [{ department: dep, code: null, need: 'read' }], message: 'No read grant for this department' });
  }
}

export async function session(pool: pg.Pool, caller: Caller, maxDriftMs = DEFAULT_MAX_DRIFT_MS): Promise<SessionInfo> {
  const serverId = (await pool.query<{ value: string }>(`SELECT value FROM server_info WHERE key = 'server_id'`)).rows[0]!.value;
  const r = await pool.query<{ id: string; code: string; last: string | null }>(
    `SELECT d.id, d.code, (SELECT max(f.ord) FROM feed f WHERE f.dep = d.id) AS last FROM departments d
      WHERE $1 OR d.code = ANY($2::text[]) ORDER BY d.code, d.id`,
    [caller.allRead, [...caller.grants.keys()]],
  );
  const departments: SessionDepartment[] = r.rows.map((d) => ({
    id: d.id,
    code: d.code,
    access: canWrite(caller, d.code) ? 'write' : 'read',
    lastOrd: Number(d.last ?? 0),
  }));
  const seen = new Set(r.rows.map((d) => d.code));
  for (const [code, level] of caller.grants) if (!seen.has(code)) departments.push({ id: null, code, access: level, lastOrd: 0 });
  return { protocol: SYNC_PROTOCOL_VERSION, serverId, user: caller.name, allRead: caller.allRead, serverTime: Date.now(), maxDriftMs, departments };
}

export async function pullHead(pool: pg.Pool, dep: string, afterOrd: number): Promise<PullHead> {
  const r = await pool.query<{ up_to: string | null; count: string; removals: string }>(
    `SELECT max(ord) AS up_to, count(*) AS count, count(*) FILTER (WHERE op = 'remove' OR kind = 1) AS removals FROM feed WHERE dep = $1 AND ord > $2`,
    [dep, afterOrd],
  );
  const row = r.rows[0]!;
  return { department: dep, after: afterOrd, upTo: Number(row.up_to ?? afterOrd), count: Number(row.count), removals: Number(row.removals) };
}

interface FeedRow {
  ord: string;
  tx: string;
  pos: number;
  node: string;
  hlc: string;
  entity: string;
  row_id: string;
  op: SyncOp;
  /** JSON text as PostgreSQL prints it: passed on as it is, never parsed and printed again here. */
  fields: string;
  clocks: string | null;
  base: string | null;
  by: string;
}

const q = JSON.stringify;

/** One change as a line of the pull's stream (a PulledChange), written from the row's text. */
function line(f: FeedRow): string {
  let s = `{"ord":${f.ord},"tx":${q(f.tx)},"pos":${f.pos},"node":${q(f.node)},"hlc":${f.hlc},"entity":${q(f.entity)},"row":"${f.row_id}","op":${q(f.op)},"fields":${f.fields},"by":${q(f.by)}`;
  if (f.clocks !== null) s += `,"clocks":${f.clocks}`;
  if (f.base !== null) s += `,"base":${f.base}`;
  return `${s}}\n`;
}

/**
 * The feed of `dep` after `afterOrd` up to `upTo`, page by page, each page as NDJSON lines of
 * PulledChange (memory stays flat on both ends). The next page is read while this one is sent.
 */
export async function* pullPages(pool: pg.Pool, dep: string, afterOrd: number, upTo: number, pageSize = 5000): AsyncGenerator<string> {
  const read = (from: number) => {
    const p = pool.query<FeedRow>(
      `SELECT f.ord, f.tx, f.pos, f.node, f.hlc, f.entity, f.row_id, f.op, f.fields::text AS fields, f.clocks::text AS clocks, f.base::text AS base, u.name AS by
         FROM feed f JOIN users u ON u.id = f.user_id
        WHERE f.dep = $1 AND f.ord > $2 AND f.ord <= $3 ORDER BY f.ord LIMIT $4`,
      [dep, from, upTo, pageSize],
    );
    p.catch(() => undefined); // a stream closed early leaves its read behind: not an unhandled failure
    return p;
  };
  let next: ReturnType<typeof read> | null = afterOrd < upTo ? read(afterOrd) : null;
  while (next) {
    const r = await next;
    if (!r.rows.length) return;
    const last = Number(r.rows.at(-1)!.ord);
    next = last < upTo && r.rows.length === pageSize ? read(last) : null;
    let text = '';
    for (const f of r.rows) text += line(f);
    yield text;
  }
}

export async function checksum(pool: pg.Pool, dep: string): Promise<DepartmentChecksum> {
  const r = await pool.query<{ rows: string; xor: string | null; up_to: string | null }>(
    `SELECT count(*) AS rows,
            bit_xor(('x' || substr(md5(entity || ':' || row_id::text || ':' || hlc::text || ':' || node), 1, 16))::bit(64)::bigint)::text AS xor,
            (SELECT max(ord) FROM feed WHERE dep = $1) AS up_to
       FROM row_heads WHERE dep = $1`,
    [dep],
  );
  const row = r.rows[0]!;
  return { department: dep, rows: Number(row.rows), xor: row.xor ?? '0', upTo: Number(row.up_to ?? 0) };
}
