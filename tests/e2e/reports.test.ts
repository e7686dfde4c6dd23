import fs from 'node:fs';
import path from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDataDir, shot, SHOTS, useBrowser } from '../helpers/e2e';
import { startTestShell, type RunningShell } from '../helpers/web-shell';

// The review pack from the app: the dashboard's figures and charts, then a French report with a logo
// built from the Reports page and downloaded by the browser; its first page has the company name.

const browser = useBrowser();
let shell: RunningShell;

beforeAll(async () => {
  shell = await startTestShell(demoDataDir('boucle-e2e-reports-'));
});
afterAll(async () => {
  await shell?.stop();
});

describe('dashboard and reports', () => {
  it('shows the dashboard with headline figures and charts; a chart opens the filtered register', async () => {
    const page = await browser.newPage();
    await page.goto(shell.shell.url);
    await page.getByTestId('dashboard-headline').waitFor();
    await page.getByTestId('chart-gap-cost').locator('canvas').first().waitFor();
    await page.waitForTimeout(800);
    await shot(page, 'dashboard-01-all-departments');
    await page.getByTestId('kpi-openGaps').click();
    await page.getByTestId('gap-register').waitFor();
    expect(page.url()).toContain('#/gaps');
    await page.getByTestId('filter-status').waitFor();
    await shot(page, 'dashboard-02-register-from-kpi', false);
  });

  it('builds a French PDF with a logo from the Reports page and downloads it', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    await page.goto(shell.shell.url);
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('template-monthly-review').click();
    await page.getByTestId('report-department').click();
    await page.getByRole('option', { name: 'Finance', exact: true }).click();
    expect(await page.getByTestId('report-department').inputValue()).toBe('Finance');
    await page.getByTestId('report-language').click();
    await page.getByRole('option', { name: 'Français' }).click();
    await page.getByTestId('report-title').fill('Revue mensuelle Finance');
    await page.getByTestId('report-company').fill('Compagnie Générale des Boucles');
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('report-logo').click();
    await (await chooser).setFiles(path.resolve(__dirname, '../fixtures/report-logo.png'));
    await page.getByTestId('report-preview-button').click();
    await page.getByTestId('report-preview').or(page.getByTestId('report-problem')).waitFor();
    expect(await page.getByTestId('report-problem').count(), (await page.getByTestId('report-problem').allTextContents()).join()).toBe(0);
    await page.waitForTimeout(500);
    await shot(page, 'reports-01-preview', false);
    await page.getByTestId('report-build-button').click();
    await page.getByTestId('report-download').waitFor({ timeout: 90_000 });
    await shot(page, 'reports-02-built', false);
    const download = page.waitForEvent('download');
    await page.getByTestId('report-download').click();
    const file = path.join(SHOTS, 'reports-download.pdf');
    await (await download).saveAs(file);
    const doc = await getDocumentProxy(new Uint8Array(fs.readFileSync(file)));
    const { text } = await extractText(doc, { mergePages: false });
    expect(text[0]).toContain('Compagnie Générale des Boucles');
    expect(text[0]).toContain('Revue mensuelle Finance');
    expect(text.join(' ')).toContain('Synthèse');
  });
});
