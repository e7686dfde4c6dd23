import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src-main/cli/index';
import { openWorkspace } from '../../src-main/core/workspace';
import { dbFile, fileFingerprint, openTestSession, overwritePage, pageSizeOf, trackedWorkspaces } from '../helpers/safety';

// Every damaged-file case: opened read-only at most, said in words, never written, never "new";
// the database and its log stay byte for byte as they were; restore and rescue work from there.

const tracked = trackedWorkspaces('boucle-damage-');
afterEach(tracked.cleanup);
const { dir, session } = tracked;

/** A workspace with a department, a process and `gaps` gaps, closed. */
async function filled(d: string, gaps = 400) {
  const s = openTestSession(d);
  const dep = await s.ok('departments.create', { name: 'Finance', code: 'FIN' });
  const proc = await s.ok('processes.create', { departmentId: dep.id, name: 'Procure to pay' });
  s.session.workspace.writer.write((tx) => {
    for (let i = 0; i < gaps; i++) {
      tx.insert('gaps', { department_id: dep.id, process_id: proc.id, title: `Invoice waits for approval ${i} ${'x'.repeat(80)}`, type: 'coordination', severity: 3, found_on: '2026-01-01' });
    }
  });
  await s.close();
  return { dep, proc };
}

async function expectRefusedAndUntouched(d: string, kind: string) {
  const before = fileFingerprint(d);
  const s = session(d);
  const h = s.session.health();
  expect(h).toMatchObject({ state: 'damaged', kind });
  // Nothing is written: not through the API, whatever is called.
  const e = await s.fail('departments.create', { name: 'Ops', code: 'OPS' });
  expect(e.code).toBe('damaged');
  expect(await s.ok('workspace.health', {})).toMatchObject({ state: 'damaged', kind });
  await tracked.close(s);
  const after = fileFingerprint(d);
  expect({ d, ...after }).toEqual({ d, ...before });
  return h;
}

async function cli(...args: string[]) {
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c) => (err.push(String(c)), true));
  try {
    return { code: await runCli(args), stderr: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('a damaged workspace', () => {
  it('a 0-byte boucle.sqlite is damage, never a new workspace; the WAL beside it is kept', async () => {
    const d = dir();
    fs.writeFileSync(dbFile(d), '');
    fs.writeFileSync(`${dbFile(d)}-wal`, Buffer.alloc(4096, 7));
    await expectRefusedAndUntouched(d, 'empty_file');
    expect(fs.statSync(dbFile(d)).size).toBe(0);
    expect(() => openWorkspace(d)).toThrow(/damaged \(empty file\)/);
    const r = await cli('info', '--data', d);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/This workspace is damaged \(the database file is empty, 0 bytes/);
  });

  it('a write-ahead log without its database is damage: the log is not thrown away', async () => {
    const d = dir();
    fs.writeFileSync(`${dbFile(d)}-wal`, Buffer.alloc(8192, 3));
    await expectRefusedAndUntouched(d, 'wal_without_database');
    expect(fs.existsSync(dbFile(d))).toBe(false);
  });

  it('an unreadable boucle.sqlite (here a folder of that name) is damage', async () => {
    const d = dir();
    fs.mkdirSync(dbFile(d));
    await expectRefusedAndUntouched(d, 'unreadable');
  });

  it('a file that is not SQLite is damage, left as it was', async () => {
    const d = dir();
    fs.writeFileSync(dbFile(d), 'this is not a database at all, just text'.repeat(200));
    await expectRefusedAndUntouched(d, 'not_a_database');
  });

  it('one overwritten page: found on open, read-only, every write refused, what can be read exported, CLI exit 5', async () => {
    const d = dir();
    await filled(d);
    const pages = fs.statSync(dbFile(d)).size / pageSizeOf(dbFile(d));
    overwritePage(dbFile(d), Math.floor(pages / 2));
    const h = await expectRefusedAndUntouched(d, 'corrupt');
    expect(h).toMatchObject({ readable: true });
    // Export what can be read: most rows survive one bad page, into a file import-json loads.
    const s = session(d);
    const r = await s.ok('workspace.rescue', {});
    expect(fs.existsSync(r.file)).toBe(true);
    const json = JSON.parse(fs.readFileSync(r.file, 'utf8')) as { format: string; gaps: unknown[] };
    expect(json.format).toBe('boucle-workspace');
    expect(r.counts.gaps).toBeGreaterThan(100);
    expect(json.gaps).toHaveLength(r.counts.gaps!);
    await tracked.close(s);
    const cliInfo = await cli('info', '--data', d);
    expect(cliInfo.code).toBe(5);
    expect(cliInfo.stderr).toMatch(/the integrity check found damaged pages/);
  });

  it('a file cut short is damage', async () => {
    const d = dir();
    await filled(d);
    const bytes = fs.readFileSync(dbFile(d));
    fs.writeFileSync(dbFile(d), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const s = session(d);
    expect(s.session.health().state).toBe('damaged');
    expect((await s.fail('departments.create', { name: 'Ops', code: 'OPS' })).code).toBe('damaged');
  });

  it('offers the latest good backup, and restoring it keeps the damaged files aside, byte for byte', async () => {
    const d = dir();
    await filled(d, 200);
    const good = session(d);
    const backup = await good.ok('workspace.backups.create', {});
    await tracked.close(good);
    overwritePage(dbFile(d), 3);
    const damaged = fileFingerprint(d).db;
    const s = session(d);
    const h = s.session.health();
    expect(h).toMatchObject({ state: 'damaged', latestBackup: { name: backup.name, checked: true } });
    const r = await s.ok('workspace.backups.restore', { name: backup.name });
    expect(r.health.state).toBe('ok');
    expect(await s.ok('workspace.health', {})).toMatchObject({ state: 'ok' });
    const page = await s.ok('gaps.list', { limit: 1 });
    expect(page.total).toBe(200);
    const aside = fs.readdirSync(r.keptAside);
    expect(aside).toContain('boucle.sqlite');
    expect(fileFingerprint(r.keptAside).db).toBe(damaged);
    // And it writes again.
    await s.ok('departments.create', { name: 'Ops', code: 'OPS' });
  });

  it('a page found damaged while open stops the writes at once', async () => {
    const d = dir();
    await filled(d, 50);
    const s = session(d);
    s.session.workspace.gate.damaged = 'page 7: btreeInitPage() returns error code 11';
    const e = await s.fail('gaps.list', { limit: 1 }).catch(() => null);
    expect(e).toBeNull(); // reads still answer
    expect((await s.fail('departments.create', { name: 'Ops', code: 'OPS' })).code).toBe('damaged');
    expect(s.session.health()).toMatchObject({ state: 'damaged', kind: 'corrupt', readable: true });
    expect(path.basename(s.dir)).toMatch(/^boucle-damage-/);
  });
});
