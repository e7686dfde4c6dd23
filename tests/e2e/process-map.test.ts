import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium';
import { startTestShell, type RunningShell } from '../helpers/web-shell';
import { BPMN_FIXTURES as FIXTURES } from '../helpers/bpmn-fixtures';

// Issue 3 in real Chromium through the web shell: a real BPMN file imported through the UI, its map,
// a gap logged by clicking a step, templates applied twice without duplicates, SVG/PNG export, and
// screenshots of small and large maps to look at.

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');
// CI checks out shared/ beside the repository.
const INVOICE = path.join(FIXTURES, 'camunda-invoice-v2-lanes-callactivity.bpmn');
const SIGNAVIO = path.join(FIXTURES, 'signavio-complex-collaboration.bpmn');

let browser: Browser;
let shell: RunningShell;
beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  shell = await startTestShell();
});
afterAll(async () => {
  await shell?.stop();
  await browser?.close();
});

async function newPage(width = 1440, height = 900): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'en-US', acceptDownloads: true });
  return context.newPage();
}

const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });

async function apiCall<T>(method: string, input: unknown): Promise<T> {
  const res = await fetch(`${shell.shell.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-boucle-token': shell.shell.token },
    body: JSON.stringify({ input }),
  });
  const body = (await res.json()) as { ok: boolean; data?: T; error?: unknown };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.data as T;
}

/** Polls until `read` returns what we expect (the UI updates after the core answers). */
async function until<T>(read: () => Promise<T>, expected: T, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  let last: T = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  expect(last).toEqual(expected);
}

const laneNames = (page: Page) =>
  page.locator('[data-testid="map-svg"] [data-testid="map-lane"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-lane-name')));
const stepNamesOnMap = (page: Page) =>
  page.locator('[data-testid="map-svg"] [data-step-name]').evaluateAll((els) => els.map((e) => e.getAttribute('data-step-name')));

interface MapDto {
  steps: { id: string; name: string; lane: string | null; gaps: { openGaps: number } }[];
  lanes: { name: string | null }[];
}

describe('process map, BPMN import and templates through the UI', () => {
  it('imports a BPMN file, draws its map, logs a gap on a clicked step and exports SVG and PNG', async () => {
    const page = await newPage();
    await page.goto(`${shell.shell.url}#/processes`);

    // A file that is not BPMN: a clear error in the modal, nothing written.
    await page.getByTestId('import-bpmn').click();
    await page.getByTestId('bpmn-submit').waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: 'notes.xml', mimeType: 'text/xml', buffer: Buffer.from('<notes><a>hi</notes>') });
    await page.getByTestId('bpmn-file-name').filter({ hasText: 'notes.xml' }).waitFor();
    await page.getByTestId('bpmn-department').fill('Finance');
    await page.getByTestId('bpmn-submit').click();
    const err = page.getByTestId('bpmn-error');
    await err.waitFor();
    expect((await err.textContent())?.length).toBeGreaterThan(20);
    expect((await apiCall<{ total: number }>('departments.list', {})).total).toBe(0);
    expect((await apiCall<{ total: number }>('processes.list', {})).total).toBe(0);

    // The real Camunda invoice file, through the file input.
    await page.locator('input[type=file]').setInputFiles(INVOICE);
    await page.getByTestId('bpmn-file-name').filter({ hasText: 'camunda-invoice' }).waitFor();
    await shot(page, 'pm-01-import-modal');
    await page.getByTestId('bpmn-submit').click();
    await page.getByTestId('bpmn-summary').waitFor();
    await shot(page, 'pm-02-import-summary');
    const deps = await apiCall<{ items: { id: string; name: string }[] }>('departments.list', {});
    expect(deps.items.map((d) => d.name)).toEqual(['Finance']);

    const link = page.getByTestId('bpmn-open-process').first();
    const processId = (await link.getAttribute('data-process-id'))!;
    await link.click();
    await page.getByTestId('process-map').waitFor();
    await page.locator('[data-testid="map-svg"] [data-step-name="Approve Invoice"]').waitFor();

    // Lanes and steps as the core has them.
    const dto = await apiCall<MapDto>('processes.map', { processId });
    expect(await laneNames(page)).toEqual(dto.lanes.map((l) => l.name ?? ''));
    expect(await laneNames(page)).toEqual(expect.arrayContaining(['Team Assistant', 'Approver', 'Accountant']));
    expect(await stepNamesOnMap(page)).toEqual(dto.steps.map((s) => s.name));
    expect(await stepNamesOnMap(page)).toEqual(expect.arrayContaining(['Assign Approver Group', 'Approve Invoice', 'Archive Invoice']));
    expect(await page.locator('[data-testid="map-svg"] [data-testid="map-flow"]').count()).toBeGreaterThan(4);
    await shot(page, 'pm-03-invoice-map');

    // Click "Approve Invoice": the pane lists its gaps (none yet), log one there.
    const approve = dto.steps.find((s) => s.name === 'Approve Invoice')!;
    await page.getByTestId(`map-step-${approve.id}`).click();
    await page.getByTestId('map-pane-step-name').filter({ hasText: 'Approve Invoice' }).waitFor();
    await page.getByTestId('map-pane-no-gaps').waitFor();
    expect(await page.getByTestId(`map-marker-${approve.id}`).count()).toBe(0);
    await page.getByTestId('map-log-gap').click();
    const form = page.getByTestId('gap-form');
    await form.waitFor();
    // The dialog loads the process's steps after it opens: wait for the chosen one to show.
    await expect.poll(() => page.getByTestId('gap-step').inputValue(), { timeout: 15_000 }).toContain('Approve Invoice');
    await page.getByTestId('gap-title').fill('Approvers wait for missing cost centre');
    await page.getByTestId('gap-type').click();
    await page.getByRole('option', { name: 'Information' }).click();
    await page.getByTestId('gap-severity').getByText('4 · high').click();
    await page.getByTestId('gap-frequency').fill('20');
    await page.getByTestId('gap-hours').fill('0.5');
    await page.getByTestId('gap-save').click();
    await page.getByTestId('gap-cost-result').waitFor();
    await page.getByTestId('gap-close').click();
    await form.waitFor({ state: 'hidden' });

    // The marker: red (severity 4) with a badge of 1; the pane lists the gap.
    await until(() => page.getByTestId(`map-badge-${approve.id}`).textContent().catch(() => null), '1');
    expect(await page.getByTestId(`map-marker-${approve.id}`).getAttribute('data-severity')).toBe('4');
    expect(await page.getByTestId(`map-marker-${approve.id}`).locator('circle').getAttribute('fill')).toBe('#e03131');
    await page.getByTestId('map-pane-gap').filter({ hasText: 'Approvers wait for missing cost centre' }).waitFor();
    const stored = await apiCall<{ items: { stepId: string; title: string }[] }>('gaps.list', { processId });
    expect(stored.items).toEqual([expect.objectContaining({ stepId: approve.id, title: 'Approvers wait for missing cost centre' })]);
    await shot(page, 'pm-04-invoice-map-gap-logged');

    // Zoom buttons change the zoom; fit brings the map back.
    const level = page.getByTestId('map-zoom-level');
    await page.getByTestId('map-fit').click();
    const before = await level.textContent();
    await page.getByTestId('map-zoom-in').click();
    expect(await level.textContent()).not.toBe(before);
    await page.getByTestId('map-fit').click();
    expect(await level.textContent()).toBe(before);

    // Save as SVG: a standalone SVG with the lanes, steps and the marker.
    await page.getByTestId('map-export').click();
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('map-export-svg').click()]);
    expect(svgDownload.suggestedFilename()).toMatch(/\.svg$/);
    const svgPath = path.join(SHOTS, 'pm-invoice-map.svg');
    await svgDownload.saveAs(svgPath);
    const svg = fs.readFileSync(svgPath, 'utf8');
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('Approve Invoice');
    expect(svg).toContain('Team Assistant');
    expect(svg).not.toContain('transform="translate('.concat('NaN'));
    expect(svg).not.toContain('tabindex');
    // The step is still selected on screen; the selection outline stays out of the file.
    expect(await page.getByTestId('map-step-pane').isVisible()).toBe(true);
    expect(svg).not.toContain('data-export');

    // Save as PNG: a real PNG at twice the map's size.
    await page.getByTestId('map-export').click();
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('map-export-png').click()]);
    expect(pngDownload.suggestedFilename()).toMatch(/\.png$/);
    const pngPath = path.join(SHOTS, 'pm-invoice-map-export.png');
    await pngDownload.saveAs(pngPath);
    const png = fs.readFileSync(pngPath);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const svgWidth = Number(/<svg[^>]* width="(\d+)"/.exec(svg)![1]);
    expect(png.readUInt32BE(16)).toBe(svgWidth * 2);

    // Re-importing the same file, dropped on the drop zone this time, updates and keeps the gap on its step.
    await page.goto(`${shell.shell.url}#/processes`);
    await page.getByTestId('import-bpmn').click();
    const dropped = await page.evaluateHandle(
      `(() => { const d = new DataTransfer(); d.items.add(new File([${JSON.stringify(fs.readFileSync(INVOICE, 'utf8'))}], 'camunda-invoice-v2-lanes-callactivity.bpmn', { type: 'application/xml' })); return d; })()`,
    );
    await page.getByTestId('bpmn-dropzone').dispatchEvent('dragenter', { dataTransfer: dropped });
    await page.getByTestId('bpmn-dropzone').dispatchEvent('drop', { dataTransfer: dropped });
    await page.getByTestId('bpmn-file-name').filter({ hasText: 'camunda-invoice' }).waitFor();
    await page.getByTestId('bpmn-department').fill('Finance');
    await page.getByTestId('bpmn-submit').click();
    await page.getByTestId('bpmn-summary').getByText('Updated').first().waitFor();
    const after = await apiCall<MapDto>('processes.map', { processId });
    expect(after.steps.find((s) => s.name === 'Approve Invoice')?.gaps.openGaps).toBe(1);
    await page.getByTestId('bpmn-done').click();

    // A large collaboration (several pools) for the legibility screenshot.
    await page.getByTestId('import-bpmn').click();
    await page.locator('input[type=file]').setInputFiles(SIGNAVIO);
    await page.getByTestId('bpmn-department').fill('Operations');
    await page.getByTestId('bpmn-submit').click();
    await page.getByTestId('bpmn-summary').waitFor();
    const ids = await page.getByTestId('bpmn-open-process').evaluateAll((els) => els.map((e) => e.getAttribute('data-process-id')!));
    const sizes = await Promise.all(ids.map(async (id) => ({ id, n: (await apiCall<MapDto>('processes.map', { processId: id })).steps.length })));
    const biggest = sizes.sort((a, b) => b.n - a.n)[0]!;
    await page.locator(`[data-testid="bpmn-open-process"][data-process-id="${biggest.id}"]`).click();
    await page.getByTestId('process-map').waitFor();
    expect((await stepNamesOnMap(page)).length).toBe(biggest.n);
    await shot(page, 'pm-05-signavio-map');
  });

  it('applies a template from the UI twice without duplicates and opens its large map', async () => {
    const page = await newPage();
    await page.goto(`${shell.shell.url}#/processes`);
    await page.getByTestId('import-template').click();
    await page.getByTestId('template-apply-finance').waitFor();
    await shot(page, 'pm-06-template-modal');

    await page.getByTestId('template-apply-finance').click();
    await page.getByTestId('template-summary').waitFor();
    const createdProcesses = Number(await page.getByTestId('template-created-processes').textContent());
    expect(createdProcesses).toBeGreaterThanOrEqual(3);
    expect(Number(await page.getByTestId('template-created-steps').textContent())).toBeGreaterThan(10);
    await shot(page, 'pm-07-template-applied');
    const count = async () => (await apiCall<{ total: number }>('processes.list', { limit: 1000 })).total;
    const total1 = await count();

    // Again: everything is already there.
    await page.getByTestId('template-back').click();
    await page.getByTestId('template-apply-finance').click();
    await page.getByTestId('template-summary').waitFor();
    expect(await page.getByTestId('template-created-processes').textContent()).toBe('0');
    expect(await page.getByTestId('template-created-steps').textContent()).toBe('0');
    expect(Number(await page.getByTestId('template-skipped-processes').textContent())).toBe(createdProcesses);
    expect(await count()).toBe(total1);
    const finance = (await apiCall<{ items: { name: string }[] }>('departments.list', {})).items.filter((d) => /financ/i.test(d.name));
    expect(finance.length).toBe(1);

    // Procure-to-pay's map.
    await page.getByTestId('template-open-process').first().click();
    await page.getByTestId('process-map').waitFor();
    expect((await stepNamesOnMap(page)).length).toBeGreaterThan(5);
    await shot(page, 'pm-08-procure-to-pay-map');
  });

  it('keeps a 64-step, 8-lane process legible: fit, zoom, and the French texts', async () => {
    const dep = await apiCall<{ id: string }>('departments.create', { name: 'Shared services', code: 'SSC' });
    const proc = await apiCall<{ id: string }>('processes.create', { departmentId: dep.id, name: 'Month-end close (large)' });
    const lanes = ['Accounts payable', 'Accounts receivable', 'General ledger', 'Treasury', 'Controlling', 'Tax', 'Consolidation', 'CFO office'];
    const verbs = ['Collect', 'Check', 'Reconcile', 'Post', 'Review', 'Approve', 'Report', 'Archive'];
    const objects = ['supplier invoices', 'bank statements', 'accruals', 'intercompany balances', 'fixed assets', 'VAT return', 'cost allocations', 'management pack'];
    const stepIds: string[] = [];
    for (let i = 0; i < 64; i++) {
      const s = await apiCall<{ id: string }>('steps.create', {
        processId: proc.id,
        name: `${verbs[i % 8]} ${objects[Math.floor(i / 8)]}`,
        // Runs of two or three steps in one lane, then a hand-off, as in real processes.
        lane: lanes[(Math.floor(i / 3) * 3) % 8],
        system: i % 3 === 0 ? 'SAP S/4HANA' : i % 3 === 1 ? 'Excel' : null,
      });
      stepIds.push(s.id);
    }
    // A main line with parallel branches every 8 steps and a loop back every 16.
    for (let i = 0; i < 63; i++) {
      await apiCall('flows.create', { fromStepId: stepIds[i], toStepId: stepIds[i + 1], label: i % 8 === 3 ? 'ok' : undefined });
      if (i % 8 === 0 && i + 3 < 64) await apiCall('flows.create', { fromStepId: stepIds[i], toStepId: stepIds[i + 3], label: 'no issue' });
      if (i % 16 === 10) await apiCall('flows.create', { fromStepId: stepIds[i], toStepId: stepIds[i - 4], label: 'rework' });
    }
    await apiCall('gaps.create', { processId: proc.id, stepId: stepIds[5], title: 'Late bank feeds', type: 'information', severity: 2 });
    await apiCall('gaps.create', { processId: proc.id, stepId: stepIds[5], title: 'Manual matching', type: 'expertise', severity: 3 });
    await apiCall('gaps.create', { processId: proc.id, stepId: stepIds[40], title: 'No owner for IC gaps', type: 'coordination', severity: 5 });

    const page = await newPage();
    await page.goto(`${shell.shell.url}#/processes/${proc.id}/map`);
    await page.getByTestId('process-map').waitFor();
    const dto = await apiCall<MapDto>('processes.map', { processId: proc.id });
    expect(await laneNames(page)).toEqual(dto.lanes.map((l) => l.name));
    expect([...(await laneNames(page))].sort()).toEqual([...lanes].sort());
    expect((await stepNamesOnMap(page)).length).toBe(64);
    expect(await page.getByTestId(`map-badge-${stepIds[5]}`).textContent()).toBe('2');
    expect(await page.getByTestId(`map-marker-${stepIds[5]}`).locator('circle').getAttribute('fill')).toBe('#f76707');
    // Fit shows every lane, top to bottom (issue 13), and never goes below the least zoom (40 %);
    // along the flow the rest is left to panning.
    expect(parseInt((await page.getByTestId('map-zoom-level').textContent())!, 10)).toBeGreaterThanOrEqual(40);
    const vpBox = (await page.getByTestId('map-viewport').boundingBox())!;
    const laneBoxes = await page.locator('[data-testid="map-svg"] [data-testid="map-lane"]').evaluateAll((els) =>
      els.map((e) => ({ top: e.getBoundingClientRect().top, bottom: e.getBoundingClientRect().bottom })),
    );
    expect(laneBoxes.every((l) => l.top >= vpBox.y - 1 && l.bottom <= vpBox.y + vpBox.height + 1)).toBe(true);
    await shot(page, 'pm-09-large-64-steps-fit');

    // Ctrl + wheel zooms in around the pointer; dragging pans.
    const vp = page.getByTestId('map-viewport');
    const box = (await vp.boundingBox())!;
    const level = page.getByTestId('map-zoom-level');
    const before = await level.textContent();
    await page.mouse.move(box.x + 300, box.y + 200);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -400);
    await page.keyboard.up('Control');
    await until(async () => (await level.textContent()) !== before, true);
    const transformOf = () => page.locator('[data-testid="map-svg"] > g').first().getAttribute('transform');
    const t0 = await transformOf();
    await page.mouse.move(box.x + 600, box.y + 300);
    await page.mouse.down();
    await page.mouse.move(box.x + 400, box.y + 250, { steps: 5 });
    await page.mouse.up();
    expect(await transformOf()).not.toBe(t0);
    // The keyboard too: arrows pan, − zooms out.
    await vp.focus();
    const t1 = await transformOf();
    await page.keyboard.press('ArrowRight');
    expect(await transformOf()).not.toBe(t1);
    const z1 = await level.textContent();
    await page.keyboard.press('-');
    expect(await level.textContent()).not.toBe(z1);
    await page.keyboard.press('+');
    expect(await level.textContent()).toBe(z1);
    await shot(page, 'pm-10-large-64-steps-zoomed');

    // French.
    await page.evaluate("localStorage.setItem('boucle.language', 'fr')");
    await page.reload();
    await page.getByTestId('process-map').waitFor();
    await page.getByTestId('map-summary').filter({ hasText: 'Étapes' }).waitFor();
    // "Find a step" centres the map on it and selects it; then it can be clicked.
    await page.getByTestId('map-find-step').click();
    await page.getByTestId('map-find-step').fill('Collect VAT');
    await page.getByRole('option', { name: /Collect VAT return/ }).click();
    await page.getByTestId('map-pane-step-name').filter({ hasText: 'Collect VAT return' }).waitFor();
    await page.getByTestId('map-log-gap').filter({ hasText: 'Signaler une lacune ici' }).waitFor();
    await page.getByTestId('map-pane-close').click();
    await page.getByTestId(`map-step-${stepIds[40]}`).click();
    await page.getByTestId('map-pane-gap').filter({ hasText: 'No owner for IC gaps' }).waitFor();
    await shot(page, 'pm-11-large-map-fr-pane');
  });

  it('shows an empty state for a process without steps', async () => {
    const deps = await apiCall<{ items: { id: string }[] }>('departments.list', {});
    const proc = await apiCall<{ id: string }>('processes.create', { departmentId: deps.items[0]!.id, name: 'Not mapped yet' });
    const page = await newPage();
    await page.goto(`${shell.shell.url}#/processes/${proc.id}/map`);
    await page.getByTestId('map-empty').waitFor().catch(async (e: unknown) => {
      await shot(page, 'pm-debug-empty', true);
      throw e;
    });
    await page.getByTestId('map-empty-add-steps').click();
    await page.waitForURL(/#\/processes\/[^/]+\/steps$/);
  });
});
