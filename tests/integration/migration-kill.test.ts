import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src-main/core/workspace';
import { SCHEMA_VERSION } from '../../src-main/db/migrations';
import { writeSchema4Workspace } from '../helpers/schema4';
import { tempDir } from '../helpers/workspace';

// Updating a big schema-4 workspace to the compact change log, with the built `boucle` command as a
// user runs it: it tells its progress, and killed (SIGKILL) in the middle it leaves the workspace as
// it was, which the next opening updates completely. (The bench `npm run bench -- migration` does
// the same with a million measurements.)
const bin = path.resolve(__dirname, '../../bin/boucle.mjs');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** What the workspace holds: measurements and every field of the change log, whatever its schema. */
function holdings(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const h = createHash('sha256');
    for (const r of db.prepare(`SELECT id, department_id, indicator_id, period, value, source, note, created_at, updated_at, deleted_at FROM measurements ORDER BY id`).raw().iterate()) h.update(JSON.stringify(r));
    const m = h.digest('hex');
    const log = createHash('sha256');
    for (const r of db.prepare(`SELECT hlc, node_id, tx_id, entity, row_id, field, value, department_id FROM change_log ORDER BY hlc, row_id, field`).raw().iterate()) log.update(JSON.stringify(r));
    return { measurements: m, log: log.digest('hex'), schema: db.prepare(`SELECT MAX(version) FROM schema_migrations`).pluck().get() as number };
  } finally {
    db.close();
  }
}

describe('updating a big workspace', () => {
  it('tells its progress, and a kill in the middle leaves the workspace as it was for the next opening to update', async () => {
    const dir = tempDir();
    dirs.push(dir);
    writeSchema4Workspace(dir, 20_000);
    const file = path.join(dir, 'boucle.sqlite');
    const before = holdings(file);
    expect(before.schema).toBe(4);

    // Killed as soon as it says how far it is.
    const child = spawn(process.execPath, [bin, 'info', '--data', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const said = await new Promise<string>((resolve, reject) => {
      let err = '';
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (/converting the change log, [\d,]+ of [\d,]+/.test(err)) {
          child.kill('SIGKILL');
          resolve(err);
        }
      });
      child.on('exit', () => resolve(err));
      child.on('error', reject);
    });
    await new Promise((r) => child.once('close', r));
    expect(said).toMatch(/^Updating the workspace to schema 5: converting the change log, [\d,]+ of 1[\d,]+$/m);
    expect(holdings(file)).toEqual(before);

    // The next opening updates it, and loses nothing.
    const ws = openWorkspace(dir);
    try {
      expect(ws.db.prepare(`SELECT MAX(version) FROM schema_migrations`).pluck().get()).toBe(SCHEMA_VERSION);
    } finally {
      ws.close();
    }
    const after = holdings(file);
    expect(after.measurements).toBe(before.measurements);
    expect(after.log).toBe(before.log);
  }, 120_000);
});
