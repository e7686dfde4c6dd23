// The app:// protocol the Electron shell serves the renderer from (src-main/electron/app-protocol.ts), under Node.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, APP_URL, appResponse, resolveAppRequest } from '../../src-main/electron/app-protocol';
import { RENDERER_CSP } from '../../src-shared/security';
import { tempDir } from '../helpers/workspace';

const root = tempDir('boucle-app-');
const dir = path.join(root, 'renderer');
fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
fs.writeFileSync(path.join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
fs.writeFileSync(path.join(root, 'secret.txt'), 'not for the renderer');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('app://boucle', () => {
  it('is a standard, secure scheme that bypasses neither CORS nor the CSP', () => {
    expect(APP_URL).toBe('app://boucle/index.html');
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP');
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('corsEnabled');
  });

  it('serves the files of the renderer folder with their type and the same CSP as the web shell', async () => {
    const page = await appResponse(APP_URL, dir);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<div id="root">');
    const script = await appResponse('app://boucle/assets/index-abc.js', dir);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await appResponse('app://boucle/', dir)).status).toBe(200);
  });

  it('serves nothing outside the renderer folder, nor for another host, nor unknown kinds of file', async () => {
    for (const url of ['app://boucle/../secret.txt', 'app://boucle/%2e%2e/secret.txt', 'app://boucle/..%2fsecret.txt', 'app://boucle/assets/%2e%2e%2f%2e%2e%2fsecret.txt']) {
      const r = resolveAppRequest(url, dir);
      expect(r.status, url).not.toBe(200);
    }
    expect(resolveAppRequest('app://other/index.html', dir).status).toBe(403);
    expect(resolveAppRequest('file:///etc/passwd', dir).status).toBe(403);
    expect(resolveAppRequest('app://boucle/index.html%00.js', dir).status).toBe(404);
    expect((await appResponse('app://boucle/missing.js', dir)).status).toBe(404);
    expect((await appResponse('app://boucle/../secret.txt', dir)).headers.get('content-security-policy')).toBe(RENDERER_CSP);
  });
});
