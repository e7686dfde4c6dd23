import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiMethods, type ApiName } from '../../src-shared/api';
import { ERROR_CODES } from '../../src-shared/errors';
import { startWebShell, type WebShell } from '../../src-main/web/server';
import { FUZZ_SKIP, callThroughShell, footprintOf, fuzzInputs } from '../helpers/api-inputs';
import { openTestSession, type TestSession } from '../helpers/safety';
import { tempDir } from '../helpers/workspace';

// Every API method, called through the web shell with generated inputs (fast-check, seeded): the
// answer is a result or a typed error (never "internal"), and a refused call changes nothing.
// `npm run bench -- reliability` runs the same with many more inputs.

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

describe('every API method through the web shell, with generated inputs', () => {
  const names = (Object.keys(apiMethods) as ApiName[]).filter((n) => !FUZZ_SKIP[n]);

  it('covers the whole API but what is skipped for a reason', () => {
    expect(names.length).toBeGreaterThan(60);
    expect(Object.values(FUZZ_SKIP).every((why) => why.length > 20)).toBe(true);
  });

  it.each(names)('%s: a result or a typed error, and a refused call changes nothing', async (name) => {
    await fc.assert(
      fc.asyncProperty(fuzzInputs(name, ids), async (input) => {
        const before = footprintOf(t.session.workspace.db);
        const { status, body } = await callThroughShell(shell, name, input);
        expect(status).toBeLessThan(500);
        if (body.ok) return;
        expect(ERROR_CODES).toContain(body.error?.code);
        expect(body.error?.code).not.toBe('internal');
        expect(typeof body.error?.message).toBe('string');
        expect(footprintOf(t.session.workspace.db)).toBe(before);
      }),
      { seed: 14, numRuns: 12, endOnFailure: true },
    );
  });
});
