import type { Database } from 'better-sqlite3';
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
  close(): void;
}
