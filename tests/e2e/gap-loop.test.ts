import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, demoDataDir, shot, useBrowser } from '../helpers/e2e';
import { startTestShell, type RunningShell } from '../helpers/web-shell';

// Issue 4, point 8: the loop from "found" to "closed with proof" driven through the built renderer
// in real Chromium against the web shell: log a gap, link a new intervention, run it (the gap becomes
// addressing), a closing without proof is refused, an override closes it, and the search box finds it.


const { newPage } = useBrowser();

const call = callApi;

async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).click();
}

describe('gap loop', () => {
  let shell: RunningShell;
  beforeAll(async () => {
    shell = await startTestShell();
  });
  afterAll(async () => {
    await shell?.stop();
  });

  it('logs a gap, links a new intervention, runs it, closes with an override, finds it with Ctrl+K', async () => {
    const dep = await call<{ id: string }>(shell, 'departments.create', { name: 'Finance', code: 'FIN', loadedHourlyRateCents: 6000 });
    const proc = await call<{ id: string }>(shell, 'processes.create', { departmentId: dep.id, name: 'Purchase to pay' });
    await call(shell, 'steps.create', { processId: proc.id, name: 'Approve invoice', lane: 'Finance' });

    const page = await newPage();
    await page.goto(`${shell.shell.url}#/gaps`);
    await page.getByTestId('register-empty').waitFor();

    // Log the gap from the register: process first, then the gap form (owned by the gap form).
    await page.getByTestId('register-new-gap').click();
    await pick(page, 'new-gap-process', 'Purchase to pay');
    await page.getByTestId('new-gap-next').click();
    await page.getByTestId('gap-title').fill('Délai de validation des factures');
    await pick(page, 'gap-type', 'Decision');
    await pick(page, 'gap-step', '1. Approve invoice — Finance');
    await page.getByTestId('gap-frequency').fill('20');
    await page.getByTestId('gap-hours').fill('1.5');
    await page.getByTestId('gap-save').click();

    // Saved: the drawer of the new gap opens, cost from the core (20 × 1.5 h × €60 = €1,800).
    await page.getByTestId('drawer-gap-title').waitFor();
    expect(await page.getByTestId('drawer-gap-title').textContent()).toBe('Délai de validation des factures');
    expect(await page.getByTestId('drawer-gap-cost').textContent()).toBe('€1,800.00');
    expect(await page.getByTestId('drawer-gap-status').textContent()).toBe('Open');
    const gapId = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
    expect(gapId).toMatch(/^[0-9a-f-]{36}$/);

    // A new intervention, created from the gap and linked to it; costs typed in euros, stored in cents.
    await page.getByTestId('new-linked-intervention').click();
    await page.getByTestId('intervention-title').fill('Approvers community');
    await pick(page, 'intervention-kind', 'Community of practice');
    await page.getByTestId('intervention-oneoff').fill('1250.5');
    await page.getByTestId('intervention-recurring').fill('99.99');
    await page.getByTestId('intervention-save').click();
    await page.getByTestId('gap-intervention-row').waitFor();
    expect(await page.getByTestId('gap-intervention-status').textContent()).toBe('Idea');
    const itv = (await call<{ items: { id: string; oneOffCostCents: number; recurringCostCents: number }[] }>(shell, 'interventions.list', { gapId })).items;
    expect(itv).toHaveLength(1);
    expect(itv[0]!.oneOffCostCents).toBe(125050);
    expect(itv[0]!.recurringCostCents).toBe(9999);

    // Run it from its page: only the allowed next statuses are offered.
    await page.getByTestId('gap-intervention-row').getByRole('button', { name: 'Approvers community', exact: true }).click();
    await page.getByTestId('intervention-workflow').waitFor();
    expect(await page.getByTestId('intervention-to-running').count()).toBe(0);
    await page.getByTestId('intervention-to-planned').click();
    await page.getByTestId('intervention-to-running').click();
    await expect.poll(() => page.getByTestId('drawer-intervention-status').textContent()).toBe('Running');
    expect(await page.getByTestId('intervention-gap-status').textContent()).toBe('Addressing');
    await shot(page, 'gap-loop-01-intervention-running');

    // Back to the gap: addressing, with the rule explained.
    await page.getByTestId('intervention-gap-row').getByRole('button', { name: 'Délai de validation des factures', exact: true }).click();
    await expect.poll(() => page.getByTestId('drawer-gap-status').textContent()).toBe('Addressing');
    expect(await page.getByTestId('gap-status-rule').textContent()).toContain('running');

    // Closing without proof is refused by the core, with its message at the proof field.
    await page.getByTestId('gap-close-loop').click();
    await page.getByTestId('close-submit').click();
    await page.getByTestId('close-form').getByText('A loop is closed only with proof').first().waitFor();
    await page.getByTestId('close-kind-override').check();
    await page.getByTestId('close-justification').fill('too short');
    await page.getByTestId('close-submit').click();
    await page.getByTestId('close-form').getByText('Write at least 20 characters').first().waitFor();
    expect((await call<{ status: string }>(shell, 'gaps.get', { id: gapId })).status).toBe('addressing');
    await shot(page, 'gap-loop-02-close-refused');

    const justification = 'Approvers now answer in the community within a day; checked with the AP team on 10 invoices.';
    await page.getByTestId('close-justification').fill(justification);
    await page.getByTestId('close-submit').click();
    await expect.poll(() => page.getByTestId('drawer-gap-status').textContent()).toBe('Closed');
    expect(await page.getByTestId('closing-note').textContent()).toBe(justification);
    expect(await page.getByTestId('closing-kind').textContent()).toBe('Override with a written justification');
    const closed = await call<{ status: string; closureKind: string; closureNote: string }>(shell, 'gaps.get', { id: gapId });
    expect(closed).toMatchObject({ status: 'closed', closureKind: 'override', closureNote: justification });
    await shot(page, 'gap-loop-03-closed');

    await page.getByTestId('gap-history-tab').click();
    await page.getByTestId('closings-log').waitFor();
    await page.getByTestId('history-entry').first().waitFor();
    expect(await page.getByTestId('history-entry').count()).toBeGreaterThanOrEqual(3);
    await shot(page, 'gap-loop-04-history');

    // Find it again with Ctrl+K, typing without the accent.
    await page.keyboard.press('Escape');
    await page.getByTestId('gap-drawer-body').waitFor({ state: 'detached' });
    await page.getByTestId('nav-dashboard').click();
    await page.keyboard.press('Control+K');
    await page.getByTestId('search-input').fill('delai valid');
    const hit = page.getByTestId('search-hit').filter({ hasText: 'Délai de validation des factures' });
    await hit.waitFor();
    expect(await hit.getAttribute('data-entity')).toBe('gaps');
    await shot(page, 'gap-loop-05-search');
    await page.keyboard.press('Enter');
    await page.getByTestId('drawer-gap-title').waitFor();
    expect(new URL(page.url()).hash).toBe(`#/gaps/${gapId}`);
  });
});

describe('gap screens with the demo data', () => {
  let shell: RunningShell;
  beforeAll(async () => {
    const dir = demoDataDir('boucle-e2e-demo-gaps-');
    shell = await startTestShell(dir);
  });
  afterAll(async () => {
    await shell?.stop();
  });

  it('register, priorities, a gap with its history, interventions, search', async () => {
    const page = await newPage();
    await page.goto(`${shell.shell.url}#/gaps`);
    await page.getByTestId('register-row').first().waitFor();
    await shot(page, 'gaps-demo-01-register');

    // Server-side sort: by severity, highest first.
    await page.getByTestId('sort-severity').click();
    await expect.poll(async () => (await page.getByTestId('register-row').first().locator('td').nth(3).textContent())).toBe('5');

    await page.getByTestId('tab-priorities').click();
    await page.getByTestId('priority-row').first().waitFor();
    await shot(page, 'gaps-demo-02-priorities');

    await page.getByTestId('priority-row').first().click();
    await page.getByTestId('drawer-gap-title').waitFor();
    await shot(page, 'gaps-demo-03-drawer');
    await page.getByTestId('gap-history-tab').click();
    await page.getByTestId('history-entry').first().waitFor();
    await shot(page, 'gaps-demo-04-drawer-history');
    await page.keyboard.press('Escape');

    await page.getByTestId('nav-interventions').click();
    await page.getByTestId('intervention-row').first().waitFor();
    await shot(page, 'gaps-demo-05-interventions');
    await page.getByTestId('intervention-row').first().click();
    await page.getByTestId('intervention-workflow').waitFor();
    await shot(page, 'gaps-demo-06-intervention');
    await page.keyboard.press('Escape');

    await page.getByTestId('search-open').click();
    await page.getByTestId('search-input').fill('fact');
    await page.getByTestId('search-hit').first().waitFor();
    await shot(page, 'gaps-demo-07-search');
  });

  it('saved views: save the filters, apply them back, rename, update with the current sort', async () => {
    const page = await newPage();
    await page.goto(`${shell.shell.url}#/gaps`);
    await page.getByTestId('register-row').first().waitFor();
    const severe = await call<{ total: number }>(shell, 'gaps.list', { severityMin: 4, limit: 1 });
    const all = await call<{ total: number }>(shell, 'gaps.list', { limit: 1 });
    const count = page.getByTestId('register-count');

    await pick(page, 'filter-severity', '4 or more');
    await expect.poll(() => count.textContent()).toMatch(/ of \d+ gaps$/);
    await page.getByTestId('saved-views').click();
    await page.getByTestId('saved-view-save').click();
    await page.getByTestId('saved-view-name').fill('Severe loops');
    await page.getByTestId('saved-view-department').click();
    await page.getByRole('option', { name: /^FIN ·/ }).click();
    await page.getByTestId('saved-view-submit').click();
    await page.getByTestId('saved-view-submit').waitFor({ state: 'detached' });

    // Cleared, then applied back: the view brings the severity filter (it is kept with Finance, for
    // sync, but it filters all departments as it was saved).
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => count.textContent()).toMatch(new RegExp(`of ${all.total} gaps$`));
    await page.getByTestId('saved-views').click();
    await page.getByTestId('saved-view-item').filter({ hasText: 'Severe loops' }).click();
    await expect.poll(() => count.textContent()).toMatch(new RegExp(`of ${severe.total} gaps$`));

    // Sort by title, then rename the view and save the new sort into it.
    await page.getByTestId('sort-title').click();
    await page.getByTestId('saved-views').click();
    await page.getByTestId('saved-view-edit').first().click();
    await page.getByTestId('saved-view-edit-name').fill('Severe loops, A to Z');
    await page.getByTestId('saved-view-replace').check();
    await shot(page, 'gaps-demo-08-saved-view-edit');
    await page.getByTestId('saved-view-edit-submit').click();
    await page.getByTestId('saved-view-edit-submit').waitFor({ state: 'detached' });
    const views = await call<{ name: string; sortBy: string; sortDir: string; filters: { severityMin?: number } }[]>(shell, 'savedViews.list', {});
    expect(views.map((v) => [v.name, v.sortBy, v.sortDir, v.filters.severityMin])).toEqual([['Severe loops, A to Z', 'title', 'asc', 4]]);
  });
});
