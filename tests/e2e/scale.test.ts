import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, shot, useBrowser } from '../helpers/e2e';
import { buildLargeWorkspace } from '../helpers/large-workspace';
import { startTestShell, type RunningShell } from '../helpers/web-shell';

// Issue 4, point 6: the register and the interventions list with 20,000 gaps and 5,000
// interventions. The lists are virtualised (only the rows on screen are in the page) and fetch their
// rows page by page from the core as they scroll, so the last row is reached without loading the rest.

const { newPage } = useBrowser();

/** Rows in the page's DOM: a virtual list keeps this to what fits on screen plus a margin. */
const domRows = (rows: Locator) => rows.count();

/**
 * Drags the list to its end as a user would, until the range line reads `end`: rows measured as they
 * arrive can lengthen the list, so it scrolls again on each look.
 */
async function scrollToEnd(page: Page, scroller: string, countId: string, end: RegExp) {
  const list = page.getByTestId(scroller);
  await expect
    .poll(
      async () => {
        await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
        return page.getByTestId(countId).textContent();
      },
      { timeout: 15_000 },
    )
    .toMatch(end);
}

describe('lists at scale', () => {
  let shell: RunningShell;
  beforeAll(async () => {
    const big = buildLargeWorkspace(20_000);
    big.ws.close();
    shell = await startTestShell(big.dir);
  }, 120_000);
  afterAll(async () => {
    await shell?.stop();
  });

  it('the gap register shows 20,000 gaps, sorts them in the core, and scrolls to the last one', async () => {
    const page = await newPage();
    await page.goto(`${shell.shell.url}#/gaps`);
    const rows = page.getByTestId('register-row');
    await rows.first().waitFor();
    await expect.poll(() => page.getByTestId('register-count').textContent()).toMatch(/^1–\d+ of 20,000 gaps$/);
    expect(await domRows(rows)).toBeLessThan(60);

    // Sorted by cost in SQL (the register's default): the first row is the costliest gap of all 20,000.
    const top = await callApi<{ items: { title: string; monthlyCostCents: number }[] }>(shell, 'gaps.list', { sortBy: 'cost', sortDir: 'desc', limit: 1 });
    const bottom = await callApi<{ items: { id: string; title: string }[] }>(shell, 'gaps.list', { sortBy: 'cost', sortDir: 'desc', limit: 1, offset: 19_999 });
    await expect.poll(() => rows.first().getByTestId('register-title').textContent()).toBe(top.items[0]!.title);
    await shot(page, 'scale-01-register-top', false);

    await scrollToEnd(page, 'gap-register-scroll', 'register-count', /^[\d,]+–20,000 of 20,000 gaps$/);
    // The last page shows once it is in (a skeleton row until then): each page sorts all 20,000 gaps
    // by cost in SQL, and on a busy machine that takes longer than expect.poll's default second.
    await expect.poll(() => rows.last().getByTestId('register-title').textContent(), { timeout: 15_000 }).toBe(bottom.items[0]!.title);
    expect(await domRows(rows)).toBeLessThan(60);
    await shot(page, 'scale-02-register-end', false);

    // The other way round, from the top again: the cheapest first.
    await page.getByTestId('sort-cost').click();
    const cheapest = await callApi<{ items: { title: string }[] }>(shell, 'gaps.list', { sortBy: 'cost', sortDir: 'asc', limit: 1 });
    await expect.poll(() => page.getByTestId('register-count').textContent()).toMatch(/^1–\d+ of 20,000 gaps$/);
    await expect.poll(() => rows.first().getByTestId('register-title').textContent()).toBe(cheapest.items[0]!.title);

    // A filter runs in the core too and starts from the top again.
    const filtered = await callApi<{ total: number }>(shell, 'gaps.list', { text: 'délai', limit: 1 });
    expect(filtered.total).toBeLessThan(20_000);
    await page.getByTestId('filter-text').fill('délai');
    await expect.poll(() => page.getByTestId('register-count').textContent(), { timeout: 10_000 })
      .toMatch(new RegExp(`^1–\\d+ of ${filtered.total.toLocaleString('en-US')} gaps$`));
    await shot(page, 'scale-03-register-filtered', false);

    // Away and back: the register is as the user left it.
    await page.getByTestId('nav-interventions').click();
    await page.getByTestId('intervention-row').first().waitFor();
    await page.getByTestId('nav-gaps').click();
    await page.getByTestId('register-row').first().waitFor();
    expect(await page.getByTestId('filter-text').inputValue()).toBe('délai');
    await expect.poll(() => page.getByTestId('register-count').textContent())
      .toMatch(new RegExp(`of ${filtered.total.toLocaleString('en-US')} gaps$`));
  });

  it('the interventions list shows 5,000 interventions and scrolls to the last one', async () => {
    const page = await newPage();
    await page.goto(`${shell.shell.url}#/interventions`);
    const rows = page.getByTestId('intervention-row');
    await rows.first().waitFor();
    await expect.poll(() => page.getByTestId('intervention-count').textContent()).toMatch(/^1–\d+ of 5,000 interventions$/);
    expect(await domRows(rows)).toBeLessThan(60);
    await scrollToEnd(page, 'intervention-table-scroll', 'intervention-count', /–5,000 of 5,000 interventions$/);
    const last = await callApi<{ items: { title: string }[] }>(shell, 'interventions.list', { limit: 1, offset: 4_999 });
    await expect.poll(() => rows.last().locator('td').first().textContent(), { timeout: 15_000 }).toBe(last.items[0]!.title);
    expect(await domRows(rows)).toBeLessThan(60);
    await shot(page, 'scale-04-interventions-end', false);
  });
});
