import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SpoolWriter, readSpool } from '../../src-main/services/imports/spool';

// The spool keeps an import's checked rows between its two passes: what is read back must be what
// was written, and discarding it must touch nothing but its own file.

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'boucle-spool-test-'));
  dirs.push(d);
  return d;
};

describe('import spool', () => {
  it('reads back every row as written, notes in any script, across buffer refills and batches', () => {
    const spool = SpoolWriter.create(tmp());
    const rows = Array.from({ length: 120_000 }, (_, i) => ({
      indicator: i % 40,
      periodDay: -25_000 + i,
      value: i % 7 === 0 ? -i / 3 : i * 1.25,
      note: i % 5 === 0 ? `note ${i} « écart » 日本 ${'x'.repeat(i % 300)}` : null,
    }));
    for (const r of rows) spool.add(r.indicator, r.periodDay, r.value, r.note);
    spool.close();
    const back = [...readSpool(spool.file, 7_000)];
    expect(back.slice(0, -1).every((b) => b.length === 7_000)).toBe(true);
    expect(back.flat()).toEqual(rows);
    spool.discard();
    expect(fs.existsSync(path.dirname(spool.file))).toBe(false);
  });

  it('discarding a closed spool leaves alone the file that reused its descriptor number', () => {
    const dir = tmp();
    const spool = SpoolWriter.create(dir);
    spool.add(1, 2, 3, null);
    spool.close();
    // The process opens another file now (a database, say): the system hands out the lowest free number.
    const other = path.join(dir, 'other.txt');
    const fd = fs.openSync(other, 'w');
    try {
      spool.discard();
      fs.writeSync(fd, 'still mine'); // throws EBADF if the discard closed it
      expect(fs.readFileSync(other, 'utf8')).toBe('still mine');
    } finally {
      fs.closeSync(fd);
    }
  });
});
