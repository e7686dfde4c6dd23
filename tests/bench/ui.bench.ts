// `npm run bench -- ui`: how fast the app feels on the demo, in the web shell, driven in Chromium.
// The built `boucle serve` (run `npm run build` first) on a fresh demo workspace; for each figure the
// median and the range over several runs:
//  * first load of the dashboard in a new browser profile (empty cache): first contentful paint, the
//    page's heading, its data; the JavaScript transferred and its size once decoded;
//  * the same load again in the same profile (what a user sees on the next launch: the cache works);
//  * navigation inside the app, from a click to the page's data on screen, for every page.
// Goals (issue 13): dashboard first paint under 800 ms, every page's data under 300 ms after navigation.
// BEFORE holds what the same bench measured on main before that work, printed next to today's.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../src-main/db/connection';
import { launchChromium } from '../helpers/chromium';
import { tempDir } from '../helpers/workspace';
import { stats } from './register.bench';
import type { BenchResult } from './run';

// Another build can be measured the same way (e.g. main's, to compare): BOUCLE_BENCH_ROOT=/its/checkout.
const ROOT = process.env.BOUCLE_BENCH_ROOT ?? path.resolve(__dirname, '../..');
const RUNS = 5;

/** What each page shows once its data is there (alternatives: the first that exists counts). */
interface PageProbe {
  name: string;
  /** The hash to navigate to; `{process}` and `{indicator}` are replaced by demo ids. */
  hash: string;
  data: string;
}

const PAGES: PageProbe[] = [
  { name: 'dashboard', hash: '#/dashboard', data: '[data-testid=dashboard-headline]' },
  { name: 'processes', hash: '#/processes', data: '[data-testid=process-row]' },
  { name: 'process map', hash: '#/processes/{process}/map', data: '[data-testid=map-svg] [data-testid^=map-step-]' },
  { name: 'gaps', hash: '#/gaps', data: '[data-testid=register-row]' },
  { name: 'interventions', hash: '#/interventions', data: '[data-testid=intervention-row]' },
  { name: 'indicators', hash: '#/indicators', data: '[data-testid=indicator-row]' },
  { name: 'indicator', hash: '#/indicators/{indicator}', data: '[data-testid=indicator-chart] canvas' },
  { name: 'reports', hash: '#/reports', data: '[data-testid=report-templates]' },
  { name: 'settings', hash: '#/settings', data: '[data-testid=department-row]' },
];

const DASHBOARD_HEADING = 'main h2';

/**
 * The figures issue 13 reported before that work (main at e3ba06f, web shell, demo, 2 shared cores),
 * printed beside a run's own. The page-by-page times were not measured then, except the indicator page.
 */
const BEFORE: Record<string, string> = {
  'first load: first contentful paint': '1350–1680 ms',
  'first load: dashboard heading': '1850–2230 ms',
  'first load: JavaScript transferred': '4.2 MB (unminified, uncompressed, no-store)',
  'first load: JavaScript decoded': '4.2 MB',
  'next load: JavaScript transferred': '4.2 MB (no-store: fetched again)',
  'go to indicator: again': 'about 1100 ms',
};

// Records, from the first frame, when each watched selector first matches (performance.now(), i.e.
// milliseconds since the navigation started).
const WATCH = `(() => {
  const seen = (window.__seen = {});
  const tick = () => {
    for (const sel of window.__watch || []) if (!(sel in seen) && document.querySelector(sel)) seen[sel] = performance.now();
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

interface Served {
  url: string;
  child: ChildProcess;
}

async function serve(dir: string): Promise<Served> {
  const cli = path.join(ROOT, 'bin/boucle.mjs');
  if (!fs.existsSync(path.join(ROOT, 'out/renderer/index.html'))) throw new Error('Run `npm run build` first: out/renderer is missing');
  const child = spawn(process.execPath, [cli, 'serve', '--data', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`boucle serve exited with ${code}: ${out}`)));
  });
  return { url, child };
}

interface LoadFigures {
  fcp: number;
  heading: number;
  data: number;
  jsTransferred: number;
  jsDecoded: number;
}

async function loadDashboard(context: BrowserContext, url: string): Promise<LoadFigures> {
  const page = await context.newPage();
  const data = PAGES[0]!.data;
  await page.addInitScript(`window.__watch = ${JSON.stringify([DASHBOARD_HEADING, data])};${WATCH}`);
  await page.goto(`${url}#/dashboard`);
  const sels = JSON.stringify([DASHBOARD_HEADING, data]);
  await page.waitForFunction((list) => list.every((s) => s in ((globalThis as { __seen?: object }).__seen ?? {})), [DASHBOARD_HEADING, data], {
    timeout: 60_000,
  });
  const figures = (await page.evaluate(`(() => {
    const [heading, data] = ${sels};
    const scripts = performance.getEntriesByType('resource').filter((r) => /\\.m?js(\\?|$)/.test(r.name));
    return {
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      heading: window.__seen[heading],
      data: window.__seen[data],
      jsTransferred: scripts.reduce((s, r) => s + r.transferSize, 0),
      jsDecoded: scripts.reduce((s, r) => s + r.decodedBodySize, 0),
    };
  })()`)) as LoadFigures;
  await page.close();
  return figures;
}

/** From the moment the app is told to go to a page to the first frame showing its data. */
async function navigate(page: Page, hash: string, selector: string): Promise<number> {
  // A string, not a function: tsx would wrap named closures in a helper the page does not have.
  return page.evaluate(`new Promise((resolve, reject) => {
    const sel = ${JSON.stringify(selector)};
    const t0 = performance.now();
    const timer = setTimeout(() => reject(new Error(sel + ' never appeared on ${hash}')), 30000);
    const check = () => {
      if (document.querySelector(sel)) {
        clearTimeout(timer);
        resolve(performance.now() - t0);
      } else requestAnimationFrame(check);
    };
    window.location.hash = ${JSON.stringify(hash)};
    requestAnimationFrame(check);
  })`);
}

const fmt = (xs: number[], unit = '') => {
  const s = stats(xs);
  return `${Math.round(s.median)}${unit} (${Math.round(s.min)}–${Math.round(s.max)})`;
};
const kb = (xs: number[]) => `${Math.round(stats(xs).median / 1024)} KB`;

export async function run(): Promise<BenchResult> {
  const dir = tempDir('boucle-bench-ui-');
  // The demo by the same build that serves it (a newer schema would be refused by an older build).
  execFileSync(process.execPath, [path.join(ROOT, 'bin/boucle.mjs'), 'demo', '--data', dir], { stdio: 'pipe' });
  // Read-only and without our migrations, so the file stays as that build wrote it.
  const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
  const processId = db.prepare(`SELECT id FROM processes WHERE deleted_at IS NULL ORDER BY name LIMIT 1`).pluck().get() as string;
  const indicatorId = db
    .prepare(`SELECT i.id FROM indicators i WHERE i.deleted_at IS NULL ORDER BY (SELECT COUNT(*) FROM measurements m WHERE m.indicator_id = i.id) DESC, i.name LIMIT 1`)
    .pluck()
    .get() as string;
  db.close();
  const served = await serve(dir);
  const browser = await launchChromium();
  const rows: Record<string, string>[] = [];
  const add = (what: string, now: string) => rows.push({ what, before: BEFORE[what] ?? '—', now });
  try {
    const cold: LoadFigures[] = [];
    const warm: LoadFigures[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
      cold.push(await loadDashboard(context, served.url));
      warm.push(await loadDashboard(context, served.url));
      await context.close();
    }
    add('first load: first contentful paint', fmt(cold.map((f) => f.fcp), ' ms'));
    add('first load: dashboard heading', fmt(cold.map((f) => f.heading), ' ms'));
    add('first load: dashboard data', fmt(cold.map((f) => f.data), ' ms'));
    add('first load: JavaScript transferred', kb(cold.map((f) => f.jsTransferred)));
    add('first load: JavaScript decoded', kb(cold.map((f) => f.jsDecoded)));
    add('next load: first contentful paint', fmt(warm.map((f) => f.fcp), ' ms'));
    add('next load: dashboard data', fmt(warm.map((f) => f.data), ' ms'));
    add('next load: JavaScript transferred', kb(warm.map((f) => f.jsTransferred)));

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${served.url}#/settings`);
    await page.locator(PAGES.find((p) => p.name === 'settings')!.data).first().waitFor({ timeout: 60_000 });
    const times = new Map<string, number[]>(PAGES.map((p) => [p.name, []]));
    // The first round includes loading each page's code; it counts (a user meets it once per launch).
    const firstVisit = new Map<string, number>();
    for (let i = 0; i <= RUNS; i++) {
      for (const p of PAGES) {
        const hash = p.hash.replace('{process}', processId).replace('{indicator}', indicatorId);
        // Leave for a page without the probe, so each navigation starts from a different screen.
        await navigate(page, '#/sync', 'main h2');
        const ms = await navigate(page, hash, p.data);
        if (i === 0) firstVisit.set(p.name, ms);
        else times.get(p.name)!.push(ms);
      }
    }
    for (const p of PAGES) {
      add(`go to ${p.name}: first visit`, `${Math.round(firstVisit.get(p.name)!)} ms`);
      add(`go to ${p.name}: again`, fmt(times.get(p.name)!, ' ms'));
    }
    await context.close();
  } finally {
    await browser.close();
    served.child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { name: `UI on the demo in the web shell, Chromium 1440×900 (median (min–max) of ${RUNS} runs)`, rows };
}
