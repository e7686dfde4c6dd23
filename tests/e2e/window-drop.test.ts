import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, useBrowser } from '../helpers/e2e';
import { startTestShell, type RunningShell } from '../helpers/web-shell';

// Issue 13, point 9, in Chromium through the web shell: a file dropped anywhere on the window starts
// its import (CSV → the measurement wizard, BPMN → the process import), anything else says what can
// be dropped; F1 lists the keyboard shortcuts. Screenshots in English and French.

const { newPage } = useBrowser();
const FIXTURES = path.resolve(__dirname, '../fixtures');

/** A synthetic drag of one file over the page, then (unless `hoverOnly`) its drop, as a user's would be. */
async function dropFile(page: Page, name: string, text: string, opts: { hoverOnly?: boolean } = {}) {
  // A script string: it runs in the page, and this file is type-checked without the DOM library.
  const args = JSON.stringify({ name, text, hoverOnly: opts.hoverOnly ?? false });
  await page.evaluate(`(() => {
    const { name, text, hoverOnly } = ${args};
    const dt = new DataTransfer();
    dt.items.add(new File([text], name));
    const target = document.querySelector('main') ?? document.body;
    const fire = (type) => target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    fire('dragenter');
    fire('dragover');
    if (!hoverOnly) fire('drop');
  })()`);
}

describe('dropping a file on the window', () => {
  let shell: RunningShell;
  beforeAll(async () => {
    shell = await startTestShell();
  });
  afterAll(async () => {
    await shell?.stop();
  });

  it('opens the measurement import with a dropped CSV and the BPMN import with a dropped .bpmn', async () => {
    const page = await newPage();
    await page.goto(`${shell.shell.url}#/dashboard`);
    await page.getByTestId('nav-dashboard').waitFor();

    await dropFile(page, 'invoices.csv', 'x', { hoverOnly: true });
    await page.getByTestId('window-drop-target').waitFor();
    await shot(page, 'drop-target-en', false);
    expect(await page.getByTestId('window-drop-target').innerText()).toContain('CSV or XLSX');

    await dropFile(page, 'us-comma.csv', fs.readFileSync(path.join(FIXTURES, 'measurements/us-comma.csv'), 'utf8'));
    // The wizard has read the file (uploaded through the web shell) and shows what it found.
    await page.getByTestId('import-mapping').waitFor({ timeout: 15000 });
    expect(await page.getByTestId('window-drop-target').count()).toBe(0);
    expect(page.url()).toContain('#/indicators');
    // A fresh window for the second drop (closing the wizard now asks first, point 6).
    await page.goto(`${shell.shell.url}#/dashboard`);
    await page.reload();
    await page.getByTestId('nav-dashboard').waitFor();

    const bpmn = fs.readFileSync(path.join(FIXTURES, 'bpmn/bpmnio-lane-children.bpmn'), 'utf8');
    await dropFile(page, 'lanes.bpmn', bpmn);
    // The BPMN import is open with the dropped file already chosen.
    await page.getByTestId('bpmn-file-name').filter({ hasText: 'lanes.bpmn' }).waitFor();
    await page.getByTestId('bpmn-department').waitFor();
    expect(page.url()).toContain('#/processes');
  });

  it('says in words what can be dropped when the file is of another kind', async () => {
    const page = await newPage();
    await page.goto(`${shell.shell.url}#/gaps`);
    await page.getByTestId('nav-gaps').waitFor();
    await dropFile(page, 'minutes.pdf', '%PDF-1.4');
    await page.getByText('Boucle cannot import “minutes.pdf”').waitFor();
    expect(await page.getByText('Measurements: a CSV or XLSX file').count()).toBeGreaterThan(0);
    expect(page.url()).toContain('#/gaps');
  });

  it('lists the keyboard shortcuts on F1, in English and in French', async () => {
    const page = await newPage();
    await page.goto(`${shell.shell.url}#/dashboard`);
    await page.getByTestId('nav-dashboard').waitFor();
    await page.keyboard.press('F1');
    const dialog = page.getByTestId('shortcuts-dialog');
    await dialog.getByText('Open the search box').waitFor();
    expect(await dialog.getByText('Fit the whole map').count()).toBe(1);
    await shot(page, 'shortcuts-en', false);

    await page.evaluate("localStorage.setItem('boucle.language', 'fr')");
    await page.reload();
    await page.getByTestId('nav-dashboard').waitFor();
    await page.getByTestId('open-shortcuts').click();
    await page.getByTestId('shortcuts-dialog').getByText('Ouvrir la recherche').waitFor();
    await shot(page, 'shortcuts-fr', false);
    await page.keyboard.press('Escape');
    await dropFile(page, 'mesures.csv', 'x', { hoverOnly: true });
    await page.getByTestId('window-drop-target').getByText('Déposer pour importer').waitFor();
    await shot(page, 'drop-target-fr', false);
  });
});
