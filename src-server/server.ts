import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { buildApp } from './http/app';
import { startEmbedded, type Embedded } from './store/embedded';
import { migrate } from './store/migrate';
import { openPool } from './store/pool';

// Starting and stopping the central store: the company's PostgreSQL (DATABASE_URL) or an embedded
// one in the data folder, migrations, the HTTP app; and a graceful stop (no new requests, the
// running ones finish, the database connections close, the embedded PostgreSQL stops).

export function defaultDataDir(): string {
  if (process.env.BOUCLE_SERVER_DATA) return process.env.BOUCLE_SERVER_DATA;
  // as root, PostgreSQL runs as the user postgres, which cannot enter /root
  if (typeof process.getuid === 'function' && process.getuid() === 0) return path.join(os.tmpdir(), 'boucle-server');
  return path.join(os.homedir(), '.local', 'share', 'boucle-server');
}

export interface Store {
  pool: pg.Pool;
  url: string;
  /** Where the data lives, in words, for what the server prints. */
  where: string;
  close(): Promise<void>;
}

/** The database of DATABASE_URL, else the embedded one of `dataDir`, migrated. */
export async function openStore(dataDir: string | undefined, log: (m: string) => void = () => undefined): Promise<Store> {
  let embedded: Embedded | null = null;
  let url = process.env.DATABASE_URL;
  const dir = path.resolve(dataDir ?? defaultDataDir());
  if (!url) {
    embedded = await startEmbedded(dir, { log, unsafeFast: process.env.BOUCLE_SERVER_UNSAFE_FAST === '1' });
    url = embedded.url;
  }
  const pool = openPool(url);
  try {
    await migrate(pool);
  } catch (e) {
    await pool.end();
    await embedded?.stop();
    throw e;
  }
  return {
    pool,
    url,
    where: embedded ? `embedded PostgreSQL in ${dir}` : 'the PostgreSQL of DATABASE_URL',
    async close() {
      await pool.end();
      await embedded?.stop();
    },
  };
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  store: Store;
  stop(): Promise<void>;
}

export async function startServer(opts: { port?: number; host?: string; data?: string; logLevel?: string; maxDriftMs?: number }): Promise<RunningServer> {
  const store = await openStore(opts.data);
  const app = buildApp({ pool: store.pool, logLevel: opts.logLevel, maxDriftMs: opts.maxDriftMs });
  try {
    await app.listen({ port: opts.port ?? 8787, host: opts.host ?? '127.0.0.1' });
  } catch (e) {
    await store.close();
    throw e;
  }
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  const host = opts.host && opts.host !== '0.0.0.0' ? opts.host : '127.0.0.1';
  let stopping: Promise<void> | null = null;
  return {
    app,
    store,
    url: `http://${host}:${port}`,
    stop() {
      stopping ??= (async () => {
        await app.close();
        await store.close();
      })();
      return stopping;
    },
  };
}
