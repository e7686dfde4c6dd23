import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PdfEngine } from './engine';
import type { PageFurniture } from './page-furniture';

// On a user's laptop the installed desktop app carries a Chromium of its own: the CLI prints with it
// before looking for Chrome, Edge or Chromium. The app runs headless for one job — `--boucle-print-pdf
// JOB.json` (src-main/electron/print-mode.ts) — prints the HTML with Electron's printToPDF, the same
// engine the app uses, writes the PDF and exits; it never opens the workspace.

export const PRINT_FLAG = '--boucle-print-pdf';

/** What the CLI hands the app: files in a private temporary folder. */
export interface PrintJob {
  html: string;
  out: string;
  page: PageFurniture;
}

/** The job file named after PRINT_FLAG in an argv, or null: the app starts as usual. */
export function printJobArg(argv: readonly string[]): string | null {
  const i = argv.indexOf(PRINT_FLAG);
  const file = i >= 0 ? argv[i + 1] : undefined;
  return file && !file.startsWith('--') ? file : null;
}

/** Where electron-builder installs the app (electron-builder.yml: productName Boucle, Linux executable boucle). */
export function appCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string[] {
  const list: string[] = [];
  if (env.BOUCLE_APP) list.push(env.BOUCLE_APP);
  if (platform === 'darwin') {
    list.push('/Applications/Boucle.app/Contents/MacOS/Boucle', path.join(home, 'Applications/Boucle.app/Contents/MacOS/Boucle'));
  } else if (platform === 'win32') {
    // The NSIS installer, per user (the default) or per machine.
    for (const base of [env.LOCALAPPDATA && path.win32.join(env.LOCALAPPDATA, 'Programs'), env.ProgramFiles, env['ProgramFiles(x86)']]) {
      if (base) list.push(path.win32.join(base, 'Boucle', 'Boucle.exe'));
    }
  } else {
    // The .deb installs under /opt/Boucle; an AppImage is wherever the user keeps it.
    list.push('/opt/Boucle/boucle', path.join(home, 'Applications', 'Boucle.AppImage'), path.join(home, '.local/bin/Boucle.AppImage'));
  }
  return list;
}

export function findInstalledApp(platform = process.platform, env = process.env, home = os.homedir()): string | null {
  for (const file of appCandidates(platform, env, home)) {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not installed there
    }
  }
  return null;
}

/** Prints through the installed app, one process per report. */
export function appPdfEngine(executable: string): PdfEngine {
  return {
    async print(html: string, page: PageFurniture, signal?: AbortSignal): Promise<Buffer> {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boucle-print-'));
      try {
        const job: PrintJob = { html: path.join(dir, 'report.html'), out: path.join(dir, 'report.pdf'), page };
        fs.writeFileSync(job.html, html, { mode: 0o600 });
        const jobFile = path.join(dir, 'job.json');
        fs.writeFileSync(jobFile, JSON.stringify(job), { mode: 0o600 });
        const err = await run(executable, [PRINT_FLAG, jobFile], signal);
        if (err !== null) throw new Error(err);
        return fs.readFileSync(job.out);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    async close() {
      // Nothing is kept between prints.
    },
  };
}

/** null when the app printed; else why not, in one line. */
function run(executable: string, args: string[], signal?: AbortSignal): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE; // the app must start as the app, not as Node
    const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe'], signal, env });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    child.on('error', (e) => (signal?.aborted ? reject(signal.reason) : resolve(e.message)));
    child.on('close', (code) => resolve(code === 0 ? null : `${path.basename(executable)} exited with ${code}: ${stderr.trim().split('\n').at(-1) ?? ''}`));
  });
}
