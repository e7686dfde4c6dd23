import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow } from 'electron';
import type { PdfEngine } from '../reports/pdf/engine';
import type { PageFurniture } from '../reports/pdf/page-furniture';

// Reports' PDF in the desktop app: Electron's own Chromium prints (webContents.printToPDF), in a
// hidden, sandboxed window with JavaScript off, with the same running header and footer as the CLI's
// playwright print, tagged and with an outline.

const inches = (mm: number) => mm / 25.4;

export function electronPdfEngine(): PdfEngine {
  return {
    async print(html: string, page: PageFurniture, signal?: AbortSignal): Promise<Buffer> {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boucle-print-'));
      const file = path.join(dir, 'report.html');
      fs.writeFileSync(file, html);
      const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, javascript: false, contextIsolation: true, nodeIntegration: false } });
      const abort = () => win.destroy();
      signal?.addEventListener('abort', abort, { once: true });
      try {
        await win.loadFile(file);
        signal?.throwIfAborted();
        return await win.webContents.printToPDF({
          pageSize: page.paper,
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: page.headerTemplate,
          footerTemplate: page.footerTemplate,
          margins: { top: inches(page.margin.top), bottom: inches(page.margin.bottom), left: inches(page.margin.left), right: inches(page.margin.right) },
          generateTaggedPDF: true,
          generateDocumentOutline: true,
        });
      } finally {
        signal?.removeEventListener('abort', abort);
        if (!win.isDestroyed()) win.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    async close() {
      // Nothing held between prints.
    },
  };
}
