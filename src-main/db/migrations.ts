import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { MIGRATION_STEPS, type StepProgress } from './migration-steps';

// Numbered migrations, one SQL file each (Joplin style), bundled at build time so the app, the CLI
// and the tests run exactly the same text. Each applied one is recorded with a checksum. A file may
// name a step done in code (`-- step: <name>`, migration-steps.ts) for what SQL cannot do well, such
// as converting millions of rows with progress; it runs between the SQL before and after it, in the
// migration's one transaction.

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

// Vite (app, CLI, tests) replaces the glob call with the files' text at build time; plain Node (tsx,
// for benchmarks) has no import.meta.glob, so the call throws and the files are read beside this module.
// (A `typeof import.meta.glob` test does not work: the bundler rewrites it to false in CommonJS output.)
const files: Record<string, string> = bundledMigrationFiles() ?? readMigrationFiles();

function bundledMigrationFiles(): Record<string, string> | null {
  try {
    return import.meta.glob('./migrations/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
  } catch {
    return null;
  }
}

function readMigrationFiles(): Record<string, string> {
  const dir = path.join(__dirname, 'migrations');
  return Object.fromEntries(
    fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).map((f) => [`./migrations/${f}`, fs.readFileSync(path.join(dir, f), 'utf8')]),
  );
}

export const MIGRATIONS: Migration[] = Object.entries(files)
  .map(([path, sql]) => {
    const m = /\/(\d{4})_([a-z0-9_]+)\.sql$/.exec(path);
    if (!m) throw new Error(`Badly named migration file: ${path}`);
    return {
      version: Number(m[1]),
      name: `${m[1]}_${m[2]}`,
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
    };
  })
  .sort((a, b) => a.version - b.version);

export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/** Written into the SQLite header so a stranger's database is recognised before we touch it. */
export const APPLICATION_ID = 0x42434c45; // "BCLE"

export interface AppliedMigration {
  version: number;
  name: string;
  checksum: string;
}

/**
 * Why this database must not be opened by this version of Boucle, or null when it may.
 * Reads only: the caller opens the file read-only for this check, so a refused file stays untouched.
 */
export function incompatibility(db: Database): string | null {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
  if (tables.length === 0) return null; // a new, empty file
  if (appId !== APPLICATION_ID) {
    return 'This file is an SQLite database, but not a Boucle workspace. Choose another data folder.';
  }
  if (!tables.includes('schema_migrations')) return 'This Boucle database has no migration record; it cannot be trusted.';
  const applied = db
    .prepare(`SELECT version, name, checksum FROM schema_migrations ORDER BY version`)
    .all() as AppliedMigration[];
  for (const a of applied) {
    const ours = MIGRATIONS.find((m) => m.version === a.version);
    if (!ours) {
      return `This workspace was written by a newer version of Boucle (schema ${a.version}, "${a.name}"; this version knows up to ${SCHEMA_VERSION}). Update Boucle to open it; the file was left untouched.`;
    }
    if (ours.name !== a.name || ours.checksum !== a.checksum) {
      return `This workspace's migration ${a.version} ("${a.name}") does not match this version of Boucle ("${ours.name}"). It was written by a different build; the file was left untouched.`;
    }
  }
  return null;
}

export interface MigrateOptions {
  /** Told what a long migration is doing, e.g. "Converting the change log: 1,200,000 of 6,000,000". */
  onProgress?: (message: string) => void;
  /** Called once before the first pending migration of a workspace that holds data (a backup). */
  beforeMigrating?: (pending: Migration[]) => void;
}

/** The migrations this database has not applied yet. */
export function pendingMigrations(db: Database): Migration[] {
  const has = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get();
  if (!has) return MIGRATIONS;
  const done = new Set(db.prepare(`SELECT version FROM schema_migrations`).pluck().all() as number[]);
  return MIGRATIONS.filter((m) => !done.has(m.version));
}

/** Runs a migration's SQL and the steps it names, in order. */
function apply(db: Database, m: Migration, progress: StepProgress) {
  const parts = m.sql.split(/^-- step: ([a-z0-9-]+)[ \t]*$/m);
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) {
      if (parts[i]!.trim()) db.exec(parts[i]!);
      continue;
    }
    const step = MIGRATION_STEPS[parts[i]!];
    if (!step) throw new Error(`Migration ${m.name} names an unknown step: ${parts[i]}`);
    step(db, progress);
  }
}

/** Applies the migrations not yet applied, each in its own transaction. */
export function migrate(db: Database, opts: MigrateOptions = {}): number[] {
  const pending = pendingMigrations(db);
  const holdsData = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get() !== undefined && pending.length < MIGRATIONS.length;
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    checksum TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  if (pending.length && holdsData) opts.beforeMigrating?.(pending);
  const applied: number[] = [];
  const record = db.prepare(`INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)`);
  for (const m of pending) {
    const progress: StepProgress = (what, done, total) =>
      opts.onProgress?.(`Updating the workspace to schema ${m.version}: ${what}, ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`);
    db.transaction(() => {
      apply(db, m, progress);
      record.run(m.version, m.name, m.checksum, new Date().toISOString());
    })();
    applied.push(m.version);
  }
  if (applied.length && holdsData) compactAfterMigrating(db, opts.onProgress);
  return applied;
}

/** Free pages worth giving back after a migration: at least this many bytes, and half the file. */
const COMPACT_FROM_BYTES = 64 * 1024 * 1024;

/**
 * A migration that rewrites a large table (0005 turned a change log of 6 million rows into 1 million
 * entries) leaves the file at its old size, mostly free pages: a laptop would carry gigabytes for
 * nothing, and every backup copy would too. VACUUM gives them back; the migration is already
 * committed, so an interruption here costs nothing but the space.
 */
function compactAfterMigrating(db: Database, onProgress?: (message: string) => void): void {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  if (free * pageSize < COMPACT_FROM_BYTES || free * 2 < pages) return;
  onProgress?.(`Compacting the workspace file: ${((free * pageSize) / 1e6).toFixed(0)} MB of free space to give back`);
  db.exec('VACUUM');
}
