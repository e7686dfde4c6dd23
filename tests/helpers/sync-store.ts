import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { addUser, grant, makeToken, revoke } from '../../src-server/auth/accounts';
import { buildApp } from '../../src-server/http/app';
import { openStore, type Store } from '../../src-server/server';
import { configureSync } from '../../src-main/services/sync/status';
import { openTestWorkspace, type TestWorkspace } from './workspace';

// The central store for tests: one embedded PostgreSQL per test file (its data under the OS temp
// dir, which the `postgres` user can reach when the tests run as root), the real HTTP server on it,
// and laptops that are real workspaces in their own data folders.

export interface TestStore {
  store: Store;
  pool: pg.Pool;
  dir: string;
  /** A server process's HTTP face on this store (several may run on it, as replicas do). */
  serve(opts?: { maxDriftMs?: number; database?: string }): Promise<{ url: string; close(): Promise<void> }>;
  /** Another, empty store on the same PostgreSQL (a new server with its own id). */
  emptyDatabase(name: string): Promise<string>;
  user(name: string, grants: [string, 'read' | 'write'][], allRead?: boolean): Promise<string>;
  revoke(name: string, code: string): Promise<void>;
  close(): Promise<void>;
}

export async function startTestStore(): Promise<TestStore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boucle-sync-pg-'));
  // fsync and synchronous commit off: tests need no durability across a power cut; the sync
  // benchmark sets '0' first, so that its figures are those of a durable server.
  process.env.BOUCLE_SERVER_UNSAFE_FAST ??= '1';
  const store = await openStore(dir);
  const apps: { close(): Promise<unknown> }[] = [];
  return {
    store,
    pool: store.pool,
    dir,
    async serve(opts = {}) {
      // its own pool, as a separate process would have
      const { openPool } = await import('../../src-server/store/pool');
      const pool = openPool(opts.database ? store.url.replace(/\/boucle$/, `/${opts.database}`) : store.url);
      const app = buildApp({ pool, logLevel: 'silent', maxDriftMs: opts.maxDriftMs });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const port = (app.server.address() as { port: number }).port;
      const close = async () => {
        // a test that broke a connection on purpose may leave its socket half-open: close them all
        app.server.closeAllConnections();
        await app.close();
        await pool.end();
      };
      apps.push({ close });
      return { url: `http://127.0.0.1:${port}`, close };
    },
    async emptyDatabase(name) {
      await store.pool.query(`CREATE DATABASE ${name.replace(/[^a-z0-9_]/g, '')}`);
      const { openPool } = await import('../../src-server/store/pool');
      const { migrate } = await import('../../src-server/store/migrate');
      const pool = openPool(store.url.replace(/\/boucle$/, `/${name}`));
      await migrate(pool);
      await pool.end();
      return name;
    },
    async user(name, grants, allRead = false) {
      await addUser(store.pool, name);
      for (const [code, level] of grants) await grant(store.pool, name, code, level);
      if (allRead) await grant(store.pool, name, 'ALL', 'read');
      return makeToken(store.pool, name);
    },
    async revoke(name, code) {
      await revoke(store.pool, name, code);
    },
    async close() {
      for (const a of apps) await a.close().catch(() => undefined);
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A laptop: a workspace in its own folder, pointed at `url` with `token`. */
export async function laptop(url: string, token: string): Promise<TestWorkspace> {
  const w = openTestWorkspace();
  await configureSync(w.ws, { serverUrl: url, token });
  return w;
}

/** Every live row of the synced tables of one department, as comparable text. */
export function departmentRows(w: TestWorkspace, dep: string): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  const tables = ['departments', 'processes', 'steps', 'gaps', 'interventions', 'indicators', 'measurements'];
  for (const t of tables) {
    const where = t === 'departments' ? 'id = ?' : 'department_id = ?';
    const rows = w.ws.db.prepare(`SELECT * FROM ${t} WHERE ${where} ORDER BY id`).all(dep) as Record<string, unknown>[];
    out[t] = rows.map((r) => {
      // timestamps: the author's clock on a pulled row, its own wall clock on the author's (ms apart)
      const { updated_at: _u, created_at: _c, ...rest } = r;
      return rest;
    });
  }
  return out;
}
