import type pg from 'pg';
import type { Access } from '../../src-shared/sync/protocol';
import { hashToken, looksLikeToken, sameHash } from './tokens';

// Who is asking and what they may touch, read afresh from the database on EVERY request: a grant
// revoked a moment ago stops the next request, whichever replica serves it.

export interface Caller {
  userId: number;
  name: string;
  allRead: boolean;
  /** department code (upper case) → read | write */
  grants: Map<string, Access>;
}

export async function authenticate(db: pg.Pool, header: string | undefined): Promise<Caller | null> {
  const m = /^Bearer (\S+)$/.exec(header ?? '');
  if (!m || !looksLikeToken(m[1]!)) return null;
  const hash = hashToken(m[1]!);
  const r = await db.query<{ id: string; user_id: string; name: string; all_read: boolean; hash: Buffer; grants: { code: string; level: Access }[] | null }>(
    `SELECT t.id, t.user_id, u.name, u.all_read, t.hash,
            (SELECT json_agg(json_build_object('code', g.dept_code, 'level', g.level)) FROM grants g WHERE g.user_id = u.id) AS grants
       FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = $1`,
    [hash],
  );
  const row = r.rows[0];
  if (!row || !sameHash(row.hash, hash)) return null;
  // last use, for `user list`; never worth failing a request for
  db.query('UPDATE tokens SET last_used_at = now() WHERE id = $1', [row.id]).catch(() => undefined);
  return {
    userId: Number(row.user_id),
    name: row.name,
    allRead: row.all_read,
    grants: new Map((row.grants ?? []).map((g) => [g.code, g.level])),
  };
}

export const canRead = (c: Caller, code: string | null) => c.allRead || (code !== null && c.grants.has(code));
export const canWrite = (c: Caller, code: string | null) => code !== null && c.grants.get(code) === 'write';
