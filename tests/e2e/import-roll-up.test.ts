import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, shot, useBrowser } from '../helpers/e2e';
import { startTestShell, type RunningShell } from '../helpers/web-shell';
import { tempDir } from '../helpers/workspace';

// Issue 13, points 7 and 10, in real Chromium through the web shell: a weekly export into a monthly
// indicator is refused with the way forward (roll up), the preview shows the rolled-up values per
// month and how many rows made each, and the import writes those monthly values. Screenshots of the
// preview in English and French at 1440×900.

const { newPage } = useBrowser();

/** Weekly supplier payments (EUR) from Monday 2030-05-27 to 2030-07-08. */
const WEEKLY = ['Week;Amount', '2030-05-27;1250.10', '2030-06-03;980.25', '2030-06-10;1010.40', '2030-06-17;0.10', '2030-06-24;0.20', '2030-07-01;400', '2030-07-08;350.55'];

describe('roll-up on import', () => {
  let shell: RunningShell;
  let dir: string;
  beforeAll(async () => {
    shell = await startTestShell();
    dir = tempDir('boucle-e2e-roll-up-');
  });
  afterAll(async () => {
    await shell?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a weekly file into a monthly indicator, then rolls it up as the preview shows', async () => {
    const dep = await callApi<{ id: string }>(shell, 'departments.create', { name: 'Finance', code: 'FIN' });
    const ind = await callApi<{ id: string; aggregation: string }>(shell, 'indicators.create', {
      departmentId: dep.id, name: 'Supplier payments', unit: 'EUR', direction: 'higher', frequency: 'monthly',
    });
    expect(ind.aggregation).toBe('sum'); // money adds up
    const file = path.join(dir, 'weekly-payments.csv');
    fs.writeFileSync(file, `${WEEKLY.join('\n')}\n`);

    const page = await newPage();
    await page.goto(`${shell.shell.url}#/indicators/${ind.id}`);
    await page.getByTestId('indicator-title').filter({ hasText: 'Supplier payments' }).waitFor();
    await page.getByTestId('indicator-import').click();
    await page.getByTestId('import-file-input').setInputFiles(file);
    await page.getByTestId('import-mapping').waitFor();
    // The preview says several rows fall in one month; not rolled up yet.
    await page.getByTestId('import-roll-up').filter({ hasText: '2 periods of the indicator get more than one row' }).waitFor();
    expect(await page.getByTestId('import-roll-up-on').isChecked()).toBe(false);

    // Imported as they are: refused, saying a roll-up is possible; nothing written.
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-rejected').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('import-bad-row').count()).toBe(4);
    expect(await page.getByTestId('import-rejected-roll-up').textContent()).toContain('turn on “Roll up with” in the preview');
    expect((await callApi<{ total: number }>(shell, 'measurements.list', { indicatorId: ind.id, limit: 1 })).total).toBe(0);

    // Again (the web shell asks for the file again: the refused upload is gone), rolled up with the
    // indicator's own aggregation (sum).
    await page.getByTestId('import-back').click();
    await page.getByTestId('import-file-input').setInputFiles(file);
    await page.getByTestId('import-mapping').waitFor();
    await page.getByTestId('import-roll-up-on').check();
    const table = page.getByTestId('import-roll-up-table');
    await table.waitFor();
    expect(await page.getByTestId('import-roll-up-aggregation').inputValue()).toBe('Sum (the indicator’s)');
    const rows = async () => (await table.locator('tbody tr').allInnerTexts()).map((r) => r.split('\t').map((c) => c.trim()));
    await expect.poll(rows).toEqual([
      ['May 1, 2030', '1,250.1', '1'],
      ['Jun 1, 2030', '1,990.95', '4'],
      ['Jul 1, 2030', '750.55', '2'],
    ]);
    // Another aggregation is shown before anything is written.
    await page.getByTestId('import-roll-up-aggregation').click();
    await page.getByRole('option', { name: 'Last' }).click();
    await expect.poll(rows).toEqual([
      ['May 1, 2030', '1,250.1', '1'],
      ['Jun 1, 2030', '0.2', '4'],
      ['Jul 1, 2030', '350.55', '2'],
    ]);
    await page.getByTestId('import-roll-up-aggregation').click();
    await page.getByRole('option', { name: 'Sum (the indicator’s)' }).click();
    await expect.poll(async () => (await rows())[1]![1]).toBe('1,990.95');
    await page.getByTestId('import-roll-up').scrollIntoViewIfNeeded();
    await shot(page, 'import-roll-up-preview-en', false);
    expect((await callApi<{ total: number }>(shell, 'measurements.list', { indicatorId: ind.id, limit: 1 })).total).toBe(0);

    await page.getByTestId('import-start').click();
    await page.getByTestId('import-done').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('import-count-inserted').textContent()).toContain('3');
    await page.getByTestId('import-close').click();
    const stored = await callApi<{ items: { period: string; value: number }[] }>(shell, 'measurements.list', { indicatorId: ind.id });
    expect(stored.items.map((m) => [m.period, m.value]).sort()).toEqual([['2030-05-01', 1250.1], ['2030-06-01', 1990.95], ['2030-07-01', 750.55]]);
    // The indicator's page shows them.
    await page.getByTestId('tab-measurements').click();
    const june = page.locator('[data-testid=grid-row][data-period="2030-06-01"]');
    expect(await june.getByTestId('grid-value').inputValue()).toMatch(/^1,?990\.95$/);
  });

  it('in French: the preview offers « Agréger par » with the indicator’s mean', async () => {
    const dep = await callApi<{ id: string }>(shell, 'departments.create', { name: 'Comptabilité', code: 'CPT' });
    const ind = await callApi<{ id: string }>(shell, 'indicators.create', {
      departmentId: dep.id, name: 'Taux de rapprochement', unit: '%', direction: 'higher', frequency: 'monthly',
    });
    const file = path.join(dir, 'hebdo.csv');
    fs.writeFileSync(file, ['Semaine;Taux', '27/05/2030;91,5', '03/06/2030;93', '10/06/2030;95', '17/06/2030;96,5', '24/06/2030;97', '01/07/2030;98'].join('\n'));
    const page = await newPage({ locale: 'fr-FR' });
    await page.goto(`${shell.shell.url}#/indicators/${ind.id}`);
    await page.getByTestId('indicator-import').click();
    await page.getByTestId('import-file-input').setInputFiles(file);
    await page.getByTestId('import-mapping').waitFor();
    await page.getByTestId('import-roll-up').filter({ hasText: 'Plusieurs lignes tombent dans une même période' }).waitFor();
    await page.getByTestId('import-roll-up-on').check();
    expect(await page.getByTestId('import-roll-up-aggregation').inputValue()).toBe('Moyenne (celle de l’indicateur)');
    const table = page.getByTestId('import-roll-up-table');
    await expect.poll(async () => (await table.locator('tbody tr').nth(1).innerText()).replace(/\s+/g, ' ')).toMatch(/95,375 4$/);
    await page.getByTestId('import-roll-up').scrollIntoViewIfNeeded();
    await shot(page, 'import-roll-up-preview-fr', false);
  });
});
