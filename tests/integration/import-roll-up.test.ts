import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src-main/cli/index';
import { openWorkspace } from '../../src-main/core/workspace';
import { openTestWorkspace, tempDir, type TestWorkspace } from '../helpers/workspace';
import { financeIndicators, footprint, runImport, values } from '../fixtures/measurements/fixtures';

// Roll-up on import (issue 13.7): a weekly export into a monthly indicator is refused with the way
// forward, and imported with a roll-up as one value per month; the CLI's --roll-up; the indicator's
// aggregation, from its unit unless chosen.

let t: TestWorkspace | undefined;
let dir: string | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  t?.cleanup();
  t = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Weekly rows (Mondays) from 2030-05-27 to 2030-07-08; the week of 2030-06-24 ends in June. */
const WEEKLY = ['date;value', '2030-05-27;100.10', '2030-06-03;200.20', '2030-06-10;300.30', '2030-06-17;0.10', '2030-06-24;0.20', '2030-07-01;5', '2030-07-08;7'].join('\n');

function weeklyFile() {
  dir = tempDir('boucle-roll-up-');
  const file = path.join(dir, 'weekly.csv');
  fs.writeFileSync(file, `${WEEKLY}\n`);
  return file;
}

describe('a weekly export into a monthly indicator', () => {
  it('is refused without a roll-up, saying one is possible, and nothing is written', async () => {
    t = openTestWorkspace();
    const { apCost } = await financeIndicators(t);
    const file = weeklyFile();
    const before = footprint(t);
    const job = await runImport(t, { path: file, mapping: { date: 0, value: 1 }, indicatorId: apCost.id, onExisting: 'keep' });
    expect(job.phase).toBe('rejected');
    expect(job.errors.map((e) => [e.row, e.code])).toEqual([[4, 'duplicate_period'], [5, 'duplicate_period'], [6, 'duplicate_period'], [8, 'duplicate_period']]);
    expect(job.messageKey).toBe('import.job.rejected_roll_up');
    expect(job.message).toContain('they can be rolled up into one value per period');
    expect(footprint(t)).toEqual(before);
  });

  it('is imported with --roll-up sum as one value per month, to the cent', async () => {
    t = openTestWorkspace();
    const { apCost } = await financeIndicators(t);
    const file = weeklyFile();
    const job = await runImport(t, { path: file, mapping: { date: 0, value: 1 }, indicatorId: apCost.id, onExisting: 'keep', rollUp: 'sum' });
    expect(job.phase).toBe('done');
    expect(job.result).toMatchObject({ rows: 7, inserted: 3, rolledUp: { aggregation: 'sum', periods: 3 } });
    expect(values(t, apCost.id)).toEqual([
      { period: '2030-05-01', value: 100.1, note: null },
      { period: '2030-06-01', value: 500.8, note: null },
      { period: '2030-07-01', value: 12, note: null },
    ]);
    // A second import with "last" replaces June with the row of the latest date (2030-06-24); May is the same.
    const again = await runImport(t, { path: file, mapping: { date: 0, value: 1 }, indicatorId: apCost.id, onExisting: 'replace', rollUp: 'last' });
    expect(again.result).toMatchObject({ rows: 7, inserted: 0, replaced: 2, unchanged: 1 });
    expect(values(t, apCost.id).map((v) => v.value)).toEqual([100.1, 0.2, 7]);
  });

  it('rolls up a multi-indicator file per indicator and its own frequency', async () => {
    t = openTestWorkspace();
    const { apCost, weekly } = await financeIndicators(t);
    dir = tempDir('boucle-roll-up-');
    const file = path.join(dir, 'daily.csv');
    const lines = ['indicator;date;value'];
    for (let d = 1; d <= 14; d++) lines.push(`AP cost per invoice;2030-09-${String(d).padStart(2, '0')};${d}`, `Invoices on hold;2030-09-${String(d).padStart(2, '0')};${d}`);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const job = await runImport(t, { path: file, mapping: { indicator: 0, date: 1, value: 2 }, onExisting: 'keep', rollUp: 'max' });
    expect(job.result).toMatchObject({ rows: 28, rolledUp: { periods: 4 } });
    expect(values(t, apCost.id).map((v) => [v.period, v.value])).toEqual([['2030-09-01', 14]]);
    // ISO weeks: Sunday 1 September is the week of Monday 26 August.
    expect(values(t, weekly.id).map((v) => [v.period, v.value])).toEqual([['2030-08-26', 1], ['2030-09-02', 8], ['2030-09-09', 14]]);
  });
});

describe("an indicator's aggregation", () => {
  it('comes from the unit unless chosen, and can be changed', async () => {
    t = openTestWorkspace();
    const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
    const mk = (unit: string, extra = {}) => t!.ok('indicators.create', { departmentId: d.id, name: `I ${unit}`, unit, direction: 'lower', ...extra });
    expect((await mk('EUR')).aggregation).toBe('sum');
    expect((await mk('%')).aggregation).toBe('mean');
    expect((await mk('days', { aggregation: 'last' })).aggregation).toBe('last');
    const i = await mk('invoices');
    expect((await t.ok('indicators.update', { id: i.id, aggregation: 'max' })).aggregation).toBe('max');
    expect(await t.core.call('indicators.update', { id: i.id, aggregation: 'median' })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});

describe('boucle import measurements --roll-up', () => {
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

  it('refuses without it (saying how), rolls up with it, and rejects an unknown aggregation', async () => {
    const file = weeklyFile();
    const data = path.join(dir!, 'ws');
    const w = openTestWorkspace(data);
    await financeIndicators(w);
    w.ws.close();
    const refused = await run('import', 'measurements', file, '--indicator', 'AP cost per invoice', '--data', data);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('on the command line: --roll-up mean|sum|last|min|max)\n');
    expect(refused.stderr).toContain('  row 4, date: Row 3 already gives a value for "AP cost per invoice" in the monthly period starting 2030-06-01\n');
    const wrong = await run('import', 'measurements', file, '--indicator', 'AP cost per invoice', '--roll-up', 'median', '--data', data);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('--roll-up must be one of mean, sum, last, min, max');
    const ok = await run('import', 'measurements', file, '--indicator', 'AP cost per invoice', '--roll-up', 'mean', '--data', data);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('  7 rows: 3 new, 0 replaced');
    expect(ok.stdout).toContain('  rolled up (mean) into 3 periods\n');
    const ws = openWorkspace(data);
    try {
      const june = ws.db.prepare(`SELECT value FROM measurements WHERE period = '2030-06-01'`).pluck().get() as number;
      expect(june).toBeCloseTo(500.8 / 4, 10);
    } finally {
      ws.close();
    }
  });
});
