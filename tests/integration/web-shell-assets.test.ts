import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../scripts/precompress.mjs';
import { IMMUTABLE, isHashedAsset } from '../../src-main/web/renderer-files';
import { startWebShell, type WebShell } from '../../src-main/web/server';
import { openTestWorkspace, tempDir, type TestWorkspace } from '../helpers/workspace';

// The web shell serves the renderer's hashed files compressed and cacheable for a year, and
// index.html (which names them) never cached; the real build is minified and split, with ECharts,
// the process map and the import wizard in chunks of their own.

const RENDERER = path.resolve(__dirname, '../../out/renderer');

describe('renderer files in the web shell', () => {
  let t: TestWorkspace;
  let shell: WebShell;
  let dir: string;
  const script = `export const text = ${JSON.stringify('boucle '.repeat(2000))};\n`;

  beforeAll(async () => {
    t = openTestWorkspace();
    dir = tempDir('boucle-renderer-');
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><title>Boucle</title>${'<div></div>'.repeat(200)}`);
    fs.writeFileSync(path.join(dir, 'assets/index-Ab12Cd34.js'), script);
    fs.writeFileSync(path.join(dir, 'assets/tiny-Zz99Yy88.js'), 'export {};\n');
    expect(precompressDir(dir)).toBe(2); // index.html and the big script; the tiny one is not worth it
    shell = await startWebShell({ core: t.core, rendererDir: dir });
  });
  afterAll(async () => {
    await shell?.close();
    t?.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends a hashed script Brotli- or gzip-compressed, as the browser accepts, cacheable for a year', async () => {
    const br = await fetch(`${shell.origin}/assets/index-Ab12Cd34.js`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    expect(br.headers.get('cache-control')).toBe(IMMUTABLE);
    // fetch decodes it: what arrives is the file itself.
    expect(await br.text()).toBe(script);
    expect(Number(br.headers.get('content-length'))).toBeLessThan(script.length / 10);

    const gz = await fetch(`${shell.origin}/assets/index-Ab12Cd34.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(await gz.text()).toBe(script);

    const plain = await fetch(`${shell.origin}/assets/tiny-Zz99Yy88.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('cache-control')).toBe(IMMUTABLE);
  });

  it('never lets index.html or an API answer be stored', async () => {
    const index = await fetch(`${shell.origin}/`, { headers: { 'accept-encoding': 'br' } });
    expect(index.headers.get('cache-control')).toBe('no-store');
    expect(await index.text()).toContain('<title>Boucle</title>');
    const api = await fetch(`${shell.origin}/api/workspace.info`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(api.status).toBe(401);
    expect(api.headers.get('cache-control')).toBe('no-store');
  });

  it('tells hashed files from the others', () => {
    expect(isHashedAsset('assets/EChart-BfqpzBKh.js')).toBe(true);
    expect(isHashedAsset('assets/index-B1fDZvTz.js.br')).toBe(true);
    expect(isHashedAsset(path.join('assets', 'index-BrhRVy8P.css'))).toBe(true);
    expect(isHashedAsset('index.html')).toBe(false);
    expect(isHashedAsset('assets/logo.svg')).toBe(false);
  });
});

describe('the built renderer (npm run build)', () => {
  const assets = () => fs.readdirSync(path.join(RENDERER, 'assets'));
  const entry = () => {
    const html = fs.readFileSync(path.join(RENDERER, 'index.html'), 'utf8');
    return path.join(RENDERER, /src="\.?\/?(assets\/index-[^"]+\.js)"/.exec(html)![1]!);
  };

  it('is minified, with a Brotli copy of every large file', () => {
    expect(fs.existsSync(path.join(RENDERER, 'index.html')), 'run `npm run build` first').toBe(true);
    const code = fs.readFileSync(entry(), 'utf8');
    // Minified code has few, very long lines.
    expect(code.split('\n').length).toBeLessThan(200);
    for (const f of assets().filter((a) => /\.(js|css)$/.test(a))) {
      if (fs.statSync(path.join(RENDERER, 'assets', f)).size > 4096) expect(assets(), f).toContain(`${f}.br`);
    }
  });

  it('keeps ECharts, the process map and the import wizard out of the first load', () => {
    const first = fs.readFileSync(entry(), 'utf8');
    const chunk = (prefix: string) => assets().find((a) => a.startsWith(prefix) && a.endsWith('.js'));
    for (const lazy of ['EChart-', 'ProcessMapPanel-', 'import-wizard-']) {
      const name = chunk(lazy);
      expect(name, `${lazy}*.js chunk`).toBeDefined();
      expect(first).not.toContain(name);
    }
    // ECharts' own code lives in the chart chunk only.
    expect(first).not.toContain('echarts');
    expect(fs.statSync(entry()).size).toBeLessThan(900_000);
  });
});
