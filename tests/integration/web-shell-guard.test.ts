import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebShell, TOKEN_HEADER, type WebShell } from '../../src-main/web/server';
import { API_BODY_LIMIT } from '../../src-main/web/guard';
import { uploadDirOf } from '../../src-main/services/imports/uploads';
import { openTestSession, type TestSession } from '../helpers/safety';
import { tempDir } from '../helpers/workspace';
import { manyTasksBpmn } from '../helpers/bpmn-generate';

// What the web shell refuses, and when: the token and the origin before a byte of the body is read,
// bodies over 1 MB, paths on disk from the browser; its upload folder is the user's alone and each
// upload goes when it is no longer needed.

let t: TestSession | undefined;
let shell: WebShell | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await shell?.close();
  await t?.close();
  shell = undefined;
  t = undefined;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function start() {
  const d = tempDir('boucle-guard-');
  dirs.push(d);
  t = openTestSession(d);
  const renderer = tempDir('boucle-renderer-');
  dirs.push(renderer);
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Boucle</title>');
  shell = await startWebShell({ core: t.core, rendererDir: renderer });
  return { t, shell };
}

const changes = () => t!.session.workspace.db.prepare(`SELECT COUNT(*) FROM change_log`).pluck().get() as number;
const api = (s: WebShell, method: string, input: unknown, headers: Record<string, string> = {}) =>
  fetch(`${s.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: s.token, ...headers },
    body: JSON.stringify({ input }),
  });

/** POSTs a body that never ends; resolves with the status as soon as the server answers. */
function endlessPost(s: WebShell, urlPath: string, headers: Record<string, string>): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    const req = http.request({ host: '127.0.0.1', port: s.port, path: urlPath, method: 'POST', headers: { host: `127.0.0.1:${s.port}`, 'content-type': 'application/json', 'content-length': String(64 * 1024 * 1024), ...headers } }, (res) => {
      resolve({ status: res.statusCode ?? 0, sent });
      req.destroy();
      res.resume();
    });
    req.on('error', (e) => (sent > 0 ? undefined : reject(e)));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (sent < 8 * 1024 * 1024 && req.write(chunk)) sent += chunk.length;
    };
    req.on('drain', pump);
    pump();
  });
}

describe('the web shell refuses', () => {
  it('a call without the token before reading its body (a 64 MB body gets 401 at once)', async () => {
    const { shell } = await start();
    const r = await endlessPost(shell, '/api/departments.create', {});
    expect(r.status).toBe(401);
    expect(r.sent).toBeLessThan(64 * 1024 * 1024);
    const up = await endlessPost(shell, '/upload', {});
    expect(up.status).toBe(401);
    expect(changes()).toBe(0);
  });

  it('a call from another web page (Origin, Sec-Fetch-Site), even with the token', async () => {
    const { shell } = await start();
    const foreign = await api(shell, 'departments.create', { name: 'Finance', code: 'FIN' }, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ ok: false, error: { code: 'forbidden', key: 'web.foreign_origin' } });
    const site = await api(shell, 'departments.create', { name: 'Finance', code: 'FIN' }, { 'sec-fetch-site': 'cross-site' });
    expect(site.status).toBe(403);
    const otherPort = await api(shell, 'departments.create', { name: 'Finance', code: 'FIN' }, { origin: `http://127.0.0.1:${shell.port + 1}` });
    expect(otherPort.status).toBe(403);
    expect(changes()).toBe(0);
    const own = await api(shell, 'departments.create', { name: 'Finance', code: 'FIN' }, { origin: shell.origin, 'sec-fetch-site': 'same-origin' });
    expect(own.status).toBe(200);
  });

  it('an API body over 1 MB, with a typed error, writing nothing', async () => {
    const { shell } = await start();
    const r = await api(shell, 'departments.create', { name: 'Finance', code: 'FIN', description: 'x'.repeat(API_BODY_LIMIT) });
    expect(r.status).toBe(413);
    expect(await r.json()).toMatchObject({ ok: false, error: { code: 'bad_request', key: 'web.body_too_large' } });
    const broken = await fetch(`${shell.origin}/api/departments.create`, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: shell.token }, body: '{"input": ' });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(changes()).toBe(0);
  });

  it('a path on disk from the browser: imports read only what was uploaded through the shell', async () => {
    const { shell, t } = await start();
    await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
    const preview = await (await api(shell, 'imports.measurements.preview', { path: '/etc/passwd' })).json();
    expect(preview).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'path', key: 'import.path_from_browser' } });
    const started = await (await api(shell, 'imports.measurements.start', { path: '/etc/passwd', mapping: { date: 0, value: 1 }, onExisting: 'keep', indicatorId: '01900000-0000-7000-8000-000000000000' })).json();
    expect(started).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'path' } });
    const bpmn = await (await api(shell, 'bpmn.importStart', { path: '/etc/passwd', departmentName: 'Ops' })).json();
    expect(bpmn).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'path' } });
    // Nor a file to write: a report from the browser is a download, never written where a page says.
    const target = path.join(t.dir, 'victim.txt');
    fs.writeFileSync(target, 'mine');
    const report = await (await api(shell, 'reports.build', { spec: { title: 'R', sections: [{ kind: 'cover' }], scope: { kind: 'all' } }, format: 'html', out: target, force: true })).json();
    expect(report).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'out', key: 'report.out_from_browser' } });
    expect(fs.readFileSync(target, 'utf8')).toBe('mine');
    // The desktop app and the CLI may name a path: the same call through the core is not refused for that.
    const file = path.join(t.dir, 'm.csv');
    fs.writeFileSync(file, 'date;value\n2025-01-01;1\n');
    const local = await t.core.call('imports.measurements.preview', { path: file }, { shell: 'electron' });
    expect(local.ok).toBe(true);
  });
});

describe('downloads', () => {
  it('are written 0600 in the private downloads folder of the data folder and served only with the token, from the shell itself', async () => {
    const { shell, t } = await start();
    await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
    const r = (await (await api(shell, 'reports.exportList', { list: 'gaps', format: 'csv' })).json()) as { data: { fileRef: string; path: string } };
    const folder = path.join(t.dir, 'downloads');
    expect(path.dirname(path.dirname(r.data.path))).toBe(folder);
    expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
    expect(fs.statSync(r.data.path).mode & 0o777).toBe(0o600);
    const get = async (headers: Record<string, string>) => {
      const res = await fetch(`${shell.origin}/download/${r.data.fileRef}`, { headers });
      return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
    };
    expect((await get({})).status).toBe(401);
    expect((await get({ [TOKEN_HEADER]: shell.token, origin: 'https://evil.example' })).status).toBe(403);
    expect((await get({ [TOKEN_HEADER]: shell.token, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    const ok = await get({ [TOKEN_HEADER]: shell.token });
    expect(ok.status).toBe(200);
    expect(ok.bytes.equals(fs.readFileSync(r.data.path))).toBe(true);
  });

  it('refuse a downloads folder that is a link put in its place, writing nothing there', async () => {
    const { shell, t } = await start();
    const elsewhere = tempDir('boucle-elsewhere-');
    dirs.push(elsewhere);
    fs.symlinkSync(elsewhere, path.join(t.dir, 'downloads'));
    const r = await (await api(shell, 'reports.exportList', { list: 'gaps', format: 'csv' })).json();
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden', key: 'workspace.folder_not_private' } });
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });
});

describe('the upload folder', () => {
  const upload = (s: WebShell, body: string | Buffer, name = 'm.csv') =>
    fetch(`${s.origin}/upload`, { method: 'POST', headers: { [TOKEN_HEADER]: s.token, 'x-file-name': encodeURIComponent(name) }, body });

  it('is created 0700 under the data folder; metadata is 0600; a folder opened up to others is closed first', async () => {
    const { shell, t } = await start();
    const folder = uploadDirOf(t.dir);
    fs.mkdirSync(folder, { mode: 0o777 });
    fs.chmodSync(folder, 0o777);
    const r = (await (await upload(shell, 'date;value\n2025-01-01;1\n')).json()) as { data: { fileRef: string } };
    expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(folder, `${r.data.fileRef}.json`)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(folder, `${r.data.fileRef}.upload`)).mode & 0o777).toBe(0o600);
  });

  it('refuses a folder another user owns, or a link put in its place, and uploads nothing there', async () => {
    const { shell, t } = await start();
    const folder = uploadDirOf(t.dir);
    const elsewhere = tempDir('boucle-elsewhere-');
    dirs.push(elsewhere);
    fs.symlinkSync(elsewhere, folder);
    const linked = await upload(shell, 'date;value\n2025-01-01;1\n');
    expect(linked.status).toBe(403);
    expect(await linked.json()).toMatchObject({ ok: false, error: { code: 'forbidden', key: 'workspace.folder_not_private' } });
    expect(fs.readdirSync(elsewhere)).toEqual([]);
    fs.rmSync(folder);
    if (process.getuid?.() === 0) {
      fs.mkdirSync(folder, { mode: 0o700 });
      fs.chownSync(folder, 65534, 65534); // nobody
      const owned = await upload(shell, 'date;value\n2025-01-01;1\n');
      expect(owned.status).toBe(403);
      expect(fs.readdirSync(folder)).toEqual([]);
    }
    expect(os.platform()).not.toBe('win32');
  });

  it('removes each upload after its import, its rejection, when given up, and when the shell stops', async () => {
    const { shell, t } = await start();
    const dep = await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
    const ind = await t.ok('indicators.create', { departmentId: dep.id, name: 'Delay', direction: 'lower', frequency: 'daily' });
    const folder = uploadDirOf(t.dir);
    const ref = async (body: string) => ((await (await upload(shell, body)).json()) as { data: { fileRef: string } }).data.fileRef;
    const waitJob = async (jobId: string) => {
      for (;;) {
        const j = ((await (await api(shell, 'imports.jobs.get', { jobId })).json()) as { data: { phase: string } }).data;
        if (j.phase !== 'validating' && j.phase !== 'writing') return j;
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const startImport = async (fileRef: string) =>
      ((await (await api(shell, 'imports.measurements.start', { fileRef, indicatorId: ind.id, mapping: { date: 0, value: 1 }, onExisting: 'keep' })).json()) as { data: { jobId: string } }).data.jobId;
    const exists = (r: string) => fs.existsSync(path.join(folder, `${r}.upload`)) || fs.existsSync(path.join(folder, `${r}.json`));

    const good = await ref('date;value\n2025-01-01;1\n2025-01-02;2\n');
    expect((await waitJob(await startImport(good))).phase).toBe('done');
    expect(exists(good)).toBe(false);

    const bad = await ref('date;value\n2025-01-01;one\n');
    expect((await waitJob(await startImport(bad))).phase).toBe('rejected');
    expect(exists(bad)).toBe(false);

    const dropped = await ref('date;value\n2025-01-03;3\n');
    expect(exists(dropped)).toBe(true);
    expect(await (await api(shell, 'imports.uploads.discard', { fileRef: dropped })).json()).toEqual({ ok: true, data: { ok: true } });
    expect(exists(dropped)).toBe(false);

    const bpmn = await ref(manyTasksBpmn(3));
    const job = ((await (await api(shell, 'bpmn.importStart', { fileRef: bpmn, departmentName: 'Ops' })).json()) as { data: { id: string; phase: string } }).data;
    for (let j = job; j.phase !== 'done' && j.phase !== 'failed'; ) {
      await new Promise((r) => setTimeout(r, 20));
      j = ((await (await api(shell, 'bpmn.jobs.get', { jobId: job.id })).json()) as { data: typeof job }).data;
    }
    expect(exists(bpmn)).toBe(false);

    const left = await ref('date;value\n2025-01-04;4\n');
    expect(exists(left)).toBe(true);
    await shell.close();
    expect(exists(left)).toBe(false);
  });
});
