import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

// Debian's Chromium when installed, else the binary shipped by the npm package @sparticuz/chromium.
// The flags keep Chromium from reaching for the network, which this machine does not have.
const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function chromiumPath(): Promise<string> {
  if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const mod = (await import('@sparticuz/chromium')) as unknown as { default: { executablePath(): Promise<string> } };
  return mod.default.executablePath();
}

export async function launchChromium(): Promise<Browser> {
  // Playwright gives each launch a fresh, temporary profile of its own.
  return chromium.launch({ executablePath: await chromiumPath(), args: FLAGS, headless: true });
}
