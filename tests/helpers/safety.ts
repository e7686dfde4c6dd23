import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createCore, type Core } from '../../src-main/core/dispatch';
import { WorkspaceSession, type SessionOptions } from '../../src-main/core/session';
import { DATABASE_FILE } from '../../src-main/db/files';
import type { ApiName, ApiOutput } from '../../src-shared/api';
import type { ApiError } from '../../src-shared/errors';
import { tempDir } from './workspace';

// For the tests of workspace safety: sessions as the shells open them, file fingerprints, damage.

export interface TestSession {
  dir: string;
  session: WorkspaceSession;
  core: Core;
  ok<K extends ApiName>(name: K, input: unknown): Promise<ApiOutput<K>>;
  fail(name: ApiName, input: unknown): Promise<ApiError>;
  close(): Promise<void>;
}

export function openTestSession(dir = tempDir('boucle-safety-'), opts: Partial<SessionOptions> = {}): TestSession {
  const session = WorkspaceSession.open(dir, { program: 'the tests', maintenance: false, ...opts });
  const core = createCore(session);
  return {
    dir,
    session,
    core,
    async ok(name, input) {
      const r = await core.call(name, input);
      if (!r.ok) throw new Error(`${name} failed: ${JSON.stringify(r.error)}`);
      return r.data;
    },
    async fail(name, input) {
      const r = await core.call(name, input);
      if (r.ok) throw new Error(`${name} succeeded, a refusal was expected`);
      return r.error;
    },
    close: () => session.close(),
  };
}

export const dbFile = (dir: string) => path.join(dir, DATABASE_FILE);

/** sha256 of a file, or null when it does not exist. */
export function sha(file: string): string | null {
  if (!fs.existsSync(file)) return null;
  if (fs.statSync(file).isDirectory()) return `folder:${fs.readdirSync(file).join(',')}`;
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Fingerprint of the database and its log: what "left untouched" compares. */
export const fileFingerprint = (dir: string) => ({ db: sha(dbFile(dir)), wal: sha(`${dbFile(dir)}-wal`) });

/** Overwrites page `page` (1-based) of an SQLite file with bytes that are no b-tree page. */
/** The page size a SQLite file's header gives (bytes 16–17; 1 stands for 65536). */
export function pageSizeOf(file: string): number {
  const size = fs.readFileSync(file).readUInt16BE(16);
  return size === 1 ? 65536 : size;
}

export function overwritePage(file: string, page: number): void {
  const pageSize = pageSizeOf(file);
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Temp workspaces and sessions that one test file opens, all closed and removed after each test
 * (register `cleanup` with afterEach). `close(s)` closes one before the end of its test.
 */
export function trackedWorkspaces(prefix: string) {
  const open: TestSession[] = [];
  const dirs: string[] = [];
  return {
    dir(): string {
      const d = tempDir(prefix);
      dirs.push(d);
      return d;
    },
    session(d: string, opts: Partial<SessionOptions> = {}): TestSession {
      const s = openTestSession(d, opts);
      open.push(s);
      return s;
    },
    async close(s: TestSession): Promise<void> {
      open.splice(open.indexOf(s), 1);
      await s.close();
    },
    async cleanup(): Promise<void> {
      for (const s of open.splice(0)) await s.close();
      for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
    },
  };
}
