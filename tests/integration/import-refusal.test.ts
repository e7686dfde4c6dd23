import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src-main/cli/index';
import { openWorkspace } from '../../src-main/core/workspace';
import { jobEntry } from '../../src-main/services/imports/jobs';
import { openTestWorkspace, tempDir, type TestWorkspace } from '../helpers/workspace';
import { financeIndicators, fixture, footprint, runImport, values } from '../fixtures/measurements/fixtures';

// All or nothing: a file with any bad row is refused with the list of every bad row and nothing is
// written; existing values are replaced or kept as asked; a cancelled import leaves nothing; the CLI.

let t: TestWorkspace | undefined;
let dir: string | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  t?.cleanup();
  t = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function setup() {
  t = openTestWorkspace();
  dir = tempDir('boucle-import-');
  return { t, dir, ...(await financeIndicators(t)) };
}

function csv(file: string, rows: number, make: (i: number) => string, header = 'date;value;note') {
  const out = fs.createWriteStream(file);
  out.write(`${header}\n`);
  for (let i = 0; i < rows; i++) out.write(`${make(i)}\n`);
  return new Promise<void>((resolve) => out.end(resolve));
}

const dayIso = (i: number) => new Date(Date.UTC(1950, 0, 1 + i)).toISOString().slice(0, 10);

describe('a file with bad rows', () => {
  it('is refused with every bad row (row, column, reason) and nothing written', async () => {
    const { t, apCost } = await setup();
    // Values already there must stay exactly as they are.
    await t.ok('measurements.create', { indicatorId: apCost.id, period: '2024-12-01', value: 99 });
    const before = footprint(t);
    const job = await runImport(t, { path: fixture('bad-rows.csv'), mapping: { indicator: 0, date: 1, value: 2 }, dateFormat: 'dd/mm/yyyy', onExisting: 'replace' });
    expect(job.phase).toBe('rejected');
    expect(job.errors.map((e) => [e.row, e.column, e.code, e.value])).toEqual([
      [3, 'Date', 'bad_date', '31/02/2025'],
      [4, 'Valeur', 'bad_number', 'abc'],
      [5, 'Indicateur', 'unknown_indicator', 'Coût inconnu'],
      [6, 'Date', 'empty_date', ''],
      [7, 'Date', 'duplicate_period', null],
      [8, 'Valeur', 'missing_column', null],
      [9, 'Valeur', 'bad_number', '1,2,3'],
      [11, 'Date', 'bad_date', '32/08/2025'],
      [11, 'Valeur', 'bad_number', 'x'],
    ]);
    expect(job.errors[4]!.reason).toBe('Row 2 already gives a value for "AP cost per invoice" in the monthly period starting 2025-01-01');
    expect(job.errorCount).toBe(9);
    // Row 7 repeats row 2's period: the refusal says a roll-up would make one value of them.
    expect(job.message).toBe(
      '8 bad rows (9 problems): the file was not imported, nothing was written. Several rows fall in one period of their indicator: ' +
        'they can be rolled up into one value per period (in the app: "Roll up with" in the preview; on the command line: --roll-up mean|sum|last|min|max)',
    );
    expect(footprint(t)).toEqual(before);
    expect(values(t, apCost.id)).toEqual([{ period: '2024-12-01', value: 99, note: null }]);
  });

  it('lists the first 1000 problems in row order and counts them all', async () => {
    const { t, dir, apCost } = await setup();
    const file = path.join(dir, 'many-bad.csv');
    // 3000 rows; every other one has a bad value: 1500 bad rows.
    await csv(file, 3000, (i) => `${dayIso(i)};${i % 2 ? 'n/a' : i};`);
    const daily = await t.ok('indicators.create', { departmentId: apCost.departmentId, name: 'Daily', direction: 'lower', frequency: 'daily' });
    const before = footprint(t);
    const job = await runImport(t, { path: file, mapping: { date: 0, value: 1, note: 2 }, indicatorId: daily.id, onExisting: 'keep' });
    expect(job).toMatchObject({ phase: 'rejected', errorCount: 1500, rowsTotal: 1500 });
    expect(job.errors).toHaveLength(1000);
    expect(job.errors[0]).toMatchObject({ row: 3, code: 'bad_number', value: 'n/a' });
    expect(job.errors.at(-1)!.row).toBe(2001);
    expect(footprint(t)).toEqual(before);
  });

  it('finds a second value for a period however far apart the two rows are (the keys are sorted in runs of 65,536, then merged)', async () => {
    const { t, dir, apCost } = await setup();
    const file = path.join(dir, 'far-duplicates.csv');
    // 150,000 rows: from the 75,001st on, every row repeats the day of the one 75,000 rows before it.
    await csv(file, 150_000, (i) => `${dayIso(i % 75_000)};${i};`);
    const daily = await t.ok('indicators.create', { departmentId: apCost.departmentId, name: 'Daily', direction: 'lower', frequency: 'daily' });
    const before = footprint(t);
    const job = await runImport(t, { path: file, mapping: { date: 0, value: 1, note: 2 }, indicatorId: daily.id, onExisting: 'keep' });
    expect(job).toMatchObject({ phase: 'rejected', errorCount: 75_000 });
    expect(job.errors).toHaveLength(1000);
    expect(job.errors.every((e) => e.code === 'duplicate_period')).toBe(true);
    expect(job.errors.map((e) => e.row)).toEqual(Array.from({ length: 1000 }, (_, k) => 75_002 + k));
    expect(job.errors[0]).toMatchObject({ params: { first: 2 } });
    expect(footprint(t)).toEqual(before);
  }, 60_000);
});

describe('existing values', () => {
  it('are kept or replaced as the user chooses; equal ones count as unchanged and log nothing', async () => {
    const { t, apCost } = await setup();
    // The file holds Jan 1234.5, Feb 1180.25, Mar 1099, Apr 987.5, May −12.5.
    await t.ok('measurements.create', { indicatorId: apCost.id, period: '2025-01-01', value: 1000, note: 'typed by hand' });
    await t.ok('measurements.create', { indicatorId: apCost.id, period: '2025-02-01', value: 1180.25, note: 'Équipe renforcée' });
    const input = { path: fixture('fr-bom-semicolon.csv'), mapping: { date: 0, value: 1, note: 2 }, indicatorId: apCost.id };
    const keep = await runImport(t, { ...input, onExisting: 'keep' });
    expect(keep.result).toMatchObject({ rows: 5, inserted: 3, kept: 1, unchanged: 1, replaced: 0 });
    expect(values(t, apCost.id)[0]).toEqual({ period: '2025-01-01', value: 1000, note: 'typed by hand' });

    const log = footprint(t).logSeq;
    const replace = await runImport(t, { ...input, onExisting: 'replace' });
    expect(replace.result).toMatchObject({ inserted: 0, replaced: 1, kept: 0, unchanged: 4 });
    expect(values(t, apCost.id)[0]).toEqual({ period: '2025-01-01', value: 1234.5, note: 'Clôture de janvier' });
    // Only January changed: value, note and source, in one transaction.
    const rows = t.ws.db.prepare(`SELECT field, tx_id FROM change_log WHERE seq > ? ORDER BY seq`).all(log) as { field: string; tx_id: string }[];
    expect(rows.map((r) => r.field).sort()).toEqual(['note', 'source', 'value']);
    expect(new Set(rows.map((r) => r.tx_id)).size).toBe(1);
    expect(t.ws.db.prepare(`SELECT source FROM measurements WHERE period = '2025-01-01'`).pluck().get()).toBe('fr-bom-semicolon.csv');
  });

  it('writes a whole import as one transaction of the change log, every field logged', async () => {
    const { t, delay, late, apCost } = await setup();
    const log = footprint(t).logSeq;
    const job = await runImport(t, { path: fixture('fr-windows-1252-multi.csv'), mapping: { indicator: 0, date: 1, value: 2, note: 3 }, onExisting: 'keep' });
    expect(job.phase).toBe('done');
    const entries = t.ws.db.prepare(`SELECT entity, field, tx_id, department_id FROM change_log WHERE seq > ?`).all(log) as Record<string, string>[];
    // 5 rows × (department_id, indicator_id, period, value, source, note).
    expect(entries).toHaveLength(30);
    expect(new Set(entries.map((e) => e.tx_id)).size).toBe(1);
    expect(new Set(entries.map((e) => e.entity))).toEqual(new Set(['measurements']));
    expect(new Set(entries.map((e) => e.department_id))).toEqual(new Set([delay.departmentId]));
    expect(values(t, late.id)).toHaveLength(2);
    expect(values(t, apCost.id)).toHaveLength(1);
  });
});

describe('cancel', () => {
  async function bigImport(rows: number) {
    const { t, dir, apCost } = await setup();
    const file = path.join(dir, 'big.csv');
    await csv(file, rows, (i) => `${dayIso(i)};${i},5;note ${i}`);
    const daily = await t.ok('indicators.create', { departmentId: apCost.departmentId, name: 'Daily', direction: 'lower', frequency: 'daily' });
    const { jobId } = await t.ok('imports.measurements.start', { path: file, mapping: { date: 0, value: 1, note: 2 }, indicatorId: daily.id, onExisting: 'keep' });
    return { t, jobId, daily };
  }
  const tick = () => new Promise((r) => setImmediate(r));

  it('while checking: stops, nothing written', async () => {
    const { t, jobId } = await bigImport(40_000);
    const before = footprint(t);
    while ((await t.ok('imports.jobs.get', { jobId })).rowsRead === 0) await tick();
    const job = await t.ok('imports.jobs.cancel', { jobId });
    expect(job).toMatchObject({ phase: 'cancelled', message: 'Cancelled: nothing was written', rowsWritten: 0 });
    expect(footprint(t)).toEqual(before);
  });

  it('while writing: rolls back what was written so far; other writes are refused meanwhile, not mixed in', async () => {
    const { t, jobId, daily } = await bigImport(20_000);
    const before = footprint(t);
    let job = await t.ok('imports.jobs.get', { jobId });
    while (!(job.phase === 'writing' && job.rowsWritten > 0)) {
      await tick();
      job = await t.ok('imports.jobs.get', { jobId });
    }
    // The import's rows are in its open transaction: another write is refused, not mixed in.
    const other = await t.core.call('measurements.create', { indicatorId: daily.id, period: '2030-01-01', value: 1 });
    expect(other).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const cancelled = await t.ok('imports.jobs.cancel', { jobId });
    expect(cancelled.phase).toBe('cancelled');
    expect(cancelled.rowsWritten).toBeGreaterThan(0);
    expect(footprint(t)).toEqual(before);
    // The write path works again once the import is over.
    expect((await t.core.call('measurements.create', { indicatorId: daily.id, period: '2030-01-01', value: 1 })).ok).toBe(true);
  });

  it('a finished job is left as it is', async () => {
    const { t, jobId } = await bigImport(100);
    await jobEntry(t.ws, jobId).done;
    expect(await t.ok('imports.jobs.cancel', { jobId })).toMatchObject({ phase: 'done', result: { inserted: 100 } });
    expect(await t.core.call('imports.jobs.get', { jobId: '01890000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'jobId' } });
  });
});

describe('boucle import measurements', () => {
  async function run(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const text = (chunk: unknown) => (typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(text(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(text(chunk)), true));
    try {
      return { code: await runCli(args), stdout: out.join(''), stderr: err.join('') };
    } finally {
      vi.restoreAllMocks();
    }
  }

  /** A workspace folder with the fixtures' indicators, closed so that the CLI opens it itself. */
  async function workspaceDir() {
    dir = tempDir('boucle-cli-import-');
    const w = openTestWorkspace(dir);
    await financeIndicators(w);
    w.ws.close();
    return dir;
  }

  const count = (data: string) => {
    const ws = openWorkspace(data);
    try {
      return footprint({ ws } as unknown as TestWorkspace);
    } finally {
      ws.close();
    }
  };

  it('imports a multi-indicator file: summary on stdout, progress on stderr', async () => {
    const data = await workspaceDir();
    const r = await run('import', 'measurements', fixture('fr-windows-1252-multi.csv'), '--data', data);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `Imported fr-windows-1252-multi.csv into ${path.join(data, 'boucle.sqlite')}:\n` +
        '  5 rows: 5 new, 0 replaced, 0 kept as they were, 0 unchanged\n' +
        '  Délai de paiement fournisseurs: 2 values, 2025-01-01 … 2025-02-01\n' +
        '  Factures payées en retard: 2 values, 2025-01-01 … 2025-02-01\n' +
        '  AP cost per invoice: 1 values, 2025-01-01 … 2025-01-01\n',
    );
    expect(r.stderr).toMatch(/^fr-windows-1252-multi\.csv: checking/);
    expect(count(data).measurements).toBe(5);
  });

  it('names the sheet it read when a workbook opens on a cover page, and reads the one asked', async () => {
    const data = await workspaceDir();
    const file = path.join(data, '..', `${path.basename(data)}-cover.xlsx`);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sommaire').addRow(['Rapport achats, décembre']);
    const s = wb.addWorksheet('Données');
    s.addRow(['Date', 'Valeur']);
    s.addRow([new Date(Date.UTC(2025, 0, 1)), 12.5]);
    await wb.xlsx.writeFile(file);
    try {
      const r = await run('import', 'measurements', file, '--indicator', 'AP cost per invoice', '--data', data);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('no column of dates was found in its sheet "Sommaire" (it also has "Données": choose with --sheet NAME)');
      const ok = await run('import', 'measurements', file, '--indicator', 'AP cost per invoice', '--sheet', 'Données', '--data', data);
      expect(ok.code).toBe(0);
      expect(count(data).measurements).toBe(1);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('lists every bad row on stderr, exits 1, writes nothing', async () => {
    const data = await workspaceDir();
    const before = count(data);
    const r = await run('import', 'measurements', fixture('bad-rows.csv'), '--data', data);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('8 bad rows (9 problems): the file was not imported, nothing was written. Several rows fall in one period');
    expect(r.stderr).toContain('on the command line: --roll-up mean|sum|last|min|max)\n');
    expect(r.stderr).toContain('  row 3, Date: This date does not exist: "31/02/2025"\n');
    expect(r.stderr).toContain('  row 11, Valeur: Not a number: "x"\n');
    expect(r.stderr.match(/^ {2}row \d+/gm)).toHaveLength(9);
    expect(count(data)).toEqual(before);
  });

  it('asks for --date-format on ambiguous dates and --indicator when no column names it; replaces on demand', async () => {
    const data = await workspaceDir();
    const ambiguous = await run('import', 'measurements', fixture('ambiguous-dates.csv'), '--indicator', 'AP cost per invoice', '--data', data);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/dates like 01\/02\/2025 can be day-first or month-first; choose with --date-format dd\/mm\/yyyy or mm\/dd\/yyyy/);
    const noIndicator = await run('import', 'measurements', fixture('us-comma.csv'), '--data', data);
    expect(noIndicator.stderr).toMatch(/has no column naming the indicator: give it with --indicator NAME_OR_ID/);
    const unknown = await run('import', 'measurements', fixture('us-comma.csv'), '--indicator', 'Nope', '--data', data);
    expect(unknown.stderr).toMatch(/--indicator: No indicator is named "Nope"/);
    expect(count(data).measurements).toBe(0);

    const ok = await run('import', 'measurements', fixture('ambiguous-dates.csv'), '--indicator', 'ap cost per invoice', '--date-format', 'dd/mm/yyyy', '--data', data);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('3 rows: 3 new');
    const again = await run('import', 'measurements', fixture('ambiguous-dates.csv'), '--indicator', 'AP cost per invoice', '--date-format', 'dd/mm/yyyy', '--on-existing', 'replace', '--data', data);
    expect(again.stdout).toContain('3 rows: 0 new, 0 replaced, 0 kept as they were, 3 unchanged');
  });
});
