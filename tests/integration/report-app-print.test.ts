import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appCandidates, PRINT_FLAG, printJobArg } from '../../src-main/reports/pdf/app-print';
import { tempDir } from '../helpers/workspace';

// On a user's laptop `boucle report --format pdf` prints with the installed desktop app's own
// Chromium first (the app runs headless for one job), else with Chrome, Edge or Chromium. The
// Electron binary cannot run here: a stand-in executable plays the app's side of the protocol
// (read the job, write the PDF where it says), so what is tested is the CLI's side, on the built CLI.
const run = promisify(execFile);
const bin = path.resolve(__dirname, '../../bin/boucle.mjs');
let data: string;
let dir: string;

beforeAll(async () => {
  data = tempDir('boucle-app-print-');
  dir = tempDir('boucle-app-print-out-');
  await run(process.execPath, [bin, 'demo', '--data', data]);
}, 120_000);
afterAll(() => [data, dir].forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** An executable that answers the print job the way the app does, or fails like a broken install. */
function standIn(name: string, works: boolean): string {
  const file = path.join(dir, name);
  const body = works
    ? `const fs = require('fs'); const i = process.argv.indexOf('${PRINT_FLAG}');
const job = JSON.parse(fs.readFileSync(process.argv[i + 1], 'utf8'));
const html = fs.readFileSync(job.html, 'utf8');
fs.writeFileSync(job.out, '%PDF-1.7 stand-in ' + job.page.paper + ' ' + (html.includes('<html') ? 'html' : 'empty'));`
    : `console.error('GPU process crashed'); process.exit(3);`;
  fs.writeFileSync(file, `#!${process.execPath}\n${body}\n`, { mode: 0o755 });
  return file;
}

const report = (out: string, env: NodeJS.ProcessEnv) =>
  run(process.execPath, [bin, 'report', '--data', data, '--department', 'FIN', '--format', 'pdf', '--out', out], { env: { ...process.env, ...env } });

describe('printing a PDF with the installed app', () => {
  it('knows where the app is installed on each system, BOUCLE_APP first, and reads its flag', () => {
    expect(appCandidates('linux', { BOUCLE_APP: '/x/app' }, '/home/ana')).toEqual(['/x/app', '/opt/Boucle/boucle', '/home/ana/Applications/Boucle.AppImage', '/home/ana/.local/bin/Boucle.AppImage']);
    expect(appCandidates('darwin', {}, '/Users/ana')).toEqual(['/Applications/Boucle.app/Contents/MacOS/Boucle', '/Users/ana/Applications/Boucle.app/Contents/MacOS/Boucle']);
    expect(appCandidates('win32', { LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local', ProgramFiles: 'C:\\Program Files' }, 'C:\\Users\\ana')).toEqual([
      'C:\\Users\\ana\\AppData\\Local\\Programs\\Boucle\\Boucle.exe',
      'C:\\Program Files\\Boucle\\Boucle.exe',
    ]);
    expect(printJobArg(['/opt/Boucle/boucle', PRINT_FLAG, '/tmp/j.json'])).toBe('/tmp/j.json');
    expect(printJobArg(['/opt/Boucle/boucle', '--data', '/d'])).toBeNull();
    expect(printJobArg(['/opt/Boucle/boucle', PRINT_FLAG])).toBeNull();
  });

  it('prints through the app when it is there', async () => {
    const out = path.join(dir, 'via-app.pdf');
    await report(out, { BOUCLE_APP: standIn('boucle-app', true) });
    expect(fs.readFileSync(out, 'utf8')).toBe('%PDF-1.7 stand-in A4 html');
  }, 120_000);

  it('falls back to Chromium when the app cannot print, saying so', async () => {
    const out = path.join(dir, 'via-chromium.pdf');
    const r = await report(out, { BOUCLE_APP: standIn('broken-app', false) });
    expect(r.stderr).toMatch(/broken-app exited with 3: GPU process crashed\); trying Chrome, Edge or Chromium/);
    const pdf = fs.readFileSync(out);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
  }, 120_000);
});
