import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src-main/db/connection';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../src-main/db/migrations';
import { openWorkspace } from '../../src-main/core/workspace';
import { tempDir } from '../helpers/workspace';

const dirs: string[] = [];
const fresh = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterEach(() => {
  while (dirs.length) fs.rmSync(dirs.pop()!, { recursive: true, force: true });
});

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Creates a workspace, then lets `mutate` tamper with it through a raw connection. */
function preparedWorkspace(mutate: (db: Database.Database) => void): string {
  const dir = fresh();
  openWorkspace(dir).close();
  const db = new Database(path.join(dir, DATABASE_FILE));
  mutate(db);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return path.join(dir, DATABASE_FILE);
}

describe('migrations', () => {
  it('creates a new workspace with WAL, foreign keys, every migration recorded and our application id', () => {
    const dir = fresh();
    const ws = openWorkspace(dir);
    try {
      expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(ws.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      const applied = ws.db.prepare(`SELECT version, name, checksum FROM schema_migrations ORDER BY version`).all();
      expect(applied).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name, checksum: m.checksum })));
      expect(SCHEMA_VERSION).toBe(MIGRATIONS.at(-1)!.version);
      expect(MIGRATIONS[0]!.name).toBe('0001_init');
    } finally {
      ws.close();
    }
  });

  it('opens an existing workspace again without re-applying anything', () => {
    const dir = fresh();
    const ws = openWorkspace(dir);
    const node = ws.nodeId;
    ws.writer.write((tx) => tx.insert('departments', { department_id: '', name: 'Finance', code: 'FIN', colour: '#123456' }));
    ws.close();
    const again = openWorkspace(dir);
    try {
      expect(again.nodeId).toBe(node);
      expect(again.db.prepare(`SELECT COUNT(*) FROM departments`).pluck().get()).toBe(1);
      expect(again.db.prepare(`SELECT COUNT(*) FROM schema_migrations`).pluck().get()).toBe(MIGRATIONS.length);
    } finally {
      again.close();
    }
  });

  it('refuses a database written by a newer version and leaves the file untouched', () => {
    const file = preparedWorkspace((db) => {
      db.prepare(`INSERT INTO schema_migrations VALUES (?, ?, ?, ?)`).run(9999, '9999_future', 'x', new Date().toISOString());
    });
    const before = sha(file);
    expect(() => openWorkspace(path.dirname(file))).toThrow(/newer version of Boucle \(schema 9999/);
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0).toBe(false);
  });

  it('refuses a database whose applied migrations do not match ours', () => {
    const file = preparedWorkspace((db) => {
      db.prepare(`UPDATE schema_migrations SET checksum = 'tampered' WHERE version = 1`).run();
    });
    const before = sha(file);
    expect(() => openWorkspace(path.dirname(file))).toThrow(/migration 1 \("0001_init"\) does not match/);
    expect(sha(file)).toBe(before);
  });

  it('refuses an SQLite file that is not a Boucle workspace', () => {
    const dir = fresh();
    const file = path.join(dir, DATABASE_FILE);
    const db = new Database(file);
    db.exec(`CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoices VALUES (1, 9.5);`);
    db.close();
    const before = sha(file);
    expect(() => openWorkspace(dir)).toThrow(/not a Boucle workspace/);
    expect(sha(file)).toBe(before);
  });

  it('refuses a corrupt file with a clear message and leaves it as it was', () => {
    const dir = fresh();
    const file = path.join(dir, DATABASE_FILE);
    fs.writeFileSync(file, 'this is not a database at all, just text'.repeat(200));
    const before = sha(file);
    expect(() => openWorkspace(dir)).toThrow(/^This workspace is damaged \(not a database\): boucle.sqlite does not start with the SQLite header. The file was left untouched.$/);
    expect(sha(file)).toBe(before);
  });
});
