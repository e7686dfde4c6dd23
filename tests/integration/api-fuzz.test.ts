import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiMethods, type ApiName } from '../../src-shared/api';
import { ERROR_CODES } from '../../src-shared/errors';
import { startWebShell, TOKEN_HEADER, type WebShell } from '../../src-main/web/server';
import { openTestSession, type TestSession } from '../helpers/safety';
import { tempDir } from '../helpers/workspace';

// Every API method, called through the web shell with generated inputs (fast-check, seeded): the
// answer is a result or a typed error (never "internal"), and a refused call changes nothing.
// `npm run bench -- reliability` runs the same with many more inputs.

export const FUZZ_SKIP: Partial<Record<ApiName, string>> = {
  'workspace.openFolder': 'switches the workspace to a folder the input names ("/" exists): tested on its own',
  'workspace.backups.create': 'takes no input, so every run is a real backup on a worker thread: tested on its own',
};

let t: TestSession;
let shell: WebShell;
let renderer: string;
const ids: string[] = [];

beforeAll(async () => {
  t = openTestSession(tempDir('boucle-fuzz-'));
  const dep = await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
  const proc = await t.ok('processes.create', { departmentId: dep.id, name: 'Procure to pay' });
  const gap = await t.ok('gaps.create', { processId: proc.id, title: 'Invoices wait', type: 'coordination' });
  const ind = await t.ok('indicators.create', { departmentId: dep.id, name: 'Delay', direction: 'lower' });
  ids.push(dep.id, proc.id, gap.id, ind.id);
  renderer = tempDir('boucle-renderer-');
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Boucle</title>');
  shell = await startWebShell({ core: t.core, rendererDir: renderer });
});
afterAll(async () => {
  await shell?.close();
  const dir = t?.dir;
  await t?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  if (renderer) fs.rmSync(renderer, { recursive: true, force: true });
});

/** Everything stored: a refused call must leave all of it as it was. */
function footprint(): string {
  const db = t.session.workspace.db;
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name`).pluck().all() as string[];
  return JSON.stringify(tables.map((n) => [n, db.prepare(`SELECT COUNT(*), COALESCE(MAX(rowid), 0) FROM "${n}"`).raw().get()]));
}

const keysOf = (name: ApiName): string[] => Object.keys((apiMethods[name].input as unknown as { shape?: object }).shape ?? {});

/** Inputs near the real ones (the method's own keys, ids that exist) and far from them. */
function inputs(name: ApiName) {
  const leaf = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom(...ids, '', ' ', '../../etc/passwd', '/etc/passwd', '2025-02-30', '\u202Eevil', 'x'.repeat(5000)),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
  );
  const value = fc.oneof(leaf, fc.array(leaf, { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 8 }), leaf, { maxKeys: 3 }));
  const keys = keysOf(name);
  const shaped = keys.length ? fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length }) : fc.constant({});
  return fc.oneof(shaped, shaped, fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined), fc.constant({}));
}

export async function call(s: WebShell, name: string, input: unknown): Promise<{ status: number; body: { ok: boolean; error?: { code: string; message: string } } }> {
  const res = await fetch(`${s.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: s.token },
    body: JSON.stringify(input === undefined ? {} : { input }),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; error?: { code: string; message: string } } };
}

describe('every API method through the web shell, with generated inputs', () => {
  const names = (Object.keys(apiMethods) as ApiName[]).filter((n) => !FUZZ_SKIP[n]);

  it('covers the whole API but what is skipped for a reason', () => {
    expect(names.length).toBeGreaterThan(60);
    expect(Object.values(FUZZ_SKIP).every((why) => why.length > 20)).toBe(true);
  });

  it.each(names)('%s: a result or a typed error, and a refused call changes nothing', async (name) => {
    await fc.assert(
      fc.asyncProperty(inputs(name), async (input) => {
        const before = footprint();
        const { status, body } = await call(shell, name, input);
        expect(status).toBeLessThan(500);
        if (body.ok) return;
        expect(ERROR_CODES).toContain(body.error?.code);
        expect(body.error?.code).not.toBe('internal');
        expect(typeof body.error?.message).toBe('string');
        expect(footprint()).toBe(before);
      }),
      { seed: 14, numRuns: 12, endOnFailure: true },
    );
  });
});
