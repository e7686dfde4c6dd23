import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebShell, TOKEN_HEADER, type WebShell } from '../../src-main/web/server';
import { openTestWorkspace, tempDir, type TestWorkspace } from '../helpers/workspace';

let t: TestWorkspace;
let shell: WebShell;
let rendererDir: string;

afterEach(async () => {
  await shell?.close();
  t?.cleanup();
  if (rendererDir) fs.rmSync(rendererDir, { recursive: true, force: true });
});

async function start() {
  t = openTestWorkspace();
  rendererDir = tempDir('boucle-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Boucle</title><div id="root"></div>');
  shell = await startWebShell({ core: t.core, rendererDir });
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

const changes = () => t.ws.db.prepare(`SELECT COUNT(*) FROM change_log`).pluck().get() as number;

describe('web shell', () => {
  it('listens on 127.0.0.1 only, with a random token in the printed URL', async () => {
    await start();
    const addr = shell.app.server.address();
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1');
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
    const other = await startWebShell({ core: t.core, rendererDir });
    expect(other.token).not.toBe(shell.token);
    await other.close();
  });

  it('answers 401 to an API call without the right token, and writes nothing', async () => {
    await start();
    const input = { input: { name: 'Finance', code: 'FIN' } };
    const none = await post(`${shell.origin}/api/departments.create`, input);
    expect(none.status).toBe(401);
    const wrong = await post(`${shell.origin}/api/departments.create`, input, { [TOKEN_HEADER]: `${shell.token.slice(0, -1)}x` });
    expect(wrong.status).toBe(401);
    const inQuery = await post(`${shell.origin}/api/departments.create?token=${shell.token}`, input);
    expect(inQuery.status).toBe(401);
    expect(changes()).toBe(0);
    expect(t.ws.db.prepare(`SELECT COUNT(*) FROM departments`).pluck().get()).toBe(0);
  });

  it('runs API calls with the token and returns typed results and errors', async () => {
    await start();
    const h = { [TOKEN_HEADER]: shell.token };
    const created = await (await post(`${shell.origin}/api/departments.create`, { input: { name: 'Finance', code: 'FIN' } }, h)).json();
    expect(created).toMatchObject({ ok: true, data: { name: 'Finance', code: 'FIN' } });
    const invalid = await (await post(`${shell.origin}/api/departments.create`, { input: { name: '', code: 'X' } }, h)).json();
    expect(invalid).toEqual({ ok: false, error: { code: 'validation', message: 'Required', field: 'name', key: 'common.required' } });
    const unknown = await post(`${shell.origin}/api/no.such`, { input: {} }, h);
    expect(unknown.status).toBe(404);
    const get = await fetch(`${shell.origin}/api/departments.list`, { headers: h });
    expect(get.status).toBe(404);
  });

  it('refuses requests for another host name (DNS rebinding)', async () => {
    await start();
    const res = await new Promise<number>((resolve, reject) => {
      // fetch() forbids overriding Host, so use http directly.
      import('node:http').then(({ request }) => {
        const req = request(
          { host: '127.0.0.1', port: shell.port, path: '/api/workspace.info', method: 'POST', headers: { host: `evil.example:${shell.port}`, [TOKEN_HEADER]: shell.token, 'content-type': 'application/json' } },
          (r) => resolve(r.statusCode ?? 0),
        );
        req.on('error', reject);
        req.end('{}');
      });
    });
    expect(res).toBe(403);
  });

  it('serves the renderer with a Content-Security-Policy, for client-side routes too', async () => {
    await start();
    for (const p of ['/', '/gaps', '/processes/123']) {
      const r = await fetch(`${shell.origin}${p}`);
      expect(r.status).toBe(200);
      expect(await r.text()).toContain('<div id="root">');
      expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
  });

  it('refuses to start without a built renderer, saying what to do', async () => {
    t = openTestWorkspace();
    await expect(startWebShell({ core: t.core, rendererDir: tempDir('empty-') })).rejects.toThrow(/npm run build/);
  });
});
