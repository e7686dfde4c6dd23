import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestWorkspace, tempDir, type TestWorkspace } from '../helpers/workspace';
import { financeIndicators, footprint, runImport, values } from '../fixtures/measurements/fixtures';

// A value holding the separator without quotes — 1,200.00 in a file separated by ',' — splits in
// two fields: read as they come, the row would store 1 and a note "200.00". Such a row has more
// fields than the header, and is refused by name; files whose every row has the same layout import.
// And a report printed page by page repeats its header: those rows are no data, passed over.

let t: TestWorkspace;
let dir: string;
afterEach(() => {
  t?.cleanup();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function setup() {
  t = openTestWorkspace();
  dir = tempDir('boucle-import-split-');
  return financeIndicators(t);
}

function write(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function importFile(file: string, indicatorId: string) {
  const p = await t.ok('imports.measurements.preview', { path: file, indicatorId });
  const job = await runImport(t, { path: file, mapping: p.mapping, indicatorId, onExisting: 'keep', dateFormat: p.dateFormat.detected ?? 'yyyy-mm-dd' });
  return { preview: p, job };
}

describe('a number split by an unquoted separator', () => {
  it('is refused with its row, even when the field too many is empty, and nothing is written', async () => {
    const { apCost } = await setup();
    const file = write('split.csv', [
      'date,value,note',
      '2025-01-01,980.50,ok',
      '2025-02-01,1,200.00,', // the note was empty: 1 | 200.00 | (empty)
      '2025-03-01,"1,050.25",quoted: fine',
      '2025-04-01,$1,100.00,late supplier',
      '2025-05-01,990.00,',
    ]);
    const before = footprint(t);
    const { preview, job } = await importFile(file, apCost.id);
    expect(preview.rows.find((r) => r.row === 3)!.errors.map((e) => e.code)).toEqual(['extra_fields']);
    expect(job.phase).toBe('rejected');
    expect(job.errors.map((e) => [e.row, e.column, e.code, e.value])).toEqual([
      [3, null, 'extra_fields', '2025-02-01,1,200.00,'],
      [5, null, 'extra_fields', '2025-04-01,$1,100.00,late supplier'],
    ]);
    expect(job.errors[0]!.reason).toBe(
      'The row has 4 fields where the file has 3: a value holding the separator (,) must be in quotes (a number like 1,200.50 split in two?)',
    );
    expect(job.errors[0]!.key).toBe('row.extra_fields');
    expect(footprint(t)).toEqual(before);
  });

  it('in a file without a header, by the field count most rows have', async () => {
    const { apCost } = await setup();
    const file = write('no-header.csv', ['2025-01-01;12,5', '2025-02-01;13,5', '2025-03-01;14;5', '2025-04-01;15,5']);
    const { job } = await importFile(file, apCost.id);
    expect(job.errors.map((e) => [e.row, e.code])).toEqual([[3, 'extra_fields']]);
    expect(values(t, apCost.id)).toEqual([]);
  });
});

describe('a report printed page by page', () => {
  it('repeats its header above each page: those rows are passed over, the others imported', async () => {
    const { apCost } = await setup();
    const file = write('pages.csv', ['Date,Value,Note', '2025-01-01,10,a', '2025-02-01,11,', 'Date,Value,Note', '2025-03-01,12,', '', '"Date","Value"," Note "', '2025-04-01,13,d']);
    const { job } = await importFile(file, apCost.id);
    expect(job.errors).toEqual([]);
    expect(job).toMatchObject({ phase: 'done', errorCount: 0, result: { inserted: 4 } });
    expect(values(t, apCost.id).map((v) => v.value)).toEqual([10, 11, 12, 13]);
  });
});

describe('files whose rows all have one layout', () => {
  it('import: a trailing separator on every line, and a column the header does not name', async () => {
    const { apCost, delay } = await setup();
    const trailing = write('trailing.csv', ['date,value,note,', '2025-01-01,980.50,ok,', '2025-02-01,"1,200.00",,']);
    expect((await importFile(trailing, apCost.id)).job).toMatchObject({ phase: 'done', result: { inserted: 2 } });
    expect(values(t, apCost.id).map((v) => v.value)).toEqual([980.5, 1200]);

    const unnamed = write('unnamed.csv', ['date,value', '2025-01-01,41,checked', '2025-02-01,42,', '2025-03-01,43,checked']);
    expect((await importFile(unnamed, delay.id)).job).toMatchObject({ phase: 'done', result: { inserted: 3 } });
    expect(values(t, delay.id).map((v) => v.value)).toEqual([41, 42, 43]);
  });
});
