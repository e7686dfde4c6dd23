import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src-main/cli/index';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../src-main/db/migrations';
import { backupsToKeep, listBackups } from '../../src-main/services/workspace/backups';
import { dbFile, fileFingerprint, overwritePage, trackedWorkspaces } from '../helpers/safety';

const tracked = trackedWorkspaces('boucle-backups-');
afterEach(tracked.cleanup);
const { dir, session } = tracked;
const closeIt = tracked.close;

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c) => (out.push(String(c)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c) => (err.push(String(c)), true));
  try {
    return { code: await runCli(args), stdout: out.join(''), stderr: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('backups', () => {
  it('"Back up now" writes a checked copy in the backups folder (0700), described beside it, listed newest first', async () => {
    const d = dir();
    const s = session(d);
    await s.ok('departments.create', { name: 'Finance', code: 'FIN' });
    const b = await s.ok('workspace.backups.create', {});
    expect(b).toMatchObject({ reason: 'manual', checked: true, schemaVersion: SCHEMA_VERSION, counts: { departments: 1 } });
    const folder = path.join(d, 'backups');
    expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(folder, b.name)).mode & 0o777).toBe(0o600);
    const copy = new Database(path.join(folder, b.name), { readonly: true });
    expect(copy.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(copy.prepare(`SELECT name FROM departments`).pluck().all()).toEqual(['Finance']);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    const second = await s.ok('workspace.backups.create', {});
    const list = await s.ok('workspace.backups.list', {});
    expect(list.items.map((x) => x.name)).toEqual([second.name, b.name]);
    expect(list.totalBytes).toBe(b.bytes + second.bytes);
  });

  it('writes one daily backup on the first open of the day, and none on the next openings', async () => {
    const d = dir();
    const first = session(d, { maintenance: 'full' });
    await first.ok('departments.create', { name: 'Finance', code: 'FIN' });
    await first.session.settle();
    await closeIt(first);
    for (let i = 0; i < 2; i++) {
      const s = session(d, { maintenance: 'full' });
      await s.session.settle();
      expect(s.session.health()).toMatchObject({ state: 'ok' });
      await closeIt(s);
    }
    const daily = listBackups(d).items.filter((b) => b.reason === 'daily');
    expect(daily).toHaveLength(1);
    expect(daily[0]!.checked).toBe(true);
  });

  it('keeps the last day, then one a day for 7 days, one a week for 4 weeks, one a month for 12 months', () => {
    const now = new Date('2026-06-30T12:00:00Z');
    const items = [];
    // Four backups a day for 400 days.
    for (let day = 0; day < 400; day++) {
      for (const h of [1, 7, 13, 19]) {
        const at = new Date(now.getTime() - day * 86_400_000 - h * 3600_000);
        items.push({ name: `b-${at.toISOString()}`, createdAt: at.toISOString() });
      }
    }
    const keep = backupsToKeep(items, now);
    const kept = items.filter((b) => keep.has(b.name));
    const ageDays = (b: { createdAt: string }) => (now.getTime() - new Date(b.createdAt).getTime()) / 86_400_000;
    expect(kept.filter((b) => ageDays(b) < 1).length).toBe(4); // all of the last 24 hours
    expect(kept.length).toBeLessThanOrEqual(4 + 7 + 4 + 12);
    expect(kept.length).toBeGreaterThanOrEqual(20);
    expect(Math.max(...kept.map(ageDays))).toBeGreaterThan(300); // a year back
    expect(Math.max(...kept.map(ageDays))).toBeLessThan(366);
  });

  it('backs up before applying a migration: the copy holds the old schema and the data', async () => {
    const d = dir();
    // A workspace of the previous version: every migration but the last, and a department in it.
    const db = new Database(dbFile(d));
    db.pragma('journal_mode = WAL');
    db.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    for (const m of MIGRATIONS.slice(0, -1)) {
      db.exec(m.sql);
      db.prepare(`INSERT INTO schema_migrations VALUES (?, ?, ?, ?)`).run(m.version, m.name, m.checksum, new Date().toISOString());
    }
    const now = new Date().toISOString();
    const dep = '01900000-0000-7000-8000-000000000001';
    db.prepare(`INSERT INTO departments (id, department_id, name, code, colour, created_at, updated_at) VALUES (?, ?, 'Finance', 'FIN', '#000000', ?, ?)`).run(dep, dep, now, now);
    db.close();
    const s = session(d);
    expect(s.session.health().state).toBe('ok');
    const before = listBackups(d).items.filter((b) => b.reason === 'before-migration');
    expect(before).toHaveLength(1);
    expect(before[0]!.schemaVersion).toBe(MIGRATIONS.at(-2)!.version);
    expect(before[0]!.counts).toMatchObject({ departments: 1 });
    expect((await s.ok('departments.list', {})).items.map((x) => x.name)).toEqual(['Finance']);
  });

  it('restores a backup: its data back, the replaced database kept aside and backed up, the clock never earlier', async () => {
    const d = dir();
    const s = session(d);
    await s.ok('departments.create', { name: 'Finance', code: 'FIN' });
    const b = await s.ok('workspace.backups.create', {});
    await s.ok('departments.create', { name: 'Ops', code: 'OPS' });
    const node = s.session.workspace.nodeId;
    const lastStamp = s.session.workspace.db.prepare(`SELECT MAX(hlc) FROM change_log`).pluck().get() as string;
    const r = await s.ok('workspace.backups.restore', { name: b.name });
    expect(r.restored.name).toBe(b.name);
    expect((await s.ok('departments.list', {})).items.map((x) => x.name)).toEqual(['Finance']);
    // The database it replaced: kept aside whole, and as a listed backup.
    const aside = new Database(path.join(r.keptAside, 'boucle.sqlite'), { readonly: true });
    expect(aside.prepare(`SELECT name FROM departments ORDER BY name`).pluck().all()).toEqual(['Finance', 'Ops']);
    aside.close();
    expect(listBackups(d).items.some((x) => x.reason === 'before-restore')).toBe(true);
    // A change after the restore is stamped after every change before it, by the same node.
    await s.ok('departments.create', { name: 'HR', code: 'HR' });
    const ws = s.session.workspace;
    expect(ws.nodeId).toBe(node);
    const after = ws.db.prepare(`SELECT MAX(hlc) FROM change_log`).pluck().get() as string;
    expect(after > lastStamp).toBe(true);
  });

  it('refuses to restore a file that is not a Boucle workspace, or fails its check, and changes nothing', async () => {
    const d = dir();
    const s = session(d);
    await s.ok('departments.create', { name: 'Finance', code: 'FIN' });
    const folder = path.join(d, 'backups');
    fs.mkdirSync(folder, { recursive: true });
    const stranger = new Database(path.join(folder, 'boucle-stranger.sqlite'));
    stranger.exec(`CREATE TABLE invoices (id INTEGER PRIMARY KEY)`);
    stranger.close();
    fs.writeFileSync(path.join(folder, 'boucle-text.sqlite'), 'not a database'.repeat(100));
    const good = await s.ok('workspace.backups.create', {});
    const broken = path.join(folder, 'boucle-broken.sqlite');
    fs.copyFileSync(path.join(folder, good.name), broken);
    overwritePage(broken, 3);
    s.session.workspace.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = fileFingerprint(d);
    for (const name of ['boucle-stranger.sqlite', 'boucle-text.sqlite', 'boucle-broken.sqlite']) {
      const e = await s.fail('workspace.backups.restore', { name });
      expect(e, name).toMatchObject({ code: 'validation', key: 'backup.restore_refused' });
    }
    expect((await s.fail('workspace.backups.restore', { name: '../boucle.sqlite' })).code).toBe('validation');
    expect((await s.fail('workspace.backups.restore', { name: 'boucle-none.sqlite' })).code).toBe('not_found');
    expect(fileFingerprint(d)).toEqual(before);
    expect((await s.ok('departments.list', {})).total).toBe(1);
  });

  it('boucle backup [--out FILE], boucle backups and boucle restore FILE', async () => {
    const d = dir();
    const s = session(d);
    await s.ok('departments.create', { name: 'Finance', code: 'FIN' });
    await closeIt(s);
    const out = path.join(dir(), 'copy.sqlite');
    const b1 = await cli('backup', '--data', d);
    expect(b1.code).toBe(0);
    expect(b1.stdout).toMatch(/^Backup written and checked: .*boucle-\d{8}T\d{9}Z-manual\.sqlite \(/);
    const b2 = await cli('backup', '--out', out, '--data', d);
    expect(b2.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    expect((await cli('backup', '--out', out, '--data', d)).code).toBe(1); // never over an existing file
    const list = await cli('backups', '--data', d);
    expect(list.stdout).toMatch(/Backups in .*backups \(1,/);
    expect(list.stdout).toMatch(/manual .* checked/);
    // Change the workspace, then restore the --out copy.
    const s2 = session(d);
    await s2.ok('departments.create', { name: 'Ops', code: 'OPS' });
    await closeIt(s2);
    const r = await cli('restore', out, '--data', d);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Restored copy\.sqlite .* into /);
    expect(r.stdout).toMatch(/The database it replaced is kept in .*replaced-/);
    const s3 = session(d);
    expect((await s3.ok('departments.list', {})).items.map((x) => x.name)).toEqual(['Finance']);
    await closeIt(s3);
    fs.writeFileSync(out, 'garbage');
    const refused = await cli('restore', out, '--data', d);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/This file cannot be restored .*: cannot be opened|not a Boucle workspace|file is not a database/);
  });
});
