import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestWorkspace, tempDir, type TestWorkspace } from '../helpers/workspace';
import { footprint, runImport, values } from '../fixtures/measurements/fixtures';

// A BI export names its periods (2025-Q1, Jan 2025, janv. 2025, 2025-W05) rather than dating its
// rows: each row lands on its period's first day, in an indicator whose periods are as long (or,
// rolled up, longer); given to an indicator with shorter periods it is refused by row, not guessed.

let t: TestWorkspace;
let dir: string;
afterEach(() => {
  t?.cleanup();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function setup() {
  t = openTestWorkspace();
  dir = tempDir('boucle-import-periods-');
  const d = await t.ok('departments.create', { name: 'Supply chain', code: 'SCM' });
  const mk = (name: string, frequency: string, unit = '%') => t.ok('indicators.create', { departmentId: d.id, name, unit, direction: 'higher', frequency });
  return { quarterly: await mk('Forecast accuracy', 'quarterly'), monthly: await mk('Perfect orders', 'monthly'), weekly: await mk('Lines picked', 'weekly', 'lines'), yearly: await mk('Supplier audits', 'yearly', 'audits') };
}

function write(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function importInto(file: string, indicatorId: string, extra: Record<string, unknown> = {}) {
  const p = await t.ok('imports.measurements.preview', { path: file, indicatorId });
  expect(p.mapping.date, 'the period column is found as the dates').toBe(0);
  return runImport(t, { path: file, mapping: p.mapping, indicatorId, onExisting: 'keep', ...extra });
}

describe('periods named by an export', () => {
  it('land on their first day: quarters, months by name, ISO weeks', async () => {
    const { quarterly, monthly, weekly } = await setup();
    expect(await importInto(write('q.csv', ['Quarter,Accuracy', '2025-Q1,81.5', 'Q2 2025,84', '2025 Q3,86.25']), quarterly.id)).toMatchObject({ phase: 'done', result: { inserted: 3 } });
    expect(values(t, quarterly.id).map((v) => [v.period, v.value])).toEqual([['2025-01-01', 81.5], ['2025-04-01', 84], ['2025-07-01', 86.25]]);

    expect(await importInto(write('m.csv', ['Mois;Taux', 'janv. 2025;97,5', 'févr. 2025;98', 'Mar 2025;96,25']), monthly.id)).toMatchObject({ phase: 'done', result: { inserted: 3 } });
    expect(values(t, monthly.id).map((v) => [v.period, v.value])).toEqual([['2025-01-01', 97.5], ['2025-02-01', 98], ['2025-03-01', 96.25]]);

    expect(await importInto(write('w.csv', ['Week,Lines', '2025-W01,1200', '2025-W02,1310']), weekly.id)).toMatchObject({ phase: 'done', result: { inserted: 2 } });
    expect(values(t, weekly.id).map((v) => v.period)).toEqual(['2024-12-30', '2025-01-06']);
  });

  it('longer than the indicator’s periods: refused by row, nothing written', async () => {
    const { monthly } = await setup();
    const before = footprint(t);
    const job = await importInto(write('q.csv', ['Quarter,Rate', '2025-Q1,97', '2025-Q2,98']), monthly.id);
    expect(job.phase).toBe('rejected');
    expect(job.errors.map((e) => [e.row, e.column, e.code, e.value])).toEqual([
      [2, 'Quarter', 'period_too_long', '2025-Q1'],
      [3, 'Quarter', 'period_too_long', '2025-Q2'],
    ]);
    expect(job.errors[0]!.reason).toBe(
      'The period "2025-Q1" (a quarter) is longer than those of "Perfect orders" (monthly periods): give each row a date, or a period no longer than the indicator’s',
    );
    expect(footprint(t)).toEqual(before);
  });

  it('shorter than the indicator’s: rolled up like dated rows', async () => {
    const { yearly } = await setup();
    const file = write('audits.csv', ['Quarter,Audits', '2024-Q3,2', '2024-Q4,3', '2025-Q1,4', '2025-Q2,1']);
    expect((await importInto(file, yearly.id)).errors.map((e) => e.code)).toEqual(['duplicate_period', 'duplicate_period']);
    expect(await importInto(file, yearly.id, { rollUp: 'sum' })).toMatchObject({ phase: 'done', result: { inserted: 2 } });
    expect(values(t, yearly.id).map((v) => [v.period, v.value])).toEqual([['2024-01-01', 5], ['2025-01-01', 5]]);
  });
});
