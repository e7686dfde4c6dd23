import type { Database } from 'better-sqlite3';
import { compactChangeLog } from './steps/compact-change-log';

/** Tells how far a step is: what it does, how many of how many. */
export type StepProgress = (what: string, done: number, total: number) => void;
export type MigrationStep = (db: Database, progress: StepProgress) => void;

/** The steps a migration file may name with `-- step: <name>` (migrations.ts). */
export const MIGRATION_STEPS: Record<string, MigrationStep> = {
  'compact-change-log': compactChangeLog,
};
