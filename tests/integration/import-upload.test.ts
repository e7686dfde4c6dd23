import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { uploadDirOf } from '../../src-main/services/imports/uploads';
import { startWebShell, TOKEN_HEADER, type WebShell } from '../../src-main/web/server';
import { registerUpload } from '../../src-main/web/upload';
import type { ImportJob } from '../../src-shared/imports/schemas';
import { openTestWorkspace, tempDir, type TestWorkspace } from '../helpers/workspace';
import { financeIndicators, fixture, values } from '../fixtures/measurements/fixtures';

// The web shell's way in: POST /upload streams a file to the temp folder and answers a fileRef that
// the import API accepts, behind the same launch token as /api.

let t: TestWorkspace | undefined;
let shell: WebShell | undefined;
let rendererDir: string | undefined;
afterEach(async () => {
  await shell?.close();
  t?.cleanup();
  if (rendererDir) fs.rmSync(rendererDir, { recursive: true, force: true });
  shell = undefined;
  t = undefined;
});

async function start() {
  t = openTestWorkspace();
  rendererDir = tempDir('boucle-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Boucle</title>');
  shell = await startWebShell({ core: t.core, rendererDir });
  return { t, shell };
}

const upload = (s: WebShell, body: Buffer, headers: Record<string, string> = { [TOKEN_HEADER]: s.token }) =>
  fetch(`${s.origin}/upload`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', ...headers }, body });

async function api<T>(s: WebShell, method: string, input: unknown): Promise<{ ok: boolean; data: T; error?: unknown }> {
  const r = await fetch(`${s.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: s.token },
    body: JSON.stringify({ input }),
  });
  return (await r.json()) as { ok: boolean; data: T };
}

describe('POST /upload', () => {
  it('needs the token, then gives a fileRef that preview and import use; the upload is removed after', async () => {
    const { t, shell } = await start();
    const { delay } = await financeIndicators(t);
    const bytes = fs.readFileSync(fixture('fr-windows-1252-multi.csv'));
    const refused = await upload(shell, bytes, {});
    expect(refused.status).toBe(401);

    const r = await upload(shell, bytes, { [TOKEN_HEADER]: shell.token, 'x-file-name': encodeURIComponent('Délais fournisseurs.csv') });
    expect(r.status).toBe(200);
    const up = (await r.json()) as { ok: true; data: { fileRef: string; name: string; size: number } };
    expect(up.data).toMatchObject({ name: 'Délais fournisseurs.csv', size: bytes.length });
    expect(up.data.fileRef).toMatch(/^[0-9a-f]{32}$/);
    const stored = path.join(uploadDirOf(t.dir), `${up.data.fileRef}.upload`);
    expect(fs.readFileSync(stored).equals(bytes)).toBe(true);

    const preview = await api<{ fileName: string; encoding: string; mapping: Record<string, number | null> }>(shell, 'imports.measurements.preview', { fileRef: up.data.fileRef });
    expect(preview.data).toMatchObject({ fileName: 'Délais fournisseurs.csv', encoding: 'windows-1252' });
    const started = await api<{ jobId: string }>(shell, 'imports.measurements.start', { fileRef: up.data.fileRef, mapping: preview.data.mapping, onExisting: 'keep' });
    let job: ImportJob;
    do job = (await api<ImportJob>(shell, 'imports.jobs.get', { jobId: started.data.jobId })).data;
    while (job.phase === 'validating' || job.phase === 'writing');
    expect(job).toMatchObject({ phase: 'done', fileName: 'Délais fournisseurs.csv', result: { inserted: 5 } });
    expect(values(t, delay.id)).toHaveLength(2);
    expect(t.ws.db.prepare(`SELECT DISTINCT source FROM measurements`).pluck().all()).toEqual(['Délais fournisseurs.csv']);
    expect(fs.existsSync(stored)).toBe(false);
    // A reference that does not exist (any more) is a field error.
    const gone = await api(shell, 'imports.measurements.preview', { fileRef: up.data.fileRef });
    expect(gone).toMatchObject({ ok: false, error: { code: 'not_found', field: 'fileRef' } });
    const forged = await api(shell, 'imports.measurements.preview', { fileRef: '../../etc/passwd' });
    expect(forged).toMatchObject({ ok: false, error: { code: 'validation', field: 'fileRef' } });
  });

  it('refuses an empty body, and a body over the size limit without keeping any of it', async () => {
    const { shell } = await start();
    expect((await upload(shell, Buffer.alloc(0))).status).toBe(400);

    const app = Fastify();
    const owned = new Set<string>();
    await registerUpload(app, { guard: { token: 'secret', origins: () => [] }, core: t!.core, owned, maxBytes: 1000 });
    const uploadDir = () => uploadDirOf(t!.dir);
    const before = fs.existsSync(uploadDir()) ? fs.readdirSync(uploadDir()).length : 0;
    const big = await app.inject({ method: 'POST', url: '/upload', headers: { [TOKEN_HEADER]: 'secret', 'content-type': 'text/csv' }, payload: Buffer.alloc(5000, 65) });
    expect(big.statusCode).toBe(413);
    const small = await app.inject({ method: 'POST', url: '/upload', headers: { [TOKEN_HEADER]: 'secret', 'content-type': 'text/csv' }, payload: 'date;value\n2025-01-01;1\n' });
    expect(small.statusCode).toBe(200);
    const ref = (small.json() as { data: { fileRef: string } }).data.fileRef;
    expect(fs.readdirSync(uploadDir()).length).toBe(before + 2); // the small file and its metadata only
    expect([...owned]).toEqual([ref]);
    await app.close();
  });
});
