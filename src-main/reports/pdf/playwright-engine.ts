import type { Browser } from 'playwright-core';
import { BoucleError } from '../../../src-shared/errors';
import { launchPrintBrowser } from './browser-finder';
import type { PdfEngine } from './engine';
import type { PageFurniture } from './page-furniture';

// PDF through playwright-core's page.pdf: one browser per process, started on the first print and
// kept for the next ones (a second report prints in well under the time the first one took to start
// Chromium); each print gets a fresh page with JavaScript off — a report has none.

export function playwrightPdfEngine(): PdfEngine {
  let browser: Promise<Browser> | null = null;
  const get = () => {
    if (!browser) {
      browser = launchPrintBrowser();
      browser.catch(() => (browser = null));
    }
    return browser;
  };
  return {
    async print(html: string, page: PageFurniture, signal?: AbortSignal): Promise<Buffer> {
      const b = await get();
      signal?.throwIfAborted();
      const context = await b.newContext({ javaScriptEnabled: false });
      const abort = () => void context.close();
      signal?.addEventListener('abort', abort, { once: true });
      try {
        const p = await context.newPage();
        await p.setContent(html, { waitUntil: 'load' });
        signal?.throwIfAborted();
        const mm = (n: number) => `${n}mm`;
        return await p.pdf({
          format: page.paper,
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: page.headerTemplate,
          footerTemplate: page.footerTemplate,
          margin: { top: mm(page.margin.top), bottom: mm(page.margin.bottom), left: mm(page.margin.left), right: mm(page.margin.right) },
          outline: true,
          tagged: true,
        });
      } catch (e) {
        if (signal?.aborted) throw signal.reason;
        if (e instanceof BoucleError) throw e;
        throw BoucleError.of('internal', 'report.print_failed', { detail: e instanceof Error ? e.message.split('\n')[0]! : String(e) });
      } finally {
        signal?.removeEventListener('abort', abort);
        await context.close().catch(() => undefined);
      }
    },
    async close() {
      const b = browser;
      browser = null;
      if (b) await (await b.catch(() => null))?.close();
    },
  };
}
