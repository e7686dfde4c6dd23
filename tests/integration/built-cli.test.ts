import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/workspace';

// The `boucle` command as users run it: the bundle built by `npm run build` (npm test builds first).
// Tests of the CLI from source cannot see bundling mistakes, such as files the bundle fails to inline.
const run = promisify(execFile);
const bin = path.resolve(__dirname, '../../bin/boucle.mjs');
const built = path.resolve(__dirname, '../../out/main/cli.js');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const boucle = (...args: string[]) => run(process.execPath, [bin, ...args], { maxBuffer: 64 * 1024 * 1024 });

describe('the built boucle command', () => {
  it('exists (run npm run build first)', () => {
    expect(fs.existsSync(built), 'out/main/cli.js is missing: run `npm run build`').toBe(true);
  });

  it('starts without loading the report renderers or the web server (they load on first use)', async () => {
    // A start of the CLI, the app or the web shell used to load playwright-core, ECharts, ExcelJS,
    // PptxGenJS and fastify: 2.6 s of CPU and 160 MB before the first command ran.
    const hook = path.join(tempDir(), 'loaded.cjs');
    fs.writeFileSync(hook, `const M = require('module'); const seen = new Set(); const load = M._load;
M._load = function (id, ...rest) { seen.add(id); return load.call(this, id, ...rest); };
process.on('exit', () => require('fs').writeSync(2, '\\nLOADED ' + JSON.stringify([...seen]) + '\\n'));`);
    const dir = tempDir();
    dirs.push(dir, path.dirname(hook));
    const r = await run(process.execPath, ['-r', hook, bin, 'info', '--data', dir]);
    const loaded = JSON.parse(/LOADED (.*)/.exec(r.stderr)![1]!) as string[];
    expect(loaded).toContain('better-sqlite3');
    for (const heavy of ['playwright-core', 'echarts/core', 'exceljs', 'pptxgenjs', 'fastify', '@resvg/resvg-js']) expect(loaded).not.toContain(heavy);
  });

  it('prints its help and runs on a new workspace', async () => {
    const help = await boucle('--help');
    expect(help.stdout).toMatch(/Usage: boucle/);
    for (const cmd of ['serve', 'demo', 'export', 'import-json']) expect(help.stdout).toContain(cmd);
    const dir = tempDir();
    dirs.push(dir);
    const info = JSON.parse((await boucle('info', '--data', dir)).stdout) as { schemaVersion: number; databaseFile: string };
    expect(info.databaseFile).toBe(path.join(dir, 'boucle.sqlite'));
    expect(info.schemaVersion).toBeGreaterThanOrEqual(1);
  });

  it('fills a demo, exports it, and refuses a second demo with a non-zero exit on stderr', async () => {
    const dir = tempDir();
    dirs.push(dir);
    await boucle('demo', '--data', dir);
    const exported = JSON.parse((await boucle('export', '--json', '--data', dir)).stdout) as Record<string, unknown[]>;
    expect(exported.departments).toHaveLength(3);
    expect(exported.measurements!.length).toBeGreaterThan(100);
    const again = await boucle('demo', '--data', dir).then(
      () => null,
      (e: { code: number; stderr: string; stdout: string }) => e,
    );
    expect(again?.code).not.toBe(0);
    expect(again?.stderr).toMatch(/not empty|--force/);
    expect(again?.stdout).toBe('');
  });
});
