import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, demoDataDir, shot, useBrowser } from '../helpers/e2e';
import { startTestShell, type RunningShell } from '../helpers/web-shell';
import { tempDir } from '../helpers/workspace';

// Issue 5 through the built renderer in real Chromium: a French-style CSV imported with the wizard
// (the ambiguous dates asked), the trend chart and RAG status, the impact of the linked intervention,
// a bad file refused with every bad row and nothing written, and a benefit model with its ROI.


const { newPage } = useBrowser();

const call = callApi;

/** 24 months, 2023-01 … 2024-12, on the 1st (so dd/mm and mm/dd both read): ~12 days before 2024-01, ~6 after. */
function goodCsv(): string {
  const lines = ['Date;Valeur;Commentaire'];
  const before = [12.4, 11.8, 12.9, 12.1, 13.2, 11.6, 12.7, 12.3, 11.9, 12.8, 12.2, 12.5];
  const after = [6.4, 5.9, 6.8, 6.1, 5.7, 6.6, 6.0, 6.3, 5.8, 6.5, 6.2, 5.6];
  [...before, ...after].forEach((v, i) => {
    const year = 2023 + Math.floor(i / 12);
    const month = String((i % 12) + 1).padStart(2, '0');
    lines.push(`01/${month}/${year};${v.toFixed(1).replace('.', ',')};${i === 12 ? 'Lancement de la communauté' : ''}`);
  });
  return `${lines.join('\r\n')}\r\n`;
}

describe('indicators: import, chart, impact, rejection, ROI', () => {
  let shell: RunningShell;
  let dir: string;
  beforeAll(async () => {
    shell = await startTestShell();
    dir = tempDir('boucle-e2e-csv-');
  });
  afterAll(async () => {
    await shell?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports a French CSV through the wizard, then shows the chart, the RAG status and the impact', async () => {
    const dep = await call<{ id: string }>(shell, 'departments.create', { name: 'Finance', code: 'FIN', loadedHourlyRateCents: 6500 });
    const itv = await call<{ id: string }>(shell, 'interventions.create', {
      departmentId: dep.id, title: 'AP community of practice', kind: 'community_of_practice', startDate: '2024-01-01',
      status: 'running', oneOffCostCents: 500000, recurringCostCents: 80000,
    });
    const ind = await call<{ id: string }>(shell, 'indicators.create', {
      departmentId: dep.id, name: 'Invoice cycle time', unit: 'days', direction: 'lower', baselineValue: 12, baselineDate: '2023-01-01', targetValue: 6,
      tolerancePct: 10, frequency: 'monthly', source: 'erp', sourceDetail: 'SAP FI ageing report',
    });
    await call(shell, 'links.indicator.add', { indicatorId: ind.id, target: 'intervention', targetId: itv.id });

    const page = await newPage();
    await page.goto(`${shell.shell.url}#/indicators/${ind.id}`);
    await page.getByTestId('indicator-title').filter({ hasText: 'Invoice cycle time' }).waitFor();
    await page.getByTestId('indicator-chart-empty').waitFor();
    // The grid lays out the expected months, all missing for now (drawn just after the figures and the chart).
    await page.locator('[data-testid=grid-row]').first().waitFor();
    expect(await page.locator('[data-testid=grid-row][data-missing]').count()).toBeGreaterThan(0);

    const file = path.join(dir, 'cycle-time.csv');
    fs.writeFileSync(file, goodCsv(), 'utf8');
    await page.getByTestId('indicator-import').click();
    await page.getByTestId('import-file-input').setInputFiles(file);
    await page.getByTestId('import-mapping').waitFor();
    // Detected: ; separator, decimal comma, a header; the dates can be read both ways, so it asks.
    expect(await page.getByTestId('import-separator').inputValue()).toBe(';');
    expect(await page.getByTestId('import-decimal').inputValue()).toContain('Comma');
    await page.getByTestId('import-date-ambiguous').waitFor();
    expect(await page.getByTestId('import-start').isDisabled()).toBe(true);
    expect(await page.getByTestId('import-map-date').inputValue()).toBe('Date');
    expect(await page.getByTestId('import-map-value').inputValue()).toBe('Valeur');
    await page.getByTestId('import-date-dmy').click();
    // Re-parsed with the chosen order: row 3 is the 1st of February, and no row has a problem left.
    await page.getByTestId('import-parsed').locator('tbody tr').nth(1).filter({ hasText: 'Feb 1, 2023' }).waitFor();
    expect(await page.getByTestId('import-parsed').locator('tbody tr').first().textContent()).toContain('12.4');
    expect(await page.getByTestId('import-parsed').textContent()).not.toContain('day-first');
    await shot(page, 'indicators-01-import-mapping', false);

    await page.getByTestId('import-start').click();
    await page.getByTestId('import-done').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('import-count-inserted').textContent()).toContain('24');
    await page.getByTestId('import-close').click();

    const stored = await call<{ total: number }>(shell, 'measurements.list', { indicatorId: ind.id, limit: 1 });
    expect(stored.total).toBe(24);

    // The chart is drawn (ECharts canvas) and the status is the core's.
    await page.locator('[data-testid=indicator-chart] canvas').first().waitFor();
    const status = await call<{ status: string }>(shell, 'indicators.status', { indicatorId: ind.id });
    expect(await page.getByTestId('rag-badge').first().getAttribute('data-status')).toBe(status.status);
    expect(status.status).not.toBe('no_data');
    await page.getByTestId('xmr-summary').waitFor();

    // Impact: before ≈ 12.4, after ≈ 6.2 — a big fall, but 12 months before the start leave no room
    // for the placebo check (3 months of ramp-up for a community): "no clear effect", and why.
    await page.getByTestId('tab-impact').click();
    await page.getByTestId('impact-verdict').waitFor();
    const impact = await call<{ verdict: string; reason: string; effect: { estimate: number }; its: { window: { before: number; after: number } } }>(
      shell, 'impact.compute', { interventionId: itv.id, indicatorId: ind.id },
    );
    expect(impact).toMatchObject({ verdict: 'no_clear_effect', reason: 'placebo_not_possible', its: { window: { before: 12, after: 9 } } });
    expect(await page.getByTestId('impact-verdict').getAttribute('data-verdict')).toBe('no_clear_effect');
    expect(await page.getByTestId('impact-reason').textContent()).toContain('too few points before the start to check the model');
    const effectText = (await page.getByTestId('impact-effect').textContent()) ?? '';
    expect(effectText).toContain(new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(impact.effect.estimate));
    expect(await page.getByTestId('impact-before').textContent()).toContain('12');
    await page.getByTestId('impact-interval').waitFor();
    await shot(page, 'indicators-02-impact');
    await page.getByTestId('tab-measurements').click();
    await page.getByTestId('measurement-grid').waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, 'indicators-03-indicator-page');

    // Typing in the grid: a word is refused at its cell and nothing is saved; a decimal comma is read.
    const jan = page.locator('[data-testid=grid-row][data-period="2025-01-01"]');
    const feb = page.locator('[data-testid=grid-row][data-period="2025-02-01"]');
    expect(await jan.getAttribute('data-missing')).toBe('true');
    await jan.getByTestId('grid-value').fill('5,5');
    await feb.getByTestId('grid-value').fill('n/a');
    await page.getByTestId('grid-save').click();
    await feb.getByText('Not a number').waitFor();
    expect((await call<{ total: number }>(shell, 'measurements.list', { indicatorId: ind.id, limit: 1 })).total).toBe(24);
    await feb.getByTestId('grid-value').fill('');
    await page.getByTestId('grid-save').click();
    await expect.poll(async () => (await call<{ total: number }>(shell, 'measurements.list', { indicatorId: ind.id, limit: 1 })).total).toBe(25);
    const typed = await call<{ items: { period: string; value: number }[] }>(shell, 'measurements.list', { indicatorId: ind.id, from: '2025-01-01', to: '2025-01-31' });
    expect(typed.items.map((m) => [m.period, m.value])).toEqual([['2025-01-01', 5.5]]);

    // A bad file: two bad dates and a bad number. Refused with every bad row; nothing written.
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, ['Date;Valeur', '01/01/2025;4,2', '32/01/2025;4,0', '01/03/2025;abc', '2025-13-01;3,9', '01/05/2025;3,8'].join('\n'));
    await page.getByTestId('indicator-import').click();
    await page.getByTestId('import-file-input').setInputFiles(bad);
    await page.getByTestId('import-mapping').waitFor();
    const dmy = page.getByTestId('import-date-dmy');
    if (await dmy.count()) await dmy.click();
    else {
      await page.getByTestId('import-date-format-select').click();
      await page.getByRole('option', { name: 'dd/mm/yyyy' }).click();
    }
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-rejected').waitFor({ timeout: 20_000 });
    const badRows = await page.getByTestId('import-bad-row').allTextContents();
    expect(badRows.length).toBe(3);
    expect(badRows[0]).toMatch(/^3/); // spreadsheet row numbers: header is row 1
    expect(badRows.some((r) => r.startsWith('4') && r.includes('abc'))).toBe(true);
    expect(await page.getByTestId('import-rejected').textContent()).toContain('Nothing was written');
    expect(await page.getByTestId('import-rejected').textContent()).toContain('3 bad rows');
    await shot(page, 'indicators-04-import-rejected', false);
    const after = await call<{ total: number }>(shell, 'measurements.list', { indicatorId: ind.id, limit: 1 });
    expect(after.total).toBe(25);
    await page.getByTestId('import-close').click();

    // Impact & ROI: a hard benefit typed in euros is stored in exact cents; the ROI comes from the core.
    await page.goto(`${shell.shell.url}#/indicators/roi`);
    await page.getByTestId('roi-view').waitFor();
    await page.getByTestId('roi-from').fill('2024-01-01');
    await page.getByTestId('roi-to').fill('2024-12-31');
    await page.getByTestId('roi-intervention').click();
    await page.getByRole('option', { name: 'AP community of practice' }).click();
    await page.getByTestId('benefit-empty').waitFor();
    await page.getByTestId('benefit-create').click();
    await page.getByTestId('benefit-kind').getByText('Cost avoided').click();
    await page.getByTestId('benefit-label').fill('Late-payment penalties avoided');
    await page.getByTestId('benefit-class').getByText('Hard').click();
    await page.getByTestId('benefit-amount').fill('1250.29');
    await page.getByTestId('benefit-save').click();
    await page.getByTestId('benefit-row').waitFor();
    const models = await call<{ amountCents: number; classification: string }[]>(shell, 'benefitModels.list', { interventionId: itv.id });
    expect(models).toHaveLength(1);
    expect(models[0]).toMatchObject({ amountCents: 125029, classification: 'hard' });
    const roi = await call<{ benefit: { hardCents: number }; costCents: number }>(shell, 'roi.intervention', {
      interventionId: itv.id, from: '2024-01-01', to: '2024-12-31',
    });
    expect(roi.benefit.hardCents).toBe(125029 * 12);
    const fmt = (c: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(c / 100);
    await page.getByTestId('roi-figures').filter({ hasText: fmt(roi.benefit.hardCents) }).waitFor();
    await page.getByTestId('roi-figures').filter({ hasText: fmt(roi.costCents) }).waitFor();
    await page.getByTestId('roi-dept-figures').filter({ hasText: fmt(roi.benefit.hardCents) }).waitFor();
    await page.locator('.mantine-Notification-root').waitFor({ state: 'detached', timeout: 6000 }).catch(() => undefined);
    await shot(page, 'indicators-05-roi');
  });

  it('imports a multi-indicator file from the list, keeping the values already stored', async () => {
    const deps = await call<{ items: { id: string }[] }>(shell, 'departments.list', {});
    const dep = deps.items[0]!;
    const late = await call<{ id: string }>(shell, 'indicators.create', {
      departmentId: dep.id, name: 'Invoices paid late', unit: '%', direction: 'lower', targetValue: 5, frequency: 'monthly',
    });
    const cycle = (await call<{ items: { id: string; name: string }[] }>(shell, 'indicators.list', { departmentId: dep.id })).items
      .find((i) => i.name === 'Invoice cycle time')!;
    const file = path.join(dir, 'multi.csv');
    fs.writeFileSync(file, ['Indicator,Month,Value', 'Invoice cycle time,2025-01-01,9.9', 'Invoice cycle time,2025-02-01,5.2',
      'Invoices paid late,2025-01-01,"1,250.5"', 'Invoices paid late,2025-02-01,7.5'].join('\n'));

    const page = await newPage();
    await page.goto(`${shell.shell.url}#/indicators`);
    await page.getByTestId('indicator-row').nth(1).waitFor();
    await page.getByTestId('indicators-import').click();
    await page.getByTestId('import-file-input').setInputFiles(file);
    await page.getByTestId('import-mapping').waitFor();
    expect(await page.getByTestId('import-separator').inputValue()).toBe(',');
    expect(await page.getByTestId('import-map-indicator').inputValue()).toBe('Indicator');
    await page.getByTestId('import-keep').click();
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-done').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('import-count-inserted').textContent()).toContain('3');
    expect(await page.getByTestId('import-count-kept').textContent()).toContain('1');

    const jan = await call<{ items: { value: number }[] }>(shell, 'measurements.list', { indicatorId: cycle.id, from: '2025-01-01', to: '2025-01-31' });
    expect(jan.items.map((m) => m.value)).toEqual([5.5]); // typed in the grid earlier, kept
    const lateValues = await call<{ items: { period: string; value: number }[] }>(shell, 'measurements.list', { indicatorId: late.id });
    expect(lateValues.items.map((m) => [m.period, m.value]).sort()).toEqual([['2025-01-01', 1250.5], ['2025-02-01', 7.5]]);
  });
});

describe('indicators with the demo data', () => {
  let shell: RunningShell;
  beforeAll(async () => {
    const dir = demoDataDir('boucle-e2e-demo-ind-');
    shell = await startTestShell(dir);
  });
  afterAll(async () => {
    await shell?.stop();
  });

  it('shows the list and an indicator page filled', async () => {
    const page = await newPage();
    await page.goto(`${shell.shell.url}#/indicators`);
    await page.getByTestId('indicator-row').first().waitFor();
    await shot(page, 'indicators-demo-01-list');
    await page.getByRole('button', { name: 'Edit Active buddy pairs' }).click();
    await page.getByTestId('indicator-form').waitFor();
    expect(await page.getByTestId('indicator-name').inputValue()).toBe('Active buddy pairs');
    await page.waitForTimeout(400); // the modal's opening transition
    await shot(page, 'indicators-demo-00-form', false);
    await page.keyboard.press('Escape');
    await page.getByTestId('indicator-form').waitFor({ state: 'detached' });
    await page.getByTestId('indicator-link').first().click();
    await page.locator('[data-testid=indicator-chart] canvas').first().waitFor();
    await page.waitForTimeout(600); // the chart's entry animation
    await shot(page, 'indicators-demo-02-indicator');
    await page.getByTestId('tab-impact').click();
    await page.getByTestId('impact-card').first().waitFor();
    await shot(page, 'indicators-demo-03-impact');

    // The same screens in French.
    await page.evaluate("localStorage.setItem('boucle.language', 'fr')");
    await page.goto(`${shell.shell.url}#/indicators/roi`);
    await page.getByTestId('roi-department').waitFor().catch(async (e: unknown) => {
      await shot(page, 'indicators-failure-roi'); // what the page showed instead
      throw e;
    });
    await page.getByTestId('roi-intervention').click();
    await page.getByRole('option').first().click();
    await page.getByTestId('roi-intervention-panel').waitFor();
    expect(await page.getByTestId('roi-view').textContent()).toContain('ROI tangible');
    await shot(page, 'indicators-demo-04-roi-fr');
    await page.getByTestId('benefit-create').click();
    await page.getByTestId('benefit-kind').getByText('Temps libéré').click();
    await page.waitForTimeout(400);
    await shot(page, 'indicators-demo-06-benefit-form-fr', false);
    await page.keyboard.press('Escape');
    await page.getByTestId('tab-indicators').click();
    await page.getByTestId('indicator-link').first().click();
    await page.locator('[data-testid=indicator-chart] canvas').first().waitFor();
    await page.waitForTimeout(600);
    await shot(page, 'indicators-demo-05-indicator-fr');
  });
});
