import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';

// The server's own numbered migrations (src-server/migrations/NNNN_name.sql), each applied once in
// its own transaction and recorded with a checksum. Replicas starting together take an advisory lock
// so that exactly one applies them.

interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

const MIGRATIONS_LOCK = 0x424d4947; // "BMIG"

function bundled(): Record<string, string> | null {
  try {
    return import.meta.glob('../migrations/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
  } catch {
    return null; // plain Node (tsx): read the files beside this module
  }
}

function fromDisk(): Record<string, string> {
  const dir = path.join(__dirname, '..', 'migrations');
  return Object.fromEntries(fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).map((f) => [`../migrations/${f}`, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

export const SERVER_MIGRATIONS: Migration[] = Object.entries(bundled() ?? fromDisk())
  .map(([file, sql]) => {
    const m = /\/(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!m) throw new Error(`Badly named server migration: ${file}`);
    return { version: Number(m[1]), name: `${m[1]}_${m[2]}`, sql, checksum: createHash('sha256').update(sql).digest('hex') };
  })
  .sort((a, b) => a.version - b.version);

export async function migrate(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATIONS_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Map((await client.query<{ version: number; checksum: string }>('SELECT version, checksum FROM schema_migrations')).rows.map((r) => [r.version, r.checksum]));
    const newest = Math.max(0, ...done.keys());
    const known = SERVER_MIGRATIONS.at(-1)?.version ?? 0;
    if (newest > known) throw new Error(`This database was set up by a newer Boucle server (schema ${newest}; this one knows ${known}): upgrade the server`);
    let applied = 0;
    for (const m of SERVER_MIGRATIONS) {
      const sum = done.get(m.version);
      if (sum !== undefined) {
        if (sum !== m.checksum) throw new Error(`Server migration ${m.name} differs from the one applied to this database`);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
        await client.query('COMMIT');
        applied++;
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATIONS_LOCK]).catch(() => undefined);
    client.release();
  }
}
