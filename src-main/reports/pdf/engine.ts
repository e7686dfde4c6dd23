import { appPdfEngine, findInstalledApp } from './app-print';
import type { PageFurniture } from './page-furniture';

// Who prints a report's HTML to PDF. The CLI and the web shell use the installed desktop app when
// there is one (app-print.ts), else playwright-core with a Chromium found on the machine
// (playwright-engine.ts); the desktop app sets Electron's printToPDF instead. All print a tagged PDF
// with an outline (Chromium writes the outline only for tagged PDFs).

export interface PdfEngine {
  print(html: string, page: PageFurniture, signal?: AbortSignal): Promise<Buffer>;
  /** Frees the browser, if the engine holds one. */
  close(): Promise<void>;
}

let current: PdfEngine | null = null;

/** The desktop shell calls this once with its printToPDF engine. */
export function setPdfEngine(engine: PdfEngine): void {
  current = engine;
}

export function pdfEngine(): PdfEngine {
  // The CLI, the web shell and the tests print with playwright-core unless a shell set its own.
  current ??= laptopEngine();
  return current;
}

/**
 * The installed desktop app when there is one (its own Chromium), else playwright-core with an
 * installed Chrome, Edge or Chromium. An app that cannot print (an older version, a broken install)
 * hands over to playwright for this report and the next ones.
 */
function laptopEngine(): PdfEngine {
  const app = findInstalledApp();
  const fallback = lazyPlaywrightEngine();
  if (!app) return fallback;
  let viaApp: PdfEngine | null = appPdfEngine(app);
  return {
    async print(html, page, signal) {
      if (viaApp) {
        try {
          return await viaApp.print(html, page, signal);
        } catch (e) {
          if (signal?.aborted) throw e;
          console.error(`[boucle] printing with ${app} failed (${e instanceof Error ? e.message : String(e)}); trying Chrome, Edge or Chromium`);
          viaApp = null;
        }
      }
      return fallback.print(html, page, signal);
    },
    close: () => fallback.close(),
  };
}

/** playwright-core is loaded when the first PDF is printed, not when the process starts. */
function lazyPlaywrightEngine(): PdfEngine {
  let engine: Promise<PdfEngine> | null = null;
  const get = () => (engine ??= import('./playwright-engine').then((m) => m.playwrightPdfEngine()));
  return {
    print: async (html, page, signal) => (await get()).print(html, page, signal),
    close: async () => {
      if (engine) await (await engine).close();
    },
  };
}

export async function closePdfEngine(): Promise<void> {
  const e = current;
  current = null;
  await e?.close();
}
