import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium';
import type { RunningShell } from './web-shell';
import { tempDir } from './workspace';

// What every end-to-end test file needs: one Chromium per file, pages of a desktop size, screenshots
// a person can look at, direct API calls for set-up, and a workspace filled with the demo.

export const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');
const ROOT = path.resolve(__dirname, '../..');

/** Launches Chromium before the file's tests and closes it after; call at the top of the file. */
export function useBrowser(): { newPage(options?: BrowserContextOptions): Promise<Page> } {
  let browser: Browser;
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async newPage(options = {}) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', ...options });
      return context.newPage();
    },
  };
}

export const shot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });

/** Calls the API of a running shell as the renderer does (token header), for set-up and checks. */
export async function callApi<T>(shell: RunningShell, method: string, input: unknown): Promise<T> {
  const res = await fetch(`${shell.shell.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-boucle-token': shell.shell.token },
    body: JSON.stringify({ input }),
  });
  const body = (await res.json()) as { ok: boolean; data?: T; error?: unknown };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.data as T;
}

/** A new data folder filled by the built `boucle demo`. */
export function demoDataDir(prefix: string): string {
  const dir = tempDir(prefix);
  execFileSync(process.execPath, [path.join(ROOT, 'bin/boucle.mjs'), 'demo', '--data', dir], { stdio: 'pipe' });
  return dir;
}
