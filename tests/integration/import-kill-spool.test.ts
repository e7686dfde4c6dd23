import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src-main/core/workspace';
import { SPOOL_FOLDER } from '../../src-main/services/imports/spool';
import { openTestWorkspace, tempDir } from '../helpers/workspace';

// An import killed in the middle (Ctrl-C, a crash) writes nothing, and the rows it had checked and
// spooled for its write (20 MB per million rows) do not stay in the data folder for good: the next
// process to take the workspace for writing removes them. One that only reads leaves them be.
const bin = path.resolve(__dirname, '../../bin/boucle.mjs');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const spools = (dir: string) => {
  try {
    return fs.readdirSync(path.join(dir, SPOOL_FOLDER));
  } catch {
    return [];
  }
};

describe('an import killed in the middle', () => {
  it('leaves no rows, and its spool goes at the next opening for writing', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const t = openTestWorkspace(dir);
    const dep = await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
    const ind = await t.ok('indicators.create', { departmentId: dep.id, name: 'Daily cash', direction: 'higher', frequency: 'daily' });
    t.ws.close();
    const csv = path.join(dir, '..', `${path.basename(dir)}.csv`);
    dirs.push(csv);
    const lines = ['date;value'];
    for (let i = 0; i < 90_000; i++) lines.push(`${new Date(Date.UTC(1900, 0, 1 + i)).toISOString().slice(0, 10)};${i}`);
    fs.writeFileSync(csv, `${lines.join('\n')}\n`);

    // Killed as soon as its spool holds rows (it is checking them, or writing).
    const child = spawn(process.execPath, [bin, 'import', 'measurements', csv, '--indicator', ind.id, '--data', dir], { stdio: 'ignore' });
    const exited = new Promise((r) => child.once('exit', r));
    for (let k = 0; k < 1000; k++) {
      const [s] = spools(dir);
      const file = s && path.join(dir, SPOOL_FOLDER, s, 'rows.bin');
      if (file && fs.existsSync(file) && fs.statSync(file).size > 0) {
        child.kill('SIGKILL');
        break;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(await exited).not.toBe(0);
    expect(spools(dir)).toHaveLength(1);
    expect(fs.statSync(path.join(dir, SPOOL_FOLDER, spools(dir)[0]!, 'rows.bin')).size).toBeGreaterThan(0);

    // The next writer removes it; nothing was written.
    const writer = openWorkspace(dir);
    try {
      expect(spools(dir)).toEqual([]);
      expect(writer.db.prepare('SELECT COUNT(*) FROM measurements').pluck().get()).toBe(0);
      // While it holds the workspace, a spool of its own (an import running) survives a reader's opening.
      fs.mkdirSync(path.join(dir, SPOOL_FOLDER, 'boucle-import-running'));
      const reader = openWorkspace(dir);
      try {
        expect(reader.readOnly).toBe(true);
      } finally {
        reader.close();
      }
      expect(spools(dir)).toEqual(['boucle-import-running']);
    } finally {
      writer.close();
    }
  }, 60_000);
});
