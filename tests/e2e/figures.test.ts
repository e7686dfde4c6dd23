import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callApi, demoDataDir, shot, useBrowser } from '../helpers/e2e';
import { startTestShell, type RunningShell } from '../helpers/web-shell';

// The numbers a finance reviewer checks, through the built renderer on the demo, in English and
// French: the ROI view with hard ROI as the headline (soft beside it, cash released apart), the
// Impact tab with its verdicts and reasons, the indicator page with its RAG rule and XmR phases,
// and "How is this computed?" under each.

const { newPage } = useBrowser();
const card = (page: Page, title: string) => page.locator(`[data-testid=impact-card][data-intervention="${title}"]`);

interface Named { id: string; name?: string; title?: string }

describe('figures a CFO accepts, on the demo', () => {
  let shell: RunningShell;
  let cycleTime: string;
  beforeAll(async () => {
    shell = await startTestShell(demoDataDir('boucle-e2e-figures-'));
    const list = await callApi<{ items: Named[] }>(shell, 'indicators.list', { limit: 1000 });
    cycleTime = list.items.find((i) => i.name === 'Order fulfilment cycle time')!.id;
  });
  afterAll(async () => {
    await shell?.stop();
  });

  const french = () => newPage({ locale: 'fr-FR' });
  const openRoi = async (page: Page) => {
    await page.goto(`${shell.shell.url}#/indicators/roi`);
    await page.getByTestId('roi-dept-figures').waitFor();
  };

  it('shows the ROI view with the hard ROI as the headline, soft beside it and cash released apart (English)', async () => {
    const page = await newPage();
    await openRoi(page);
    // Finance, the 12 last complete months by default.
    await page.getByTestId('roi-default-window').waitFor();
    const headline = await page.getByTestId('roi-dept-figures-roi-hard').textContent();
    expect(headline).toMatch(/^Hard ROI-?\d+%/);
    expect(await page.getByTestId('roi-dept-figures-soft').textContent()).toMatch(/soft benefit .* · ROI with soft -?\d+%/);
    expect(await page.getByTestId('roi-dept-figures-cash').textContent()).toContain('balance sheet');
    // The department row is the sum of the rows, and every row has its hard ROI first.
    expect(await page.getByTestId('roi-row').count()).toBeGreaterThanOrEqual(4);
    await shot(page, 'figures-01-roi-department-en');

    await page.getByTestId('roi-row').filter({ hasText: 'Collections Q&A forum' }).click();
    const panel = page.getByTestId('roi-intervention-panel');
    await panel.getByTestId('benefit-row').first().waitFor();
    expect(await panel.getByTestId('benefit-derived').first().textContent()).toMatch(/^Derived from the measured impact on DSO/);
    expect(await panel.getByTestId('roi-figures-cash').textContent()).toContain('Cash released');
    await panel.getByTestId('roi-months-toggle').click();
    await panel.getByTestId('roi-months-total').waitFor();
    await panel.getByTestId('roi-method-toggle').click();
    expect(await panel.getByTestId('roi-method-body').textContent()).toContain('Cash released (');
    await shot(page, 'figures-02-roi-intervention-en');
  });

  it('a French user sees the hard ROI headline and a “no clear effect” reason', async () => {
    const page = await french();
    await openRoi(page);
    expect(await page.getByTestId('roi-dept-figures-roi-hard').textContent()).toMatch(/^ROI tangible-?\d+\s?%/);
    expect(await page.getByTestId('roi-dept-figures-soft').textContent()).toContain('ROI avec intangible');
    expect(await page.getByTestId('roi-dept-figures-cash').textContent()).toContain('bilan');
    await shot(page, 'figures-03-roi-department-fr');

    await page.goto(`${shell.shell.url}#/indicators/${cycleTime}`);
    await page.getByTestId('tab-impact').click();
    const slack = card(page, 'Shared Slack channel with carriers');
    expect(await slack.getByTestId('impact-verdict').getAttribute('data-verdict')).toBe('no_clear_effect');
    expect(await slack.getByTestId('impact-verdict').textContent()).toBe('Pas d’effet net');
    const reason = slack.getByTestId('impact-reason');
    expect(await reason.textContent()).toMatch(/^Pas d’effet net\u00a0: le changement ne se distingue pas du bruit/);
    expect(await reason.textContent()).toContain('Verdict\u00a0: «\u00a0pas d’effet net\u00a0»');
    await slack.getByTestId('impact-method-toggle').click();
    expect(await slack.getByTestId('impact-method-body').textContent()).toContain('Contrôle placebo');
    await slack.scrollIntoViewIfNeeded();
    await shot(page, 'figures-04-impact-fr');
  });

  it('shows the Impact tab and the indicator page with its RAG rule and XmR phases (English)', async () => {
    const page = await newPage();
    await page.goto(`${shell.shell.url}#/indicators/${cycleTime}`);
    await page.getByTestId('indicator-chart').waitFor();
    expect(await page.getByTestId('stat-judged').textContent()).toMatch(/median of the last \d points/);
    await page.getByTestId('status-method-toggle').click();
    expect(await page.getByTestId('status-method-body').textContent()).toMatch(/Judged on the median of the last \d+ points/);
    await page.getByTestId('xmr-method-toggle').click();
    await shot(page, 'figures-05-indicator-en', false);

    await page.getByTestId('tab-impact').click();
    const cards = page.getByTestId('impact-card');
    await cards.first().waitFor();
    const slack = card(page, 'Shared Slack channel with carriers');
    expect(await slack.getByTestId('impact-reason').getAttribute('data-reason')).toBe('interval_includes_zero');
    expect(await slack.getByTestId('impact-windows').textContent()).toContain("the intervention's end");
    const claims = card(page, 'Comments and @mentions on deliveries in the ERP (claims loop)');
    expect(await claims.getByTestId('impact-windows').textContent()).toContain('the end of “Shared Slack channel with carriers”');
    expect(await claims.getByTestId('impact-placebo').getAttribute('data-status')).toBeTruthy();
    await shot(page, 'figures-06-impact-en');
  });

  it('shows the indicator page in French', async () => {
    const page = await french();
    await page.goto(`${shell.shell.url}#/indicators/${cycleTime}`);
    await page.getByTestId('indicator-chart').waitFor();
    expect(await page.getByTestId('stat-judged').textContent()).toMatch(/médiane des \d derniers points/);
    await page.getByTestId('status-method-toggle').click();
    expect(await page.getByTestId('status-method-body').textContent()).toContain('Jugé sur la médiane');
    await shot(page, 'figures-07-indicator-fr', false);
  });
});
