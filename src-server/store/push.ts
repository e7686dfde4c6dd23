import type pg from 'pg';
import type { Access, PushBody, PushResult, WireChange } from '../../src-shared/sync/protocol';
import { canWrite, type Caller } from '../auth/access';
import { normCode } from '../auth/accounts';
import { SyncRefusal } from './errors';
import { copyRows, type CopyValue } from './copy';
import { snapshotOf } from './snapshot';

// A push: a batch of one laptop's changes, accepted whole or refused whole, in one transaction.
//
// Why a lock: a pull reads "everything of department D after commit order N". With a plain sequence,
// two concurrent pushes could draw 10 and 11 and commit 11 first; a pull in between would move its
// cursor to 11 and never see 10. So commit order is drawn only while holding one transaction-level
// advisory lock, released at COMMIT: the next push draws its numbers after this one became visible,
// so what is committed is always a prefix of the order, on every replica. Validation and the
// clock check run before the lock; the lock covers the reads the merge needs and the writes.
//
// Idempotent: a change is (node, hlc); one already stored is skipped, so a retried or duplicated
// batch changes nothing.

const PUSH_LOCK = 0x42505348; // "BPSH"

interface Head {
  dep: string;
  depHlc: number;
  depNode: string;
  hlc: number;
  node: string;
  fresh: boolean;
}
interface Dept {
  code: string;
  codeHlc: number;
  codeNode: string;
  changed: boolean;
}

interface FeedRow {
  dep: string;
  kind: 0 | 1 | 2;
  c: WireChange;
  fields: Record<string, unknown>;
  clocks?: Record<string, [number, string]>;
}

const after = (h1: number, n1: string, h2: number, n2: string) => h1 > h2 || (h1 === h2 && n1 > n2);
const msOf = (hlc: number) => Math.floor(hlc / 1024);

export interface PushOptions {
  maxDriftMs: number;
  now?: () => number;
}

export async function push(pool: pg.Pool, caller: Caller, body: PushBody, opts: PushOptions): Promise<PushResult> {
  const now = (opts.now ?? Date.now)();
  const changes = body.changes;
  const foreign = changes.find((c) => c.node !== body.node);
  if (foreign) throw new SyncRefusal(400, { error: 'bad_request', message: `A laptop pushes its own changes only (one is from ${foreign.node})` });
  const newest = Math.max(0, ...changes.map((c) => msOf(c.hlc)));
  if (newest > now + opts.maxDriftMs) {
    const ahead = newest - now;
    throw new SyncRefusal(409, {
      error: 'clock_ahead',
      aheadMs: ahead,
      message: `This computer's clock is ${Math.round(ahead / 60_000)} minutes ahead of the server's: set its date and time right, then sync again. Nothing was sent.`,
    });
  }
  if (!changes.length) return { accepted: 0, duplicates: 0, serverTime: now };

  const db = await pool.connect();
  try {
    await db.query('BEGIN');
    await db.query('SELECT pg_advisory_xact_lock($1)', [PUSH_LOCK]);
    const owner = await db.query<{ user_id: string }>('SELECT user_id FROM nodes WHERE node = $1', [body.node]);
    if (owner.rows[0] && Number(owner.rows[0].user_id) !== caller.userId) {
      throw new SyncRefusal(403, { error: 'forbidden', message: 'This laptop signed in as another user before: sign in again as that user to push its changes' });
    }
    if (!owner.rows[0]) await db.query('INSERT INTO nodes (node, user_id) VALUES ($1, $2)', [body.node, caller.userId]);

    const known = new Set(
      (await db.query<{ hlc: string }>('SELECT hlc FROM feed WHERE kind = 0 AND node = $1 AND hlc = ANY($2::bigint[])', [body.node, changes.map((c) => c.hlc)])).rows.map((r) => Number(r.hlc)),
    );
    const fresh: WireChange[] = [];
    for (const c of changes) {
      if (known.has(c.hlc)) continue;
      known.add(c.hlc);
      fresh.push(c);
    }
    if (!fresh.length) {
      await db.query('COMMIT');
      return { accepted: 0, duplicates: changes.length, serverTime: now };
    }

    const heads = new Map<string, Head>();
    const hr = await db.query<{ entity: string; row_id: string; dep: string; dep_hlc: string; dep_node: string; hlc: string; node: string }>(
      'SELECT entity, row_id, dep, dep_hlc, dep_node, hlc, node FROM row_heads WHERE row_id = ANY($1::uuid[])',
      [[...new Set(fresh.map((c) => c.row))]],
    );
    for (const h of hr.rows) heads.set(`${h.entity}:${h.row_id}`, { dep: h.dep, depHlc: Number(h.dep_hlc), depNode: h.dep_node, hlc: Number(h.hlc), node: h.node, fresh: false });

    const depIds = new Set<string>();
    for (const c of fresh) {
      if (c.entity === 'departments') depIds.add(c.row);
      if (typeof c.fields.department_id === 'string') depIds.add(c.fields.department_id);
      if (c.dep) depIds.add(c.dep);
    }
    for (const h of heads.values()) depIds.add(h.dep);
    const depts = new Map<string, Dept>();
    const dr = await db.query<{ id: string; code: string; code_hlc: string; code_node: string }>(
      'SELECT id, code, code_hlc, code_node FROM departments WHERE id = ANY($1::uuid[])',
      [[...depIds].filter((d) => /^[0-9a-f-]{36}$/.test(d))],
    );
    for (const d of dr.rows) depts.set(d.id, { code: d.code, codeHlc: Number(d.code_hlc), codeNode: d.code_node, changed: false });

    const refused = new Map<string, { department: string; code: string | null; need: Access }>();
    const refuse = (dep: string) => refused.set(dep, { department: dep, code: depts.get(dep)?.code ?? null, need: 'write' });
    const mayWrite = (dep: string) => {
      if (!canWrite(caller, depts.get(dep)?.code ?? null)) refuse(dep);
    };
    const feed: FeedRow[] = [];
    for (const c of fresh) {
      const key = `${c.entity}:${c.row}`;
      const head = heads.get(key);
      let cur: string | undefined;
      let next: string | undefined;
      if (c.entity === 'departments') {
        cur = next = c.row;
        const d = depts.get(c.row);
        if (d) mayWrite(c.row); // the department as the server knows it
        if (typeof c.fields.code === 'string' && (!d || after(c.hlc, c.node, d.codeHlc, d.codeNode))) {
          depts.set(c.row, { code: normCode(c.fields.code), codeHlc: c.hlc, codeNode: c.node, changed: true });
          mayWrite(c.row); // and as it becomes
        } else if (!d) {
          throw new SyncRefusal(409, { error: 'unknown_department', message: `Department ${c.row} is not on the server yet: push its creation first` });
        }
      } else {
        cur = head?.dep ?? (typeof c.fields.department_id === 'string' ? c.fields.department_id : (c.dep ?? undefined));
        if (!cur || !depts.has(cur)) {
          throw new SyncRefusal(409, { error: 'unknown_department', message: `A ${c.entity.replace(/_/g, ' ')} belongs to a department that is not on the server yet: push the department first` });
        }
        next = cur;
        const to = c.fields.department_id;
        if (typeof to === 'string' && (!head || after(c.hlc, c.node, head.depHlc, head.depNode))) {
          if (!depts.has(to)) throw new SyncRefusal(409, { error: 'unknown_department', message: `A row moves to a department that is not on the server yet: push the department first` });
          next = to;
        }
        mayWrite(cur);
        if (next !== cur) mayWrite(next);
      }
      feed.push({ dep: next, kind: 0, c, fields: c.fields });
      if (head && next !== cur) {
        feed.push({ dep: cur, kind: 1, c, fields: { department_id: next } });
        feed.push({ dep: next, kind: 2, c, fields: {} });
      }
      const h = head ?? { dep: next, depHlc: 0, depNode: '', hlc: 0, node: '', fresh: true };
      if ('department_id' in c.fields && after(c.hlc, c.node, h.depHlc, h.depNode)) {
        h.depHlc = c.hlc;
        h.depNode = c.node;
      }
      h.dep = next;
      if (after(c.hlc, c.node, h.hlc, h.node)) {
        h.hlc = c.hlc;
        h.node = c.node;
      }
      heads.set(key, h);
    }
    if (refused.size) {
      throw new SyncRefusal(403, {
        error: 'forbidden',
        refused: [...refused.values()],
        message: `No write grant for ${[...refused.values()].map((r) => r.code ?? r.department).join(', ')}: nothing was accepted`,
      });
    }
    const own = await writeFeed(db, feed, caller.userId);
    await writeHeads(db, heads);
    const changedDepts = [...depts].filter(([, d]) => d.changed);
    if (changedDepts.length) {
      await db.query(
        `INSERT INTO departments (id, code, code_hlc, code_node) SELECT * FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[])
         ON CONFLICT (id) DO UPDATE SET code = excluded.code, code_hlc = excluded.code_hlc, code_node = excluded.code_node`,
        [changedDepts.map(([id]) => id), changedDepts.map(([, d]) => d.code), changedDepts.map(([, d]) => d.codeHlc), changedDepts.map(([, d]) => d.codeNode)],
      );
    }
    await db.query('COMMIT');
    return { accepted: fresh.length, duplicates: changes.length - fresh.length, serverTime: now, own };
  } catch (e) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    db.release();
  }
}

/**
 * Per department, where its feed stood before this batch and where the batch leaves it, for the
 * departments that get only the batch's own changes (PushResult.own). Read under the push lock, so
 * no other commit can come between; the orders are those writeFeed draws next, in the same order.
 */
async function ownRanges(db: pg.PoolClient, rows: FeedRow[], base: number): Promise<NonNullable<PushResult['own']>> {
  const span = new Map<string, { upTo: number; plain: boolean }>();
  rows.forEach((r, i) => {
    const s = span.get(r.dep) ?? { upTo: 0, plain: true };
    s.upTo = base + i;
    if (r.kind !== 0) s.plain = false;
    span.set(r.dep, s);
  });
  const deps = [...span].filter(([, s]) => s.plain).map(([d]) => d);
  if (!deps.length) return [];
  const before = await db.query<{ dep: string; last: string | null }>(
    'SELECT d AS dep, (SELECT max(ord) FROM feed WHERE dep = d) AS last FROM unnest($1::uuid[]) AS d',
    [deps],
  );
  return before.rows.map((b) => ({ department: b.dep, after: Number(b.last ?? 0), upTo: span.get(b.dep)!.upTo }));
}

/** Appends the rows in their order, with a block of commit order drawn under the lock. */
async function writeFeed(db: pg.PoolClient, rows: FeedRow[], userId: number): Promise<NonNullable<PushResult['own']>> {
  const first = Number((await db.query<{ first: string }>(`SELECT nextval('feed_ord') AS first`)).rows[0]!.first);
  if (rows.length > 1) await db.query(`SELECT setval('feed_ord', $1)`, [first + rows.length - 1]);
  const own = await ownRanges(db, rows, first);
  const plain = rows.map((r, i) => ({ r, ord: first + i })).filter((x) => x.r.kind !== 2);
  await insertRows(db, plain, userId);
  // A row that moved arrives whole in its new department: its fields as they stand at the move.
  const snaps = rows.map((r, i) => ({ r, ord: first + i })).filter((x) => x.r.kind === 2);
  for (const s of snaps) {
    const state = await snapshotOf(db, s.r.c.entity, s.r.c.row, s.ord);
    s.r.fields = state.fields;
    s.r.clocks = state.clocks;
  }
  if (snaps.length) await insertRows(db, snaps, userId);
  return own;
}

const FEED_COLUMNS = ['ord', 'dep', 'kind', 'tx', 'pos', 'node', 'hlc', 'entity', 'row_id', 'op', 'fields', 'clocks', 'base', 'user_id'] as const;

async function insertRows(db: pg.PoolClient, rows: { r: FeedRow; ord: number }[], userId: number) {
  await copyRows(
    db,
    'feed',
    FEED_COLUMNS,
    rows.map(({ r, ord }) => [
      ord,
      r.dep,
      r.kind,
      r.c.tx,
      r.c.pos,
      r.c.node,
      r.c.hlc,
      r.c.entity,
      r.c.row,
      r.kind === 1 ? 'update' : r.kind === 2 ? 'snapshot' : r.c.op,
      JSON.stringify(r.fields),
      r.clocks ? JSON.stringify(r.clocks) : null,
      r.kind === 0 && r.c.base ? JSON.stringify(r.c.base) : null,
      userId,
    ]),
  );
}

const HEAD_COLUMNS = ['entity', 'row_id', 'dep', 'dep_hlc', 'dep_node', 'hlc', 'node'] as const;

async function writeHeads(db: pg.PoolClient, heads: Map<string, Head>) {
  // Rows the server had no head for (read under the push lock, and only a push writes row_heads):
  // copied in plainly, their primary key would still refuse a duplicate; the others, an update.
  const all = [...heads.entries()];
  // one row of row_heads, in HEAD_COLUMNS order, for both the copy and the update
  const tuple = ([k, h]: [string, Head]): CopyValue[] => {
    const colon = k.indexOf(':');
    return [k.slice(0, colon), k.slice(colon + 1), h.dep, h.depHlc, h.depNode, h.hlc, h.node];
  };
  const cols = (part: [string, Head][]) => {
    const tuples = part.map(tuple);
    return HEAD_COLUMNS.map((_, j) => tuples.map((t) => t[j]));
  };
  await copyRows(db, 'row_heads', HEAD_COLUMNS, all.filter(([, h]) => h.fresh).map(tuple));
  const CHUNK = 5000;
  const known = all.filter(([, h]) => !h.fresh);
  for (let i = 0; i < known.length; i += CHUNK) {
    await db.query(
      `UPDATE row_heads h SET dep = x.d, dep_hlc = x.dh, dep_node = x.dn, hlc = x.h, node = x.n
         FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::bigint[], $5::text[], $6::bigint[], $7::text[]) AS x(e, r, d, dh, dn, h, n)
        WHERE h.row_id = x.r AND h.entity = x.e`,
      cols(known.slice(i, i + CHUNK)),
    );
  }
}
