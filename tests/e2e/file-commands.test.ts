import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, useBrowser } from '../helpers/e2e';
import { startTestShell, type RunningShell } from '../helpers/web-shell';
import { createDemo } from '../../src-main/core/demo/generate';
import { serializeWorkspace } from '../../src-main/services/workspace/workspace-json';

// File ▸ Import…, Export… and Report… do what they say (issue 13, point 9). The browser has no native
// menu; its header's File menu runs the very commands the Electron menu sends (app/app-commands.ts),
// so this drives the renderer's command handling in Chromium through the web shell.

const { newPage } = useBrowser();

describe('the File commands', () => {
  let shell: RunningShell;
  beforeAll(async () => {
    shell = await startTestShell();
    createDemo(shell.ws, { seed: 1, today: '2026-06-15' });
  });
  afterAll(async () => {
    await shell?.stop();
  });

  it('Import measurements… opens the import wizard, Import BPMN… the process import', async () => {
    const page = await newPage();
    await page.goto(`${shell.shell.url}#/dashboard`);
    await page.getByTestId('nav-dashboard').waitFor();
    await page.getByTestId('file-menu').click();
    await shot(page, 'file-menu-en', false);
    await page.getByTestId('file-menu-importMeasurements').click();
    await page.getByTestId('import-dropzone').waitFor();
    expect(page.url()).toContain('#/indicators');
    await page.keyboard.press('Escape');

    await page.goto(`${shell.shell.url}#/dashboard`);
    await page.reload();
    await page.getByTestId('nav-dashboard').waitFor();
    await page.getByTestId('file-menu').click();
    await page.getByTestId('file-menu-importBpmn').click();
    await page.getByTestId('bpmn-department').waitFor();
    expect(page.url()).toContain('#/processes');
  });

  it('Export… opens the export: the whole workspace as JSON, the lists as Excel', async () => {
    const page = await newPage({ acceptDownloads: true });
    await page.goto(`${shell.shell.url}#/gaps`);
    await page.getByTestId('nav-gaps').waitFor();
    await page.getByTestId('file-menu').click();
    await page.getByTestId('file-menu-export').click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByText('The whole workspace').waitFor();
    await shot(page, 'export-dialog-en', false);
    expect(page.url()).toContain('#/gaps');

    const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-workspace-json').click()]);
    expect(json.suggestedFilename()).toMatch(/^boucle-workspace-\d{4}-\d{2}-\d{2}\.json$/);
    const doc = JSON.parse(fs.readFileSync((await json.path())!, 'utf8')) as { gaps?: unknown[] };
    // What `boucle export --json` writes of the same workspace.
    expect(doc).toEqual(JSON.parse(serializeWorkspace(shell.ws)));
    expect(doc.gaps?.length).toBeGreaterThan(0);
    // The dialog closes once the file is delivered; open it again for a list.
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('file-menu').click();
    await page.getByTestId('file-menu-export').click();
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-list-gaps').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    // An XLSX file is a zip archive.
    expect(fs.readFileSync((await xlsx.path())!).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('Report… opens the report builder, its title ready to type', async () => {
    const page = await newPage();
    await page.goto(`${shell.shell.url}#/processes`);
    await page.getByTestId('nav-processes').waitFor();
    await page.getByTestId('file-menu').click();
    await page.getByTestId('file-menu-report').click();
    await page.getByTestId('report-builder').waitFor();
    expect(page.url()).toContain('#/reports/build');
    await page.waitForFunction(`document.activeElement?.getAttribute('data-testid') === 'report-title'`);
    expect(await page.getByTestId('report-build').isVisible()).toBe(true);
    await shot(page, 'report-builder-en', false);
  });

  it('the File button says what it is until its menu opens; the menu and the export read in French', async () => {
    const page = await newPage({ locale: 'fr-FR' });
    await page.goto(`${shell.shell.url}#/dashboard`);
    await page.getByTestId('nav-dashboard').waitFor();
    await page.getByTestId('file-menu').hover();
    const tooltip = page.getByRole('tooltip', { name: 'Fichier' });
    await tooltip.waitFor();
    await page.getByTestId('file-menu').click();
    await page.getByTestId('file-menu-export').waitFor();
    // Open, the menu has the room: its tooltip would cover the first item.
    await tooltip.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('file-menu-importMeasurements').textContent()).toBe('Importer des mesures…');
    expect(await page.getByTestId('file-menu-export').textContent()).toBe('Exporter…');
    await shot(page, 'file-menu-fr', false);
    await page.getByTestId('file-menu-export').click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByText('Tout l’espace de travail').waitFor();
    await dialog.getByText('Exporter en JSON').waitFor();
    await shot(page, 'export-dialog-fr', false);
  });
});
