import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WORKER_IMPORT_BYTES } from '../../src-main/core/import-jobs';
import type { ImportJob } from '../../src-shared/imports/schemas';
import { openTestSession, type TestSession } from '../helpers/safety';

// A large measurement import runs on a worker thread: the app answers meanwhile, its own edits are
// refused at once while the worker writes, a cancel stops it with nothing written, and the change
// log's stamps run on after the worker's.

let t: TestSession | undefined;
afterEach(async () => {
  const dir = t?.dir;
  await t?.close();
  t = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function setUp(rows: number, opts: Parameters<typeof openTestSession>[1] = {}) {
  t = openTestSession(undefined, opts);
  const dep = await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
  for (let k = 0; k < 20; k++) await t.ok('indicators.create', { departmentId: dep.id, name: `KPI ${String(k).padStart(2, '0')}`, direction: 'lower', frequency: 'daily' });
  const lines = ['indicator,date,value'];
  for (let n = 0; n < rows; n++) lines.push(`KPI ${String(n % 20).padStart(2, '0')},${new Date(Date.UTC(1950, 0, 1 + Math.floor(n / 20))).toISOString().slice(0, 10)},${(n % 997) / 10}`);
  const file = path.join(t.dir, 'large.csv');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  expect(fs.statSync(file).size).toBeGreaterThan(WORKER_IMPORT_BYTES);
  const preview = await t.ok('imports.measurements.preview', { path: file });
  return { dep, file, mapping: preview.mapping as { date: number; value: number; indicator: number } };
}

const measurements = () => t!.session.workspace.db.prepare(`SELECT COUNT(*) FROM measurements`).pluck().get() as number;

describe('a large measurement import on a worker thread', () => {
  it('imports everything; reads answer meanwhile; edits are refused at once while it writes', async () => {
    const { dep, file, mapping } = await setUp(120_000);
    const { jobId } = await t!.ok('imports.measurements.start', { path: file, mapping, onExisting: 'keep' });
    const refusals = new Set<string>();
    let readsWhileWriting = 0;
    let job: ImportJob;
    for (;;) {
      job = await t!.ok('imports.jobs.get', { jobId });
      if (job.phase !== 'validating' && job.phase !== 'writing') break;
      await t!.ok('gaps.list', { limit: 10 });
      if (job.phase === 'writing') {
        readsWhileWriting++;
        const e = await t!.core.call('departments.update', { id: dep.id, name: `Finance ${readsWhileWriting}` });
        if (!e.ok) refusals.add(`${e.error.code} ${e.error.key}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(job).toMatchObject({ phase: 'done', result: { rows: 120_000, inserted: 120_000 } });
    expect(measurements()).toBe(120_000);
    expect(readsWhileWriting).toBeGreaterThan(0);
    expect([...refusals]).toEqual(['conflict write.worker_busy']);
    // This thread writes again, its stamps after the worker's.
    const last = t!.session.workspace.db.prepare(`SELECT MAX(hlc) FROM change_log`).pluck().get() as string;
    await t!.ok('departments.update', { id: dep.id, name: 'Finance après import' });
    const mine = t!.session.workspace.db.prepare(`SELECT hlc FROM change_log ORDER BY seq DESC LIMIT 1`).pluck().get() as string;
    expect(mine > last).toBe(true);
  }, 120_000);

  it('a session that imports inline (the CLI) runs even a large file on its own thread', async () => {
    const { file, mapping } = await setUp(120_000, { inlineImportBytes: 64 * 1024 * 1024 });
    const { jobId } = await t!.ok('imports.measurements.start', { path: file, mapping, onExisting: 'keep' });
    const phases = new Set<string>();
    let job: ImportJob;
    for (;;) {
      expect(t!.session.workspace.gate.worker).toBeNull(); // no worker thread is writing
      job = await t!.ok('imports.jobs.get', { jobId });
      phases.add(job.phase);
      if (job.phase !== 'validating' && job.phase !== 'writing') break;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(job).toMatchObject({ phase: 'done', result: { rows: 120_000, inserted: 120_000 } });
    expect(phases.has('writing')).toBe(true); // it was looked at while it wrote
    expect(measurements()).toBe(120_000);
  }, 120_000);

  it('a cancel stops it with nothing written', async () => {
    const { file, mapping } = await setUp(120_000);
    const { jobId } = await t!.ok('imports.measurements.start', { path: file, mapping, onExisting: 'keep' });
    const job = await t!.ok('imports.jobs.cancel', { jobId });
    expect(job.phase).toBe('cancelled');
    expect(measurements()).toBe(0);
    await t!.ok('departments.create', { name: 'Ops', code: 'OPS' }); // and the workspace writes again
  }, 120_000);

  it('a refusal while planning is the start call\'s own error, as for a small file', async () => {
    const { file } = await setUp(120_000);
    const e = await t!.fail('imports.measurements.start', { path: file, mapping: { date: 1, value: 7, indicator: 0 }, onExisting: 'keep' });
    expect(e).toMatchObject({ code: 'validation', field: 'mapping.value' });
  }, 120_000);
});
