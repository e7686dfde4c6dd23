import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, shot, useBrowser } from '../helpers/e2e';
import { startTestShell, type RunningShell } from '../helpers/web-shell';
import { tempDir } from '../helpers/workspace';

// A French user sees the core's refusals in French, at the field they concern: the department form
// sent with a code the core's schema refuses, then with a code another department already has; and
// the measurement import's list of bad rows, each reason with its details.

const { newPage } = useBrowser();

describe('errors in French', () => {
  let shell: RunningShell;
  beforeAll(async () => {
    shell = await startTestShell();
  });
  let dir: string;
  afterAll(async () => {
    await shell?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("shows the core's validation and conflict messages in French at the field", async () => {
    await callApi(shell, 'departments.create', { name: 'Finance', code: 'FIN' });
    const page = await newPage({ locale: 'fr-FR' });
    await page.goto(`${shell.shell.url}#/settings`);
    expect(await page.evaluate('document.documentElement.lang')).toBe('fr');

    await page.getByTestId('department-create').click();
    const form = page.getByTestId('department-form');
    await form.waitFor();
    await page.getByTestId('department-name').fill('Achats');
    await page.getByTestId('department-code').fill('ACH AT');
    await page.getByTestId('department-save').click();

    // The schema's rule, from the core: the French text at the code field (English in the API).
    const code = page.getByTestId('department-code');
    const errorOf = async () => {
      const id = (await code.getAttribute('aria-describedby'))?.split(' ').find((s) => s.endsWith('-error'));
      return id ? page.locator(`[id="${id}"]`).textContent() : null;
    };
    await expect.poll(errorOf).toBe('Lettres, chiffres, - et _ uniquement');
    await expect.poll(() => code.getAttribute('aria-invalid')).toBe('true');

    // A code another department uses: the service's conflict, with the code in the sentence.
    await code.fill('FIN');
    await page.getByTestId('department-save').click();
    await expect.poll(errorOf).toBe('Une autre direction utilise déjà le code FIN');
    await shot(page, 'french-errors', false);

    // Nothing was written by the refused attempts; a good code saves.
    const list = await callApi<{ items: { code: string }[] }>(shell, 'departments.list', {});
    expect(list.items.map((d) => d.code)).toEqual(['FIN']);
    await code.fill('ACH');
    await page.getByTestId('department-save').click();
    await form.waitFor({ state: 'detached' });
    const after = await callApi<{ items: { code: string }[] }>(shell, 'departments.list', {});
    expect(after.items.map((d) => d.code).sort()).toEqual(['ACH', 'FIN']);
  });

  it("lists an import's bad rows with French reasons", async () => {
    const ctl = await callApi<{ id: string }>(shell, 'departments.create', { name: 'Contrôle de gestion', code: 'CDG' });
    const ind = await callApi<{ id: string }>(shell, 'indicators.create', { departmentId: ctl.id, name: 'DSO', unit: 'jours', direction: 'lower', frequency: 'monthly' });
    dir = tempDir('boucle-fr-import-');
    const file = path.join(dir, 'dso.csv');
    fs.writeFileSync(file, ['Date;Valeur', '2025-01-01;45', '2025-02-01;abc', '2025-02-30;44'].join('\n'));

    const page = await newPage({ locale: 'fr-FR' });
    await page.goto(`${shell.shell.url}#/indicators/${ind.id}`);
    await page.getByTestId('indicator-title').filter({ hasText: 'DSO' }).waitFor();
    await page.getByTestId('indicator-import').click();
    await page.getByTestId('import-file-input').setInputFiles(file);
    await page.getByTestId('import-mapping').waitFor();
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-rejected').waitFor({ timeout: 20_000 });
    const rows = await page.getByTestId('import-bad-row').allTextContents();
    const NB = '\u00a0';
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(`Ce n'est pas un nombre${NB}: «${NB}abc${NB}»`);
    expect(rows[1]).toContain(`Cette date n'existe pas${NB}: «${NB}2025-02-30${NB}»`);
    await shot(page, 'french-errors-import', false);
    const stored = await callApi<{ total: number }>(shell, 'measurements.list', { indicatorId: ind.id, limit: 1 });
    expect(stored.total).toBe(0);
  });
});
