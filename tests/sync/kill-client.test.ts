import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../src-main/services/sync/run';
import { laptop, startTestStore, type TestStore } from '../helpers/sync-store';
import { tempDir, type TestWorkspace } from '../helpers/workspace';

// A laptop killed (SIGKILL: a crash, a battery out) while it applies a large download, through the
// built `boucle sync` (needs `npm run build`): its database passes integrity_check, holds only whole
// pages with their cursor, and the next `boucle sync` resumes and ends equal to the author's copy.

const root = path.resolve(__dirname, '..', '..');
const ROWS = 24_000;
let t: TestStore;
let url: string;
const open: TestWorkspace[] = [];
const dirs: string[] = [];
beforeAll(async () => {
  t = await startTestStore();
  url = (await t.serve()).url;
}, 120_000);
afterAll(async () => {
  for (const w of open) w.cleanup();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  await t?.close();
}, 120_000);

const figures = (db: Database.Database, dep: string) =>
  db.prepare('SELECT count(*) AS n, coalesce(sum(value), 0) AS total FROM measurements WHERE department_id = ? AND deleted_at IS NULL').get(dep) as { n: number; total: number };

describe('client killed during apply', () => {
  it('the database stays intact and the next sync resumes', async () => {
    const author = await laptop(url, await t.user('author', [['BIG', 'write']]));
    open.push(author);
    const dep = await author.ok('departments.create', { name: 'Big', code: 'BIG' });
    const ind = await author.ok('indicators.create', { departmentId: dep.id, name: 'Orders', direction: 'higher', frequency: 'daily' });
    author.ws.writer.write((tx) => {
      for (let n = 0; n < ROWS; n++) {
        tx.insert('measurements', { department_id: dep.id, indicator_id: ind.id, period: new Date(Date.UTC(1960, 0, 1) + n * 86_400_000).toISOString().slice(0, 10), value: n % 997 });
      }
    });
    expect((await runSync(author.ws)).ok).toBe(true);
    const want = figures(author.ws.db, dep.id);

    const data = tempDir('boucle-kill-sync-');
    dirs.push(data);
    const tokenFile = `${data}.token`;
    dirs.push(tokenFile);
    fs.writeFileSync(tokenFile, `${await t.user('reader', [['BIG', 'read']])}\n`, { mode: 0o600 });

    // kill it once a page is committed and the rest is still coming
    const child = spawn(process.execPath, [path.join(root, 'bin', 'boucle.mjs'), 'sync', '--server', url, '--token-file', tokenFile, '--data', data], { stdio: 'ignore' });
    const file = path.join(data, 'boucle.sqlite');
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_c, s) => resolve(s)));
    let killedAt = -1;
    for (let i = 0; i < 6000 && child.exitCode === null && killedAt < 0; i++) {
      await new Promise((r) => setTimeout(r, 10));
      try {
        const peek = new Database(file, { readonly: true, fileMustExist: true });
        try {
          const cursor = peek.prepare('SELECT cursor FROM sync_departments WHERE id = ?').pluck().get(dep.id) as number | undefined;
          if (cursor && cursor > 0) {
            child.kill('SIGKILL');
            killedAt = cursor;
          }
        } finally {
          peek.close();
        }
      } catch {
        // not created or not migrated yet
      }
    }
    expect(await exited).toBe('SIGKILL');
    expect(killedAt).toBeGreaterThan(0);

    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const got = figures(db, dep.id);
      expect(got.n).toBeGreaterThan(0);
      expect(got.n).toBeLessThan(ROWS); // killed mid-download: part of it, in whole pages
    } finally {
      db.close();
    }

    // the next sync (remembered server and token, the dead process's lock taken over) resumes; run
    // without blocking, since the server answers from this very process
    const again = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const p = spawn(process.execPath, [path.join(root, 'bin', 'boucle.mjs'), 'sync', '--data', data], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      p.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
      p.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      p.on('close', (status) => resolve({ status, stdout, stderr }));
    });
    expect(again.stderr).not.toMatch(/internal|Error:|cannot be reached/);
    expect(again.stdout).toMatch(/received [1-9]/);
    expect(again.status).toBe(0);
    const after = new Database(file, { readonly: true });
    try {
      expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(figures(after, dep.id)).toEqual(want);
      expect(after.prepare('SELECT uuid FROM log_txs GROUP BY uuid HAVING count(*) > 1').all()).toEqual([]);
    } finally {
      after.close();
    }
  }, 300_000);
});
