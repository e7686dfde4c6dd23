import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { diskNeeded, LARGE_IMPORT_BYTES, prepareLargeImport } from '../../src-main/core/import-guard';
import { listBackups } from '../../src-main/services/workspace/backups';
import { openTestSession, type TestSession } from '../helpers/safety';

// Before a large measurement import: refused in words when the disk cannot hold it; a backup first.

let t: TestSession | undefined;
afterEach(async () => {
  const dir = t?.dir;
  await t?.close();
  t = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a large import', () => {
  it('needs about 16 bytes of disk per byte of CSV at its peak (measured), 80 per byte of XLSX, with a margin', () => {
    const mb = 1024 * 1024;
    expect(diskNeeded(5 * mb, false, 0)).toBe(Math.ceil(5 * mb * 16 * 1.5 + 64 * mb));
    expect(diskNeeded(5 * mb, true, 0)).toBe(Math.ceil(5 * mb * 80 * 1.5 + 64 * mb));
    // A large one also needs room for the backup taken before it.
    expect(diskNeeded(LARGE_IMPORT_BYTES, false, 300 * mb) - diskNeeded(LARGE_IMPORT_BYTES, false, 0)).toBe(300 * mb);
  });

  it('is refused in words when the disk cannot hold it, before anything is read or written', async () => {
    t = openTestSession();
    const dep = await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
    await t.ok('indicators.create', { departmentId: dep.id, name: 'Delay', direction: 'lower' });
    const file = path.join(t.dir, 'big.csv');
    fs.writeFileSync(file, 'date;value\n2025-01-01;1\n');
    const full = () => 10 * 1024 * 1024;
    await expect(prepareLargeImport(t.session, { path: file }, full)).rejects.toMatchObject({
      code: 'conflict',
      key: 'disk.no_space',
      field: 'path',
      message: expect.stringMatching(/^Not enough free disk space for this import: about \d+ MB needed, 10 MB free in .+\. Free some space, or import a smaller file$/),
    });
    await expect(prepareLargeImport(t.session, { path: file }, () => 1e12)).resolves.toBeUndefined();
    expect(listBackups(t.dir).items).toEqual([]); // small: no backup
  });

  it('backs the workspace up first, as a checked backup of its own kind', async () => {
    t = openTestSession();
    await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
    const file = path.join(t.dir, 'large.csv');
    fs.writeFileSync(file, Buffer.alloc(LARGE_IMPORT_BYTES, 0x31));
    await prepareLargeImport(t.session, { path: file }, () => 1e12);
    expect(listBackups(t.dir).items).toMatchObject([{ reason: 'before-import', checked: true, counts: { departments: 1 } }]);
  });
});
