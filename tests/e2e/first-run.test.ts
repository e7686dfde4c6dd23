import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, shot, useBrowser } from '../helpers/e2e';
import { startTestShell, type RunningShell } from '../helpers/web-shell';

// Issue 13, point 10: a French user, in an empty workspace, reaches a first gap with its monthly cost
// using only the app's buttons (and typing in its forms): the gap needs a process and a department,
// the app says so and creates them on the way; the cost shows while typing; Escape in the date picker
// and a stray Escape never lose what was typed. Then the demo, in French, loaded with one click.

const { newPage } = useBrowser();
const FR = { locale: 'fr-FR' };
const NBSP = /[\u00a0\u202f]/g;

describe('first run, in French', () => {
  let shell: RunningShell;
  beforeAll(async () => {
    shell = await startTestShell();
  });
  afterAll(async () => {
    await shell?.stop();
  });

  it('goes from an empty workspace to a first gap with its cost, with buttons only', async () => {
    const page = await newPage(FR);
    await page.goto(`${shell.shell.url}#/dashboard`);
    await page.getByTestId('first-run').waitFor();
    expect(await page.getByTestId('first-run-demo').textContent()).toBe('Charger la démo');
    await shot(page, 'first-run-01-empty-fr', false);

    // "New gap" on a workspace without any process: the app says what is missing and offers it.
    await page.getByTestId('nav-gaps').click();
    await page.getByTestId('register-new-gap').click();
    await page.getByTestId('needs-process').waitFor();
    expect(await page.getByTestId('needs-process').textContent()).toContain('appartient à un processus, et un processus à une direction');
    await shot(page, 'first-run-02-needs-process-fr', false);
    await page.getByTestId('needs-create-department').click();
    await page.getByTestId('department-name').fill('Comptabilité fournisseurs');
    await page.getByTestId('department-code').fill('CF');
    await page.getByTestId('department-rate').fill('65,5');
    await page.getByTestId('department-save').click();

    // Straight on to its first process, in that department.
    await page.getByTestId('process-form').waitFor();
    await expect.poll(() => page.getByTestId('process-department').inputValue()).toContain('Comptabilité fournisseurs');
    await page.getByTestId('process-name').fill('Achat-à-paiement');
    await page.getByTestId('process-save').click();

    // Then the gap form, on that process: the monthly cost follows the typing.
    await page.getByTestId('gap-form').waitFor();
    await page.getByTestId('gap-title').fill('Les factures bloquées attendent l’acheteur');
    await page.getByTestId('gap-type').click();
    await page.getByRole('option', { name: 'Coordination / passage de relais' }).click();
    await page.getByTestId('gap-frequency').fill('12');
    await page.getByTestId('gap-hours').fill('1,5');
    const live = page.getByTestId('gap-live-cost-value');
    // 12 × 1,5 h × 65,50 € = 1 179,00 €
    await expect.poll(async () => (await live.textContent())?.replace(NBSP, ' ')).toBe('1 179,00 €');
    expect((await page.getByTestId('gap-hours').inputValue())).toBe('1,5');
    await shot(page, 'first-run-03-gap-live-cost-fr', false);

    // Escape in the calendar closes the calendar, not the form.
    await page.getByTestId('gap-found-on').click();
    await page.locator('.mantine-DateInput-dropdown, [data-dates-dropdown]').first().waitFor().catch(() => undefined);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    expect(await page.getByTestId('gap-form').isVisible()).toBe(true);
    // Escape again, on a form that holds typing: it asks first, and "keep editing" keeps everything.
    await page.getByTestId('gap-title').click();
    await page.keyboard.press('Escape');
    await page.getByTestId('discard-keep').waitFor();
    await shot(page, 'first-run-04-discard-question-fr', false);
    await page.getByTestId('discard-keep').click();
    await page.getByTestId('discard-keep').waitFor({ state: 'detached' });
    expect(await page.getByTestId('gap-title').inputValue()).toBe('Les factures bloquées attendent l’acheteur');

    await page.getByTestId('gap-save').click();
    // Saved: the gap opens in its drawer, with the cost the core stored.
    const cost = page.getByTestId('drawer-gap-cost');
    await cost.waitFor();
    expect((await cost.textContent())?.replace(NBSP, ' ')).toBe('1 179,00 €');
    const row = page.getByTestId('register-row').first();
    await row.waitFor();
    expect((await row.textContent())?.replace(NBSP, ' ')).toContain('1 179 €');
    await shot(page, 'first-run-05-register-fr', false);

    const gaps = await callApi<{ items: { monthlyCostCents: number; frequencyPerMonth: number; hoursLostPerOccurrence: number }[] }>(
      shell, 'gaps.list', {},
    );
    expect(gaps.items).toMatchObject([{ monthlyCostCents: 117900, frequencyPerMonth: 12, hoursLostPerOccurrence: 1.5 }]);
  });

  it('loads the demo in French from the first-run screen of a new workspace', async () => {
    await shell.stop();
    shell = await startTestShell();
    const page = await newPage(FR);
    await page.goto(`${shell.shell.url}#/dashboard`);
    await page.getByTestId('first-run-demo').click();
    await page.getByTestId('dashboard-headline').waitFor({ timeout: 60_000 });
    await page.getByTestId('nav-processes').click();
    await page.getByTestId('process-row').filter({ hasText: 'Achat-à-paiement (procure-to-pay)' }).waitFor();
    // Search finds the French words of the demo.
    await page.getByTestId('search-open').click();
    await page.getByTestId('search-input').fill('facture');
    await page.getByTestId('search-hit').first().waitFor();
    expect(await page.getByTestId('search-hit').count()).toBeGreaterThan(2);
    await shot(page, 'first-run-06-demo-search-fr', false);
  });
});
