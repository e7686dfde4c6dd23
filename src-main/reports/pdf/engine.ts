import type { PageFurniture } from './page-furniture';

// Who prints a report's HTML to PDF. The CLI and the web shell use playwright-core with a Chromium found
// on the machine (playwright-engine.ts); the desktop app sets Electron's printToPDF instead. Both print
// a tagged PDF with an outline (Chromium writes the outline only for tagged PDFs).

export interface PdfEngine {
  print(html: string, page: PageFurniture, signal?: AbortSignal): Promise<Buffer>;
  /** Frees the browser, if the engine holds one. */
  close(): Promise<void>;
}

let current: PdfEngine | null = null;
let fallback: (() => PdfEngine) | null = null;

/** The desktop shell calls this once with its printToPDF engine. */
export function setPdfEngine(engine: PdfEngine): void {
  current = engine;
}

/** The engine used when no shell set one (CLI, web shell, tests). */
export function setDefaultPdfEngine(make: () => PdfEngine): void {
  fallback = make;
}

export function pdfEngine(): PdfEngine {
  if (!current) {
    if (!fallback) throw new Error('No PDF engine');
    current = fallback();
  }
  return current;
}

export async function closePdfEngine(): Promise<void> {
  const e = current;
  current = null;
  await e?.close();
}
