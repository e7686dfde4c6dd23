// The body of the Electron IPC handler, on a real workspace: what a window may and may not call.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleApiCall } from '../../src-main/electron/ipc-api';
import { APP_URL } from '../../src-main/electron/app-protocol';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const OURS = { frameUrl: `${APP_URL}#/`, isOurMainFrame: true };

let t: TestWorkspace;
beforeEach(() => {
  t = openTestWorkspace();
});
afterEach(() => t.cleanup());

const departmentCount = () => (t.ws.db.prepare('SELECT count(*) FROM departments').pluck().get() as number);
const logCount = () => (t.ws.db.prepare('SELECT count(*) FROM change_log').pluck().get() as number);

describe('Electron IPC handler', () => {
  it('passes a call from our window to the core and returns its result', async () => {
    const r = await handleApiCall(t.core, OURS, APP_URL, 'departments.create', { name: 'Finance', code: 'FIN' });
    expect(r.ok).toBe(true);
    expect(departmentCount()).toBe(1);
    const info = await handleApiCall(t.core, OURS, APP_URL, 'workspace.info', {});
    expect(info).toMatchObject({ ok: true, data: { databaseFile: t.ws.databaseFile } });
  });

  it('refuses a foreign sender with forbidden and writes nothing', async () => {
    for (const sender of [
      { frameUrl: 'https://evil.example/', isOurMainFrame: true },
      { frameUrl: APP_URL, isOurMainFrame: false },
      { frameUrl: undefined, isOurMainFrame: true },
    ]) {
      const r = await handleApiCall(t.core, sender, APP_URL, 'departments.create', { name: 'Finance', code: 'FIN' });
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(departmentCount()).toBe(0);
    expect(logCount()).toBe(0);
  });

  it('answers a method that is not a name with bad_request, an unknown name with unknown_method', async () => {
    for (const method of [undefined, 42, { toString: () => 'departments.create' }, '', 'x'.repeat(101)]) {
      const r = await handleApiCall(t.core, OURS, APP_URL, method, { name: 'Finance' });
      expect(r).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    const r = await handleApiCall(t.core, OURS, APP_URL, '__proto__', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(departmentCount()).toBe(0);
  });

  it('returns the core validation error with its field, and writes nothing', async () => {
    const r = await handleApiCall(t.core, OURS, APP_URL, 'departments.create', { name: 42, code: 'FIN' });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', field: 'name' } });
    expect(departmentCount()).toBe(0);
    expect(logCount()).toBe(0);
  });
});
