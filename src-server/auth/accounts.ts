import type pg from 'pg';
import { hashToken, newToken } from './tokens';

// Users, grants and tokens as the admin commands manage them (`boucle-server user add NAME`, …).
// A grant names a department CODE, read or write; `--all read` makes a transverse reader.

export class AccountError extends Error {}

export const normCode = (code: string) => code.trim().toUpperCase();

async function userId(db: pg.Pool, name: string): Promise<number> {
  const r = await db.query<{ id: string }>('SELECT id FROM users WHERE lower(name) = lower($1)', [name]);
  if (!r.rows[0]) throw new AccountError(`No user named "${name}" (boucle-server user add ${name})`);
  return Number(r.rows[0].id);
}

export async function addUser(db: pg.Pool, name: string): Promise<void> {
  if (!/^[\p{L}\p{N}][\p{L}\p{N} ._@-]{0,63}$/u.test(name)) throw new AccountError(`"${name}" is not a user name: letters, digits, spaces, . _ @ -, up to 64`);
  const r = await db.query('INSERT INTO users (name) VALUES ($1) ON CONFLICT DO NOTHING', [name]);
  if (!r.rowCount) throw new AccountError(`A user named "${name}" already exists`);
}

export interface UserLine {
  name: string;
  allRead: boolean;
  grants: { code: string; level: string }[];
  tokens: number;
}

export async function listUsers(db: pg.Pool): Promise<UserLine[]> {
  const r = await db.query<{ name: string; all_read: boolean; grants: { code: string; level: string }[] | null; tokens: string }>(
    `SELECT u.name, u.all_read,
            (SELECT json_agg(json_build_object('code', g.dept_code, 'level', g.level) ORDER BY g.dept_code) FROM grants g WHERE g.user_id = u.id) AS grants,
            (SELECT count(*) FROM tokens t WHERE t.user_id = u.id) AS tokens
       FROM users u ORDER BY lower(u.name)`,
  );
  return r.rows.map((u) => ({ name: u.name, allRead: u.all_read, grants: u.grants ?? [], tokens: Number(u.tokens) }));
}

export async function grant(db: pg.Pool, name: string, code: string | 'ALL', level: string): Promise<void> {
  if (level !== 'read' && level !== 'write') throw new AccountError(`A grant is read or write, not "${level}"`);
  const id = await userId(db, name);
  if (code === 'ALL') {
    if (level !== 'read') throw new AccountError('Across all departments only a read grant exists (--all read)');
    await db.query('UPDATE users SET all_read = true WHERE id = $1', [id]);
    return;
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/.test(code.trim())) throw new AccountError(`"${code}" is not a department code`);
  await db.query(
    `INSERT INTO grants (user_id, dept_code, level) VALUES ($1, $2, $3) ON CONFLICT (user_id, dept_code) DO UPDATE SET level = excluded.level`,
    [id, normCode(code), level],
  );
}

/** Takes away the grant on one department (or, with ALL, the transverse read). */
export async function revoke(db: pg.Pool, name: string, code: string | 'ALL'): Promise<boolean> {
  const id = await userId(db, name);
  if (code === 'ALL') return ((await db.query('UPDATE users SET all_read = false WHERE id = $1 AND all_read', [id])).rowCount ?? 0) > 0;
  return ((await db.query('DELETE FROM grants WHERE user_id = $1 AND dept_code = $2', [id, normCode(code)])).rowCount ?? 0) > 0;
}

/** A new token for the user: returned once, stored as its hash. */
export async function makeToken(db: pg.Pool, name: string): Promise<string> {
  const id = await userId(db, name);
  const token = newToken();
  await db.query('INSERT INTO tokens (user_id, hash) VALUES ($1, $2)', [id, hashToken(token)]);
  return token;
}
