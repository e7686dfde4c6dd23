import type { Database } from 'better-sqlite3';
import type { LockHolder } from './writer-lock';
import type { Writer } from './write';

/**
 * Everything a service needs: the database, the single write path, and where it all lives.
 * Opened by the core (core/workspace.ts, the composition root); the type lives here, below the
 * services, so that services depend on db/ and never on the core that dispatches to them.
 */
export interface Workspace {
  readonly db: Database;
  readonly writer: Writer;
  readonly dataDir: string;
  readonly databaseFile: string;
  readonly nodeId: string;
  /** Opened for reading only: another process writes it (`holder`), or it is damaged. Every write is refused. */
  readonly readOnly: boolean;
  /** Who holds the writer lock when this one does not. */
  readonly holder: LockHolder | null;
  /** The better-sqlite3 addon the connection uses (Electron's build under Electron), for worker threads. */
  readonly nativeBinding?: string;
  close(): void;
}
