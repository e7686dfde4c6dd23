import fs from 'node:fs';
import Database from 'better-sqlite3';
import { ENTITIES, ENTITY_NAMES } from './entities';
import { checkIntegrity } from './health';
import { APPLICATION_ID, incompatibility } from './migrations';

// Copying a workspace database to a file and checking a copy, below the backup policy
// (services/workspace/backups.ts). VACUUM INTO reads one consistent snapshot of the database
// (other connections may write meanwhile: WAL) and writes a compact, self-contained file: no WAL
// beside it, no free pages. It is written under a temporary name and renamed once complete and
// checked, so a backup that exists under its name is a whole one.

export interface CopyCheck {
  /** Problems found; [] when the copy is a sound Boucle workspace this version can open. */
  problems: string[];
  schemaVersion: number;
  /** Live rows per domain table. */
  counts: Record<string, number>;
}

/** Writes a copy of `db` to `dest` (which must not exist), checks it, and only then gives it its name. */
export function copyDatabase(db: Database.Database, dest: string, opts: { check: 'quick' | 'full'; nativeBinding?: string }): CopyCheck {
  const partial = `${dest}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    fs.chmodSync(partial, 0o600);
    const check = checkCopy(partial, opts.check, opts.nativeBinding);
    if (check.problems.length) throw new Error(`The backup failed its check: ${check.problems.join('; ')}`);
    // The data must be on disk before the name says it is a backup.
    const fd = fs.openSync(partial, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, dest);
    return check;
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/**
 * Is `file` a Boucle workspace this version can open, whole (integrity_check) — the check of a
 * backup after writing it, and of any file before restoring it. Opens it read-only.
 */
export function checkCopy(file: string, kind: 'quick' | 'full', nativeBinding?: string): CopyCheck {
  const out: CopyCheck = { problems: [], schemaVersion: 0, counts: {} };
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (e) {
    out.problems.push(`cannot be opened: ${(e as Error).message}`);
    return out;
  }
  try {
    if ((db.pragma('application_id', { simple: true }) as number) !== APPLICATION_ID) {
      out.problems.push('not a Boucle workspace');
      return out;
    }
    const why = incompatibility(db);
    if (why) {
      out.problems.push(why);
      return out;
    }
    out.problems.push(...checkIntegrity(db, kind));
    if (out.problems.length) return out;
    out.schemaVersion = (db.prepare(`SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).pluck().get() as number) ?? 0;
    // The domain tables (some are views over a compact table), as far as this copy's schema has them.
    const present = new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type IN ('table', 'view')`).pluck().all() as string[]);
    for (const e of ENTITY_NAMES) {
      const t = ENTITIES[e].table;
      if (present.has(t)) out.counts[e] = db.prepare(`SELECT COUNT(*) FROM ${t} WHERE deleted_at IS NULL`).pluck().get() as number;
    }
  } catch (e) {
    out.problems.push((e as Error).message);
  } finally {
    db.close();
  }
  return out;
}
