import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { BoucleError } from '../../../src-shared/errors';

// A browser to print with, on a user's laptop as in CI: BOUCLE_BROWSER when set, else an installed
// Chrome or Edge (playwright-core's channels), else a Chromium on the PATH, else the Chromium of the
// npm package @sparticuz/chromium when it is installed (tests); else one line saying what to install.

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ON_PATH = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, name);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return null;
}

async function sparticuz(): Promise<string | null> {
  try {
    // A computed name: the bundler must not pull this test-only package into the app.
    const name = '@sparticuz/chromium';
    const mod = (await import(/* @vite-ignore */ name)) as unknown as { default: { executablePath(): Promise<string> } };
    return await mod.default.executablePath();
  } catch {
    return null;
  }
}

type Candidate = { channel: string } | { executablePath: string };

async function candidates(): Promise<Candidate[]> {
  const list: Candidate[] = [];
  const explicit = process.env.BOUCLE_BROWSER;
  if (explicit) list.push({ executablePath: explicit });
  for (const name of ON_PATH) {
    const p = onPath(name);
    if (p) list.push({ executablePath: p });
  }
  list.push({ channel: 'chrome' }, { channel: 'msedge' });
  const packaged = await sparticuz();
  if (packaged) list.push({ executablePath: packaged });
  return list;
}

export async function launchPrintBrowser(): Promise<Browser> {
  for (const c of await candidates()) {
    try {
      return await chromium.launch({ ...c, headless: true, args: FLAGS });
    } catch {
      // not installed, or it does not start: try the next one
    }
  }
  throw BoucleError.of('unavailable', 'report.no_browser');
}
