import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app } from 'electron';
import type { PrintJob } from '../reports/pdf/app-print';
import { electronPdfEngine } from './pdf-printer';

// The app started by the CLI to print one report (`--boucle-print-pdf JOB.json`, see
// reports/pdf/app-print.ts): no window, no workspace, no single-instance lock (the user's app may be
// open), a throw-away profile; the PDF is written where the job says, then the process exits.

export function preparePrintMode(): void {
  app.setPath('userData', fs.mkdtempSync(path.join(os.tmpdir(), 'boucle-print-profile-')));
  app.enableSandbox();
}

/** Exit code: 0 printed, 1 not (the reason on stderr). */
export async function runPrintJob(jobFile: string): Promise<number> {
  try {
    const job = JSON.parse(fs.readFileSync(jobFile, 'utf8')) as PrintJob;
    if (typeof job.html !== 'string' || typeof job.out !== 'string' || !job.page) throw new Error('not a print job');
    const pdf = await electronPdfEngine().print(fs.readFileSync(job.html, 'utf8'), job.page);
    fs.writeFileSync(job.out, pdf, { mode: 0o600 });
    return 0;
  } catch (e) {
    console.error(`[boucle] print: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    fs.rmSync(app.getPath('userData'), { recursive: true, force: true });
  }
}
